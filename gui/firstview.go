package gui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The window's first frame is measured and drawn whole: Fyne measures each container as it is
// built, refreshes every object of a tab when the tabs are first drawn, and paints every
// visible object of a scroll, in view or not; New lead's form is about sixty fields long. So
// the form is built without measuring anything, the window's first frame holds only the
// sections that start inside the window, and the others join it in the first thing the event
// loop runs, before it reads any key (UI.afterFirstFrame).

// unmeasured is a container of objects laid out by l. Unlike container.New it neither
// measures nor lays out its objects now: they are measured once, when the window lays out
// what it shows, and never while hidden.
func unmeasured(l fyne.Layout, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objects}
}

// holdBack takes the form's sections (and the cards after them) that start below height, the
// most of the form a window that tall can show, out of the form until showHeldBack puts them
// back. Only the sections above are measured.
func (f *leadForm) holdBack(height float32) {
	box := f.content.(*fyne.Container)
	top := float32(0)
	for i, part := range box.Objects {
		if top >= height {
			f.heldBack = slices.Clone(box.Objects[i:])
			box.Objects = box.Objects[:i]
			return
		}
		if part.Visible() {
			top += part.MinSize().Height + theme.Padding()
		}
	}
}

// showHeldBack puts back below the rest, laid out at once, what holdBack took out, so Tab
// reaches every field.
func (f *leadForm) showHeldBack() {
	if len(f.heldBack) == 0 {
		return
	}
	box := f.content.(*fyne.Container)
	box.Objects = append(box.Objects, f.heldBack...)
	f.heldBack = nil
	layOut(f.view)
	f.view.Refresh()
}
