package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is My leads' search box. Down runs onDown (the keyboard moves into the list
// below, as in a browser's address bar) and F5 onRefresh, as in the list; Enter runs the
// search (OnSubmitted); other keys edit the text.
type searchEntry struct {
	widget.Entry
	onDown, onRefresh func() // nil means the key does what it does in any box
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs onDown for Down and onRefresh for F5, and leaves every other key to the Entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	case k.Name == fyne.KeyF5 && e.onRefresh != nil:
		e.onRefresh()
	default:
		e.Entry.TypedKey(k)
	}
}
