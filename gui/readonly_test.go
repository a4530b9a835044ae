package gui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"leaddesk/sfclient/sftest"
)

// strongestAgainst is the highest contrast of any pixel over the area of o against bg: for a
// box, how plainly its text stands out from its fill.
func strongestAgainst(img image.Image, o fyne.CanvasObject, bg color.Color) float64 {
	return strongestInArea(img, fyne.CurrentApp().Driver().AbsolutePositionForObject(o), o.Size(), bg)
}

// strongestInArea is the highest contrast of any pixel of the area at pos, of size, against bg.
func strongestInArea(img image.Image, pos fyne.Position, size fyne.Size, bg color.Color) float64 {
	best := 1.0
	for y := int(pos.Y); y < int(pos.Y+size.Height); y++ {
		for x := int(pos.X); x < int(pos.X+size.Width); x++ {
			best = max(best, contrast(img.At(x, y), bg))
		}
	}
	return best
}

// loadConverted opens, in Edit lead, a lead Mazo has converted.
func (h *harness) loadConverted() {
	h.t.Helper()
	id := h.existingLead()
	h.org.ConvertLead(id)
	h.load(id)
}

func TestAConvertedLeadsValuesAreReadableInLightAndDarkAndUnlikeExamples(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.loadConverted()
	phone := h.u.edit.form.inputs["Phone"]
	if !phone.readOnly() {
		t.Fatal("the converted lead's phone is not read-only")
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		app := variantTheme{withStrongFocus(theme.DefaultTheme()), v}
		h.u.app.Settings().SetTheme(app)
		th := phone.entry.Theme()
		text, fill := th.Color(theme.ColorNameDisabled, v), th.Color(theme.ColorNameInputBackground, v)
		if got := contrast(text, fill); got < 4.5 {
			t.Errorf("variant %v: read-only text has a contrast of %.2f:1 on its fill, want at least 4.5", v, got)
		}
		if text == th.Color(theme.ColorNamePlaceHolder, v) || text != app.Color(theme.ColorNameForeground, v) {
			t.Errorf("variant %v: read-only text is not drawn in the foreground colour, apart from the examples", v)
		}
		if fill == app.Color(theme.ColorNameInputBackground, v) {
			t.Errorf("variant %v: a read-only box has the same fill as one that can be typed in", v)
		}
		// What the window draws: the phone's digits stand out from the box's fill.
		if got := strongestAgainst(h.canvas().Capture(), phone.entry, fill); got < 4.5 {
			t.Errorf("variant %v: the phone drawn on screen reaches a contrast of only %.2f:1", v, got)
		}
	}
	if website := h.u.edit.form.inputs["Website"]; website.entry.PlaceHolder != "" {
		t.Errorf("an empty read-only box shows its example %q as if it were a value", website.entry.PlaceHolder)
	}
	h.load(h.existingLead()) // an editable lead: its boxes give their examples back
	if website := h.u.edit.form.inputs["Website"]; website.entry.PlaceHolder == "" {
		t.Error("an editable box lost its example after a converted lead")
	}
}
