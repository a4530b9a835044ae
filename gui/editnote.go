package gui

import "fyne.io/fyne/v2/widget"

// notLoadedSignIn is what Edit lead's action bar says when the sign-in a load waited for was
// given up (Esc or Cancel at the sign-in dialog).
const notLoadedSignIn = "Not loaded: sign in to open a lead."

// newBarNote is a hidden line for an action bar, for what did not happen.
func newBarNote() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// notLoaded says in the action bar that the lead asked for was not loaded, because the
// sign-in it waited for was given up, and puts the id box back to the lead still on screen:
// the box and the form name the same lead. With no lead on screen the typed id stays.
func (p *editPanel) notLoaded() {
	if p.loadedID != "" {
		p.idEntry.SetText(p.loadedID)
	}
	p.barNote.SetText(notLoadedSignIn)
	p.barNote.Show()
	p.u.noteError(notLoadedSignIn)
}
