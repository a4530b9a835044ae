package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leaddesk/sfclient/sftest"
)

// under reports whether o is root or drawn inside it.
func under(root, o fyne.CanvasObject) bool {
	return firstUnder(root, func(c fyne.CanvasObject) bool { return c == o }) != nil
}

func TestEveryTabStopInTheSuccessBannerShowsWhereTheKeyboardIs(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.submitMinimal()
	banner := h.u.newLead.banner
	if bannerTitle(banner) == nil {
		t.Fatalf("no banner after a submit (%s)", h.u.lastError)
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		h.u.app.Settings().SetTheme(variantTheme{withStrongFocus(theme.DefaultTheme()), v})
		h.u.newLead.form.focusFirst()
		stops := 0
		for n := 0; n < 10; n++ { // Shift+Tab from the first field: the banner is just above it
			before := h.canvas().Capture()
			test.FocusPrevious(h.canvas())
			o, ok := h.focused().(fyne.CanvasObject)
			if !ok || !under(banner, o) {
				if stops > 0 {
					break // above the banner now
				}
				continue
			}
			stops++
			if got := strongestChange(before, h.canvas().Capture(), o); got < 1.45 {
				t.Errorf("variant %v: the banner's Tab stop %T changes by a contrast of only %.2f:1 when it takes the keyboard", v, o, got)
			}
		}
		if stops != 3 {
			t.Errorf("variant %v: the banner has %d Tab stops, want its 3 buttons (Copy id, Open in Salesforce, Edit this lead)", v, stops)
		}
	}
}
