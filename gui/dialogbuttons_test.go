package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// tabToDialogButton presses Tab until the button labelled text in the top dialog has the
// keyboard.
func (h *harness) tabToDialogButton(text string) {
	h.t.Helper()
	h.tabUntil("the "+text+" button", func() bool {
		b, ok := h.canvas().Focused().(*dialogButton)
		return ok && b.Text == text
	})
}

func TestEnterOnAFocusedDialogButtonPressesThatButton(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.editWithKeyboardAt()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault) // to New lead
	if !h.topSays("Save your changes to this lead?") {
		t.Fatal("leaving with unsaved edits did not ask")
	}
	h.tabToDialogButton("Discard")
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if h.dialogs() != 0 || h.selectedTab() != "New lead" || h.u.edit.dirty() || len(h.patches()) != 0 {
		t.Fatalf("Enter on Discard: %d dialogs, tab %q, dirty %v, %d saves", h.dialogs(), h.selectedTab(), h.u.edit.dirty(), len(h.patches()))
	}
}

func TestEnterWithNoButtonFocusedPressesTheDefault(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.editWithKeyboardAt()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	h.key(fyne.KeyReturn) // nothing in the dialog has the keyboard: Save, the default
	if h.dialogs() != 0 || h.selectedTab() != "New lead" || len(h.patches()) != 1 || h.u.edit.dirty() {
		t.Fatalf("Enter: %d dialogs, tab %q, %d saves, dirty %v", h.dialogs(), h.selectedTab(), len(h.patches()), h.u.edit.dirty())
	}
}

func TestEscOnAFocusedDialogButtonCancelsTheDialog(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.editWithKeyboardAt()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	h.tabToDialogButton("Discard")
	h.press(fyne.KeyEscape) // Stay
	if h.dialogs() != 0 || h.selectedTab() != "Edit lead" || !h.u.edit.dirty() {
		t.Fatalf("Esc on Discard: %d dialogs, tab %q, dirty %v", h.dialogs(), h.selectedTab(), h.u.edit.dirty())
	}
}

func TestEnterOnAFocusedButtonOfAFyneBuiltDialogPressesIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC"})
	h.u.quit()
	again := h.restart()
	again.tabToDialogButton("Discard") // the restore question's buttons are made by Fyne's dialog
	again.press(fyne.KeyReturn)
	if again.dialogs() != 0 || again.u.newLead.form.inputs["Company"].text() != "" {
		t.Fatalf("Enter on Discard: %d dialogs, company %q", again.dialogs(), again.u.newLead.form.inputs["Company"].text())
	}
	if third := h.restart(); third.dialogs() != 0 {
		t.Fatal("Enter on Discard did not delete the draft")
	}
}
