package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dialogChoice is a drop-down choice inside a dialog: one Tab stop; ← → step through the
// options, Space and ↑ ↓ open the list. Enter and Esc, which a Select (like a radio button or
// a tick box) would swallow, go on to the window: the dialog's default button and its cancel,
// as when nothing has the keyboard.
type dialogChoice struct {
	widget.Select
	dialogKey func(*fyne.KeyEvent) // the window's handler of keys no widget takes
}

// newDialogChoice offers options with selected chosen; dialogKey receives Enter and Esc.
func newDialogChoice(options []string, selected string, dialogKey func(*fyne.KeyEvent)) *dialogChoice {
	c := &dialogChoice{dialogKey: dialogKey}
	c.Options = options
	c.ExtendBaseWidget(c)
	c.SetSelected(selected)
	return c
}

// TypedKey passes Enter and Esc to the dialog and the rest to the Select.
func (c *dialogChoice) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		c.dialogKey(k)
	default:
		c.Select.TypedKey(k)
	}
}
