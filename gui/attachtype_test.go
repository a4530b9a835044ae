package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"leaddesk/sfclient/sftest"
)

// textOverflow is how far the drawn text of box (an Entry) runs past either edge of the part
// of the box that shows text; 0 or less when it shows in full.
func textOverflow(t *testing.T, box fyne.Widget) float32 {
	t.Helper()
	var view fyne.CanvasObject
	for _, c := range childrenOf(box) {
		if _, ok := c.(fyne.Scrollable); ok && c.Visible() {
			view = c // the box's text area, which clips what it holds
		}
	}
	if view == nil {
		t.Fatal("the box has no text area")
	}
	d := fyne.CurrentApp().Driver()
	left := d.AbsolutePositionForObject(view).X
	right := left + view.Size().Width
	worst := float32(-1e9)
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if text, ok := o.(*canvas.Text); ok && o.Visible() && text.Text != "" {
			x := d.AbsolutePositionForObject(text).X
			worst = max(worst, x+text.MinSize().Width-right, left-x)
		}
		for _, c := range childrenOf(o) {
			walk(c)
		}
	}
	walk(view)
	return worst
}

func TestEveryDocumentTypeShowsInFullInTheTypeBoxAt800AndWide(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.drop(h.document("a-scan-of-the-owners-drivers-licence-front-and-back.pdf", 20_000))
	r := h.u.newLead.files.rows[0]
	for _, width := range []float32{800, 1400} {
		h.u.win.Resize(fyne.NewSize(width, 600))
		for _, name := range typeNames() {
			r.docType.SetText(name)
			h.u.newLead.content.Refresh()
			if over := textOverflow(t, r.docType); over > 0 {
				t.Errorf("at %v px the Type box cuts %q by %.0f px", width, name, over)
			}
		}
	}
}
