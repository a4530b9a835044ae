package gui

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recent"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

const revokePath = "/services/oauth2/revoke"

// topSays reports whether the topmost dialog shows text.
func (h *harness) topSays(text string) bool {
	return visibleText(h.u.win.Canvas().Overlays().Top(), text)
}

// savedSession is the session in the vault (nil when signed out).
func (h *harness) savedSession() *sfclient.Session {
	h.t.Helper()
	sess, err := h.u.profile.LoadSession()
	if err != nil {
		h.t.Fatal(err)
	}
	return sess
}

// revokedTokens lists the tokens org was asked to revoke.
func revokedTokens(org *sftest.Org) []string {
	var out []string
	for _, r := range org.Requests() {
		if r.Method == http.MethodPost && r.Path == revokePath {
			form, _ := url.ParseQuery(string(r.Body))
			out = append(out, form.Get("token"))
		}
	}
	return out
}

// pointSettingsAt types another login address into Settings and saves, as an admin does.
func (h *harness) pointSettingsAt(login string) {
	h.u.show(tabSettings)
	s := h.u.settings
	s.loginKind.SetSelected(loginCustom)
	s.loginURL.SetText(login)
	s.save()
	h.u.jobs.drain()
}

func TestChangingTheLoginAddressWhileSignedInAsksAndCancelSavesNothing(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	other := sftest.New(t, sftest.Options{})
	h.pointSettingsAt(other.URL)
	if !h.topSays("This signs you out of Salesforce as "+sftest.Username) || !h.topSays("Continue?") {
		t.Fatal("saving a new login address while signed in did not ask first")
	}
	h.key(fyne.KeyReturn) // Cancel is the default
	if h.dialogs() != 0 {
		t.Fatal("Enter did not close the question")
	}
	if saved, _ := sfclient.LoadSettings(h.home); saved.LoginURL != h.org.URL {
		t.Fatalf("login URL saved after Cancel: %q", saved.LoginURL)
	}
	if h.savedSession() == nil || h.u.client == nil || h.org.Count(http.MethodPost, revokePath) != 0 {
		t.Fatal("Cancel signed out")
	}
	if h.u.settings.loginURL.Text != other.URL {
		t.Fatalf("the address typed was lost: %q", h.u.settings.loginURL.Text)
	}
}

func TestContinuingAConnectionChangeRevokesAtTheOldServerAndSignsOut(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	oldRefresh := h.savedSession().RefreshToken
	other := sftest.New(t, sftest.Options{})
	h.pointSettingsAt(other.URL)
	h.answer("Sign out and save")
	if got := revokedTokens(h.org); len(got) != 1 || got[0] != oldRefresh {
		t.Fatalf("the old server was asked to revoke %d token(s), want the old session's", len(got))
	}
	if other.Count(http.MethodPost, revokePath) != 0 || len(other.Requests()) != 0 {
		t.Fatal("the new server was sent something of the old session")
	}
	if saved, _ := sfclient.LoadSettings(h.home); saved.LoginURL != other.URL {
		t.Fatalf("login URL saved = %q", saved.LoginURL)
	}
	if h.savedSession() != nil || h.u.status.Text != "Not signed in" || !h.u.signInButton.Visible() {
		t.Fatalf("still signed in after the change: header %q", h.u.status.Text)
	}
	if !h.topSays("Sign in with the new settings now?") {
		t.Fatal("sign-in was not offered after the sign-out")
	}
}

func TestChangingOnlyTheDealerIDWhileSignedInSavesWithoutAsking(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.show(tabSettings)
	h.u.settings.dealerID.SetText("0015Y00002aYV9NXYZ")
	h.u.settings.save()
	h.u.jobs.drain()
	if h.u.lastToast != "Settings saved" || h.dialogs() != 0 || h.u.client == nil {
		t.Fatalf("a change that keeps the session asked or signed out (%s)", h.u.lastError)
	}
	if saved, _ := sfclient.LoadSettings(h.home); saved.OrgID != sftest.OrgID || saved.DealerID != "0015Y00002aYV9NXYZ" {
		t.Fatalf("saved org %q dealer %q: the org id of the first sign-in must be kept", saved.OrgID, saved.DealerID)
	}
}

// signInAsOther signs in again, in the window, as the stand-in org's second user.
func (h *harness) signInAsOther() {
	h.org.SignInAs(sftest.OtherUser)
	h.org.ResetLog()
	h.u.signIn(nil)
	h.u.jobs.drain()
}

