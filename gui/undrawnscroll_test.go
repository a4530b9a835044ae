package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// Tests that the form scrolls to, and lists open on, parts of the window no frame has drawn
// yet, where a desktop driver cannot say which canvas an object is on or where it is.

func TestTabIntoTheOwner2FoldJustOpenedScrollsTheFieldIntoView(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	form := h.u.newLead.form
	h.tabTo("fold")
	drawn := h.withUndrawnForms() // Owner 2's fields: never drawn, the fold has been closed
	h.space()
	h.tab()
	drawn()

	in := form.inputs[h.fieldWithKeyboard()]
	if in == nil || in.field.Section != lead.Owner2 {
		t.Fatalf("Tab after Space on the fold went to %q, want Owner 2's first field", h.fieldWithKeyboard())
	}
	if !h.inView(in.row) {
		t.Fatalf("%s has the keyboard but is off-screen (the form is scrolled to %v)", in.field.Label, form.view.Offset.Y)
	}
}

func TestARefusedSubmitScrollsToAProblemInAPartNeverDrawn(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	p := h.u.newLead
	h.fillWithABadOwner2SSN()
	drawn := h.withUndrawnForms() // the bad SSN, deep in the form, as if no frame had drawn it
	h.ctrlS()
	drawn()

	if h.fieldWithKeyboard() != "SSN2__c" {
		t.Fatalf("Ctrl+S took the keyboard to %q, not the bad SSN", h.fieldWithKeyboard())
	}
	if ssn2 := p.form.inputs["SSN2__c"]; !h.inView(ssn2.row) {
		t.Fatalf("the bad SSN has the keyboard but is off-screen (the form is scrolled to %v)", p.form.view.Offset.Y)
	}
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d creates sent with a bad SSN", n)
	}
}

func TestThePicklistArrowOpensTheListInTheFormsWindowBeforeItIsDrawn(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	in := h.u.newLead.form.inputs["Time_Frame__c"]
	drawn := h.withUndrawnForms()
	test.Tap(in.pick.ActionItem.(fyne.Tappable))
	drawn()

	menu := findPopUpMenu(h.canvas().Overlays().Top())
	if menu == nil {
		t.Fatalf("the ▾ opened no list in Lead Desk's window (its top layer: %T)", h.canvas().Overlays().Top())
	}
	test.Tap(menu.Items[2].(fyne.Tappable))
	if in.text() != in.pick.options[2] || h.fieldWithKeyboard() != "Time_Frame__c" {
		t.Fatalf("chose %q, want %q; keyboard in %q", in.text(), in.pick.options[2], h.fieldWithKeyboard())
	}
}
