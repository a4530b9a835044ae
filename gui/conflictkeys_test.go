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

func TestTheConflictQuestionListsOnlyFieldsSalesforceAndTheClerkBothChanged(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.org.SetField(id, "Phone", "(555) 000-1111") // Mazo changes the phone and the city
	h.org.SetField(id, "City", "Round Rock")
	h.fill(h.u.edit.form, map[string]string{"Phone": "(555) 222-3333", "FirstName": "Jim"})
	h.ctrlS()
	top := h.u.win.Canvas().Overlays().Top()
	if h.u.edit.conflict == nil || len(h.u.edit.choices) != 1 || h.u.edit.choices["Phone"] == nil {
		t.Fatalf("the question asks about %v, want only Phone (%s)", h.u.edit.choices, h.u.lastError)
	}
	if visibleText(top, "First name") || visibleText(top, "City") {
		t.Fatal("the question lists a field only one side changed")
	}
	h.key(fyne.KeyReturn) // Save my choices
	got := h.org.Lead(id)
	if got["Phone"] != "(555) 222-3333" || got["FirstName"] != "Jim" || got["City"] != "Round Rock" {
		t.Fatalf("the org has phone %v, first name %v, city %v", got["Phone"], got["FirstName"], got["City"])
	}
}

func TestAnEditSalesforceDidNotTouchIsSavedWithoutAQuestion(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.org.SetField(id, "City", "Round Rock") // Mazo changes a field the clerk leaves alone
	h.editPhone("(555) 222-3333")
	h.ctrlS()
	if h.dialogs() != 0 {
		t.Fatalf("a question was asked although nothing conflicts (%s)", h.u.lastError)
	}
	got := h.org.Lead(id)
	if got["Phone"] != "(555) 222-3333" || got["City"] != "Round Rock" {
		t.Fatalf("the org has phone %v, city %v", got["Phone"], got["City"])
	}
	if h.u.edit.form.inputs["City"].text() != "Round Rock" || h.u.lastToast != "Saved" || h.u.edit.dirty() {
		t.Fatalf("the form shows city %q, toast %q", h.u.edit.form.inputs["City"].text(), h.u.lastToast)
	}
}

// tabToTheChoice presses Tab until a conflict choice has the keyboard.
func (h *harness) tabToTheChoice() {
	h.t.Helper()
	h.tabUntil("the Keep choice", func() bool { _, ok := h.canvas().Focused().(*dialogChoice); return ok })
}

func TestEnterWhileAChoiceHasTheKeyboardSavesTheChoices(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	id := h.conflictOnPhone()
	h.tabToTheChoice()
	h.press(fyne.KeyRight) // Yours → Theirs
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if h.dialogs() != 0 {
		t.Fatal("Enter on the choice did not answer the question")
	}
	if got := h.u.edit.form.inputs["Phone"].text(); got != "(555) 000-1111" || h.u.lastToast != "Kept Salesforce's values" {
		t.Fatalf("the form has %q (toast %q)", got, h.u.lastToast)
	}
	if got := h.org.Lead(id)["Phone"]; got != "(555) 000-1111" {
		t.Fatalf("the org's phone became %v", got)
	}
}

func TestEscWhileAChoiceHasTheKeyboardCancelsAndKeepsTheEdit(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	id := h.conflictOnPhone()
	h.tabToTheChoice()
	h.press(fyne.KeyEscape)
	h.u.jobs.drain()
	if h.dialogs() != 0 {
		t.Fatal("Esc on the choice did not close the question")
	}
	if got := h.u.edit.form.inputs["Phone"].text(); got != "(555) 222-3333" || !h.u.edit.dirty() {
		t.Fatalf("the edit was lost: the form has %q", got)
	}
	if got := h.org.Lead(id)["Phone"]; got != "(555) 000-1111" {
		t.Fatalf("Esc saved: the org's phone is %v", got)
	}
}
