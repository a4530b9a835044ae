package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// editWithKeyboardAt loads a lead, changes its phone by keyboard and moves on with Tab: the
// field the keyboard is in then is returned.
func (h *harness) editWithKeyboardAt() string {
	h.t.Helper()
	h.signIn()
	h.load(h.existingLead())
	h.tabUntil("Phone", func() bool { return h.editFieldWithKeyboard() == "Phone" })
	h.retype("(555) 222-3333")
	h.tab()
	at := h.editFieldWithKeyboard()
	if at == "" || !h.u.edit.dirty() {
		h.t.Fatalf("the edit did not take (keyboard in %T)", h.canvas().Focused())
	}
	return at
}

func TestStayAfterLeavingTheTabGivesTheKeyboardBackToTheFieldBeingEdited(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	at := h.editWithKeyboardAt()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault) // to New lead
	if !h.topSays("Save your changes to this lead?") {
		t.Fatal("leaving with unsaved edits did not ask")
	}
	h.key(fyne.KeyEscape) // Stay
	if h.dialogs() != 0 || h.selectedTab() != "Edit lead" {
		t.Fatalf("Esc left %d dialogs, tab %q", h.dialogs(), h.selectedTab())
	}
	if got := h.editFieldWithKeyboard(); got != at {
		t.Fatalf("after Stay the keyboard is in %q (%T), want %s", got, h.canvas().Focused(), at)
	}
	h.typeHere("x")
	if h.u.edit.idEntry.Text != h.u.edit.loadedID {
		t.Fatalf("typing after Stay changed the id box to %q", h.u.edit.idEntry.Text)
	}
}

func TestStayWhenQuittingGivesTheKeyboardBackToTheFieldBeingEdited(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	at := h.editWithKeyboardAt()
	h.u.quit()
	if !h.topSays("Save your changes to this lead?") {
		t.Fatal("quitting with unsaved edits did not ask")
	}
	h.answer("Stay")
	if !h.windowOpen() {
		t.Fatal("Stay closed the window")
	}
	if got := h.editFieldWithKeyboard(); got != at {
		t.Fatalf("after Stay the keyboard is in %q (%T), want %s", got, h.canvas().Focused(), at)
	}
}
