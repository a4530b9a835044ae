package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// shiftTabTo presses Shift+Tab until the button labelled text has the keyboard.
func (h *harness) shiftTabTo(text string) {
	h.t.Helper()
	for range 120 {
		if b, ok := h.canvas().Focused().(*widget.Button); ok && b.Text == text {
			return
		}
		test.FocusPrevious(h.canvas())
	}
	h.t.Fatalf("Shift+Tab never reached %s", text)
}

func TestTheBannerStaysUntilClearForm(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	p := h.u.newLead
	h.submitMinimal()
	id := p.lastID
	h.typeHere("Dana")
	h.tab()
	h.typeHere("Whitfield")
	if !visibleText(p.banner, id) {
		t.Fatal("the banner went while the next lead was typed")
	}
	test.Tap(p.clearB)
	h.key(fyne.KeyReturn) // Cancel, the default
	if !visibleText(p.banner, id) {
		t.Fatal("cancelling Clear form took the banner away")
	}
	test.Tap(p.clearB)
	h.answer("Clear form")
	if len(p.banner.Objects) != 0 {
		t.Fatal("the banner stays after Clear form")
	}
}

func TestCopyIdSaysCopiedInTheActionBar(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.submitMinimal()
	id := h.u.newLead.lastID
	h.shiftTabTo("Copy id")
	h.press(fyne.KeySpace)
	if got := h.u.clipboard().Content(); got != id {
		t.Fatalf("the clipboard holds %q, want %s", got, id)
	}
	if !visibleText(h.u.newLead.content, "Copied "+id) {
		t.Fatal("nothing in the action bar says the id was copied")
	}
	if !visibleText(h.u.newLead.banner, id) {
		t.Fatal("Copy id took the banner away")
	}
}

func TestAt800PixelsTheBannerKeepsTheIdAndItsButtonsInView(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.win.Resize(fyne.NewSize(800, 600))
	h.fill(h.u.newLead.form, map[string]string{"Company": "Lone Star Earthworks and Heavy Equipment Rentals of Central Texas LLC"})
	h.submitMinimal()
	p := h.u.newLead
	d := fyne.CurrentApp().Driver()
	width := h.canvas().Size().Width
	for _, text := range []string{"Copy id", "Open in Salesforce", "Edit this lead"} {
		b := visibleButton(p.banner, text)
		if b == nil {
			t.Fatalf("no %s in the banner", text)
		}
		if x := d.AbsolutePositionForObject(b).X; x < 0 || x+b.Size().Width > width || b.Size().Width < b.MinSize().Width {
			t.Errorf("%s spans x=%v..%v in a %v px window", text, x, x+b.Size().Width, width)
		}
	}
	if !visibleText(p.banner, p.lastID) {
		t.Fatal("the id is not in the banner")
	}
	if got := h.canvas().Size().Width; got > 800 {
		t.Fatalf("the banner widened the window to %v px", got)
	}
}
