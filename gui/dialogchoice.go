package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
// with full keyboard access (Fyne's buttons take only Space); Esc cancels the dialog. While it
// has the keyboard a ring in the text colour goes round it, outside its edge: Fyne's own focus
// tint changes a blue button by less than 2:1, too little to see at a glance which button
// Enter presses; the ring stands out from the dialog at well over 3:1 in light and dark.
type dialogButton struct {
	widget.Button
	pass    dialogKeyPass
	focused bool
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

// FocusGained shows the ring.
func (d *dialogButton) FocusGained() {
	d.focused = true
	d.Button.FocusGained() // refreshes the button, ring included
}

// FocusLost takes the ring away.
func (d *dialogButton) FocusLost() {
	d.focused = false
	d.Button.FocusLost()
}

// CreateRenderer draws Fyne's button with the focus ring round it.
func (d *dialogButton) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	r := &focusRingRenderer{WidgetRenderer: d.Button.CreateRenderer(), ring: ring, button: d}
	r.Refresh()
	return r
}

// focusRingRenderer is a button's renderer with a ring drawn round it while it has the keyboard.
type focusRingRenderer struct {
	fyne.WidgetRenderer
	ring   *canvas.Rectangle
	button *dialogButton
}

// ringWidth is the focus ring's thickness; it lies in the gap between a dialog's buttons.
const ringWidth = 2

func (r *focusRingRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Move(fyne.NewPos(-ringWidth, -ringWidth)) // the stroke, centred on this edge, clears the button
	r.ring.Resize(size.AddWidthHeight(2*ringWidth, 2*ringWidth))
}

func (r *focusRingRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *focusRingRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	th := r.button.Theme()
	r.ring.StrokeWidth = ringWidth
	r.ring.CornerRadius = th.Size(theme.SizeNameInputRadius) + ringWidth
	r.ring.StrokeColor = th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	r.ring.Hidden = !r.button.focused || r.button.Disabled()
	r.ring.Refresh()
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
	for _, c := range containersIn(o) {
		for i, child := range c.Objects {
			if b, ok := child.(*widget.Button); ok {
				c.Objects[i] = newDialogButton(b, dialogKey)
			}
		}
	}
}

// dialogButtonsIn is the dialog buttons under o, in the order shown.
func dialogButtonsIn(o fyne.CanvasObject) []*dialogButton {
	var found []*dialogButton
	for _, c := range containersIn(o) {
		for _, child := range c.Objects {
			if b, ok := child.(*dialogButton); ok {
				found = append(found, b)
			}
		}
	}
	return found
}

// containersIn is every container under o (o included), looking inside pop-ups and scrolls:
// what a dialog is built of.
func containersIn(o fyne.CanvasObject) []*fyne.Container {
	switch c := o.(type) {
	case *widget.PopUp:
		return containersIn(c.Content)
	case *container.Scroll:
		return containersIn(c.Content)
	case *fyne.Container:
		found := []*fyne.Container{c}
		for _, child := range c.Objects {
			found = append(found, containersIn(child)...)
		}
		return found
	}
	return nil
}

// defaultButton is, among a dialog's buttons (top is the dialog as shown), the one Enter
// presses: the highlighted one (HighImportance) or, when none is, the only button in the row
// Fyne puts under the dialog (OK, Close). Nil when neither exists. A dialog that asks before
// something cannot be undone highlights its safe answer (Cancel, Keep), never the action.
func defaultButton(top fyne.CanvasObject) *dialogButton {
	for _, b := range dialogButtonsIn(top) {
		if b.Importance == widget.HighImportance && !b.Disabled() {
			return b
		}
	}
	pop, ok := top.(*widget.PopUp)
	if !ok {
		return nil
	}
	// A Fyne dialog is laid out as its icon, background, content, row of buttons and title.
	if c, ok := pop.Content.(*fyne.Container); ok && len(c.Objects) == 5 {
		if row := dialogButtonsIn(c.Objects[3]); len(row) == 1 && !row[0].Disabled() {
			return row[0]
		}
	}
	return nil
}
