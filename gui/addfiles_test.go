package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// tabKey is the Tab key as the desktop window handles it: a box that accepts Tab (to
// complete a path) gets it, anything else hands the keyboard on.
func (h *harness) tabKey() {
	if t, ok := h.canvas().Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		h.press(fyne.KeyTab)
		return
	}
	h.tab()
}

// openAddFiles moves the keyboard down the New lead form with Tab to Add files… and presses
// Space, as a clerk does; the File box of the dialog has the keyboard then.
func (h *harness) openAddFiles() *pathEntry {
	h.t.Helper()
	h.tabUntil("Add files…", func() bool { return h.canvas().Focused() == fyne.Focusable(h.u.newLead.files.addB) })
	h.space()
	box, ok := h.canvas().Focused().(*pathEntry)
	if !ok {
		h.t.Fatalf("after Space on Add files… the keyboard is in %T, not a File box", h.canvas().Focused())
	}
	return box
}

// documentPath writes a PDF-shaped file in a folder of the test and returns its path.
func (h *harness) documentPath(name string) string {
	h.t.Helper()
	path, _, err := sftest.WriteDocument(h.t.TempDir(), name, 12_000)
	if err != nil {
		h.t.Fatal(err)
	}
	return path
}

func TestAPathTypedInAddFilesListsTheFileWithTheKeyboardInItsType(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.win.Resize(fyne.NewSize(800, 600))
	h.fill(h.u.newLead.form, minimal)
	path := h.documentPath("scan0001.pdf")
	h.u.newLead.form.focus(h.u.newLead.form.inputs["FirstName"])
	h.openAddFiles()
	h.typeHere(path)
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	rows := h.u.newLead.files.rows
	if got := fileNames(h.u.newLead.files); strings.Join(got, ",") != "scan0001.pdf" {
		t.Fatalf("New lead lists %v after Enter", got)
	}
	if h.dialogs() != 0 {
		t.Fatal("the Add a file dialog stayed open after its file was listed")
	}
	if h.canvas().Focused() != fyne.Focusable(rows[0].docType) {
		t.Fatalf("the keyboard went to %T, not to the new file's Type box", h.canvas().Focused())
	}
	if !h.inView(rows[0].docType) {
		t.Fatal("the new file's Type box, which has the keyboard, is out of view")
	}
	h.typeHere("bank")
	h.tab()
	files := h.submitWithFiles()
	if len(files) != 1 || files[0].Title != "Bank statement – scan0001" {
		t.Fatalf("the org holds %+v; want the file titled with the type typed after Enter (%s)", files, h.u.lastError)
	}
}

func TestAFileWhoseNameSaysWhatItIsGetsThatTypeAndTheClerkCanChangeIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	for _, name := range []string{"Caterpillar 320 quote.pdf", "chase bank statement march.pdf", "trailer.pdf"} {
		h.openAddFiles()
		h.typeHere(h.documentPath(name))
		h.press(fyne.KeyReturn)
		h.u.jobs.drain()
	}
	if got := strings.Join(docTypes(h.u.newLead.files), ","); got != "Equipment quote/invoice,Bank statement,Other" {
		t.Fatalf("types guessed %s; want the quote's and the statement's from their names, Other for trailer.pdf", got)
	}
	h.typeHere("dr") // the keyboard is in trailer.pdf's Type box
	h.tab()
	if got := docTypes(h.u.newLead.files)[2]; got != "Driver's licence" {
		t.Fatalf("the type typed over the default is %q", got)
	}
}

func TestABadPathInAddFilesIsSaidBesideTheBoxAndNothingIsListed(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	folder := t.TempDir()
	for _, c := range []struct{ typed, says string }{
		{folder, "is a folder"},
		{filepath.Join(folder, "missing.pdf"), "missing.pdf. Check the name and the folder, or use Browse… to find it."},
		{"https://example.com/quote.pdf", "web address"},
		{"   ", "Type the path of a file"},
	} {
		box := h.openAddFiles()
		h.typeHere(c.typed)
		h.press(fyne.KeyReturn)
		h.u.jobs.drain()
		if !visibleText(h.u.win.Canvas().Overlays().Top(), c.says) {
			t.Errorf("%q: the dialog does not say %q", c.typed, c.says)
		}
		if box.Text != strings.TrimLeft(c.typed, " ") || h.canvas().Focused() != fyne.Focusable(box) {
			t.Errorf("%q: the box holds %q and has the keyboard: %v", c.typed, box.Text, h.canvas().Focused() == fyne.Focusable(box))
		}
		if got := fileNames(h.u.newLead.files); len(got) != 0 {
			t.Fatalf("%q listed %v", c.typed, got)
		}
		h.press(fyne.KeyEscape)
		if h.dialogs() != 0 {
			t.Fatalf("%q: Esc did not close the Add a file dialog", c.typed)
		}
	}
}

