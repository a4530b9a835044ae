package gui

import (
	"time"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
)

// This file is what the window offers its panels. Each panel holds the window as a small
// interface of its own (newLeadHost, editHost, outboxHost, myLeadsHost, settingsHost,
// attachmentsHost, declared in the panel's file) listing only what it calls. The methods here
// read the window's state without handing out its fields, and pass one panel's requests on to
// another, so no panel writes state it does not own.

// worker is the window's worker: it runs work off the UI goroutine and hands the result back
// (bridge.go).
func (u *UI) worker() *worker { return &u.jobs }

// window is the main window, for dialogs and the keyboard focus.
func (u *UI) window() fyne.Window { return u.win }

// windowOptions are the Options the window was made with.
func (u *UI) windowOptions() Options { return u.opts }

// now is the window's clock (Options.Now).
func (u *UI) now() time.Time { return u.opts.Now() }

// currentClient is the signed-in session's client; nil while nobody is signed in.
func (u *UI) currentClient() *sfclient.Client { return u.client }

// currentProfile is the opened profile (settings, vault, drafts); nil until it is open.
func (u *UI) currentProfile() *sfclient.Profile { return u.profile }

// currentSettings are the settings in force, as last loaded or saved.
func (u *UI) currentSettings() sfclient.Settings { return u.cfg }

// clipboard is the system clipboard.
func (u *UI) clipboard() fyne.Clipboard { return u.app.Clipboard() }

// notify shows a desktop notification.
func (u *UI) notify(n *fyne.Notification) { u.app.SendNotification(n) }

// noteError keeps sentence as the last error said, as showError does, for an error shown
// beside a field instead of in a dialog.
func (u *UI) noteError(sentence string) { u.lastError = sentence }

// signedOut forgets the session after the profile signed out; the header offers to sign in.
func (u *UI) signedOut() {
	u.client = nil
	u.showSession()
	u.settings.showStatus() // Sign out is disabled now
}

// What one panel asks of another.

// openInEdit shows Edit lead and loads the lead id there.
func (u *UI) openInEdit(id string) { u.edit.open(id) }

// openInEditWithFiles loads the lead id in Edit lead with files waiting in its Documents
// area (a new lead's attachments that did not get through).
func (u *UI) openInEditWithFiles(id string, files []outbox.Document) { u.edit.openWithFiles(id, files) }

// openInEditWithChanges loads the lead id in Edit lead with changes typed over it (an update
// taken back from the Outbox).
func (u *UI) openInEditWithChanges(id string, changes lead.Values) {
	u.edit.openWithChanges(id, changes)
}

// reopenInNewLead puts a new lead taken back from the Outbox into New lead, to be corrected
// and sent again as the same submission; uncertain says an earlier attempt may have reached
// Salesforce.
func (u *UI) reopenInNewLead(values lead.Values, submission string, uncertain bool) {
	u.newLead.reopen(values, submission, uncertain)
}

// reloadOutbox reads the Outbox again, after a panel added to it or sent from it.
func (u *UI) reloadOutbox() { u.outbox.reload() }

// outboxEntries is a copy of what waits in the Outbox, as last read.
func (u *UI) outboxEntries() []outbox.Entry { return u.outbox.waiting() }

// redrawMyLeads redraws My leads, which marks the leads waiting in the Outbox.
func (u *UI) redrawMyLeads() { u.myLeads.redraw() }

// leadCache is My leads' cache of Salesforce's answers for client c; Edit lead's History
// reads through it. It may be called off the UI goroutine.
func (u *UI) leadCache(c *sfclient.Client) *sfclient.LeadCache { return u.myLeads.cacheFor(c) }
