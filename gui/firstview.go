package gui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The window's first frame is measured and drawn whole: Fyne measures each container as it is
// built, refreshes every object of a tab when the tabs are first drawn, and paints every
// visible object of a scroll, in view or not; New lead's form is about sixty fields long. So
// the form is built without measuring anything, the window's first frame holds only the
// sections and rows that start inside the window, and the others join it in the first thing
// the event loop runs, before it reads any key (UI.afterFirstFrame).

// unmeasured is a container of objects laid out by l. Unlike container.New it neither
// measures nor lays out its objects now: they are measured once, when the window lays out
// what it shows, and never while hidden.
func unmeasured(l fyne.Layout, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objects}
}

// heldBack is what holdBack took out of the form for the window's first frame.
type heldBack struct {
	cards   []fyne.CanvasObject // the sections (and cards) that start below the window
	section *fyne.Container     // the section whose rows the window's bottom edge crosses
	rows    []fyne.CanvasObject // that section's labels and boxes from the first row below the edge
}

// holdBack takes what starts below height, the most of the form a window that tall can
// show, out of the form until showHeldBack puts it back: the sections below, and the rows
// below of the section that edge crosses. Only what stays is measured. The first section
// and its first row always stay, whatever the height: the keyboard starts there.
func (f *leadForm) holdBack(height float32) {
	box := f.content.(*fyne.Container)
	top := float32(0)
	for i, part := range box.Objects {
		if top >= height && i > 0 {
			f.held.cards = slices.Clone(box.Objects[i:])
			box.Objects = box.Objects[:i]
			return
		}
		if !part.Visible() {
			continue
		}
		size := part.MinSize().Height
		if top+size > height {
			f.holdBackRows(part, height-top)
		}
		top += size + theme.Padding()
	}
}

// holdBackRows takes out of a section's card the rows that start room or more below the
// card's top. Owner 2's fold is left whole.
func (f *leadForm) holdBackRows(part fyne.CanvasObject, room float32) {
	card, ok := part.(*widget.Card)
	if !ok {
		return
	}
	section, ok := card.Content.(*fyne.Container)
	if !ok {
		return
	}
	top := card.MinSize().Height - section.MinSize().Height // the heading above the rows
	for i := 0; i+1 < len(section.Objects); i += 2 {        // label, box
		if top >= room && i > 0 {
			f.held.section, f.held.rows = section, slices.Clone(section.Objects[i:])
			section.Objects = section.Objects[:i]
			return
		}
		top += max(section.Objects[i].MinSize().Height, section.Objects[i+1].MinSize().Height) + theme.Padding()
	}
}

// showHeldBack puts back what holdBack took out, laid out at once, so Tab reaches every field.
func (f *leadForm) showHeldBack() {
	if f.held.section == nil && len(f.held.cards) == 0 {
		return
	}
	if f.held.section != nil {
		f.held.section.Objects = append(f.held.section.Objects, f.held.rows...)
	}
	box := f.content.(*fyne.Container)
	box.Objects = append(box.Objects, f.held.cards...)
	f.held = heldBack{}
	layOut(f.view)
	f.view.Refresh()
}
