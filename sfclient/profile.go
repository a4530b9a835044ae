package sfclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"leaddesk/sfclient/vault"
)

// Names of the vault's records and the profile's files.
const (
	sessionRecord = "session"
	secretRecord  = "client_secret"
	lockFile      = "refresh.lock"
	describeFile  = "describe-cache.json"
)

// Profile is what Lead Desk keeps on this computer for one person: plain settings.json and
// the encrypted vault, in one folder (Home).
type Profile struct {
	Home  string
	Vault *vault.Vault
	// Notices are sentences to show once: files found damaged at start and moved aside.
	Notices []string
}

// OpenProfile opens the profile in home (see Home), creating the folder with mode 0700.
// Vault errors (no key source, wrong passphrase, damaged file) pass through.
//
// A damaged vault or settings file is not fatal: it is moved aside (kept, for support, as
// NAME.damaged-TIMESTAMP), a fresh one is started, and Notices says so. A wrong passphrase
// is not damage: the vault is left alone and the error returned.
func OpenProfile(home string, opts vault.Options) (*Profile, error) {
	if err := os.MkdirAll(home, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", home, err)
	}
	p := &Profile{Home: home}
	v, err := vault.Open(home, opts)
	if errors.Is(err, vault.ErrDamaged) {
		aside, moveErr := moveAside(filepath.Join(home, vault.FileName))
		if moveErr != nil {
			return nil, errors.Join(err, moveErr)
		}
		p.Notices = append(p.Notices, "Your saved sign-in and outbox file was damaged; it was kept as "+aside+" and a new one started, so you need to sign in again.")
		v, err = vault.Open(home, opts)
	}
	if err != nil {
		return nil, err
	}
	p.Vault = v
	var damaged *SettingsError
	if _, err := p.Settings(); errors.As(err, &damaged) {
		aside, moveErr := moveAside(filepath.Join(home, settingsFile))
		if moveErr != nil {
			return nil, errors.Join(err, moveErr)
		}
		p.Notices = append(p.Notices, "The settings file was damaged; it was kept as "+aside+" and the settings start empty, so enter them again in Settings.")
	}
	return p, nil
}

// moveAside renames a damaged file to NAME.damaged-TIMESTAMP next to it.
func moveAside(path string) (string, error) {
	aside := path + ".damaged-" + time.Now().Format("20060102-150405")
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("move the damaged %s aside: %w", filepath.Base(path), err)
	}
	return aside, nil
}

// Settings reads the plain settings.
func (p *Profile) Settings() (Settings, error) { return LoadSettings(p.Home) }

// SaveSettings replaces the plain settings.
func (p *Profile) SaveSettings(s Settings) error { return SaveSettings(p.Home, s) }

// LoadSession returns the stored session, or nil when nobody is signed in.
func (p *Profile) LoadSession() (*Session, error) {
	var s Session
	ok, err := p.Vault.Get(sessionRecord, &s)
	if err != nil || !ok {
		return nil, err
	}
	return &s, nil
}

// SaveSession stores the session in the vault.
func (p *Profile) SaveSession(s *Session) error { return p.Vault.Put(sessionRecord, s) }

// ClientSecret returns the stored client secret ("" when none).
func (p *Profile) ClientSecret() (string, error) {
	var s string
	_, err := p.Vault.Get(secretRecord, &s)
	return s, err
}

// SetClientSecret stores the client secret in the vault; "" removes it.
func (p *Profile) SetClientSecret(secret string) error {
	if secret == "" {
		return p.Vault.Delete(secretRecord)
	}
	return p.Vault.Put(secretRecord, secret)
}

// SignIn prepares a sign-in with the profile's settings and client secret.
func (p *Profile) SignIn(hc *http.Client) (*SignIn, error) {
	st, secret, err := p.connection()
	if err != nil {
		return nil, err
	}
	return &SignIn{Settings: st, ClientSecret: secret, HTTPClient: hc}, nil
}

// connection reads the settings and the client secret that every Salesforce call needs.
func (p *Profile) connection() (Settings, string, error) {
	st, err := p.Settings()
	if err != nil {
		return st, "", err
	}
	secret, err := p.ClientSecret()
	return st, secret, err
}

// Client makes a REST client for the stored session, with the profile's refresh lock and
// describe cache. ErrSignInRequired when nobody is signed in.
func (p *Profile) Client(opts ClientOptions) (*Client, error) {
	st, secret, err := p.connection()
	if err != nil {
		return nil, err
	}
	opts.LockPath = filepath.Join(p.Home, lockFile)
	opts.CachePath = filepath.Join(p.Home, describeFile)
	return NewClient(st, secret, p, opts)
}

// ErrRevokeFailed wraps the reason a sign-out could not tell Salesforce; the local tokens
// are gone all the same.
var ErrRevokeFailed = errors.New("signed out on this computer, but Salesforce could not be told")

// revoke tells the login server that issued sess (never the one in today's settings) to
// end it. nil hc means a client with a 20-second timeout.
func revoke(ctx context.Context, hc *http.Client, sess *Session, st Settings) error {
	is, err := sessionIssuer(sess, st, "")
	if err != nil {
		return err
	}
	if hc == nil {
		hc = &http.Client{Timeout: 20 * time.Second}
	}
	form := []byte(url.Values{"token": {sess.RefreshToken}}.Encode())
	return postForm(ctx, hc, is.login+"/services/oauth2/revoke", form)
}

// SignOut revokes the refresh token at the login server that issued it, then deletes the stored session — also
// when the revoke fails (offline, outage), in which case the error wraps ErrRevokeFailed.
func (p *Profile) SignOut(ctx context.Context, hc *http.Client) error {
	sess, err := p.LoadSession()
	if err != nil || sess == nil {
		return errors.Join(err, p.Vault.Delete(sessionRecord))
	}
	st, _ := p.Settings()
	revokeErr := revoke(ctx, hc, sess, st)
	if delErr := p.Vault.Delete(sessionRecord); delErr != nil {
		return fmt.Errorf("forget the sign-in: %w", delErr)
	}
	if revokeErr != nil {
		return fmt.Errorf("%w: %w", ErrRevokeFailed, revokeErr)
	}
	return nil
}

// DemoFolder is the sub-folder of home the demo mode keeps its separate profile in.
const DemoFolder = "demo"

// Forget deletes everything Lead Desk wrote in home: the vault (with the drafts, outbox and
// recent leads in it) and its keychain key, settings, the describe cache, locks, files
// kept aside as damaged (NAME.damaged-TIME), temporary files a killed write left, and the
// demo profile (with its own keychain key); then home itself when nothing else is in it.
// Files Lead Desk did not write are left alone. Missing files are not an error.
func Forget(home string, noKeychain bool) error {
	var err error
	if info, statErr := os.Stat(filepath.Join(home, DemoFolder)); statErr == nil && info.IsDir() {
		demo := filepath.Join(home, DemoFolder)
		err = errors.Join(err, Forget(demo, noKeychain), os.RemoveAll(demo))
	}
	err = errors.Join(err, vault.Forget(home, noKeychain, 0))
	names := []string{settingsFile, describeFile, lockFile, "vault.lock"}
	for _, pattern := range []string{"*.damaged-*", ".*.tmp"} {
		found, _ := filepath.Glob(filepath.Join(home, pattern))
		for _, f := range found {
			names = append(names, filepath.Base(f))
		}
	}
	for _, name := range names {
		if e := os.Remove(filepath.Join(home, name)); e != nil && !errors.Is(e, os.ErrNotExist) {
			err = errors.Join(err, e)
		}
	}
	os.Remove(home) // only succeeds when empty: someone else's files stay
	return err
}
