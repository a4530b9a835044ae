package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// A box whose text the window replaces while it has the keyboard and its text is selected
// (Tab selected it; then a save, a new lead or Clear form sets it) takes the next word whole:
// Fyne keeps the old selection open from where it started, so each letter typed would
// replace the one before it. The same text set again keeps the selection, so typing still
// replaces it.
func TestTypingAfterASaveIntoTheSelectedBoxKeepsEveryLetter(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id) // the keyboard in First name, its text selected
	test.Type(h.focused(), "Dana")
	h.tab() // Last name, its text selected
	h.ctrlS()
	if got := h.org.Lead(id)["FirstName"]; got != "Dana" {
		t.Fatalf("the save sent first name %v (%s)", got, h.u.lastError)
	}
	test.Type(h.focused(), "Whitfield")
	if got := h.u.edit.form.inputs["LastName"].text(); got != "Whitfield" {
		t.Fatalf("Last name holds %q after typing Whitfield, want Whitfield", got)
	}
}

func TestAFieldEmptiedWhileSelectedTakesEveryLetterTypedNext(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead()) // the keyboard in First name, "Jimmy" selected
	first := h.u.edit.form.inputs["FirstName"]
	first.setText("") // as Clear form or a reload does
	for _, r := range "Jim" {
		h.focused().TypedRune(r)
	}
	if got := first.text(); got != "Jim" {
		t.Fatalf("First name holds %q after typing Jim, want Jim", got)
	}
}
