package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is My leads' search box. Down runs onDown (the keyboard moves into the list
// below, as in a browser's address bar); Enter runs the search (OnSubmitted); other keys edit
// the text.
type searchEntry struct {
	widget.Entry
	onDown func() // nil means Down does what it does in any box
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs onDown for Down and leaves every other key to the Entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(k)
}
