package gui

import (
	"context"
	"errors"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
)

// Login URL choices.
const (
	loginProduction = "Production (login.salesforce.com)"
	loginSandbox    = "Sandbox (test.salesforce.com)"
	loginCustom     = "My Domain or other address"
)

// settingsHost is what Settings asks of the window.
type settingsHost interface {
	callHost // Test connection runs through callThen, Save through busyThen
	window() fyne.Window
	windowOptions() Options
	currentProfile() *sfclient.Profile
	currentSettings() sfclient.Settings
	useSettings(st sfclient.Settings)
	busy(what string, work func(context.Context) error, done func(error))
	connect(then func())
	signedOut()
	reopenProfile()
	noteSlot(tab int) *fyne.Container
	showDialog(d dialog.Dialog, enter, esc func())
	confirmDestructive(title, text, action string, do func())
	showError(err error)
	toast(text string)
}

var _ settingsHost = (*UI)(nil)

// settingsPanel is the Settings tab: the connection, dealer defaults and the stored tokens.
type settingsPanel struct {
	u                                    settingsHost
	loginKind                            *focusSelect
	loginURL, clientID, secret, redirect *leaveEntry
	loginProblem                         *widget.Label // why the login address was refused
	customHost                           *focusCheck   // Settings.CustomLoginHost
	customWarning                        *widget.Label // sfclient.CustomHostWarning, while customHost is on
	apiVersion, dealerID, account, owner *leaveEntry
	leadType                             *picklist // one Tab stop, as on the lead form
	termsURL                             *leaveEntry
	status                               *widget.Label
	signOutB                             *focusButton // enabled only while someone is signed in
	// view scrolls the cards and follows the keyboard; the Save and Test buttons sit below
	// it, in a bar that never scrolls away.
	view    *container.Scroll
	cards   []fyne.CanvasObject // Connection, Dealer, Sign-in on this computer, in view
	content fyne.CanvasObject

	stored *storedSettings // as loaded from the profile, shown once the tab is built
}

// storedSettings are the profile's settings and consumer secret.
type storedSettings struct {
	settings sfclient.Settings
	secret   string
}

// focusStart shows the top of the tab, its first heading included, and puts the keyboard on
// the first choice, the kind of Salesforce login. Scrolling is done here, not left to the
// choice: when it has the keyboard already (the tab shown again), it gains none.
func (p *settingsPanel) focusStart() {
	if p.view != nil {
		p.view.ScrollToTop()
	}
	p.u.window().Canvas().Focus(p.loginKind)
}

// cardOf is the card (Connection, Dealer, Sign-in) that shows o, nil when none does.
func (p *settingsPanel) cardOf(o fyne.CanvasObject) fyne.CanvasObject {
	for _, c := range p.cards {
		if _, ok := offsetWithin(c, o); ok {
			return c
		}
	}
	return nil
}

