// Package signin signs a fresh Lead Desk profile in to a stand-in org through the real
// loopback flow (the browser played by sftest.Browse), for examples, benchmarks and tests
// outside package sfclient. It lives apart from sftest, which must never import the client.
//
// It never imports Fyne.
package signin

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// Fixture is a profile signed in to a fresh stand-in org, with one lead created, in a
// scratch folder.
type Fixture struct {
	Org     *sftest.Org
	Profile *sfclient.Profile
	Client  *sfclient.Client
	LeadID  string // a lead for Jimjo Jimmy Jo
	Dir     string // the scratch folder; the profile is in Dir/home
}

// Start starts a stand-in org on loopback with a free redirect port, signs a new profile in
// to it (vault key from a fixed passphrase, cheap scrypt) and creates a lead. Close undoes
// it all.
func Start(ctx context.Context) (*Fixture, error) {
	dir, err := os.MkdirTemp("", "leaddesk-signin-")
	if err != nil {
		return nil, err
	}
	fx := &Fixture{Dir: dir}
	redirect, err := sftest.FreeRedirectURI()
	if err == nil {
		fx.Org, err = sftest.Start(sftest.Options{RedirectURIs: []string{redirect}})
	}
	if err == nil {
		fx.Profile, fx.Client, err = profile(ctx, fx.Org, redirect, filepath.Join(dir, "home"))
	}
	if err == nil {
		fx.LeadID, err = fx.Client.CreateLead(ctx, map[string]any{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo"}, sfclient.CreateOptions{})
	}
	if err != nil {
		fx.Close()
		return nil, fmt.Errorf("sign in to the stand-in org: %w", err)
	}
	return fx, nil
}

// Close stops the org and removes the scratch folder.
func (fx *Fixture) Close() {
	if fx.Org != nil {
		fx.Org.Close()
	}
	os.RemoveAll(fx.Dir)
}

func profile(ctx context.Context, org *sftest.Org, redirect, home string) (*sfclient.Profile, *sfclient.Client, error) {
	p, err := sfclient.OpenProfile(home, vault.Options{NoKeychain: true, ScryptLogN: 10,
		Passphrase: func() (string, error) { return "stand-in org", nil }})
	if err != nil {
		return nil, nil, err
	}
	if err := p.SaveSettings(sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}); err != nil {
		return nil, nil, err
	}
	in, err := p.SignIn(nil)
	if err != nil {
		return nil, nil, err
	}
	sess, err := in.Login(ctx, sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 30 * time.Second})
	if err != nil {
		return nil, nil, err
	}
	if err := p.SaveSession(sess); err != nil {
		return nil, nil, err
	}
	c, err := p.Client(sfclient.ClientOptions{})
	return p, c, err
}
