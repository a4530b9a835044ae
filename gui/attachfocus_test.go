package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// inScroll reports whether o lies wholly inside the visible part of the scroll view.
func inScroll(view *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(view).Y
	y := d.AbsolutePositionForObject(o).Y
	return y >= top && y+o.Size().Height <= top+view.Size().Height
}

// tabThroughAttachments tabs from the form's last field over each of the Attachments card's
// stops up to Add files…, and fails for each one the form leaves out of view.
func (h *harness) tabThroughAttachments(form *leadForm, files *attachmentList) {
	h.t.Helper()
	form.focus(form.inputs["Follow_Up__c"])
	stops := []fyne.Focusable{}
	for _, r := range files.rows {
		stops = append(stops, r.docType, r.removeB)
	}
	stops = append(stops, files.addB)
	for _, want := range stops {
		h.tab()
		if h.focused() != want {
			h.t.Fatalf("Tab went to %T, not the next stop of Attachments (%T)", h.focused(), want)
		}
		if !inScroll(form.view, want.(fyne.CanvasObject)) {
			h.t.Errorf("%T has the keyboard but the form leaves it out of view", want)
		}
	}
}

func TestAddFilesAndTheFileRowsAreScrolledIntoViewWhenTabReachesThem(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.drop(h.document("licence.pdf", 20_000))
	h.tabThroughAttachments(h.u.newLead.form, h.u.newLead.files)
	h.tab()                             // the terms box, in the bar under the form
	h.u.newLead.form.view.ScrollToTop() // the clerk wheels up to look at the first fields
	test.FocusPrevious(h.canvas())      // Shift+Tab
	if h.focused() != fyne.Focusable(h.u.newLead.files.addB) || !h.inView(h.u.newLead.files.addB) {
		t.Fatal("Shift+Tab back to Add files… leaves it out of view")
	}
}

func TestEditLeadsAddFilesIsScrolledIntoViewWhenTabReachesIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.u.win.Resize(fyne.NewSize(800, 600)) // lays the window out again, as its next frame does
	h.tabThroughAttachments(h.u.edit.form, h.u.edit.docs.files)
}
