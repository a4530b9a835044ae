package gui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// docTypes lists an attachment list's document types, in order.
func docTypes(a *attachmentList) []string {
	var types []string
	for _, r := range a.rows {
		types = append(types, r.docType.Text)
	}
	return types
}

// listTwoTypedFiles types the minimal lead, drops two files on New lead and gives each a
// document type from the keyboard, as a person does: Tab from the last field to each file's
// type, then its first letters.
func (h *harness) listTwoTypedFiles() (march, trailer fyne.URI) {
	h.t.Helper()
	h.fill(h.u.newLead.form, minimal)
	march, trailer = h.document("march.pdf", 300_000), h.document("trailer.pdf", 40_000)
	h.drop(march, trailer)
	rows := h.u.newLead.files.rows
	h.u.newLead.form.focus(h.u.newLead.form.inputs["Follow_Up__c"])
	h.tabUntil("the first file's type", func() bool { return h.canvas().Focused() == fyne.Focusable(rows[0].docType) })
	test.Type(h.focused(), "b")
	h.tabUntil("the second file's type", func() bool { return h.canvas().Focused() == fyne.Focusable(rows[1].docType) })
	test.Type(h.focused(), "eq")
	h.tab()
	if got := strings.Join(docTypes(h.u.newLead.files), ","); got != "Bank statement,Equipment quote/invoice" {
		h.t.Fatalf("types chosen %s", got)
	}
	return march, trailer
}

// submitWithFiles ticks the terms, submits New lead and returns the files the org holds for
// the one lead it then has.
func (h *harness) submitWithFiles() []sftest.File {
	h.t.Helper()
	test.Tap(h.u.newLead.terms)
	test.Tap(h.u.newLead.submitB)
	h.u.jobs.drain()
	ids := h.org.LeadIDs()
	if len(ids) != 1 {
		h.t.Fatalf("leads %v (%s)", ids, h.u.lastError)
	}
	return h.org.Files(ids[0])
}

func TestFilesListedInANewLeadComeBackWithTheirTypesAndAreSentWithIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.listTwoTypedFiles()
	h.u.quit()

	again := h.restart()
	if !again.topSays("with 2 documents") {
		t.Fatal("the restore question does not say the draft holds two documents")
	}
	again.key(fyne.KeyReturn) // Restore
	files := again.u.newLead.files
	if got := strings.Join(fileNames(files), ","); got != "march.pdf,trailer.pdf" {
		t.Fatalf("restored files %s", got)
	}
	if got := strings.Join(docTypes(files), ","); got != "Bank statement,Equipment quote/invoice" {
		t.Fatalf("restored types %s", got)
	}
	if files.refusals.Visible() {
		t.Fatalf("a restored file was refused: %s", files.refusals.Text)
	}

	if again.u.client == nil {
		again.signIn()
	}
	sent := again.submitWithFiles()
	if len(sent) != 2 || sent[0].Title != "Bank statement – march" || sent[0].Size != 300_000 ||
		sent[1].Title != "Equipment quote/invoice – trailer" || sent[1].PathOnClient != "trailer.pdf" {
		t.Fatalf("org files %+v", sent)
	}
}

func TestAListedFileDeletedBeforeTheRestartIsSaidAndTheOtherComesBack(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	march, trailer := h.listTwoTypedFiles()
	h.u.quit()
	if err := os.Remove(march.Path()); err != nil {
		t.Fatal(err)
	}

	again := h.restart()
	again.key(fyne.KeyReturn) // Restore
	files := again.u.newLead.files
	if got := strings.Join(fileNames(files), ","); got != "trailer.pdf" || files.rows[0].file.Path != trailer.Path() {
		t.Fatalf("restored files %s", got)
	}
	if got := files.rows[0].docType.Text; got != "Equipment quote/invoice" {
		t.Fatalf("the file left has type %q", got)
	}
	want := "march.pdf is no longer at " + march.Path() + "; add it again."
	if !files.refusals.Visible() || files.refusals.Text != want {
		t.Fatalf("under the list: %q, want %q", files.refusals.Text, want)
	}
	if got := again.u.newLead.form.inputs["Company"].text(); got != minimal["Company"] {
		t.Fatalf("the typed company came back as %q", got)
	}
}

func TestAFileListedForUploadInEditLeadComesBackAfterARestart(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	id := h.u.edit.loadedID
	h.drop(h.document("licence.pdf", 20_000))
	h.u.quit()

	again := h.restart()
	again.key(fyne.KeyReturn) // Restore
	docs := again.u.edit.docs
	if got := strings.Join(fileNames(docs.files), ","); got != "licence.pdf" || again.u.edit.loadedID != id {
		t.Fatalf("Edit lead lists %s for %q", got, again.u.edit.loadedID)
	}
	if docs.uploadB.Disabled() {
		t.Fatal("Upload is disabled with a file listed")
	}
}