// build makes the tab's widgets, the first time it is shown (see UI.ensure).
func (p *settingsPanel) build() fyne.CanvasObject {
	u := p.u
	// The view follows the keyboard and, when they fit with it, shows the heading of its card.
	follow := func(o fyne.CanvasObject) func() { return func() { reveal(p.view, p.cardOf(o), o, nil) } }
	entry := func(placeholder string) *leaveEntry {
		e := newLeaveEntry(false)
		e.SetPlaceHolder(placeholder)
		e.onFocus = follow(e)
		return e
	}
	p.loginURL = entry("https://yourcompany.my.salesforce.com")
	p.loginProblem = problemLabel()
	p.loginURL.OnChanged = func(string) { p.loginProblem.Hide() }
	p.customWarning = problemLabel()
	p.customWarning.Importance = widget.WarningImportance
	p.customWarning.SetText(sfclient.CustomHostWarning)
	p.customHost = newFocusCheck("Custom login host (admins only)", func(on bool) {
		p.loginProblem.Hide()
		p.customWarning.Hidden = !on
		p.customWarning.Refresh()
	})
	customTick := plainTick(p.customHost)
	p.customHost.onFocus = follow(customTick)
	p.loginKind = newFocusSelect([]string{loginProduction, loginSandbox, loginCustom}, func(kind string) {
		if kind == loginCustom {
			p.loginURL.Enable()
		} else {
			p.loginURL.Disable()
		}
	})
	p.clientID = entry("the consumer key Mazo sent you")
	p.loginKind.onFocus = follow(p.loginKind)
	p.secret = entry("only if Mazo gave you one")
	p.secret.Password, p.secret.masked = true, true // Ctrl/Cmd+Shift+H shows it, as an SSN box
	p.redirect = entry(sfclient.DefaultRedirectURI)
	p.apiVersion = entry("newest the org offers")
	p.dealerID = entry("your Account id at Mazo (001…)")
	p.account = entry("001…")
	p.owner = entry("the user id Mazo gave you for your leads' owner (starts with 005)")
	p.leadType = newPicklist(u.window().Canvas(), sfclient.LeadTypes())
	p.leadType.onFocus = follow(p.leadType)
	p.termsURL = entry("https://… Mazo's terms and conditions page")
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord

	connection := container.New(layout.NewFormLayout(),
		settingLabel("Salesforce"), p.loginKind,
		settingLabel("Login address"), container.NewVBox(p.loginURL, p.loginProblem),
		settingLabel(""), container.NewVBox(customTick, p.customWarning),
		settingLabel("Consumer key"), p.clientID,
		settingLabel("Consumer secret"), p.secret,
		settingLabel("Redirect URI"), p.redirect,
		settingLabel("API version"), p.apiVersion,
	)
	dealer := container.New(layout.NewFormLayout(),
		settingLabel("Dealer ID"), p.dealerID,
		settingLabel("Account"), p.account,
		settingLabel("Lead owner"), p.owner,
		settingLabel("Lead type"), p.leadType,
		settingLabel("Terms page"), p.termsURL,
	)
	saveB := widget.NewButton("Save settings", p.save)
	saveB.Importance = widget.HighImportance
	buttons := container.NewBorder(nil, nil, container.NewHBox(saveB, widget.NewButton("Test connection", p.test)), nil, u.noteSlot(tabSettings))
	signOut := newFocusButton("Sign out", p.signOut)
	signOut.onFocus = follow(signOut)
	p.signOutB = signOut
	forget := newFocusButton("Forget everything on this computer", p.forget)
	forget.onFocus = follow(forget)
	session := container.NewVBox(p.status, container.NewHBox(signOut, forget))
	p.cards = []fyne.CanvasObject{
		widget.NewCard("Connection", "From your Mazo representative", connection),
		widget.NewCard("Dealer", "Filled into every new lead", dealer),
		widget.NewCard("Sign-in on this computer", "", session),
	}
	p.view = newFollowScroll(container.NewPadded(container.NewVBox(p.cards...)))
	p.content = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewPadded(buttons)), nil, nil, p.view)
	if p.stored != nil {
		p.fillWidgets(*p.stored)
	}
	p.showStatus()
	return p.content
}

// load fills the panel from the profile (after it opened), reading it off the UI goroutine.
func (p *settingsPanel) load() {
	prof := p.u.currentProfile()
	runThen(p.u.worker(), context.Background(), func(context.Context) (storedSettings, error) {
		st, err := prof.Settings()
		if err != nil {
			return storedSettings{settings: st}, err
		}
		secret, err := prof.ClientSecret()
		return storedSettings{st, secret}, err
	}, func(s storedSettings, err error) {
		if err != nil {
			p.u.showError(err)
		}
		p.fill(s)
	})
}

// fill takes the settings into use and, once the tab is built, shows them.
func (p *settingsPanel) fill(s storedSettings) {
	p.stored = &s
	p.u.useSettings(s.settings)
	if p.content != nil {
		p.fillWidgets(s)
	}
}

func (p *settingsPanel) fillWidgets(s storedSettings) {
	st, secret := s.settings, s.secret
	switch st.Login() {
	case sfclient.ProductionLoginURL:
		p.loginKind.SetSelected(loginProduction)
	case sfclient.SandboxLoginURL:
		p.loginKind.SetSelected(loginSandbox)
	default:
		p.loginKind.SetSelected(loginCustom)
	}
	p.loginURL.SetText(st.Login())
	p.customHost.SetChecked(st.CustomLoginHost)
	p.clientID.SetText(st.ClientID)
	p.secret.SetText(secret)
	p.redirect.SetText(st.RedirectURI)
	p.apiVersion.SetText(st.APIVersion)
	p.dealerID.SetText(st.DealerID)
	p.account.SetText(st.AccountID)
	p.owner.SetText(st.OwnerID)
	p.leadType.SetText(st.LeadType)
	p.termsURL.SetText(st.TermsURL)
	p.showStatus()
}

