package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// frame lays the window out as the desktop driver does before it draws the next frame, where
// an object whose minimum size changed (a line shown) resizes what holds it; the test canvas
// does this only when resized.
func (h *harness) frame() { layOutAgain(h.canvas().Content()) }

func layOutAgain(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch c := o.(type) {
	case *fyne.Container:
		if c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
	case fyne.Widget:
		test.WidgetRenderer(c).Layout(c.Size())
	}
	for _, child := range childrenOf(o) {
		layOutAgain(child)
	}
}

// wholeInFormView reports whether o is wholly inside the part of New lead's form shown and
// above its action bar.
func (h *harness) wholeInFormView(o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	view, bar := h.u.newLead.form.view, h.u.newLead.actions
	top, bottom := d.AbsolutePositionForObject(view).Y, d.AbsolutePositionForObject(bar).Y
	bottom = min(bottom, top+view.Size().Height)
	y := d.AbsolutePositionForObject(o).Y
	return y >= top && y+o.Size().Height <= bottom
}

func TestAt800By600ARefusedSubmitShrinksTheFormSoTheActionBarCoversNothing(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.win.Resize(fyne.NewSize(800, 600))
	h.typeMinimalLead()
	h.clickInto("Follow_Up__c")
	h.tab() // Add files…
	add := h.u.newLead.files.addB
	if h.focused() != fyne.Focusable(add) {
		t.Fatal("Tab after the last field does not reach Add files…")
	}
	h.ctrlS() // refused: the terms are not ticked
	h.frame()
	if !h.u.newLead.termsErr.Visible() {
		t.Fatal("the unticked terms were not pointed out")
	}
	d := fyne.CurrentApp().Driver()
	view, bar := h.u.newLead.form.view, h.u.newLead.actions
	if viewBottom, barTop := d.AbsolutePositionForObject(view).Y+view.Size().Height, d.AbsolutePositionForObject(bar).Y; viewBottom > barTop {
		t.Fatalf("the action bar covers the form's last %v px", viewBottom-barTop)
	}
	if !h.wholeInFormView(add) {
		t.Fatal("Add files…, wholly in view before Ctrl+S, is cut off by the grown action bar")
	}
	h.clickInto("Follow_Up__c")
	h.tab()
	if h.focused() != fyne.Focusable(add) || !h.wholeInFormView(add) {
		t.Fatal("Tab to Add files… does not bring it wholly into view above the action bar")
	}
}
