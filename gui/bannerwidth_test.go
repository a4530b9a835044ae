package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// menuBarHeight is the height of the menu bar Fyne draws at the top of a Linux or Windows
// window, measured on screenshots of the real window under Xvfb.
const menuBarHeight = 28

const longCompany = "Lone Star Earthworks and Heavy Equipment Rentals of Central Texas LLC"

// submitAt800By600 sends the minimal lead for company from an 800×600 window and lays the
// window out as the next frame does.
func (h *harness) submitAt800By600(company string) {
	h.t.Helper()
	h.submitAt(fyne.NewSize(800, 600), company)
}

// submitAt is submitAt800By600 in a window of size.
func (h *harness) submitAt(size fyne.Size, company string) {
	h.t.Helper()
	h.signIn()
	h.u.win.Resize(size)
	h.fill(h.u.newLead.form, minimal)
	h.fill(h.u.newLead.form, map[string]string{"Company": company})
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	h.ctrlS()
	h.frame()
	if bannerTitle(h.u.newLead.banner) == nil {
		h.t.Fatalf("no banner after the submit (%s)", h.u.lastError)
	}
}

func TestAt800By600TheBannerShowsTheWholeCompanyAndIdWithoutWideningTheWindow(t *testing.T) {
	for _, company := range []string{"Jimjo Jimmy Jo", longCompany} {
		h := newHarness(t, sftest.Options{})
		h.submitAt800By600(company)
		title := bannerTitle(h.u.newLead.banner)
		if title.Text != "✓ Lead created for "+company || title.Truncation != fyne.TextTruncateOff {
			t.Fatalf("the banner says %q (truncation %v)", title.Text, title.Truncation)
		}
		lines := title.MinSize() // at the width it was given
		if title.Size().Height < lines.Height {
			t.Errorf("%s: the company's lines need %v px and are given %v", company, lines.Height, title.Size().Height)
		}
		d := fyne.CurrentApp().Driver()
		if x := d.AbsolutePositionForObject(title).X + title.Size().Width; x > 800 {
			t.Errorf("%s: the title runs to x=%v", company, x)
		}
		if !visibleText(h.u.newLead.banner, h.u.newLead.lastID) || h.canvas().Size().Width > 800 {
			t.Fatalf("%s: the id is not shown, or the window widened to %v", company, h.canvas().Size().Width)
		}
	}
}

func TestAShortCompanyKeepsTheBannerToOneLine(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.submitAt800By600("Jimjo Jimmy Jo")
	title, copyB := bannerTitle(h.u.newLead.banner), visibleButton(h.u.newLead.banner, "Copy id")
	d := fyne.CurrentApp().Driver()
	if d.AbsolutePositionForObject(copyB).Y != d.AbsolutePositionForObject(title).Y {
		t.Fatal("the buttons went under a company name that fits beside them")
	}
}

func TestAt800By600WithTheBannerShownTheFormStillShowsEightFields(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	// The desktop window draws its menu bar inside its 600 px; the test canvas draws none.
	h.submitAt(fyne.NewSize(800, 600-menuBarHeight), "Jimjo Jimmy Jo")
	shown := 0
	for _, in := range h.u.newLead.form.order {
		if h.wholeInFormView(in.focusable().(fyne.CanvasObject)) {
			shown++
		}
	}
	if shown < 8 {
		t.Fatalf("with the banner shown the form shows %d whole fields at 800×600", shown)
	}
}