func TestSignInAsAnotherUserAsksAndCancelKeepsTheOldSessionAndRevokesTheNewOne(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	old := h.savedSession()
	recent.Remember(h.u.profile.Vault, recent.Lead{ID: "00Q5Y00001AbCdEUAV", Company: "Jimjo Jimmy Jo", Kind: recent.Created})
	h.signInAsOther()
	if !h.topSays(sftest.OtherUser.Username) || !h.topSays("1 recent lead") {
		t.Fatal("the sign-in as someone else was not said, with the work kept here")
	}
	h.key(fyne.KeyEscape)
	got := revokedTokens(h.org)
	if len(got) != 1 || got[0] == old.RefreshToken {
		t.Fatalf("revoked %d token(s); want only the new session's", len(got))
	}
	if now := h.savedSession(); now == nil || now.UserID != sftest.UserID || now.RefreshToken != old.RefreshToken {
		t.Fatal("the previous session was not kept as it was")
	}
	if _, err := h.u.client.UserInfo(context.Background()); err != nil || !strings.Contains(h.u.status.Text, sftest.DisplayName) {
		t.Fatalf("the previous session no longer works: %v (header %q)", err, h.u.status.Text)
	}
}

func TestSwitchingToAnotherUserKeepsTheNewSessionAndRevokesTheOldOne(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	old := h.savedSession()
	h.signInAsOther()
	h.answer("Switch to " + sftest.OtherUser.Username)
	if got := revokedTokens(h.org); len(got) != 1 || got[0] != old.RefreshToken {
		t.Fatalf("revoked %d token(s); want the previous session's", len(got))
	}
	if now := h.savedSession(); now == nil || now.UserID != sftest.OtherUser.ID {
		t.Fatal("the new sign-in was not kept")
	}
	if !strings.Contains(h.u.status.Text, sftest.OtherUser.Name) || h.u.lastError != "" {
		t.Fatalf("header %q, error %q", h.u.status.Text, h.u.lastError)
	}
	h.org.ResetLog()
	h.u.signIn(nil) // the same user again: no question
	h.u.jobs.drain()
	if h.dialogs() != 0 || h.u.signInDialog != nil {
		t.Fatal("signing in again as the user switched to asked again")
	}
}

// newPassphraseWindow opens a window on an empty profile without a keychain, so the first
// passphrase is a new one.
func newPassphraseWindow(t *testing.T) *harness {
	h := &harness{t: t, home: t.TempDir()}
	h.u = New(test.NewTempApp(t), Options{Home: h.home, Vault: vault.Options{NoKeychain: true, ScryptLogN: 10}, RetryCheck: -1, uiLoop: make(chan func())})
	h.u.jobs.drain()
	if h.u.passphrase == nil || h.u.profile != nil {
		t.Fatal("no passphrase was asked for")
	}
	return h
}

// typeAndEnter types into the box that has the keyboard and presses Enter.
func (h *harness) typeAndEnter(text string) {
	test.Type(h.focused(), text)
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
}

func (h *harness) vaultWritten() bool {
	h.t.Helper()
	ok, err := vault.Exists(h.home)
	if err != nil {
		h.t.Fatal(err)
	}
	return ok
}

func TestANewPassphraseShorterThanTwelveOrNotMatchingIsRefusedAndNothingIsCreated(t *testing.T) {
	h := newPassphraseWindow(t)
	first := h.u.passphrase
	h.typeAndEnter("short pass")
	if !h.topSays("at least 12 characters") || h.focused() != first || h.u.profile != nil || h.vaultWritten() {
		t.Fatal("a passphrase of 10 characters was not refused beside the boxes")
	}
	first.SetText("")
	h.typeAndEnter("correct horse battery")
	if h.focused() == first {
		t.Fatal("Enter in the first box did not move on to the second")
	}
	h.typeAndEnter("correct horse batterie")
	if !h.topSays("The two passphrases differ") || h.vaultWritten() || h.u.profile != nil {
		t.Fatal("two different passphrases were not refused")
	}
	if first.Text != "correct horse battery" {
		t.Fatal("what was typed in the first box was lost")
	}
	again := h.focused().(*passEntry)
	again.SetText("")
	h.typeAndEnter("correct horse battery")
	if h.u.profile == nil || h.u.profile.Vault.KeySource() != vault.SourcePassphrase {
		t.Fatalf("the vault was not created with the passphrase typed twice (%s)", h.u.lastError)
	}
}

func TestEscAtTheNewPassphraseEndsWithoutCreatingAnything(t *testing.T) {
	h := newPassphraseWindow(t)
	test.Type(h.focused(), "correct horse battery")
	h.press(fyne.KeyEscape)
	h.u.jobs.drain()
	if h.dialogs() != 0 || h.u.profile != nil || h.vaultWritten() {
		t.Fatal("Esc did not close the passphrase dialog, or a vault was created")
	}
}

