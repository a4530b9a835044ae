package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The window's first frame is measured and drawn whole, and Fyne draws every visible object
// of a scroll, in view or not; New lead's form is about sixty fields long. So the form is
// built without measuring anything, the window's first frame holds only the sections that
// start inside the window, and the others are shown by the first thing the event loop runs,
// before it reads any key (UI.afterFirstFrame).

// unmeasured is a container of objects laid out by l. Unlike container.New it neither
// measures nor lays out its objects now: they are measured once, when the window lays out
// what it shows, and never while hidden.
func unmeasured(l fyne.Layout, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objects}
}

// holdBack hides the form's sections (and the cards after them) that start below height,
// the most of the form a window that tall can show; showHeldBack brings them back. Only the
// sections above are measured.
func (f *leadForm) holdBack(height float32) {
	top := float32(0)
	for _, part := range f.content.(*fyne.Container).Objects {
		switch {
		case !part.Visible():
		case top >= height:
			part.Hide()
			f.heldBack = append(f.heldBack, part)
		default:
			top += part.MinSize().Height + theme.Padding()
		}
	}
}

// showHeldBack shows what holdBack hid, laid out below the rest at once, so Tab reaches
// every field.
func (f *leadForm) showHeldBack() {
	if len(f.heldBack) == 0 {
		return
	}
	for _, part := range f.heldBack {
		part.Show()
	}
	f.heldBack = nil
	layOut(f.view)
	f.view.Refresh()
}
