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
// plain and the blue button while their text stays readable.
type focusTheme struct{ fyne.Theme }

// withStrongFocus wraps t (nil: Fyne's default theme); every colour but focus is t's.
func withStrongFocus(t fyne.Theme) fyne.Theme {
	if t == nil {
		t = theme.DefaultTheme()
	}
	return focusTheme{t}
}

var (
	// focusLight darkens: grey buttons turn a mid blue under black text, blue ones navy.
	focusLight = color.NRGBA{R: 0x00, G: 0x1c, B: 0x66, A: 0x8c}
	// focusDark lightens: dark buttons turn a slate blue under white text, blue ones paler.
	focusDark = color.NRGBA{R: 0x9c, G: 0xc4, B: 0xff, A: 0x6c}
)

// Color answers the focus colour for the variant; everything else comes from the wrapped theme.
func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n != theme.ColorNameFocus {
		return t.Theme.Color(n, v)
	}
	if v == theme.VariantDark {
		return focusDark
	}
	return focusLight
}
