package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// focusShown gives the keyboard to the first thing a person uses on the tab just shown: New
// lead's first field, Edit lead's id box, Settings' first choice, the Outbox's Send button
// (when it can send), the My leads list. A tab with nothing to use takes the keyboard
// away, so what is typed next never lands in a tab that is no longer shown.
func (u *UI) focusShown(t *container.TabItem) {
	c := u.win.Canvas()
	switch t.Content {
	case u.newLead.content:
		u.newLead.form.focusFirst()
		return
	case u.edit.content:
		c.Focus(u.edit.idEntry)
		return
	case u.settings.content:
		c.Focus(u.settings.loginKind)
		return
	case u.outbox.content:
		if !u.outbox.sendB.Disabled() {
			c.Focus(u.outbox.sendB)
			return
		}
	case u.myLeads.content:
		return // the list took the keyboard when shown (myLeadsPanel.shown)
	}
	c.Unfocus()
}

// focusAfterSignIn gives the keyboard back to the tab shown once the sign-in button, which
// had it, has gone: typing goes on where the clerk was working.
func (u *UI) focusAfterSignIn() {
	if u.win.Canvas().Overlays().Top() != nil {
		return // a dialog has the keyboard; the window's focus is looked at once it goes
	}
	if f := u.win.Canvas().Focused(); f == nil || f == fyne.Focusable(u.signInButton) {
		u.focusShown(u.tabs.Selected())
	}
}
