package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// DemoDealerID is the dealer id the demo profile starts with (the guide's example).
const DemoDealerID = "0015Y00002aYV9NQAW"

// demoStateFile holds the demo org's leads and sign-ins in the demo profile folder.
const demoStateFile = "demo-org.json"

// DemoHome is the demo profile's folder under the data folder home: a demo never touches the
// real settings, sign-in or drafts.
func DemoHome(home string) string { return filepath.Join(home, sfclient.DemoFolder) }

// Demo is the stand-in org of the window's demo mode and the profile pointed at it. Its
// methods are safe for concurrent use: the window starts it off its UI goroutine.
type Demo struct {
	Home    string // the demo profile folder, DemoHome(home)
	consent sftest.Consent

	mu       sync.Mutex
	org      *sftest.Org        // nil until Start
	stopPlay context.CancelFunc // ends the lead that moves through statuses
}

// NewDemo is the demo of the data folder home, not started yet: the window appears first and
// starts it (Start) before it opens the demo profile.
func NewDemo(home string) *Demo {
	return &Demo{Home: DemoHome(home), consent: sftest.ConsentPage}
}

// Start starts the stand-in org (with its consent page) and points the demo profile at it; a
// second call does nothing. The org keeps its leads and sign-ins in the demo folder and
// listens where it did last time, so the demo's sign-in, drafts, Outbox and recent leads are
// still there at the next start. Only when that address is taken does the demo start on a new
// one, dropping the saved sign-in, which could not reach it. Stop ends the org.
func (d *Demo) Start() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.org != nil {
		return nil
	}
	org, err := startDemo(d.Home, d.consent)
	if err != nil {
		return err
	}
	d.org = org
	d.playLocked()
	return nil
}

// playLocked seeds the demo dealer's leads (only into an org that holds none, so a kept demo
// is not seeded twice) and moves one of them through Mazo's statuses every
// sftest.DemoStatusStep, until Stop or Reset. d.mu is held.
func (d *Demo) playLocked() {
	st, _ := sfclient.LoadSettings(d.Home)
	ctx, cancel := context.WithCancel(context.Background())
	d.stopPlay = cancel
	go d.org.Play(ctx, d.org.SeedDemo(st.DealerID), 0)
}

func startDemo(demoHome string, consent sftest.Consent) (*sftest.Org, error) {
	st, _ := sfclient.LoadSettings(demoHome)
	redirect := st.RedirectURI
	if redirect == "" {
		var err error
		if redirect, err = sftest.FreeRedirectURI(); err != nil {
			return nil, err
		}
	}
	opts := sftest.Options{Consent: consent, RedirectURIs: []string{redirect}, StateFile: filepath.Join(demoHome, demoStateFile)}
	if last, err := url.Parse(st.LoginURL); err == nil && last.Scheme == "http" && last.Hostname() == "127.0.0.1" {
		opts.Addr = last.Host
	}
	org, err := sftest.Start(opts)
	if err != nil && opts.Addr != "" {
		opts.Addr = ""
		if org, err = sftest.Start(opts); err == nil {
			err = removeDemoSignIn(demoHome) // it points at the old address
		}
	}
	if err != nil {
		if org != nil {
			org.Close()
		}
		return nil, err
	}
	st.LoginURL, st.ClientID, st.RedirectURI, st.APIVersion = org.URL, org.ClientID(), redirect, ""
	if st.DealerID == "" {
		st.DealerID, st.AccountID, st.LeadType = DemoDealerID, DemoDealerID, sfclient.DefaultLeadType
	}
	st.TermsURL = org.URL + "/terms"
	if err := sfclient.SaveSettings(demoHome, st); err != nil {
		org.Close()
		return nil, err
	}
	return org, nil
}

// Stop ends the demo org, if it started; what it holds is already saved.
func (d *Demo) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.org != nil {
		d.stopPlay()
		d.org.Close()
	}
}

// Reset empties the demo: the org forgets its leads and sign-ins, and the demo profile's
// encrypted data (sign-in, drafts, Outbox, recent leads) is deleted. The settings stay, so the
// window can open the profile again at once and sign in.
func (d *Demo) Reset() error {
	if err := d.Start(); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopPlay()
	if err := d.org.Reset(); err != nil {
		return fmt.Errorf("reset the demo org: %w", err)
	}
	d.playLocked()
	return removeDemoSignIn(d.Home)
}

func removeDemoSignIn(demoHome string) error {
	if err := os.Remove(filepath.Join(demoHome, vault.FileName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("reset the demo's saved data: %w", err)
	}
	return nil
}

// VaultOptions are the vault options the environment asks for: LEADDESK_KEYCHAIN=off skips
// the OS keychain; LEADDESK_PASSPHRASE gives the passphrase (the window asks when it is
// empty and needed).
func VaultOptions(getenv func(string) string) vault.Options {
	env := &Env{Getenv: getenv}
	return vaultOptions(env)
}
