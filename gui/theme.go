package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// focusTheme is the app's theme with a focus colour strong enough to be seen at a glance on
// every control that draws focus with it: buttons (Submit lead, dialog buttons), the terms
// box, the Owner 2 fold. Fyne's own is a faint tint (alpha 0x2a) that all but vanishes on
// a blue default button. Light and dark each get a colour that stands out from both the
// plain and the blue button (at least 1.45:1) while their text keeps at least 4.5:1 on it.
// In light, that needs text darker than Fyne's grey (#565656 reads at only 1.8:1 on any
// focus that can be seen on a grey button), so light text is near-black.
type focusTheme struct{ fyne.Theme }

// withStrongFocus wraps t (nil: Fyne's default theme); every colour but focus and the light
// foreground is t's.
func withStrongFocus(t fyne.Theme) fyne.Theme {
	if t == nil {
		t = theme.DefaultTheme()
	}
	return focusTheme{t}
}

var (
	// focusLight darkens: grey buttons turn a light steel blue under near-black text (5.6:1),
	// blue ones a deeper blue under white (7.7:1).
	focusLight = color.NRGBA{R: 0x00, G: 0x1c, B: 0x66, A: 0x70}
	// focusDark turns both dark grey and blue buttons a slate blue under white text (8:1).
	focusDark = color.NRGBA{R: 0x30, G: 0x48, B: 0x90, A: 0xe0}
	// foregroundLight is the light variant's text: near-black, readable on a focused button.
	foregroundLight = color.NRGBA{R: 0x20, G: 0x20, B: 0x20, A: 0xff}
)

// Color answers the focus colour for the variant and the light text; everything else comes
// from the wrapped theme.
func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch {
	case n == theme.ColorNameFocus && v == theme.VariantDark:
		return focusDark
	case n == theme.ColorNameFocus:
		return focusLight
	case n == theme.ColorNameForeground && v != theme.VariantDark:
		return foregroundLight
	}
	return t.Theme.Color(n, v)
}
