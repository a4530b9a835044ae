//go:build !(cgo && !wayland && !mobile && !android && !ios && !js && !wasm)

package winpos

import (
	"fyne.io/fyne/v2"

	"leaddesk/sfclient/instance"
)

// Position is always false here: this build has no GLFW window to ask (see the package comment).
func (Desktop) Position(fyne.Window) (instance.Point, bool) { return instance.Point{}, false }

// Place never moves the window here: the platform's placement stands.
func (Desktop) Place(fyne.Window, instance.Point) bool { return false }
