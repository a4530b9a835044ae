package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// windowTheme is the window's theme as it is now (it changes with the system's light or dark),
// for a theme override that changes a colour or two of it around one widget.
type windowTheme struct{}

func (windowTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t windowTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.current().Font(s) }
func (t windowTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }
func (t windowTheme) Size(n fyne.ThemeSizeName) float32       { return t.current().Size(n) }

// Fyne draws an unticked tick box as a hairline square (a twenty-fourth of its size, under one
// pixel) in the input-border grey, which it keeps faint because the same colour outlines every
// text box: 1.3:1 on a light window, 1.6:1 on a dark one, so the terms box all but disappears.
// Around a tick box the square is drawn twice as thick (Material's own outline) in a grey that,
// as drawn, stands out at 3:1 or more from both the window and the box's fill (WCAG 1.4.11).
// Text boxes keep Fyne's faint outline: against a darker one, the blue outline of the box with
// the keyboard would stand out less.
var (
	tickBorderLight = color.NRGBA{R: 0x5c, G: 0x5c, B: 0x5c, A: 0xff}
	tickBorderDark  = color.NRGBA{R: 0xa6, G: 0xa6, B: 0xa6, A: 0xff}
	// tickSquare is the unticked square, 2 units thick in 24; Fyne's fill (5 to 19) meets it.
	tickSquare = fyne.NewStaticResource("tick-square.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path d="M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2z"/></svg>`))
)

// tickLook is the window's theme with the tick box's plain square.
type tickLook struct{ windowTheme }

// Color answers the tick box grey for the input border; every other colour is the window's.
// The grey is chosen by the window's background as drawn, dark or light, whatever the variant
// says (a theme may be dark in both).
func (t tickLook) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch {
	case n != theme.ColorNameInputBorder:
		return t.current().Color(n, v)
	case isDark(t.current().Color(theme.ColorNameBackground, v)):
		return tickBorderDark
	}
	return tickBorderLight
}

// isDark reports whether c is nearer black than white.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return 299*r+587*g+114*b < 1000*0x8000 // perceived brightness (ITU-R 601 weights)
}

// Icon answers the thicker square for an unticked box; every other icon is the window's.
func (t tickLook) Icon(n fyne.ThemeIconName) fyne.Resource {
	if n == theme.IconNameCheckButton {
		return tickSquare
	}
	return t.current().Icon(n)
}

// plainTick draws the tick box tick (a widget.Check, or one built on it) with a square that can
// be seen unticked; tick keeps its keyboard and its place in the Tab order.
func plainTick(tick fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(tick, tickLook{})
}
