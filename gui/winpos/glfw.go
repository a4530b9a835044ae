//go:build cgo && !wayland && !mobile && !android && !ios && !js && !wasm

package winpos

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"

	"leaddesk/sfclient/instance"
)

// Position is the top-left corner of win's content in screen coordinates. It is false when
// win is not a GLFW window, or is minimised (Windows then reports -32000,-32000).
func (Desktop) Position(win fyne.Window) (p instance.Point, ok bool) {
	onGLFW(win, func(w *glfw.Window) {
		if w.GetAttrib(glfw.Iconified) == glfw.True {
			return
		}
		p.X, p.Y = w.GetPos()
		ok = true
	})
	return p, ok
}

// Place moves win's content to p when the window, frame and title bar included, is then
// mostly on the work area of a screen connected now (instance.OnScreen), and reports whether
// it moved. Otherwise win stays where the platform put it: a laptop undocked from the screen
// the window was on opens it on its own.
func (Desktop) Place(win fyne.Window, p instance.Point) (moved bool) {
	onGLFW(win, func(w *glfw.Window) {
		width, height := w.GetSize()
		left, top, right, bottom := w.GetFrameSize()
		frame := instance.Rect{X: p.X - left, Y: p.Y - top, Width: left + width + right, Height: top + height + bottom}
		if instance.OnScreen(frame, workAreas()) {
			w.SetPos(p.X, p.Y)
			moved = true
		}
	})
	return moved
}

// onGLFW runs f with win's GLFW window; it does nothing when win has none.
func onGLFW(win fyne.Window, f func(*glfw.Window)) {
	withContext(win, func() {
		if w := glfw.GetCurrentContext(); w != nil {
			f(w)
		}
	})
}

// workAreas are the screens connected now, less their task bars, docks and menu bars.
func workAreas() []instance.Rect {
	var areas []instance.Rect
	for _, m := range glfw.GetMonitors() {
		x, y, w, h := m.GetWorkarea()
		areas = append(areas, instance.Rect{X: x, Y: y, Width: w, Height: h})
	}
	return areas
}
