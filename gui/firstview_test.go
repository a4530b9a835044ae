package gui

import (
	"image"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leaddesk/sfclient/instance"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// startOnly opens the window again on the same profile and stops before its event loop
// runs: what it shows is the first frame.
func (h *harness) startOnly() *harness { return h.startOnlyOn(nil) }

// startOnlyOn is startOnly on a desktop whose window system can say where windows stand.
func (h *harness) startOnlyOn(d Desktop) *harness {
	next := &harness{t: h.t, org: h.org, home: h.home}
	next.u = New(test.NewTempApp(h.t), Options{Home: h.home, Vault: testVault(), OpenBrowser: sftest.Browse, Now: func() time.Time { return fixedNow }, RetryCheck: -1, LeadsRefresh: -1, Desktop: d, uiLoop: make(chan func())})
	return next
}

// formInView is the part of New lead's form the window shows, as drawn, without the scroll
// bar (which is shorter once the whole form is there).
func (h *harness) formInView() image.Image {
	view := h.u.newLead.form.view
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(view)
	size := view.Size()
	shot := h.canvas().Capture()
	bar := 3 * theme.ScrollBarSize()
	return shot.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(int(at.X), int(at.Y), int(at.X+size.Width-bar), int(at.Y+size.Height)))
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func TestTheFirstFrameShowsTheFormAsTheClerkSeesItOnceStarted(t *testing.T) {
	for _, height := range []float32{320, 600, 760, 1400} {
		h := newHarness(t, sftest.Options{})
		if err := instance.SavePlacement(h.home, instance.Placement{Width: 900, Height: height}); err != nil {
			t.Fatal(err)
		}
		next := h.startOnly()
		if next.fieldWithKeyboard() != "FirstName" {
			t.Fatalf("%v px: the keyboard is in %q in the first frame, not the first field", height, next.fieldWithKeyboard())
		}
		first := next.formInView()
		next.u.jobs.drain() // the event loop's first turn
		if !samePixels(first, next.formInView()) {
			t.Errorf("%v px: the form in view changed after the first frame", height)
		}
		if next.fieldWithKeyboard() != "FirstName" {
			t.Errorf("%v px: the keyboard left the first field once the window started: %q", height, next.fieldWithKeyboard())
		}
	}
}

func TestTabReachesEveryFieldInReadingOrderOnceTheWindowHasStarted(t *testing.T) {
	h := newHarness(t, sftest.Options{}).startOnly()
	h.u.jobs.drain()
	var want, got []string
	for _, in := range h.u.newLead.form.order {
		switch {
		case in.field.Section != lead.Owner2:
			want = append(want, in.field.Name)
		case len(want) == 0 || want[len(want)-1] != "fold":
			want = append(want, "fold") // Owner 2 is folded: one stop
		}
	}
	for range want {
		got = append(got, h.fieldWithKeyboard())
		h.tab()
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tab stop %d is %q, want %q (stops: %v)", i+1, got[i], want[i], got)
		}
	}
	if h.focused() != fyne.Focusable(h.u.newLead.files.addB) {
		t.Fatal("after the last field Tab does not reach Attachments' Add files…")
	}
}
