package gui

import (
	"fyne.io/fyne/v2"

	"leaddesk/sfclient/instance"
)

// Desktop is where the window stands among the screens, as the platform's window system sees
// it. Fyne 2.7 cannot say; gui/winpos asks GLFW, under Fyne, and main passes it in. The gui
// package itself stays free of cgo, so its tests run headless.
type Desktop interface {
	// Position is the top-left corner of win's content in screen coordinates; false when the
	// window system cannot tell (Fyne's test driver, a build without cgo).
	Position(win fyne.Window) (instance.Point, bool)
	// Place moves win's content to p when the window is then mostly on a screen connected now,
	// and reports whether it moved; otherwise win stays where the platform put it.
	Place(win fyne.Window, p instance.Point) bool
}

// defaultSize is the window's size at the first start, and whenever the saved one is damaged.
var defaultSize = fyne.NewSize(900, 760)

// startPlacement is where and how large the window opens: as it was when it last closed, or
// defaultSize and no position (the platform places it) at the first start or when the saved
// record is damaged.
func (u *UI) startPlacement() (fyne.Size, *instance.Point) {
	saved, ok := instance.LoadPlacement(u.opts.Home)
	if !ok {
		return defaultSize, nil
	}
	return fyne.NewSize(saved.Width, saved.Height), saved.Position
}

// applyPlacement sizes the window and, once it is on screen, puts it back at pos (when that
// place is still on a connected screen; nil leaves it to the platform).
func (u *UI) applyPlacement(size fyne.Size, pos *instance.Point) {
	u.win.Resize(size)
	if pos != nil && u.opts.Desktop != nil {
		// The window system knows the window only once it is shown: in the window, this runs
		// when the event loop starts, right after the first frame.
		u.jobs.soon(func() { u.opts.Desktop.Place(u.win, *pos) })
	}
}

// savePlacement remembers the window's size, and its position where the window system can
// tell, for the next start. What cannot be read now (a minimised window has no size on
// Windows, and no position there either) stays as it was saved before. A failure is logged:
// the next start then opens at the default.
func (u *UI) savePlacement() {
	p, _ := instance.LoadPlacement(u.opts.Home)
	if size := u.win.Canvas().Size(); size.Width > 0 && size.Height > 0 {
		p.Width, p.Height = size.Width, size.Height
	}
	if u.opts.Desktop != nil {
		if pos, ok := u.opts.Desktop.Position(u.win); ok {
			p.Position = &pos
		}
	}
	if p.Width <= 0 || p.Height <= 0 {
		return // nothing known worth keeping: the next start opens at the default
	}
	if err := instance.SavePlacement(u.opts.Home, p); err != nil {
		fyne.LogError("remember the window's size and position", err)
	}
}