func TestTabInTheFileBoxCompletesFolderAndFileNames(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	top := t.TempDir()
	scans := filepath.Join(top, "scans")
	if err := os.Mkdir(scans, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sftest.WriteDocument(scans, "licence.pdf", 9_000); err != nil {
		t.Fatal(err)
	}
	box := h.openAddFiles()
	h.typeHere(top + string(filepath.Separator) + "sc")
	h.tabKey()
	if want := scans + string(filepath.Separator); box.Text != want {
		t.Fatalf("Tab made %q, want %q", box.Text, want)
	}
	h.typeHere("l")
	h.tabKey()
	if want := filepath.Join(scans, "licence.pdf"); box.Text != want {
		t.Fatalf("Tab made %q, want %q", box.Text, want)
	}
	h.tabKey() // nothing more to complete: Tab moves on
	if h.canvas().Focused() == fyne.Focusable(box) {
		t.Fatal("Tab with nothing to complete stayed in the box")
	}
	test.FocusPrevious(h.canvas()) // Shift+Tab
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if got := fileNames(h.u.newLead.files); strings.Join(got, ",") != "licence.pdf" {
		t.Fatalf("New lead lists %v after Enter on the completed path", got)
	}
}

func TestTabInTheFileBoxListsTheNamesThatStillMatchAndKeepsTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	scans := t.TempDir()
	sep := string(filepath.Separator)
	for _, name := range []string{"quote-2025.pdf", "quote-2026.pdf"} {
		if _, _, err := sftest.WriteDocument(scans, name, 9_000); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(scans, "quotes"), 0o700); err != nil {
		t.Fatal(err)
	}
	box := h.openAddFiles()
	dialog := func() fyne.CanvasObject { return h.u.win.Canvas().Overlays().Top() }
	h.typeHere(scans + sep + "q")
	h.tabKey()
	if want := scans + sep + "quote"; box.Text != want {
		t.Fatalf("Tab made %q, want the names' common start %q", box.Text, want)
	}
	if h.canvas().Focused() != fyne.Focusable(box) {
		t.Fatalf("Tab with three names matching took the keyboard to %T", h.canvas().Focused())
	}
	if want := "3 names match: quote-2025.pdf, quote-2026.pdf, quotes" + sep; !visibleText(dialog(), want) {
		t.Fatalf("the dialog does not say %q", want)
	}
	h.typeHere("-")
	if visibleText(dialog(), "names match") {
		t.Fatal("the list of names stayed after the text changed")
	}
	h.tabKey()
	if box.Text != scans+sep+"quote-202" || !visibleText(dialog(), "2 names match: quote-2025.pdf, quote-2026.pdf.") {
		t.Fatalf("Tab made %q and the list does not name the two files left", box.Text)
	}
	h.tabKey() // listed already: Tab moves on
	if h.canvas().Focused() == fyne.Focusable(box) {
		t.Fatal("a second Tab with the names listed stayed in the box")
	}
	test.FocusPrevious(h.canvas()) // Shift+Tab
	h.typeHere("6")
	h.tabKey()
	if want := filepath.Join(scans, "quote-2026.pdf"); box.Text != want || visibleText(dialog(), "names match") {
		t.Fatalf("Tab made %q (want %q), list shown %v", box.Text, want, visibleText(dialog(), "names match"))
	}
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if got := fileNames(h.u.newLead.files); strings.Join(got, ",") != "quote-2026.pdf" {
		t.Fatalf("New lead lists %v after Enter on the completed path", got)
	}
}

func TestEscClosesTheFileDialogOfBrowseThenTheAddAFileDialog(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	box := h.openAddFiles()
	h.tabUntil("Browse…", func() bool { return h.focusedButton() == "Browse…" })
	h.press(fyne.KeySpace) // its character reaches nothing: nothing in the file dialog has the keyboard
	top := h.u.win.Canvas().Overlays().Top()
	if visibleButton(top, "Open") == nil {
		t.Fatal("Browse… did not open the file dialog")
	}
	h.key(fyne.KeyEscape)
	if h.dialogs() != 1 || !visibleText(h.u.win.Canvas().Overlays().Top(), "Tab completes") {
		t.Fatalf("after Esc, %d dialogs; the Add a file dialog should be the one left", h.dialogs())
	}
	if h.canvas().Focused() != fyne.Focusable(box) {
		t.Fatalf("after the file dialog closed the keyboard is in %T, not the File box", h.canvas().Focused())
	}
	h.tabUntil("Cancel", func() bool { return h.focusedButton() == "Cancel" })
	h.press(fyne.KeyEscape) // on a button of the dialog, Esc still closes it
	if h.dialogs() != 0 {
		t.Fatal("Esc on the dialog's Cancel button did not close it")
	}
}

// focusedButton is the label of the button with the keyboard, "" when something else has it.
func (h *harness) focusedButton() string {
	switch b := h.canvas().Focused().(type) {
	case *widget.Button:
		return b.Text
	case *dialogButton:
		return b.Text
	}
	return ""
}
