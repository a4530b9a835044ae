package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// conflictOnPhone loads a lead, has someone else change its phone, edits the phone here and
// presses Ctrl+S: the conflict question is shown.
func (h *harness) conflictOnPhone() string {
	h.t.Helper()
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.org.SetField(id, "Phone", "(555) 000-1111") // a Mazo employee edits meanwhile
	h.editPhone("(555) 222-3333")
	h.shortcut(fyne.KeyS, fyne.KeyModifierShortcutDefault)
	if h.u.edit.conflict == nil {
		h.t.Fatalf("no conflict question (%s)", h.u.lastError)
	}
	return id
}

func TestEnterAtTheConflictQuestionSavesAndTheKeyboardReturnsToTheEditedField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	id := h.conflictOnPhone()
	h.key(fyne.KeyReturn)
	if got := h.org.Lead(id)["Phone"]; got != "(555) 222-3333" {
		t.Fatalf("Enter did not save my phone: the org has %v (%s)", got, h.u.lastError)
	}
	if h.u.lastToast != "Saved" {
		t.Fatalf("no confirmation after the save: %q", h.u.lastToast)
	}
	if h.focused() != h.u.edit.form.inputs["Phone"].focusable() {
		t.Fatalf("the keyboard went to %T, not the phone that was edited", h.focused())
	}
}

func TestChoosingTheirsAtTheConflictQuestionSaysSo(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	id := h.conflictOnPhone()
	h.u.edit.choices["Phone"].SetSelected("Theirs")
	h.key(fyne.KeyReturn)
	if got := h.u.edit.form.inputs["Phone"].text(); got != "(555) 000-1111" || h.u.edit.dirty() {
		t.Fatalf("Theirs left %q in the form (unsaved: %v)", got, h.u.edit.dirty())
	}
	if h.u.lastToast != "Kept Salesforce's values" {
		t.Fatalf("choosing Theirs said %q", h.u.lastToast)
	}
	if got := h.org.Lead(id)["Phone"]; got != "(555) 000-1111" {
		t.Fatalf("the org's phone became %v", got)
	}
}

func TestTheSavedConfirmationShowsBesideTheSaveButton(t *testing.T) {
	h := withAnEdit(t)
	h.shortcut(fyne.KeyS, fyne.KeyModifierShortcutDefault)
	bar := h.u.edit.saveB
	if !visibleText(h.u.edit.content, "✓ Saved") {
		t.Fatalf("no confirmation on Edit lead (%s)", h.u.lastError)
	}
	d := fyne.CurrentApp().Driver()
	note, save := d.AbsolutePositionForObject(h.u.note), d.AbsolutePositionForObject(bar)
	if note.Y < save.Y || note.Y > save.Y+bar.Size().Height {
		t.Fatalf("the confirmation is at y=%v, the Save button's row at y=%v", note.Y, save.Y)
	}
}
