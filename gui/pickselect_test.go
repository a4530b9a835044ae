package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

func TestTabIntoAFilledPicklistSelectsItsValueAndTypingReplacesIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	h.tabTo("Legal_Entity_Type__c")
	test.Type(h.focused(), "corporation x") // not a value of the list: refused, kept
	h.tab()
	test.FocusPrevious(h.canvas()) // Shift+Tab: back into the picklist, as a clerk fixes it
	if got := form.inputs["Legal_Entity_Type__c"].pick.SelectedText(); got != "corporation x" {
		t.Fatalf("arriving by Shift+Tab selected %q, want the whole value", got)
	}
	test.Type(h.focused(), "s c")
	h.tab()
	if got := form.inputs["Legal_Entity_Type__c"].text(); got != "S Corporation" {
		t.Fatalf("Legal entity type is %q after typing s c over it, want S Corporation", got)
	}
}
