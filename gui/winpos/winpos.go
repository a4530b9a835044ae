// Package winpos reads and sets where Lead Desk's window stands among the screens, which
// Fyne 2.7 has no API for. Fyne's desktop window is a GLFW window; its RunWithContext makes
// that window's context current, and GLFW then hands the window itself back (glfw.go). GLFW
// does the same on Windows, macOS and X11, so no platform's native code is needed. Builds
// without cgo, for Wayland or for phones have no GLFW window here (none.go): the position is
// then simply not remembered.
//
// Everything here runs on Fyne's main goroutine (a Fyne callback, or fyne.Do). It imports
// Fyne and GLFW, never sfclient's network code; gui receives it from main as a gui.Desktop,
// so gui itself and its tests stay free of cgo.
package winpos

import "fyne.io/fyne/v2"

// Desktop is gui.Desktop on the platform's window system. The zero value is ready to use.
type Desktop struct{}

// contextRunner is what Fyne's GLFW window offers beyond fyne.Window: it runs f with the
// window's GL context current on this thread. Fyne's test driver and other drivers lack it.
type contextRunner interface {
	RunWithContext(f func())
}

// withContext runs f with win's context current and reports whether it ran: false when win is
// not a GLFW window, or is closing.
func withContext(win fyne.Window, f func()) bool {
	runner, ok := win.(contextRunner)
	if !ok {
		return false
	}
	ran := false
	runner.RunWithContext(func() {
		ran = true
		f()
	})
	return ran
}
