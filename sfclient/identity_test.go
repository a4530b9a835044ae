package sfclient_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recent"
	"leaddesk/sfclient/sftest"
)

func adopt(t *testing.T, p *sfclient.Profile, sess *sfclient.Session) {
	t.Helper()
	st, secret, _ := settingsAndSecret(p)
	if err := p.AdoptSignIn(context.Background(), nil, st, secret, sess); err != nil {
		t.Fatalf("AdoptSignIn: %v", err)
	}
}

func settingsAndSecret(p *sfclient.Profile) (sfclient.Settings, string, error) {
	st, err := p.Settings()
	if err != nil {
		return st, "", err
	}
	secret, err := p.ClientSecret()
	return st, secret, err
}

func TestFirstSignInRemembersTheOrgAndTheSameUserAgainIsNoChange(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	sess, _ := f.profile.LoadSession()
	if change, err := f.profile.CheckIdentity(sess); err != nil || change != nil {
		t.Fatalf("first sign-in: %v, %v", change, err)
	}
	adopt(t, f.profile, sess)
	if st, _ := f.profile.Settings(); st.OrgID != sftest.OrgID {
		t.Fatalf("org id kept = %q", st.OrgID)
	}
	if change, err := f.profile.CheckIdentity(browserSignIn(t, f.profile)); err != nil || change != nil {
		t.Fatalf("same user again: %v, %v", change, err)
	}
}

func TestSignInAsAnotherUserIsReportedWithTheWorkKeptHere(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	sess, _ := f.profile.LoadSession()
	adopt(t, f.profile, sess)
	recent.Remember(f.profile.Vault, recent.Lead{ID: "00Q5Y00001AbCdEUAV", Company: "Jimjo Jimmy Jo", Kind: recent.Created})
	f.org.SignInAs(sftest.OtherUser)
	change, err := f.profile.CheckIdentity(browserSignIn(t, f.profile))
	if err != nil || change == nil {
		t.Fatalf("another user was not reported: %v", err)
	}
	if change.OtherOrg || change.Next.Username != sftest.OtherUser.Username || change.Previous.Username != sftest.Username || change.Recent != 1 {
		t.Fatalf("change = %+v", change)
	}
	msg := sfclient.Explain(change)
	if !strings.Contains(msg, sftest.OtherUser.Username) || !strings.Contains(msg, "1 recent lead") {
		t.Fatalf("Explain = %q", msg)
	}
}

func TestSignInToAnotherOrgIsReported(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	sess, _ := f.profile.LoadSession()
	adopt(t, f.profile, sess)
	otherOrg, redirect := newOrgWithRedirect(t, sftest.Options{OrgID: sftest.OtherOrgID})
	st, _ := f.profile.Settings()
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: otherOrg.URL, ClientID: otherOrg.ClientID(), RedirectURI: redirect, OrgID: st.OrgID}}
	next, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	change, err := f.profile.CheckIdentity(next)
	var asErr *sfclient.IdentityChangeError
	if err != nil || change == nil || !change.OtherOrg || !errors.As(error(change), &asErr) {
		t.Fatalf("another org was not reported: %+v, %v", change, err)
	}
	if !strings.Contains(sfclient.Explain(change), sftest.OtherOrgID) {
		t.Fatalf("Explain = %q", sfclient.Explain(change))
	}
}
