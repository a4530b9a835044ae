package winpos

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/instance"
)

// The real window is checked by scripts/keyboard-check, which moves it under Xvfb, quits and
// starts again: it fails if Fyne's window no longer lets GLFW's be reached.

func TestAWindowWithoutGLFWTellsNoPositionAndStaysWhereItIs(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel("Lead Desk"))
	if p, ok := (Desktop{}).Position(win); ok {
		t.Fatalf("Fyne's test window said it stands at %v", p)
	}
	if (Desktop{}).Place(win, instance.Point{X: 137, Y: 91}) {
		t.Fatal("Fyne's test window was said to be moved")
	}
}
