// Package gui is Lead Desk's window: sign-in, the new-lead form, the edit panel, the outbox,
// the dealer's leads (My leads) and settings. Every widget lives here; every Salesforce call goes through
// sfclient, run off the UI goroutine by the worker in bridge.go. It builds no HTTP requests
// and does no crypto.
//
// app.New* is called only by main, so these screens are tested headless with
// fyne.io/fyne/v2/test.
//
// The window's files follow its seams: app.go builds the window and its tabs; profile.go opens
// the saved data; session.go holds the Salesforce session and runs calls; header.go is the
// line above the tabs; dialogs.go turns errors into dialogs; placement.go keeps the window's
// size and position between starts; each tab has its own file and keeps its own state,
// offering methods for what the others may ask of it. A panel holds the window only as a
// small interface declared in its own file (newLeadHost, editHost, …) that lists the methods
// it calls; host.go answers them with read-only accessors and passes one panel's requests on
// to another (openInEdit, reloadOutbox), so no panel writes state it does not own.
// attachments.go is the Attachments area New lead and Edit lead share (and the window's drop
// target); documents.go is Edit lead's list of a lead's documents and its Upload.
package gui

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/vault"
)

// Options say where the window keeps its state and how it reaches the outside.
type Options struct {
	Home  string        // the profile folder (sfclient.Home)
	Vault vault.Options // where the vault's key comes from; a passphrase is asked when needed
	// OpenBrowser opens the sign-in page. Nil means the system browser.
	OpenBrowser func(string) error
	HTTPClient  *http.Client // nil means sfclient's defaults
	Now         func() time.Time
	Title       string // window title; empty means "Lead Desk"
	Version     string // shown in About
	// ConfirmFor is how long a confirmation ("✓ Saved") stays beside the tab's buttons; the next action
	// clears it sooner. Zero means 4 s.
	ConfirmFor time.Duration
	// Prepare, when set, runs once off the UI goroutine before the profile is first opened,
	// after the window has appeared (demo mode starts its stand-in org here). Its error is
	// shown and the profile stays closed.
	Prepare func() error
	// ResetDemo, in demo mode, empties the demo org and the demo profile's saved data; the
	// window then offers "Reset demo data". Nil (a real profile) offers nothing of the kind.
	ResetDemo func() error
	// RetryCheck is the soonest the outbox is retried by itself after it changed; later
	// retries wait for its backoff. No timer runs while the outbox is empty. Zero means 5 s;
	// negative switches automatic retry off (tests).
	RetryCheck time.Duration
	// LeadsRefresh is how often My leads is read again while the window is open, once its tab
	// was shown. Zero means DefaultLeadsRefresh; negative switches it off (tests).
	LeadsRefresh time.Duration
	// Desktop reads and sets where the window stands among the screens (gui/winpos in the
	// built app). Nil means the position is not remembered; the size still is.
	Desktop Desktop

	uiLoop chan func() // tests: results are run by the test itself (see worker.drain)
}

// UI is the running window: the shell that holds the profile, the session and the tabs. Each
// tab keeps its own state and sees the shell only through its host interface (host.go); the
// shell calls the tabs' methods (focusStart, acceptDroppedFiles…: tabfocus.go) and compares
// their content to know which tab is shown; it touches none of their other fields.
type UI struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	jobs worker
	header

	profile *sfclient.Profile
	client  *sfclient.Client
	cfg     sfclient.Settings // the settings as last loaded or saved

	tabs     *container.AppTabs
	builders []func() fyne.CanvasObject // by tab: builds a tab's content when first needed; nil once built
	current  *container.TabItem         // the tab shown, as the person last left it
	newLead  *newLeadPanel
	edit     *editPanel
	settings *settingsPanel
	outbox   *outboxPanel
	myLeads  *myLeadsPanel

	progress       dialog.Dialog
	cancelProgress context.CancelFunc
	signInDialog   *signInDialog
	passphrase     *passEntry
	reauth         *dialog.ConfirmDialog // "sign in again?" after the session died mid-action
	dialogKeys     map[fyne.CanvasObject]dialogKeys
	prepare        func() error // Options.Prepare, run at most once

	draftTimer *time.Timer
	restore    *dialog.ConfirmDialog // "bring back your unsaved work?", asked once at start
	undecided  map[string]bool       // draft kinds offered back and neither restored nor discarded
	quitting   bool                  // the person chose to quit with leads in the Outbox
	lastError  string                // the last error sentence shown, for tests and support
}

