package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// withAFileWaiting signs in, loads a lead and lists licence.pdf in its Attachments, not
// uploaded; it returns the lead's id.
func withAFileWaiting(t *testing.T) (*harness, string) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.drop(h.document("licence.pdf", 20_000))
	if got := strings.Join(fileNames(h.u.edit.docs.files), ","); got != "licence.pdf" {
		t.Fatalf("Edit lead lists %q", got)
	}
	return h, id
}

// fileTitles lists the titles of the files the org holds for a lead.
func (h *harness) fileTitles(id string) string {
	var titles []string
	for _, f := range h.org.Files(id) {
		titles = append(titles, f.Title)
	}
	return strings.Join(titles, ",")
}

func TestCtrlSInEditLeadSavesTheChangedFieldsAndUploadsTheFilesWaiting(t *testing.T) {
	h, id := withAFileWaiting(t)
	h.editPhone("(555) 555-0199")
	h.ctrlS()
	if got := h.org.Lead(id)["Phone"]; got != "(555) 555-0199" {
		t.Fatalf("the org's phone is %v after Ctrl+S (%s)", got, h.u.lastError)
	}
	if got := h.fileTitles(id); got != "Driver's licence – licence" {
		t.Fatalf("the org holds %q for the lead after Ctrl+S; want the file waiting", got)
	}
	if h.u.edit.unsaved() || len(h.u.edit.docs.files.rows) != 0 {
		t.Fatal("after Ctrl+S something still counts as unsaved")
	}
}

func TestCtrlSWithOnlyAFileWaitingUploadsIt(t *testing.T) {
	h, id := withAFileWaiting(t)
	h.ctrlS()
	if got := h.fileTitles(id); got != "Driver's licence – licence" {
		t.Fatalf("the org holds %q for the lead after Ctrl+S (%s)", got, h.u.lastError)
	}
	if n := len(h.patches()); n != 0 {
		t.Fatalf("%d saves of fields nobody changed", n)
	}
}

func TestCtrlSWithNothingToSaveSaysSoInTheBar(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.ctrlS()
	if !h.u.edit.barNote.Visible() || h.u.edit.barNote.Text != nothingToSave {
		t.Fatalf("Ctrl+S with nothing to save says %q", h.u.edit.barNote.Text)
	}
	h.editPhone("(555) 555-0199")
	if h.u.edit.barNote.Visible() {
		t.Fatal("the bar still says there is nothing to save after an edit")
	}
}

func TestLeavingEditLeadWithAFileWaitingAsksAndSaveUploadsItThenLeaves(t *testing.T) {
	h, id := withAFileWaiting(t)
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault) // to New lead
	if !h.topSays("Save your changes to this lead?") || !h.topSays("1 document listed in Attachments is not uploaded yet") {
		t.Fatalf("leaving with a file waiting did not ask (%d dialogs, tab %q)", h.dialogs(), h.selectedTab())
	}
	if h.selectedTab() != "Edit lead" {
		t.Fatalf("the tab changed to %q before the question was answered", h.selectedTab())
	}
	h.key(fyne.KeyReturn) // Save, the default
	if got := h.fileTitles(id); got != "Driver's licence – licence" {
		t.Fatalf("Save uploaded %q (%s)", got, h.u.lastError)
	}
	if h.dialogs() != 0 || h.selectedTab() != "New lead" {
		t.Fatalf("after Save: %d dialogs, tab %q; want New lead", h.dialogs(), h.selectedTab())
	}
}

func TestQuittingWithAFileWaitingAsksOnceAndDiscardDropsIt(t *testing.T) {
	h, id := withAFileWaiting(t)
	h.u.quit()
	h.u.quit() // the close button pressed again
	if h.dialogs() != 1 || !h.topSays("1 document listed in Attachments is not uploaded yet") {
		t.Fatalf("quitting with a file waiting shows %d dialogs", h.dialogs())
	}
	h.answer("Discard")
	if h.u.edit.unsaved() || h.fileTitles(id) != "" {
		t.Fatalf("Discard left the file listed (%v) or uploaded it (%q)", h.u.edit.unsaved(), h.fileTitles(id))
	}
}

