// Package signin signs a fresh Lead Desk profile in to a stand-in org through the real
// loopback flow (the browser played by sftest.Browse), for examples, benchmarks and tests
// outside package sfclient. It lives apart from sftest, which must never import the client.
//
// It never imports Fyne.
package signin

import (
	"context"
	"fmt"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// Org starts a stand-in org on loopback with a free redirect port and signs a new profile in
// home in to it (vault key from a fixed passphrase, cheap scrypt). close stops the org.
func Org(ctx context.Context, home string) (org *sftest.Org, p *sfclient.Profile, c *sfclient.Client, close func(), err error) {
	redirect, err := sftest.FreeRedirectURI()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	org, err = sftest.Start(sftest.Options{RedirectURIs: []string{redirect}})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	p, c, err = profile(ctx, org, redirect, home)
	if err != nil {
		org.Close()
		return nil, nil, nil, nil, fmt.Errorf("sign in to the stand-in org: %w", err)
	}
	return org, p, c, org.Close, nil
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