// New builds the window; call ShowAndRun on Window(). The profile is opened in the
// background once the window is up (the keychain and the passphrase's key derivation are
// slow), asking for a passphrase where none is known.
func New(a fyne.App, opts Options) *UI {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Title == "" {
		opts.Title = "Lead Desk"
	}
	if opts.ConfirmFor == 0 {
		opts.ConfirmFor = 4 * time.Second
	}
	a.Settings().SetTheme(withStrongFocus(a.Settings().Theme())) // a focus anyone can see (theme.go)
	u := &UI{app: a, opts: opts, win: a.NewWindow(opts.Title)}
	keepCaretWhenTheWindowReturns(a, u.win.Canvas())
	u.jobs.loop = opts.uiLoop
	u.prepare = func() error { return nil }
	if opts.Prepare != nil {
		u.prepare = sync.OnceValue(opts.Prepare)
	}
	bar := u.header.build(func() { u.signIn(nil) }, func() { u.show(tabOutbox) })

	// Only the tab shown at start is built now; the others are built when first shown, so the
	// first frame neither builds nor measures a second long form.
	u.newLead = newNewLeadPanel(u)
	u.edit = &editPanel{u: u}
	u.outbox = &outboxPanel{u: u}
	u.myLeads = newMyLeadsPanel(u) // filled when first shown
	u.settings = &settingsPanel{u: u}
	u.builders = []func() fyne.CanvasObject{nil, u.edit.build, u.outbox.build, nil, u.settings.build}
	u.tabs = container.NewAppTabs( // in the order of the tab constants
		container.NewTabItem("New lead", u.newLead.content),
		container.NewTabItem("Edit lead", container.NewStack()),
		container.NewTabItem("Outbox", container.NewStack()),
		container.NewTabItem("My leads", u.myLeads.content),
		container.NewTabItem("Settings", container.NewStack()),
	)
	u.current = u.tabs.Items[tabNew]
	u.tabs.OnSelected = u.selected
	// What the window cannot show waits for afterFirstFrame. The form has the window's height
	// but for the header and the action bar (the menu and the tabs, left in, keep it generous).
	size, pos := u.startPlacement() // placement.go
	u.newLead.form.holdBack(size.Height - bar.MinSize().Height - u.newLead.actions.MinSize().Height)
	u.win.SetContent(container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, u.tabs))
	u.applyPlacement(size, pos)
	u.setMenu()
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.win.SetCloseIntercept(u.quit)
	u.win.SetOnDropped(u.dropped)
	u.jobs.soon(u.afterFirstFrame)
	u.newLead.focusStart() // what is typed first is never lost
	return u
}

// afterFirstFrame is the first thing the event loop runs, once the window has appeared: the
// rest of New lead's form, then the profile.
func (u *UI) afterFirstFrame() {
	u.newLead.form.showHeldBack()
	u.openProfile(u.opts.Vault)
}

// The tabs, in order.
const (
	tabNew = iota
	tabEdit
	tabOutbox
	tabMyLeads
	tabSettings
)

// show selects a tab.
func (u *UI) show(tab int) { u.tabs.Select(u.tabs.Items[tab]) }

// ensure builds tab's content if it was not built yet.
func (u *UI) ensure(tab int) {
	build := u.builders[tab]
	if build == nil {
		return
	}
	u.builders[tab] = nil
	u.tabs.Items[tab].Content = build()
	u.tabs.Refresh()
}

// selected follows the tabs. Leaving Edit lead with unsaved edits, or files listed and not
// uploaded, goes back to it at once, before anything is drawn, and asks, the keyboard left in
// the field being edited (where Stay returns); the chosen tab is shown only after Save or
// Discard.
func (u *UI) selected(t *container.TabItem) {
	edit := u.tabs.Items[tabEdit]
	if u.current == edit && t != edit && u.edit.unsaved() {
		was := u.win.Canvas().Focused()
		u.tabs.Select(edit)
		if was != nil {
			u.win.Canvas().Focus(was) // not the id box that showing the tab focuses
		}
		u.edit.askBeforeLeaving(func() { u.tabs.Select(t) })
		return
	}
	u.current = t
	u.ensure(u.tabs.SelectedIndex())
	if t.Content == u.myLeads.content {
		u.myLeads.shown()
	}
	u.focusShown(t) // typing goes into the tab now shown, never a hidden one
}

// quit is the window's close button. What is typed in the forms is kept as drafts; unsaved
// edits and files not uploaded in Edit lead, and leads waiting in the Outbox (nothing is sent while the window is closed), are
// asked about first. The window's size and position are kept for the next start.
func (u *UI) quit() {
	u.saveDrafts(true) // whatever happens next, nothing typed is lost
	if u.edit.unsaved() {
		u.edit.askBeforeLeaving(u.quit)
		return
	}
	if n := len(u.outbox.waiting()); n > 0 && !u.quitting {
		u.askQuitWithOutbox(n)
		return
	}
	u.savePlacement()
	u.myLeads.stop() // no more refreshes of a closed window
	u.win.Close()
}

// askQuitWithOutbox says that what waits in the Outbox is not sent while Lead Desk is closed.
// Staying open is the default.
func (u *UI) askQuitWithOutbox(n int) {
	var d *dialog.CustomDialog
	stay := widget.NewButton("Stay open", func() { d.Hide() })
	stay.Importance = widget.HighImportance
	quit := widget.NewButton("Quit", func() {
		d.Hide()
		u.quitting = true
		u.quit()
	})
	what := "1 lead or change waits"
	if n > 1 {
		what = fmt.Sprintf("%d leads or changes wait", n)
	}
	d = dialog.NewCustomWithoutButtons("Leads are waiting in the Outbox",
		wrapped(what+" in the Outbox. Nothing is sent while Lead Desk is closed; they are sent by themselves at the next start."), u.win)
	d.SetButtons([]fyne.CanvasObject{quit, stay})
	d.Resize(fyne.NewSize(460, 180))
	u.showDialog(d, stay.OnTapped, nil)
}

// BringForward shows the window and asks for the keyboard: another start of Lead Desk on the
// same profile asked for it. It may be called from any goroutine.
func (u *UI) BringForward() {
	u.jobs.post(func() {
		u.win.Show()
		u.win.RequestFocus()
	})
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// save is Ctrl/Cmd+S: submit on New lead, save on Edit lead.
func (u *UI) save() {
	switch u.tabs.Selected().Content {
	case u.newLead.content:
		u.newLead.submit()
	case u.edit.content:
		u.edit.save()
	case u.settings.content:
		u.settings.save()
	}
}

// useSettings makes st the settings in force: the lead being typed in New lead takes the
// dealer's defaults from it where the clerk has not typed (newLeadPanel.takeDefaults).
func (u *UI) useSettings(st sfclient.Settings) {
	u.cfg = st
	u.newLead.takeDefaults(st)
}
