package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// A box the person cannot change (a converted lead, a field the org locks) is still there to
// be read: Fyne draws a disabled box's text in its faint "disabled" grey, close to the
// "e.g. …" examples (about 1.7:1 in light, 1.4:1 in dark). A read-only form box instead keeps
// its text in the normal foreground colour on a background of its own, and shows no example.

// lookReadOnly gives in's box the read-only look as it first becomes read-only: from then on,
// while in is read-only, its text is drawn in the foreground colour on the read-only
// background. The box is wrapped only then, not when the form is built: a theme override
// around each of a form's boxes more than doubles the time a form takes to build and draw.
func (in *input) lookReadOnly() {
	row := in.row.(*fyne.Container)
	w := in.focusable().(fyne.CanvasObject)
	if row.Objects[0] != w {
		return // wrapped already
	}
	row.Objects[0] = container.NewThemeOverride(w, readOnlyLook{in: in})
	row.Refresh()
}

// readOnlyLook is the window's theme, with the read-only colours while its input is read-only.
type readOnlyLook struct {
	windowTheme
	in *input
}

// Color answers the foreground for the disabled text and border, and the read-only background,
// while the input is read-only; every other colour, and all of them otherwise, are the window's.
func (t readOnlyLook) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.in.readOnly() {
		switch n {
		case theme.ColorNameDisabled:
			return t.current().Color(theme.ColorNameForeground, v)
		case theme.ColorNameInputBackground:
			return readOnlyBackground(t.current(), v)
		}
	}
	return t.current().Color(n, v)
}

// readOnlyBackground is the fill of a read-only box: the theme's disabled-button grey, a shade
// apart from an editable box's fill, under which the foreground keeps its full contrast.
func readOnlyBackground(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	return th.Color(theme.ColorNameDisabledButton, v)
}
