package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

func TestCtrl1OnNewLeadTakesTheKeyboardBackToTheFirstFieldAtTheTop(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	for range 12 { // well down the form
		h.tab()
	}
	if h.fieldWithKeyboard() == "FirstName" {
		t.Fatal("twelve Tabs left the keyboard in First name")
	}
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	if got := h.fieldWithKeyboard(); got != "FirstName" {
		t.Fatalf("Ctrl+1 on New lead left the keyboard in %q, want First name", got)
	}
	if off := h.u.newLead.form.view.Offset.Y; off != 0 {
		t.Fatalf("the form stays scrolled to %v, First name out of view", off)
	}
	test.Type(h.focused(), "Dana")
	if got := h.u.newLead.form.inputs["FirstName"].text(); got != "Dana" {
		t.Fatalf("typing after Ctrl+1 gave First name %q", got)
	}
}
