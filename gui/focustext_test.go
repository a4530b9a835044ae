package gui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// over is c drawn over under, as Fyne blends a button's focus colour into its fill and the
// window draws a translucent fill over its background.
func over(under, c color.Color) color.Color {
	ur, ug, ub, ua := under.RGBA()
	cr, cg, cb, ca := c.RGBA()
	keep := 1 - float64(ca)/0xffff
	mix := func(u, v uint32) uint16 { return uint16(float64(v) + float64(u)*keep) }
	return color.RGBA64{R: mix(ur, cr), G: mix(ug, cg), B: mix(ub, cb), A: mix(ua, ca)}
}

func TestAFocusedButtonsTextIsReadableInLightAndDark(t *testing.T) {
	th := withStrongFocus(theme.DefaultTheme())
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		window := th.Color(theme.ColorNameBackground, v)
		for _, b := range []struct {
			name     string
			fill, fg fyne.ThemeColorName
		}{
			{"a grey button (Clear form)", theme.ColorNameButton, theme.ColorNameForeground},
			{"a blue default button (Submit lead)", theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary},
		} {
			plain := over(window, th.Color(b.fill, v))
			focused := over(window, over(th.Color(b.fill, v), th.Color(theme.ColorNameFocus, v)))
			if got := contrast(th.Color(b.fg, v), focused); got < 4.5 {
				t.Errorf("variant %v: the text of %s has a contrast of %.2f:1 when focused, want at least 4.5", v, b.name, got)
			}
			if got := contrast(plain, focused); got < 1.45 {
				t.Errorf("variant %v: focus changes %s by a contrast of only %.2f:1", v, b.name, got)
			}
		}
	}
}
