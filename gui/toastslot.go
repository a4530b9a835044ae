package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// noteSlot is the place in tab's action bar, beside its buttons, where a confirmation
// ("✓ Saved") appears: where the clerk looks after pressing them, not far off in the header.
// Each tab asks for its slot once, as it builds its bar, and gives it the bar's remaining
// width (the centre of a Border): a long confirmation is cut short, never widens the window.
func (h *header) noteSlot(tab int) *fyne.Container {
	if h.slots == nil {
		h.slots = map[int]*fyne.Container{}
	}
	s := container.NewStack()
	h.slots[tab] = s
	return s
}

// placeNote moves the confirmation into the action bar of the tab shown; a tab with no bar
// shows it in the header, as before.
func (h *header) placeNote(tab int) {
	for _, s := range h.slots {
		s.Remove(h.note)
	}
	h.noteHome.Remove(h.note)
	if s, ok := h.slots[tab]; ok { // beside the buttons, in the room they leave
		h.note.Truncation, h.note.Alignment = fyne.TextTruncateEllipsis, fyne.TextAlignLeading
		s.Add(h.note)
		return
	}
	// In the header's grid it is cut short rather than widen the window.
	h.note.Truncation, h.note.Alignment = fyne.TextTruncateEllipsis, fyne.TextAlignTrailing
	h.noteHome.Add(h.note)
}
