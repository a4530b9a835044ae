package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// DemoDealerID is the dealer id the demo profile starts with (the guide's example).
const DemoDealerID = "0015Y00002aYV9NQAW"

// PrepareDemo starts the stand-in org (with its consent page) for the window's demo mode and
// points a separate profile, home/demo, at it, so a demo never touches real settings or
// tokens. The demo profile's old sign-in is dropped: each demo org is new. The org holds a
// few leads of the demo dealer, and one of them moves through Mazo's statuses every
// sftest.DemoStatusStep. stop ends the org.
func PrepareDemo(home string) (demoHome string, stop func(), err error) {
	demoHome = filepath.Join(home, "demo")
	redirect, err := sftest.FreeRedirectURI()
	if err != nil {
		return "", nil, err
	}
	org, err := sftest.Start(sftest.Options{Consent: sftest.ConsentPage, RedirectURIs: []string{redirect}})
	if err != nil {
		return "", nil, err
	}
	st, _ := sfclient.LoadSettings(demoHome)
	st.LoginURL, st.ClientID, st.RedirectURI, st.APIVersion = org.URL, org.ClientID(), redirect, ""
	if st.DealerID == "" {
		st.DealerID, st.AccountID, st.LeadType = DemoDealerID, DemoDealerID, "Vendor Lead"
	}
	st.TermsURL = org.URL + "/terms"
	if err := sfclient.SaveSettings(demoHome, st); err != nil {
		org.Close()
		return "", nil, err
	}
	if err := os.Remove(filepath.Join(demoHome, vault.FileName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		org.Close()
		return "", nil, fmt.Errorf("reset the demo sign-in: %w", err)
	}
	return demoHome, playDemo(org, st.DealerID), nil
}

// playDemo seeds the dealer's leads and moves one through statuses until the returned stop,
// which also closes the org.
func playDemo(org *sftest.Org, dealerID string) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	go org.Play(ctx, org.SeedDemo(dealerID), 0)
	return func() {
		cancel()
		org.Close()
	}
}

// VaultOptions are the vault options the environment asks for: LEADDESK_KEYCHAIN=off skips
// the OS keychain; LEADDESK_PASSPHRASE gives the passphrase (the window asks when it is
// empty and needed).
func VaultOptions(getenv func(string) string) vault.Options {
	env := &Env{Getenv: getenv}
	return vaultOptions(env)
}
