package gui

import (
	"testing"

	"leaddesk/sfclient/sftest"
)

func TestEditLeadsTabOrderIsTheIdBoxLoadTheFormThenSaveAndHistory(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.u.win.Canvas().Focus(h.u.edit.idEntry)
	h.tab()
	if got := h.focusedButton(); got != "Load" {
		t.Fatalf("Tab from the id box went to %q, want Load", got)
	}
	h.tab()
	if got := h.editFieldWithKeyboard(); got != "FirstName" {
		t.Fatalf("Tab from Load went to %q (%T), want First name, not the buttons under the form", got, h.canvas().Focused())
	}
}
