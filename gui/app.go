// Package gui is Lead Desk's window: sign-in, the new-lead form, the edit panel and
// settings. Every widget lives here; every Salesforce call goes through sfclient, run off the
// UI goroutine by the worker in bridge.go. It builds no HTTP requests and does no crypto.
//
// app.New* is called only by main, so these screens are tested headless with
// fyne.io/fyne/v2/test.
package gui

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recent"
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
	// RetryCheck is how often the outbox's retry timer is looked at. Zero means every 5 s;
	// negative switches automatic retry off (tests).
	RetryCheck time.Duration

	uiLoop chan func() // tests: results are run by the test itself (see worker.drain)
}

// UI is the running window.
type UI struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	jobs worker

	profile *sfclient.Profile
	client  *sfclient.Client

	status         *widget.Label
	note           *widget.Label // the last confirmation ("Saved")
	signInButton   *widget.Button
	tabs           *container.AppTabs
	newLead        *newLeadPanel
	edit           *editPanel
	settings       *settingsPanel
	progress       dialog.Dialog
	cancelProgress context.CancelFunc
	signInDialog   *signInDialog
	outbox         *outboxPanel
	recent         *recentPanel
	outboxCount    *widget.Button
	draftTimer     *time.Timer
	restore        []*dialog.ConfirmDialog // "restore your draft?" questions shown at start
	lastError      string                  // the last error sentence shown, for tests and support
	passphrase     *widget.Entry
	duplicates     dialog.Dialog
	reauth         *dialog.ConfirmDialog // "sign in again?" after the session died mid-action
	cfg            sfclient.Settings     // the settings as last loaded or saved
	lastToast      string
}

// New builds the window; call ShowAndRun on Window(). The profile is opened in the
// background (the keychain can be slow), asking for a passphrase where none is known.
func New(a fyne.App, opts Options) *UI {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Title == "" {
		opts.Title = "Lead Desk"
	}
	u := &UI{app: a, opts: opts, win: a.NewWindow(opts.Title)}
	u.jobs.loop = opts.uiLoop
	u.status = widget.NewLabel("Opening…")
	u.signInButton = widget.NewButton("Sign in", func() { u.signIn(nil) })
	u.signInButton.Importance = widget.HighImportance
	u.outboxCount = widget.NewButton("", func() { u.show(tabOutbox) })
	u.outboxCount.Importance = widget.WarningImportance
	u.outboxCount.Hide()
	u.note = widget.NewLabel("")
	u.note.Importance = widget.SuccessImportance
	u.note.Hide()
	header := container.NewBorder(nil, nil, widget.NewLabelWithStyle("Lead Desk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(u.note, u.outboxCount, u.signInButton), u.status)

	u.newLead = newNewLeadPanel(u)
	u.edit = newEditPanel(u)
	u.settings = newSettingsPanel(u)
	u.outbox = newOutboxPanel(u)
	u.recent = newRecentPanel(u)
	u.tabs = container.NewAppTabs( // in the order of the tab constants
		container.NewTabItem("New lead", u.newLead.content),
		container.NewTabItem("Edit lead", u.edit.content),
		container.NewTabItem("Outbox", u.outbox.content),
		container.NewTabItem("Recent leads", u.recent.content),
		container.NewTabItem("Settings", u.settings.content),
	)
	u.tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == u.recent.content {
			u.recent.shown()
		}
	}
	u.tabs.OnUnselected = func(t *container.TabItem) {
		if t.Content == u.edit.content && u.edit.dirty() {
			u.edit.confirmLeave()
		}
	}
	u.win.SetContent(container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, u.tabs))
	u.win.Resize(fyne.NewSize(900, 760))
	u.setMenu()
	u.win.Canvas().SetOnTypedKey(u.escape)
	u.win.SetCloseIntercept(func() {
		u.saveDrafts(true) // whatever happens next, nothing typed is lost
		if u.edit.dirty() {
			dialog.ShowConfirm("Unsaved changes", "The lead you are editing has changes that are not saved. Close anyway?",
				func(ok bool) {
					if ok {
						u.win.Close()
					}
				}, u.win)
			return
		}
		u.win.Close()
	})
	u.openProfile(opts.Vault)
	u.startRetrying()
	u.newLead.form.focusFirst() // what is typed first is never lost
	return u
}