func (p *settingsPanel) read() sfclient.Settings {
	st := sfclient.Settings{
		ClientID: strings.TrimSpace(p.clientID.Text), RedirectURI: strings.TrimSpace(p.redirect.Text),
		APIVersion: strings.TrimPrefix(strings.TrimSpace(p.apiVersion.Text), "v"),
		DealerID:   strings.TrimSpace(p.dealerID.Text), AccountID: strings.TrimSpace(p.account.Text),
		OwnerID: strings.TrimSpace(p.owner.Text), LeadType: strings.TrimSpace(p.leadType.Text),
		TermsURL: strings.TrimSpace(p.termsURL.Text), CustomLoginHost: p.customHost.Checked,
		OrgID: p.u.currentSettings().OrgID, // kept from the first sign-in or the admin; not a box in this form
	}
	switch p.loginKind.Selected {
	case loginSandbox:
		st.LoginURL = sfclient.SandboxLoginURL
	case loginCustom:
		st.LoginURL = strings.TrimSpace(p.loginURL.Text)
	}
	return st
}

// save stores the settings (the secret in the vault) after checking them. A login address
// that is refused is said beside its box. When the change ends the session (another login
// URL, consumer key or secret while signed in), the person is asked first; Cancel saves
// nothing and leaves the form as typed.
func (p *settingsPanel) save() {
	if p.u.currentProfile() == nil || p.content == nil {
		return
	}
	st, secret := p.read(), p.secret.Text
	if err := st.Validate(); err != nil {
		p.refuse(err)
		return
	}
	p.loginProblem.Hide()
	prof := p.u.currentProfile()
	runThen(p.u.worker(), context.Background(), func(context.Context) (bool, error) {
		return endsSession(prof, st, secret)
	}, func(ends bool, err error) {
		switch {
		case err != nil:
			p.u.showError(err)
		case ends:
			p.u.confirmDestructive("Sign out to change the connection?",
				"This signs you out of "+p.signedInto()+" and revokes the session there. Continue?",
				"Sign out and save", func() { p.store(st, secret) })
		default:
			p.store(st, secret)
		}
	})
}

// endsSession reports whether saving st and secret would end the saved session.
func endsSession(prof *sfclient.Profile, st sfclient.Settings, secret string) (bool, error) {
	signedIn, err := prof.SignedIn()
	if err != nil || !signedIn {
		return false, err
	}
	cur, err := prof.Settings()
	if err != nil {
		return false, err
	}
	curSecret, err := prof.ClientSecret()
	return sfclient.ConnectionChanged(cur, st, curSecret, secret), err
}

// signedInto names the Salesforce the person is signed in to, for the question before a
// sign-out.
func (p *settingsPanel) signedInto() string {
	if p.u.currentClient() == nil {
		return "Salesforce (" + hostOf(p.u.currentSettings().Login()) + ")"
	}
	s := p.u.currentClient().Session()
	return "Salesforce as " + s.Username + " (" + hostOf(s.InstanceURL) + ")"
}

// refuse shows why the settings cannot be saved: beside the login address when that is the
// problem, else in a dialog. What was typed stays.
func (p *settingsPanel) refuse(err error) {
	var host *sfclient.HostError
	if errors.As(err, &host) {
		p.loginProblem.SetText(sfclient.Explain(err))
		p.loginProblem.Show()
		p.u.window().Canvas().Focus(p.loginURL)
		return
	}
	p.u.showError(err)
}

// store saves the settings through the profile, which signs out first (revoking at the old
// server) when they end the session; the header then offers to sign in again.
func (p *settingsPanel) store(st sfclient.Settings, secret string) {
	prof, hc := p.u.currentProfile(), p.u.windowOptions().HTTPClient
	busyThen(p.u, "Saving settings…", func(ctx context.Context) (bool, error) {
		return prof.ChangeConnection(ctx, hc, st, secret)
	}, func(signedOut bool, err error) {
		if signedOut {
			p.u.signedOut()
			p.showStatus()
		}
		if err != nil && !errors.Is(err, sfclient.ErrRevokeFailed) {
			p.u.showError(err)
			return
		}
		p.stored = &storedSettings{st, secret}
		p.u.useSettings(st)
		if signedOut {
			p.u.toast("Settings saved; signed out")
			p.offerSignIn(err)
			return
		}
		if p.u.currentClient() != nil {
			p.u.connect(nil) // a pinned API version takes effect now
		}
		p.u.toast("Settings saved")
	})
}

