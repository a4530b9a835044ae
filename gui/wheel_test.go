package gui

import (
	"fmt"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// notch is one notch of a mouse wheel turned towards the person, as Fyne's desktop driver
// reports it on X11 and Windows (GLFW's offset of -1, times Fyne's 25).
const notch = -driverNotch

// wheelOnce turns the wheel one notch over the point dx, dy inside o, and reports how far
// scrolled moved.
func (h *harness) wheelOnce(o fyne.CanvasObject, dx, dy float32, scrolled func() float32) float32 {
	h.t.Helper()
	before := scrolled()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).AddXY(dx, dy)
	test.Scroll(h.canvas(), at, 0, notch)
	return scrolled() - before
}

// assertAboutThreeLines fails unless moved is about wheelLines lines of text; on macOS, whose
// driver reports the distance the system means, unless moved is that distance.
func assertAboutThreeLines(t *testing.T, where string, moved float32) {
	t.Helper()
	if runtime.GOOS == "darwin" {
		if moved != -notch {
			t.Errorf("one wheel notch over %s scrolled %.0f pixels; on macOS want the driver's %d", where, moved, -notch)
		}
		return
	}
	if lines := moved / lineHeight(); lines < wheelLines-0.5 || lines > wheelLines+0.5 {
		t.Errorf("one wheel notch over %s scrolled %.0f pixels, %.1f lines; want about %d", where, moved, lines, wheelLines)
	}
}

func TestOneWheelNotchScrollsAFormAboutThreeLinesOverAFieldOrBetweenFields(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.win.Resize(fyne.NewSize(800, 600))
	id := h.existingLead()
	for _, c := range []struct {
		tab  string
		show func()
		view func() *container.Scroll
		over func() fyne.CanvasObject // a box in view at the top of the form
	}{
		{"New lead", func() { h.u.tabs.Select(h.u.tabs.Items[0]) }, func() *container.Scroll { return h.u.newLead.form.view },
			func() fyne.CanvasObject { return h.u.newLead.form.inputs["LastName"].entry }},
		{"Edit lead", func() { h.load(id) }, func() *container.Scroll { return h.u.edit.form.view },
			func() fyne.CanvasObject { return h.u.edit.form.inputs["LastName"].entry }},
		{"Settings", func() { h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault) }, func() *container.Scroll { return h.u.settings.view },
			func() fyne.CanvasObject { return h.u.settings.clientID }},
	} {
		c.show()
		view := c.view()
		view.ScrollToTop()
		offset := func() float32 { return view.Offset.Y }
		assertAboutThreeLines(t, c.tab+"'s "+"box", h.wheelOnce(c.over(), 10, 5, offset))
		view.ScrollToTop()
		// Left of the box, in the label column: over the form, not over a field.
		assertAboutThreeLines(t, c.tab+"'s labels", h.wheelOnce(c.over(), -labelWidth/2, 5, offset))
	}
}

func TestOneWheelNotchScrollsMyLeadsAboutThreeLines(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.win.Resize(fyne.NewSize(800, 600))
	for i := range 40 {
		h.addLead("Pat", fmt.Sprint("Number", i), fmt.Sprintf("Company %02d", i), nil)
	}
	h.showMyLeads()
	list := h.u.myLeads.list
	if list.Length() != 40 {
		t.Fatalf("My leads shows %d leads", list.Length())
	}
	assertAboutThreeLines(t, "My leads", h.wheelOnce(list, 20, 20, list.GetScrollOffset))
}