// The tabs, in order.
const (
	tabNew = iota
	tabEdit
	tabOutbox
	tabRecent
	tabSettings
)

// show selects a tab.
func (u *UI) show(tab int) { u.tabs.Select(u.tabs.Items[tab]) }

// startRetrying checks the outbox every few seconds; the outbox itself decides, with its
// backoff, when to send again.
func (u *UI) startRetrying() {
	if u.opts.RetryCheck < 0 {
		return
	}
	every := u.opts.RetryCheck
	if every == 0 {
		every = 5 * time.Second
	}
	go func() {
		for range time.Tick(every) {
			u.jobs.post(u.outbox.tick)
		}
	}()
}

// escape is Esc: it cancels the action under way, or else closes the topmost dialog.
func (u *UI) escape(k *fyne.KeyEvent) {
	if k.Name != fyne.KeyEscape {
		return
	}
	if u.cancelProgress != nil {
		u.cancelProgress()
		return
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
}

// ready reports whether the saved data is open; if not (the passphrase is still being asked
// for), it says so, and the action waits for the person to try again.
func (u *UI) ready() bool {
	if u.profile == nil {
		u.showError(&notice{"Lead Desk is still opening your saved data; unlock it first, then try again. Nothing you typed is lost."})
		return false
	}
	return true
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

func (u *UI) openProfile(opts vault.Options) {
	var p *sfclient.Profile
	u.jobs.run(context.Background(), func(context.Context) error {
		var err error
		p, err = sfclient.OpenProfile(u.opts.Home, opts)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, vault.ErrNoKeySource) || errors.Is(err, vault.ErrWrongKey) && opts.Passphrase != nil:
			u.askPassphrase(opts, err)
		case err != nil:
			u.status.SetText("Cannot open saved data")
			u.showError(err)
		default:
			u.profile = p
			for _, n := range p.Notices {
				u.showError(&notice{n})
			}
			u.settings.load()
			u.connect(nil)
			u.outbox.reload()
			u.recent.reload()
			u.offerDrafts()
		}
	})
}

// askPassphrase asks for the vault passphrase where no keychain holds the key.
func (u *UI) askPassphrase(opts vault.Options, cause error) {
	entry := widget.NewPasswordEntry()
	text := "This computer has no keychain Lead Desk can use, so your sign-in is protected by a passphrase. Enter it (a new one is set the first time)."
	if errors.Is(cause, vault.ErrWrongKey) {
		text = "That passphrase does not unlock your saved sign-in. Try again."
	}
	var d dialog.Dialog
	unlock := func(ok bool) {
		if !ok {
			u.app.Quit()
			return
		}
		pass := entry.Text
		opts.Passphrase = func() (string, error) { return pass, nil }
		u.openProfile(opts)
	}
	d = dialog.NewCustomConfirm("Passphrase", "Unlock", "Quit", container.NewVBox(wrapped(text), entry), unlock, u.win)
	entry.OnSubmitted = func(string) { d.Hide(); unlock(true) }
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	u.win.Canvas().Focus(entry)
	u.passphrase = entry
}

// connect makes a client from the stored session, if any (reading the vault off the UI
// goroutine), updates the header, and then runs then (if any).
func (u *UI) connect(then func()) {
	p := u.profile
	var c *sfclient.Client
	u.jobs.run(context.Background(), func(context.Context) error {
		var err error
		c, err = p.Client(sfclient.ClientOptions{HTTPClient: u.opts.HTTPClient})
		return err
	}, func(err error) {
		if err != nil {
			u.client = nil
			u.refreshStatus()
			u.signInButton.Show()
			u.settings.showStatus()
			if !errors.Is(err, sfclient.ErrSignInRequired) {
				u.showError(err)
			}
			return
		}
		u.client = c
		u.refreshStatus()
		u.signInButton.Hide()
		u.settings.showStatus()
		u.loadDescribe()
		u.outbox.sendAll(false) // signed in again: what waited can go now
		if then != nil {
			then()
		}
	})
}

