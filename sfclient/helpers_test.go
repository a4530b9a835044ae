package sfclient_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// freeRedirect returns a loopback redirect URI on a port nothing listens on.
func freeRedirect(t *testing.T) string {
	t.Helper()
	u, err := sftest.FreeRedirectURI()
	if err != nil {
		t.Fatal(err)
	}
	return u
}

type fixture struct {
	org     *sftest.Org
	profile *sfclient.Profile
	client  *sfclient.Client
}

func newOrgWithRedirect(t *testing.T, opts sftest.Options) (*sftest.Org, string) {
	redirect := freeRedirect(t)
	opts.RedirectURIs = []string{redirect}
	return sftest.New(t, opts), redirect
}

// testVault opens vaults with a passphrase and a fast key derivation.
func testVault() vault.Options {
	return vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "test passphrase", nil }}
}

func newProfile(t *testing.T) *sfclient.Profile {
	t.Helper()
	p, err := sfclient.OpenProfile(t.TempDir(), testVault())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// signedIn signs a fresh profile in to a fresh org through the loopback flow.
func signedIn(t *testing.T, opts sftest.Options) fixture {
	t.Helper()
	org, redirect := newOrgWithRedirect(t, opts)
	p := newProfile(t)
	st := sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}
	if err := p.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	p.SetClientSecret(opts.ClientSecret)
	sess := browserSignIn(t, p)
	if err := p.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	c, err := p.Client(sfclient.ClientOptions{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return fixture{org: org, profile: p, client: c}
}

// browserSignIn runs a browser sign-in with the profile's settings and returns the session,
// not yet saved.
func browserSignIn(t *testing.T, p *sfclient.Profile) *sfclient.Session {
	t.Helper()
	in, err := p.SignIn(nil)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("sign-in: %v", err)
	}
	return sess
}

func minimalLead() map[string]any {
	return map[string]any{"FirstName": "Jimmy", "LastName": "Jimjo", "Phone": "013-345-6789",
		"Email": "jimmy@jimjo.example", "Company": "Jimjo Jimmy Jo"}
}

func formValue(body []byte, key string) string {
	for _, kv := range strings.Split(string(body), "&") {
		k, v, _ := strings.Cut(kv, "=")
		if k == key {
			return v
		}
	}
	return ""
}

var zeroTime time.Time