func TestARestoredEditHasHistoryAndListsTheDocumentsAlreadyAttached(t *testing.T) {
	h, id := withAFileWaiting(t)
	h.org.AttachFile(id, "Bank statement – march", "march.pdf", []byte("%PDF-1.4 march"))
	h.u.quit()

	again := h.restart()
	again.key(fyne.KeyReturn) // Restore
	edit := again.u.edit
	if edit.loadedID != id || strings.Join(fileNames(edit.docs.files), ",") != "licence.pdf" {
		t.Fatalf("the restored edit is %q listing %v", edit.loadedID, fileNames(edit.docs.files))
	}
	if edit.historyB.Disabled() {
		t.Fatal("History is disabled on a restored edit")
	}
	if !visibleText(edit.docs.attached, "Bank statement – march") || !strings.HasPrefix(edit.docs.heading.Text, "Attached in Salesforce (1 document") {
		t.Fatalf("the restored edit does not list the document attached: %q", edit.docs.heading.Text)
	}
}

// withTwoLeadsAndAnEdit loads the first of two leads and changes its phone without saving;
// it returns both ids.
func withTwoLeadsAndAnEdit(t *testing.T) (h *harness, first, second string) {
	h = newHarness(t, sftest.Options{})
	h.signIn()
	first, second = h.existingLead(), h.existingLead()
	h.load(first)
	h.editPhone("(555) 555-0199")
	h.load(second) // typed over the id, Enter
	if !h.topSays("Save your changes before loading another lead?") {
		t.Fatalf("loading another lead over unsaved edits did not ask (%d dialogs)", h.dialogs())
	}
	return h, first, second
}

func TestCancelAtTheLoadQuestionPutsTheLoadedLeadsIDBack(t *testing.T) {
	h, first, _ := withTwoLeadsAndAnEdit(t)
	h.key(fyne.KeyEscape) // Cancel
	if h.u.edit.idEntry.Text != first || h.u.edit.loadedID != first {
		t.Fatalf("after Cancel the id box shows %q over lead %q; want %q in both", h.u.edit.idEntry.Text, h.u.edit.loadedID, first)
	}
	if !h.u.edit.dirty() || h.canvas().Focused() != fyne.Focusable(h.u.edit.idEntry) {
		t.Fatal("Cancel lost the edits, or the keyboard is not back in the id box")
	}
}

func TestSaveThenLoadSavesTheEditsAndLoadsTheOtherLead(t *testing.T) {
	h, first, second := withTwoLeadsAndAnEdit(t)
	h.key(fyne.KeyReturn) // Save, then load: the default
	if got := h.org.Lead(first)["Phone"]; got != "(555) 555-0199" {
		t.Fatalf("the first lead's phone is %v (%s)", got, h.u.lastError)
	}
	if h.u.edit.loadedID != second || h.u.edit.idEntry.Text != second || h.u.edit.dirty() {
		t.Fatalf("after Save, then load: lead %q, id box %q, unsaved %v; want %q", h.u.edit.loadedID, h.u.edit.idEntry.Text, h.u.edit.dirty(), second)
	}
}

func TestDiscardAndLoadDropsTheEditsAndLoadsTheOtherLead(t *testing.T) {
	h, first, second := withTwoLeadsAndAnEdit(t)
	h.answer("Discard and load")
	if got := h.org.Lead(first)["Phone"]; got == "(555) 555-0199" || len(h.patches()) != 0 {
		t.Fatalf("Discard saved the edit (phone %v)", got)
	}
	if h.u.edit.loadedID != second || h.u.edit.dirty() {
		t.Fatalf("after Discard and load: lead %q, unsaved %v", h.u.edit.loadedID, h.u.edit.dirty())
	}
}