// offerSignIn asks, after a change of connection signed the person out, whether to sign in
// with the new settings now. revokeErr (ErrRevokeFailed) is said too: the session was
// deleted here, but Salesforce could not be told.
func (p *settingsPanel) offerSignIn(revokeErr error) {
	text := "The new connection settings are saved and you are signed out."
	if revokeErr != nil {
		text += " Salesforce could not be told, so the old session ends there when an admin revokes it."
	}
	d := dialog.NewConfirm("Signed out", text+"\n\nSign in with the new settings now?", func(ok bool) {
		if ok {
			p.u.signIn(nil)
		}
	}, p.u.window())
	p.u.showDialog(d, d.Confirm, nil)
}

// problemLabel is an empty, hidden line for what is wrong with the box above it.
func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// test checks the connection with a userinfo call.
func (p *settingsPanel) test() {
	callThen(p.u, "Testing the connection…", func(ctx context.Context, c *sfclient.Client) (sfclient.UserInfo, error) {
		return c.UserInfo(ctx)
	}, func(info sfclient.UserInfo, err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.toast("Connected as " + info.Name + " (" + info.Username + ")")
	})
}

// showStatus says who is signed in, since when, where the encrypted file lives and where its
// key comes from. Tokens are never shown.
func (p *settingsPanel) showStatus() {
	if p.status == nil {
		return
	}
	if p.u.currentClient() == nil {
		p.signOutB.Disable() // nobody to sign out
	} else {
		p.signOutB.Enable()
	}
	if p.u.currentProfile() == nil {
		return
	}
	where := "Encrypted file: " + p.u.currentProfile().Vault.Path() + "\nKey: " + p.u.currentProfile().Vault.KeyHeldBy()
	if p.u.currentClient() == nil {
		p.status.SetText("Not signed in.\n" + where)
		return
	}
	s := p.u.currentClient().Session()
	p.status.SetText("Signed in as " + s.DisplayName + " (" + s.Username + ") since " + s.SignedInAt.Local().Format("01/02/2006 15:04") +
		"\nOrg: " + s.InstanceURL + " · API v" + s.APIVersion + "\n" + where)
}

// signOut asks first (Cancel is the default), then signs out here and revokes the session at
// Salesforce.
func (p *settingsPanel) signOut() {
	if p.u.currentProfile() == nil || p.u.currentClient() == nil {
		return
	}
	p.u.confirmDestructive("Sign out of Salesforce?", "You will need to sign in again to send or change leads. Your settings, drafts and the Outbox stay on this computer.", "Sign out", p.signOutNow)
}

// signOutNow signs out here and revokes the session at Salesforce.
func (p *settingsPanel) signOutNow() {
	if p.u.currentProfile() == nil {
		return
	}
	p.u.busy("Signing out…", func(ctx context.Context) error {
		return p.u.currentProfile().SignOut(ctx, p.u.windowOptions().HTTPClient)
	}, func(err error) {
		p.u.connect(nil)
		if errors.Is(err, sfclient.ErrRevokeFailed) {
			p.u.showError(&message{title: "Signed out here only", sentence: "Signed out on this computer, but Salesforce could not be told; the session ends there when an admin revokes it.", cause: err})
			return
		}
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.toast("Signed out")
	})
}

// forget deletes everything Lead Desk keeps on this computer, after confirmation.
func (p *settingsPanel) forget() {
	p.u.confirmDestructive("Forget everything on this computer?", "Sign out and delete the settings, the saved sign-in and its key from this computer?", "Forget everything", func() {
		if p.u.currentProfile() == nil {
			return
		}
		home, noKeychain := p.u.currentProfile().Home, p.u.windowOptions().Vault.NoKeychain
		p.u.busy("Forgetting…", func(ctx context.Context) error {
			p.u.currentProfile().SignOut(ctx, p.u.windowOptions().HTTPClient)
			return sfclient.Forget(home, noKeychain)
		}, func(err error) {
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				p.u.showError(err)
			}
			p.u.reopenProfile()
		})
	})
}
