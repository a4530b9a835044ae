package cli

import (
	"context"
	"errors"
	"slices"
	"testing"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// prepareDemo starts the demo of home, its consent page answered by consent.
func prepareDemo(home string, consent sftest.Consent) (*Demo, error) {
	d := NewDemo(home)
	d.consent = consent
	return d, d.Start()
}

func demoVault() vault.Options {
	return vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "demo test passphrase", nil }}
}

// demoSignIn signs in to the demo org as the person would in the browser.
func demoSignIn(t *testing.T, d *Demo) *sfclient.Client {
	t.Helper()
	p, err := sfclient.OpenProfile(d.Home, demoVault())
	if err != nil {
		t.Fatal(err)
	}
	in, err := p.SignIn(nil)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	c, err := p.Client(sfclient.ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// demoClient is the client the window makes from the demo profile's saved sign-in.
func demoClient(d *Demo) (*sfclient.Client, error) {
	p, err := sfclient.OpenProfile(d.Home, demoVault())
	if err != nil {
		return nil, err
	}
	return p.Client(sfclient.ClientOptions{})
}

func TestDemoKeepsItsSignInAndLeadsBetweenRuns(t *testing.T) {
	home := t.TempDir()
	first, err := prepareDemo(home, sftest.AutoAllow)
	if err != nil {
		t.Fatal(err)
	}
	id, err := demoSignIn(t, first).CreateLead(context.Background(), map[string]any{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo"}, sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	first.Stop()

	again, err := prepareDemo(home, sftest.AutoAllow)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Stop()
	if again.Home != first.Home || again.org.URL != first.org.URL {
		t.Fatalf("the demo moved: %s at %s, was %s at %s", again.Home, again.org.URL, first.Home, first.org.URL)
	}
	c, err := demoClient(again)
	if err != nil {
		t.Fatalf("the demo sign-in was not kept: %v", err)
	}
	rec, err := c.GetLead(context.Background(), id, nil)
	if err != nil || rec["Company"] != "Jimjo Jimmy Jo" {
		t.Fatalf("the demo lead was not kept: %v %v", rec, err)
	}
}

func TestResetDemoDataStartsTheDemoAfresh(t *testing.T) {
	_, d := runDemo(t)
	seeded := len(d.org.LeadIDs())
	created, err := demoSignIn(t, d).CreateLead(context.Background(), map[string]any{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo"}, sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Reset(); err != nil {
		t.Fatal(err)
	}
	if _, err := demoClient(d); !errors.Is(err, sfclient.ErrSignInRequired) && !errors.Is(err, sfclient.ErrNotSignedIn) {
		t.Fatalf("after reset the demo is still signed in: %v", err)
	}
	ids := d.org.LeadIDs()
	if len(ids) != seeded || slices.Contains(ids, created) {
		t.Fatalf("after reset the demo org has %d leads (%d seeded at start), the clerk's own among them: %v", len(ids), seeded, slices.Contains(ids, created))
	}
	if st, _ := sfclient.LoadSettings(d.Home); st.LoginURL != d.org.URL || st.DealerID != DemoDealerID {
		t.Fatalf("after reset the demo settings are gone: %+v", st)
	}
}
