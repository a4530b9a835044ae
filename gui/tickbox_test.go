package gui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leaddesk/sfclient/sftest"
)

// strongestInSquare is the highest contrast against bg of any pixel in the square at the
// leading edge of o, as high as o's tick square with its padding: a tick box's square without
// its text.
func strongestInSquare(img image.Image, o fyne.CanvasObject, bg color.Color) float64 {
	th := fyne.CurrentApp().Settings().Theme()
	side := th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameInnerPadding)
	return strongestInArea(img, fyne.CurrentApp().Driver().AbsolutePositionForObject(o), fyne.NewSize(side, o.Size().Height), bg)
}

func TestTheUntickedTermsBoxStandsOutFromTheWindowInLightAndDark(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	terms := h.u.newLead.terms
	h.u.newLead.form.focusFirst() // the keyboard, and the focus ring, elsewhere
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		app := variantTheme{withStrongFocus(theme.DefaultTheme()), v}
		h.u.app.Settings().SetTheme(app)
		if terms.Checked {
			t.Fatal("the terms box is ticked in an empty form")
		}
		if got := strongestInSquare(h.canvas().Capture(), terms, app.Color(theme.ColorNameBackground, v)); got < 3 {
			t.Errorf("variant %v: the unticked terms box stands out from the window by only %.2f:1, want at least 3", v, got)
		}
	}
}

func TestTheRestoreQuestionsTickBoxesStandOutWhenUnticked(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC"})
	h.u.quit()
	again := h.restart()
	tick := findDialogTick(again.u.win.Canvas().Overlays().Top())
	if tick == nil {
		t.Fatal("the restore question has no tick box")
	}
	test.Tap(tick) // unticked: this draft is not to be restored
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		app := variantTheme{withStrongFocus(theme.DefaultTheme()), v}
		again.u.app.Settings().SetTheme(app)
		again.canvas().Focus(nil)
		bg := app.Color(theme.ColorNameOverlayBackground, v)
		if got := strongestInSquare(again.canvas().Capture(), tick, bg); got < 3 {
			t.Errorf("variant %v: the unticked box in the restore question stands out by only %.2f:1, want at least 3", v, got)
		}
	}
}

// findDialogTick is the first tick box under o (nil if none).
func findDialogTick(o fyne.CanvasObject) *dialogTick {
	tick, _ := firstUnder(o, func(c fyne.CanvasObject) bool {
		_, ok := c.(*dialogTick)
		return ok
	}).(*dialogTick)
	return tick
}
