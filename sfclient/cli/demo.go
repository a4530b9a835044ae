package cli

import (
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
// tokens. The demo profile's old sign-in is dropped: each demo org is new. stop ends the org.
func PrepareDemo(home string) (demoHome string, stop func(), err error) {
	demoHome = filepath.Join(home, sfclient.DemoFolder)
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
	return demoHome, org.Close, nil
}

// VaultOptions are the vault options the environment asks for: LEADDESK_KEYCHAIN=off skips
// the OS keychain; LEADDESK_PASSPHRASE gives the passphrase (the window asks when it is
// empty and needed).
func VaultOptions(getenv func(string) string) vault.Options {
	env := &Env{Getenv: getenv}
	return vaultOptions(env)
}
