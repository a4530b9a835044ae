package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Widgets for dialogs that, unlike Fyne's, let Enter and Esc through while they have the
// keyboard: Enter still answers the dialog's default button and Esc cancels it, wherever the
// keyboard is (see UI.showDialog).

// dialogKeyPass is what such a widget does with a key: Enter and Esc go to dialogKey (the
// window's handler of keys no widget takes); any other key to own, the widget's own handling.
type dialogKeyPass func(*fyne.KeyEvent)

func (pass dialogKeyPass) typedKey(k *fyne.KeyEvent, own func(*fyne.KeyEvent)) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		pass(k)
	default:
		own(k)
	}
}

// dialogChoice is a drop-down choice inside a dialog: one Tab stop; ← → step through the
// options, Space and ↑ ↓ open the list.
type dialogChoice struct {
	widget.Select
	pass dialogKeyPass
}

// newDialogChoice offers options with selected chosen; dialogKey receives Enter and Esc.
func newDialogChoice(options []string, selected string, dialogKey func(*fyne.KeyEvent)) *dialogChoice {
	c := &dialogChoice{Select: widget.Select{Options: options, Selected: selected}, pass: dialogKey}
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Enter and Esc to the dialog and the rest to the Select.
func (c *dialogChoice) TypedKey(k *fyne.KeyEvent) { c.pass.typedKey(k, c.Select.TypedKey) }

// dialogTick is a tick box inside a dialog: Space ticks it.
type dialogTick struct {
	widget.Check
	pass dialogKeyPass
}

// newDialogTick is a ticked box labelled text; dialogKey receives Enter and Esc.
func newDialogTick(text string, dialogKey func(*fyne.KeyEvent)) *dialogTick {
	t := &dialogTick{Check: widget.Check{Text: text, Checked: true}, pass: dialogKey}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey passes Enter and Esc to the dialog and the rest to the Check.
func (t *dialogTick) TypedKey(k *fyne.KeyEvent) { t.pass.typedKey(k, t.Check.TypedKey) }
