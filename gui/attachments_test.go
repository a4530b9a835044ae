package gui

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// document writes a PDF-shaped file of size bytes in a folder of the test and returns its
// address, as a drop or the file dialog hands it over.
func (h *harness) document(name string, size int) fyne.URI {
	h.t.Helper()
	path, _, err := sftest.WriteDocument(h.t.TempDir(), name, size)
	if err != nil {
		h.t.Fatal(err)
	}
	return storage.NewFileURI(path)
}

// drop drops files on the window, through its drop target.
func (h *harness) drop(uris ...fyne.URI) {
	h.u.dropped(fyne.NewPos(200, 300), uris)
	h.u.jobs.drain()
}

// fileNames lists an attachment list's files, in order.
func fileNames(a *attachmentList) []string {
	var names []string
	for _, r := range a.rows {
		names = append(names, r.file.Name)
	}
	return names
}

// runUntilUploading runs what the window is handed until the row's progress bar has moved:
// its file is then part way to the org.
func (h *harness) runUntilUploading(r *attachmentRow) {
	for r.bar.Value == 0 {
		(<-h.u.jobs.loop)()
	}
}

// uploads counts the ContentVersion uploads the org received.
func (h *harness) uploads() int {
	n := 0
	for _, r := range h.org.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/sobjects/ContentVersion") {
			n++
		}
	}
	return n
}

func TestFilesDroppedOnTheWindowAreListedInTheTabShown(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.drop(h.document("licence.pdf", 20_000), h.document("quote.pdf", 5_000))
	if got := fileNames(h.u.newLead.files); strings.Join(got, ",") != "licence.pdf,quote.pdf" {
		t.Fatalf("New lead lists %v", got)
	}
	if !visibleText(h.u.newLead.content, "licence.pdf · 20 KB") {
		t.Fatal("the row does not show the file's name and size")
	}
	if visibleButton(h.u.newLead.content, "Add files…") == nil || visibleButton(h.u.newLead.content, "Remove") == nil {
		t.Fatal("no Add files… or Remove button")
	}

	test.Tap(visibleButton(h.u.newLead.content, "Remove"))
	if got := fileNames(h.u.newLead.files); len(got) != 1 || got[0] != "quote.pdf" {
		t.Fatalf("after Remove: %v", got)
	}

	h.u.show(tabOutbox)
	h.drop(h.document("statement.pdf", 1_000))
	if !strings.Contains(h.u.lastError, "drop them on New lead, or on a lead loaded in Edit lead") {
		t.Fatalf("a drop on the Outbox said %q", h.u.lastError)
	}
	h.u.show(tabEdit)
	h.u.lastError = ""
	h.drop(h.document("statement.pdf", 1_000))
	if !strings.Contains(h.u.lastError, "drop them on New lead") || len(h.u.edit.docs.files.rows) != 0 {
		t.Fatalf("a drop on Edit lead with no lead loaded: %q, %d rows", h.u.lastError, len(h.u.edit.docs.files.rows))
	}
}

func TestARefusedFileIsSaidInOneSentenceAndNotListed(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	dir := t.TempDir()
	write := func(name string, content []byte) fyne.URI {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		return storage.NewFileURI(path)
	}
	cases := []struct {
		name     string
		file     fyne.URI
		sentence string
	}{
		{"unsupported type", write("setup.exe", []byte("MZ\x90\x00")), "setup.exe cannot be attached: Mazo takes PDF, JPG, PNG, HEIC, TIF, DOCX, XLSX files"},
		{"renamed content", write("statement.pdf", []byte("MZ\x90\x00 not a pdf")), "statement.pdf is not really a PDF"},
		{"empty", write("blank.pdf", nil), "blank.pdf is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h.drop(c.file)
			if len(h.u.newLead.files.rows) != 0 {
				t.Fatalf("listed: %v", fileNames(h.u.newLead.files))
			}
			if !visibleText(h.u.newLead.content, c.sentence) {
				t.Fatalf("the Attachments area says %q", h.u.newLead.files.refusals.Text)
			}
		})
	}
	h.drop(h.document("good.pdf", 1_000))
	if h.u.newLead.files.refusals.Visible() {
		t.Fatal("the last refusal stays after a good file is added")
	}
	h.drop(storage.NewFileURI(h.u.newLead.files.rows[0].file.Path))
	if len(h.u.newLead.files.rows) != 1 || !visibleText(h.u.newLead.content, "good.pdf is already in the list.") {
		t.Fatalf("the same file added twice: %v", fileNames(h.u.newLead.files))
	}
}

