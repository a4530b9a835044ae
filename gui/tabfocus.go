package gui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// tabPanel is what the window asks of the panel of each tab; the panel keeps its widgets to
// itself.
type tabPanel interface {
	// focusStart gives the keyboard to the first thing a person uses on the tab, or takes it
	// away when there is nothing to use, so what is typed next never lands in a tab no longer
	// shown.
	focusStart()
}

// fileTaker is a panel that takes files dropped on the window while its tab is shown.
type fileTaker interface {
	// acceptDroppedFiles lists the files in the panel's attachments, and reports false
	// (nothing listed) when the panel has nothing to attach them to.
	acceptDroppedFiles(uris []fyne.URI) bool
}

// panelOf is the panel of tab t, nil for a tab the window does not know.
func (u *UI) panelOf(t *container.TabItem) tabPanel {
	panels := []tabPanel{tabNew: u.newLead, tabEdit: u.edit, tabOutbox: u.outbox, tabMyLeads: u.myLeads, tabSettings: u.settings}
	if i := slices.Index(u.tabs.Items, t); i >= 0 && i < len(panels) {
		return panels[i]
	}
	return nil
}

// focusShown gives the keyboard to the first thing a person uses on the tab just shown: New
// lead's first field, Edit lead's id box, the Outbox's Send button (when it can send), My
// leads' search box, Settings' first choice (each panel's focusStart).
func (u *UI) focusShown(t *container.TabItem) {
	if p := u.panelOf(t); p != nil {
		p.focusStart()
		return
	}
	u.win.Canvas().Unfocus()
}

// pick is Ctrl/Cmd+1…5: it shows the tab or, when that tab is shown already, takes the
// keyboard back to its start (the first field of a long form), as showing it would.
func (u *UI) pick(tab int) {
	if t := u.tabs.Items[tab]; u.tabs.Selected() == t {
		u.focusShown(t)
		return
	}
	u.show(tab)
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