func TestAnExistingVaultAsksForItsPassphraseOnce(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn() // the session is the vault's first record: the file exists from now on
	again := &harness{t: t, home: h.home}
	again.u = New(test.NewTempApp(t), Options{Home: h.home, Vault: vault.Options{NoKeychain: true, ScryptLogN: 10}, RetryCheck: -1, uiLoop: make(chan func())})
	again.u.jobs.drain()
	again.typeAndEnter("gui test passphrase")
	if again.u.profile == nil {
		t.Fatalf("the vault's passphrase, typed once, did not open it (%s)", again.u.lastError)
	}
}

func TestTheCustomLoginHostWarningShowsWhileItIsOnAndForeignHostsAreSaidBesideTheBox(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	s := h.u.settings
	h.u.show(tabSettings)
	if visibleText(s.content, sfclient.CustomHostWarning) {
		t.Fatal("the warning shows while the setting is off")
	}
	h.pointSettingsAt("https://login.mazo-proxy.example")
	if !s.loginProblem.Visible() || !strings.Contains(s.loginProblem.Text, "login.mazo-proxy.example") || h.dialogs() != 0 {
		t.Fatalf("the refused host was not named beside the box: %q", s.loginProblem.Text)
	}
	if saved, _ := sfclient.LoadSettings(h.home); saved.LoginURL != h.org.URL {
		t.Fatalf("a refused login address was saved: %q", saved.LoginURL)
	}
	test.Tap(s.customHost)
	if !visibleText(s.content, sfclient.CustomHostWarning) {
		t.Fatal("no warning while the custom login host setting is on")
	}
	s.save()
	h.u.jobs.drain()
	if saved, _ := sfclient.LoadSettings(h.home); !saved.CustomLoginHost || saved.LoginURL != "https://login.mazo-proxy.example" || s.loginProblem.Visible() {
		t.Fatalf("saved %+v (%s)", saved, h.u.lastError)
	}
}

func TestASignInToAnotherOrgAfterTheConnectionChangedAsksBeforeItIsKept(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	otherOrg := sftest.New(t, sftest.Options{OrgID: sftest.OtherOrgID, RedirectURIs: []string{h.u.cfg.RedirectURI}})
	h.pointSettingsAt(otherOrg.URL)
	h.answer("Sign out and save")
	h.answer("Yes") // sign in with the new settings now
	if !h.topSays("another Salesforce org") || !h.topSays(sftest.OtherOrgID) {
		t.Fatal("a sign-in to another org than the first one was not said")
	}
	h.answer("Switch to " + sftest.Username)
	if saved, _ := sfclient.LoadSettings(h.home); saved.OrgID != sftest.OtherOrgID || h.u.client == nil {
		t.Fatalf("after the switch: org %q, signed in %v (%s)", saved.OrgID, h.u.client != nil, h.u.lastError)
	}
}

// pasteSignIn plays the person who signs in at the address the paste dialog shows and pastes
// the address the browser lands on. It returns the sign-in address the dialog showed.
func pasteSignIn(t *testing.T, u *UI) (shown string) {
	t.Helper()
	test.Tap(u.signInButton)
	u.jobs.drain()
	sd := u.signInDialog
	if sd == nil || sd.paste == nil {
		t.Fatal("no paste box")
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(sd.url.Text) // the browser lands on the web page
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	test.Type(sd.paste, resp.Header.Get("Location"))
	sd.paste.OnSubmitted(sd.paste.Text)
	u.jobs.drain()
	return sd.url.Text
}

func TestAPastedSignInAsAnotherUserAsksToo(t *testing.T) {
	const page = "https://dealer.example/leaddesk/callback"
	org := sftest.New(t, sftest.Options{RedirectURIs: []string{page}})
	h := &harness{t: t, org: org, home: t.TempDir()}
	sfclient.SaveSettings(h.home, sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: page})
	h.u = New(test.NewTempApp(t), Options{Home: h.home, Vault: testVault(), RetryCheck: -1, uiLoop: make(chan func())})
	h.u.jobs.drain()
	pasteSignIn(t, h.u)
	org.SignInAs(sftest.OtherUser)
	h.u.sessionEnded(sfclient.ErrSignInRequired, nil) // the session died; the header offers Sign in
	h.key(fyne.KeyEscape)
	pasteSignIn(t, h.u)
	if !h.topSays(sftest.OtherUser.Username) {
		t.Fatal("a pasted sign-in as someone else was kept without asking")
	}
	h.key(fyne.KeyEscape)
	if now := h.savedSession(); now == nil || now.UserID != sftest.UserID || h.u.signInDialog != nil {
		t.Fatal("Cancel did not keep the previous session")
	}
}