func TestAFileOverTwentyFiveMegabytesIsRefusedWithTheReason(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	path := filepath.Join(t.TempDir(), "scan.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(path, 26<<20); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	h.drop(storage.NewFileURI(path))
	if len(h.u.newLead.files.rows) != 0 {
		t.Fatal("a 26 MB file was listed")
	}
	if !visibleText(h.u.newLead.content, "scan.pdf is 26 MB, over the 25 MB a file Mazo accepts") ||
		!visibleText(h.u.newLead.content, "scan it at a lower resolution or split it") {
		t.Fatalf("the refusal says %q", h.u.newLead.files.refusals.Text)
	}
}

func TestANewLeadWithTwoFilesReachesTheOrgWithTheTypesInTheirTitles(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	h.drop(h.document("march.pdf", 300_000), h.document("trailer.pdf", 40_000))
	rows := h.u.newLead.files.rows
	test.Type(rows[0].docType, "b") // the first letters choose the type, as in the form's lists
	rows[0].docType.FocusLost()
	test.Type(rows[1].docType, "eq")
	rows[1].docType.FocusLost()
	files := h.submitWithFiles()
	if len(files) != 2 || files[0].Title != "Bank statement – march" || files[1].Title != "Equipment quote/invoice – trailer" ||
		files[0].Size != 300_000 || files[1].PathOnClient != "trailer.pdf" {
		t.Fatalf("org files %+v", files)
	}
	if !visibleText(h.u.newLead.banner, "2 documents attached.") {
		t.Fatal("the banner does not say the documents were attached")
	}
	if len(h.u.newLead.files.rows) != 0 || len(h.u.outbox.entries) != 0 {
		t.Fatalf("after sending: %d files listed, %d outbox entries", len(h.u.newLead.files.rows), len(h.u.outbox.entries))
	}
}

func TestEditLeadUploadsTheAddedFileAndListsWhatIsAttached(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.org.AttachFile(id, "Voided check – bank", "bank.png", []byte("\x89PNG\r\n\x1a\n0123"))
	h.load(id)
	docs := h.u.edit.docs
	if !visibleText(docs.content, "Voided check – bank") || !visibleText(docs.content, "PNG · 12 bytes") ||
		visibleButton(docs.content, "Open in Salesforce") == nil {
		t.Fatalf("the attached file is not listed: %q", docs.heading.Text)
	}
	if !visibleButton(docs.content, "Upload").Disabled() {
		t.Fatal("Upload is on with nothing to upload")
	}

	h.drop(h.document("licence.pdf", 70_000))
	test.Type(docs.files.rows[0].docType, "d")
	docs.files.rows[0].docType.FocusLost()
	test.Tap(visibleButton(docs.content, "Upload"))
	h.u.jobs.drain()

	files := h.org.Files(id)
	if len(files) != 2 || files[1].Title != "Driver's licence – licence" || files[1].Size != 70_000 {
		t.Fatalf("org files %+v (%s)", files, h.u.lastError)
	}
	if len(docs.files.rows) != 0 || len(docs.attached.Objects) != 2 || !strings.Contains(docs.heading.Text, "2 documents") ||
		!visibleText(docs.content, "Driver's licence – licence") {
		t.Fatalf("after Upload: %d rows, %d attached, %q", len(docs.files.rows), len(docs.attached.Objects), docs.heading.Text)
	}
}

func TestACancelledUploadSaysSoAndTheFileStaysToSendAgain(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.drop(h.document("statement.pdf", 4<<20))
	row := h.u.edit.docs.files.rows[0]
	test.Tap(visibleButton(h.u.edit.docs.content, "Upload"))
	if !row.bar.Visible() || visibleButton(h.u.edit.docs.content, "Cancel") == nil {
		t.Fatal("no progress bar and Cancel while uploading")
	}
	h.runUntilUploading(row)
	test.Tap(visibleButton(h.u.edit.docs.content, "Cancel"))
	h.u.jobs.drain()

	if files := h.org.Files(id); len(files) != 0 {
		t.Fatalf("a cancelled upload was attached: %+v", files)
	}
	if len(h.u.edit.docs.files.rows) != 1 || !visibleText(h.u.edit.docs.content, "Upload cancelled; the file was not attached") ||
		row.bar.Visible() || visibleButton(h.u.edit.docs.content, "Remove") == nil {
		t.Fatalf("after Cancel: %d rows, status %q", len(h.u.edit.docs.files.rows), row.status.Text)
	}
	if len(h.u.outbox.entries) != 0 {
		t.Fatal("a cancelled upload was kept in the Outbox")
	}

	test.Tap(visibleButton(h.u.edit.docs.content, "Upload")) // try again
	h.u.jobs.drain()
	if files := h.org.Files(id); len(files) != 1 || files[0].Size != 4<<20 {
		t.Fatalf("the retry attached %+v (%s)", files, h.u.lastError)
	}
}

func TestOfflineTheLeadWaitsWithItsFilesAndIsSentOnceWhenBack(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetOffline(true)
	h.fill(h.u.newLead.form, minimal)
	h.drop(h.document("front.pdf", 10_000), h.document("back.pdf", 12_000))
	test.Tap(h.u.newLead.terms)
	test.Tap(h.u.newLead.submitB)
	h.u.jobs.drain()

	if len(h.u.outbox.entries) != 1 || len(h.u.outbox.entries[0].Files) != 2 {
		t.Fatalf("outbox %+v (%s)", h.u.outbox.entries, h.u.lastError)
	}
	if !strings.Contains(h.u.lastError, "kept, encrypted, in the Outbox with its 2 documents") {
		t.Fatalf("said %q", h.u.lastError)
	}
	h.u.show(tabOutbox)
	if !visibleText(h.u.outbox.content, "Other – front (front.pdf, 10 KB) — waiting") ||
		!visibleText(h.u.outbox.content, "Other – back (back.pdf, 12 KB) — waiting") {
		t.Fatalf("the Outbox does not list the waiting files: %q", labelsIn(h.u.outbox.content))
	}

	h.org.SetOffline(false)
	h.org.ResetLog()
	test.Tap(visibleButton(h.u.outbox.content, "Retry"))
	h.u.jobs.drain()
	ids := h.org.LeadIDs()
	if len(ids) != 1 || len(h.org.Files(ids[0])) != 2 || h.uploads() != 2 || len(h.u.outbox.entries) != 0 {
		t.Fatalf("leads %v, files %d, uploads %d, outbox %d (%s)", ids, len(h.org.Files(ids[0])), h.uploads(), len(h.u.outbox.entries), h.u.lastError)
	}
}

func TestAnUploadWhoseAnswerWasLostIsNotAttachedTwice(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.drop(h.document("quote.pdf", 30_000))
	h.org.DropNextUploads(1)
	test.Tap(visibleButton(h.u.edit.docs.content, "Upload"))
	h.u.jobs.drain()
	if len(h.u.outbox.entries) != 1 || len(h.u.edit.docs.files.rows) != 0 {
		t.Fatalf("a lost answer: outbox %+v, %d rows (%s)", h.u.outbox.entries, len(h.u.edit.docs.files.rows), h.u.lastError)
	}
	h.u.show(tabOutbox)
	if !visibleText(h.u.outbox.content, "was being sent; Salesforce is checked for it") {
		t.Fatal("the Outbox does not say the file may have landed")
	}
	h.u.outbox.send(h.u.outbox.entries[0].ID) // Retry
	h.u.jobs.drain()
	if files := h.org.Files(id); len(files) != 1 || h.uploads() != 1 || len(h.u.outbox.entries) != 0 {
		t.Fatalf("files %+v, uploads %d", files, h.uploads())
	}
}

func TestAFileRowIsReachedWithTabAndRemovedWithTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.drop(h.document("statement.pdf", 2_000))
	row := h.u.newLead.files.rows[0]
	h.u.newLead.form.focus(h.u.newLead.form.inputs["Follow_Up__c"])
	h.tab()
	if h.focused() != fyne.Focusable(row.docType) {
		t.Fatal("Tab after the last field does not reach the file's document type")
	}
	test.Type(h.focused(), "t")
	h.tab()
	if row.docType.Text != "Tax return" || h.focused() != fyne.Focusable(row.removeB) {
		t.Fatalf("type %q; Tab after the type does not reach Remove", row.docType.Text)
	}
	h.space()
	if len(h.u.newLead.files.rows) != 0 {
		t.Fatal("Space on Remove did not remove the file")
	}
}