func (u *UI) loadDescribe() {
	c := u.client
	var d *sfclient.Describe
	u.jobs.run(context.Background(), func(ctx context.Context) error {
		var err error
		d, err = c.DescribeLead(ctx)
		return err
	}, func(err error) {
		if err == nil {
			u.newLead.form.applyDescribe(d)
			u.edit.form.applyDescribe(d)
		}
	})
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// call runs a Salesforce action behind the progress dialog. When the session has died, it
// asks the person to sign in again and then runs the same action once more; what they typed
// is untouched meanwhile.
func (u *UI) call(what string, action func(ctx context.Context, c *sfclient.Client) error, done func(error)) {
	if u.client == nil {
		u.signIn(func() { u.call(what, action, done) })
		return
	}
	c := u.client
	u.busy(what, func(ctx context.Context) error { return action(ctx, c) }, func(err error) {
		if errors.Is(err, sfclient.ErrSignInRequired) {
			u.client = nil
			u.status.SetText("Session ended: sign in again")
			u.signInButton.Show()
			u.reauth = dialog.NewConfirm("Sign in again", sfclient.Explain(err)+"\n\nSign in now?", func(ok bool) {
				u.reauth = nil
				if ok {
					u.signIn(func() { u.call(what, action, done) })
				}
			}, u.win)
			u.reauth.Show()
			return
		}
		done(err)
	})
}

// showError shows one plain sentence, with Salesforce's code in a details line.
func (u *UI) showError(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	text := sfclient.Explain(err)
	u.lastError = text
	content := []fyne.CanvasObject{wrapped(text)}
	if d := sfclient.Details(err); d != "" {
		details := widget.NewLabel("Details: " + d)
		details.Importance = widget.LowImportance
		details.Wrapping = fyne.TextWrapWord
		content = append(content, details)
	}
	d := dialog.NewCustom("Something needs attention", "OK", container.NewVBox(content...), u.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// openInBrowser opens a web page (Salesforce, the terms page) in the system browser.
func openInBrowser(u *UI, raw string) {
	if parsed, err := url.Parse(raw); err == nil && (parsed.Scheme == "https" || parsed.Scheme == "http") {
		if err := u.app.OpenURL(parsed); err != nil {
			u.showError(err)
		}
	}
}

// toast shows a short confirmation in the header, with its time, until the next one.
func (u *UI) toast(text string) {
	u.lastToast = text
	u.note.SetText("✓ " + text + " · " + u.opts.Now().Format("15:04"))
	u.note.Show()
}

func (u *UI) refreshStatus() {
	if u.client == nil {
		u.status.SetText("Not signed in")
		return
	}
	s := u.client.Session()
	u.status.SetText("Signed in as " + s.DisplayName + " · " + hostOf(s.InstanceURL))
}

// rememberLead adds a lead to Recent leads (off the UI goroutine).
func (u *UI) rememberLead(id string, fields map[string]any, edited bool) {
	if u.profile == nil || id == "" {
		return
	}
	kind := recent.Created
	if edited {
		kind = recent.Edited
	}
	company, _ := fields["Company"].(string)
	first, _ := fields["FirstName"].(string)
	last, _ := fields["LastName"].(string)
	l := recent.Lead{ID: id, Company: company, Name: joinNonEmpty(first, last), At: u.opts.Now(), Kind: kind}
	v := u.profile.Vault
	u.jobs.run(context.Background(), func(context.Context) error { return recent.Remember(v, l) }, func(error) { u.recent.reload() })
}
