package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Widgets for dialogs that, unlike Fyne's, let Enter and Esc through while they have the
// keyboard: Enter answers the dialog's default button (or presses the button that has the
// keyboard) and Esc cancels it, wherever the keyboard is (see UI.showDialog).

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

// dialogButton is a button inside a dialog that Enter presses too, as on Windows and on macOS
// with full keyboard access (Fyne's buttons take only Space); Esc cancels the dialog.
type dialogButton struct {
	widget.Button
	pass dialogKeyPass
}

// newDialogButton is a button like b (its text, icon, importance, state and action);
// dialogKey receives Esc.
func newDialogButton(b *widget.Button, dialogKey func(*fyne.KeyEvent)) *dialogButton {
	d := &dialogButton{pass: dialogKey}
	d.Text, d.Icon, d.Importance, d.OnTapped = b.Text, b.Icon, b.Importance, b.OnTapped
	d.Alignment, d.IconPlacement = b.Alignment, b.IconPlacement
	d.ExtendBaseWidget(d)
	if b.Disabled() {
		d.Disable()
	}
	return d
}

// TypedKey presses the button on Enter, passes Esc to the dialog and the rest to the Button.
func (d *dialogButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !d.Disabled() && d.OnTapped != nil {
			d.OnTapped()
		}
	case fyne.KeyEscape:
		d.pass(k)
	default:
		d.Button.TypedKey(k)
	}
}

// letEnterPressButtons swaps each Fyne button under o (a dialog's content and its row of
// buttons) for a dialogButton doing the same. A button kept by whoever built the dialog is
// therefore no longer the one shown: change a dialog's buttons before showing it.
func letEnterPressButtons(o fyne.CanvasObject, dialogKey func(*fyne.KeyEvent)) {
	switch c := o.(type) {
	case *widget.PopUp:
		letEnterPressButtons(c.Content, dialogKey)
	case *container.Scroll:
		letEnterPressButtons(c.Content, dialogKey)
	case *fyne.Container:
		for i, child := range c.Objects {
			if b, ok := child.(*widget.Button); ok {
				c.Objects[i] = newDialogButton(b, dialogKey)
				continue
			}
			letEnterPressButtons(child, dialogKey)
		}
	}
}