func TestANewLeadsCancelledUploadIsOfferedToEditLeadToSendAgain(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	h.drop(h.document("statement.pdf", 4<<20))
	test.Tap(h.u.newLead.terms)
	test.Tap(h.u.newLead.submitB)
	if h.u.progress != nil || visibleButton(h.u.newLead.content, "Cancel") == nil {
		t.Fatal("a lead with files shows the modal instead of the file's progress and Cancel")
	}
	h.runUntilUploading(h.u.newLead.files.rows[0])
	test.Tap(visibleButton(h.u.newLead.content, "Cancel"))
	h.u.jobs.drain()

	ids := h.org.LeadIDs()
	if len(ids) != 1 || len(h.org.Files(ids[0])) != 0 {
		t.Fatalf("leads %v (%s)", ids, h.u.lastError)
	}
	if !visibleText(h.u.newLead.banner, "1 document not attached (upload cancelled). Press Edit this lead to send it again.") {
		t.Fatalf("the banner says %q", labelsIn(h.u.newLead.banner))
	}
	if len(h.u.newLead.files.rows) != 0 {
		t.Fatal("the file stays in New lead, where it would go with the next lead")
	}
	test.Tap(visibleButton(h.u.newLead.banner, "Edit this lead"))
	h.u.jobs.drain()
	docs := h.u.edit.docs
	if h.selectedTab() != "Edit lead" || h.u.edit.loadedID != ids[0] || strings.Join(fileNames(docs.files), ",") != "statement.pdf" {
		t.Fatalf("Edit lead shows %q with %v", h.u.edit.loadedID, fileNames(docs.files))
	}
	test.Tap(visibleButton(docs.content, "Upload"))
	h.u.jobs.drain()
	if files := h.org.Files(ids[0]); len(files) != 1 || files[0].Title != "Bank statement – statement" {
		t.Fatalf("files %+v", files)
	}
}

func TestTheBannerSaysWhichDocumentsOfANewLeadWaitInTheOutbox(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	h.drop(h.document("front.pdf", 8_000), h.document("back.pdf", 9_000))
	h.org.DropNextUploads(1) // the first file lands but its answer is lost
	test.Tap(h.u.newLead.terms)
	test.Tap(h.u.newLead.submitB)
	h.u.jobs.drain()
	if !visibleText(h.u.newLead.banner, "2 documents waiting in the Outbox (") {
		t.Fatalf("the banner says %q", labelsIn(h.u.newLead.banner))
	}
	if len(h.u.outbox.entries) != 1 || len(h.u.outbox.entries[0].Files) != 2 {
		t.Fatalf("outbox %+v", h.u.outbox.entries)
	}
	h.u.show(tabOutbox)
	test.Tap(visibleButton(h.u.outbox.content, "Retry"))
	h.u.jobs.drain()
	id := h.org.LeadIDs()[0]
	if files := h.org.Files(id); len(files) != 2 || h.uploads() != 2 || len(h.u.outbox.entries) != 0 {
		t.Fatalf("files %d, uploads %d, outbox %d (%s)", len(files), h.uploads(), len(h.u.outbox.entries), h.u.lastError)
	}
}
