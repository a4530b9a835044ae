package sfclient_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// pointSettingsAt rewrites the login URL in settings.json behind the session's back, as an
// old Settings › Save or a planted settings file did.
func pointSettingsAt(t *testing.T, p *sfclient.Profile, login string) {
	t.Helper()
	st, err := p.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.LoginURL = login
	if err := p.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
}

func TestRefreshGoesOnlyToTheServerThatIssuedTheSession(t *testing.T) {
	f := signedIn(t, sftest.Options{ClientSecret: "issuer-secret"})
	other := sftest.New(t, sftest.Options{ClientSecret: "issuer-secret"})
	pointSettingsAt(t, f.profile, other.URL)
	c, err := f.profile.Client(sfclient.ClientOptions{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	f.org.ExpireSessions()
	if _, err := c.UserInfo(context.Background()); err != nil {
		t.Fatalf("call after expiry: %v", err)
	}
	if n := other.Count(http.MethodPost, "/services/oauth2/token"); n != 0 {
		t.Fatalf("the refresh token (and consumer secret) went to the login URL in today's settings %d time(s)", n)
	}
	if f.org.Grants("refresh_token") != 1 {
		t.Fatalf("the issuing org saw %d refreshes, want 1", f.org.Grants("refresh_token"))
	}
}

func TestSignOutRevokesAtTheServerThatIssuedTheSession(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	other := sftest.New(t, sftest.Options{})
	pointSettingsAt(t, f.profile, other.URL)
	if err := f.profile.SignOut(context.Background(), nil); err != nil {
		t.Fatalf("sign-out: %v", err)
	}
	if other.Count(http.MethodPost, "/services/oauth2/revoke") != 0 || f.org.Count(http.MethodPost, "/services/oauth2/revoke") != 1 {
		t.Fatalf("revoke went to the other server %d time(s), to the issuer %d time(s)",
			other.Count(http.MethodPost, "/services/oauth2/revoke"), f.org.Count(http.MethodPost, "/services/oauth2/revoke"))
	}
}

func TestChangingTheLoginURLWhileSignedInSignsOutAtTheOldServerFirst(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	other := sftest.New(t, sftest.Options{})
	st, _ := f.profile.Settings()
	st.LoginURL = other.URL
	signedOut, err := f.profile.ChangeConnection(context.Background(), nil, st, "")
	if err != nil || !signedOut {
		t.Fatalf("ChangeConnection = %v, %v; want a sign-out", signedOut, err)
	}
	if f.org.Count(http.MethodPost, "/services/oauth2/revoke") != 1 || other.Count(http.MethodPost, "/services/oauth2/revoke") != 0 {
		t.Fatal("the session was not revoked at the server that issued it")
	}
	if sess, _ := f.profile.LoadSession(); sess != nil {
		t.Fatal("the old session is still saved next to the new login URL")
	}
	if saved, _ := f.profile.Settings(); saved.LoginURL != other.URL {
		t.Fatalf("login URL saved = %q", saved.LoginURL)
	}
}

func TestChangingOnlyTheDealerIDKeepsTheSession(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	st, _ := f.profile.Settings()
	st.DealerID = "0015Y00002aYV9NQAW"
	signedOut, err := f.profile.ChangeConnection(context.Background(), nil, st, "")
	if err != nil || signedOut {
		t.Fatalf("ChangeConnection = %v, %v; want the session kept", signedOut, err)
	}
	if sess, _ := f.profile.LoadSession(); sess == nil {
		t.Fatal("the session was dropped for a change that does not touch it")
	}
	if !sfclient.ConnectionChanged(st, st, "a", "b") {
		t.Fatal("a new client secret must count as a connection change")
	}
}

func TestTheSessionRecordsTheLoginServerAndConsumerKeyThatIssuedIt(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	sess, _ := f.profile.LoadSession()
	if sess.LoginURL != f.org.URL || sess.ClientID != f.org.ClientID() || sess.Issuer() != f.org.URL {
		t.Fatalf("session issuer = %q (client %q)", sess.LoginURL, sess.ClientID)
	}
	legacy := &sfclient.Session{IdentityURL: "https://login.salesforce.com/id/00D5Y000001N73mUAC/0055Y00000EVoLvQAL"}
	if legacy.Issuer() != "https://login.salesforce.com" {
		t.Fatalf("a session saved before issuers were recorded: issuer %q", legacy.Issuer())
	}
}

func TestInstanceURLOutsideSalesforceIsRefusedBeforeTheTokenIsUsed(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{})
	org.SetInstanceURL("https://collector.example.net")
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	_, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	var host *sfclient.HostError
	if !errors.As(err, &host) || host.Host != "collector.example.net" {
		t.Fatalf("err = %v, want a HostError naming collector.example.net", err)
	}
	if msg := sfclient.Explain(err); !strings.Contains(msg, "collector.example.net") {
		t.Fatalf("Explain does not name the host: %q", msg)
	}
}

func TestTokenResponseWithAWrongSignatureIsRefused(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{ClientSecret: "signing-secret"})
	org.BreakSignature(true)
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}, ClientSecret: "signing-secret"}
	_, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	if !errors.Is(err, sfclient.ErrBadSignature) {
		t.Fatalf("err = %v, want ErrBadSignature", err)
	}
	if org.Count(http.MethodGet, "/services/oauth2/userinfo") != 0 {
		t.Fatal("the access token of an unsigned answer was used")
	}
	if !strings.Contains(sfclient.Explain(err), "consumer secret") {
		t.Fatalf("Explain = %q", sfclient.Explain(err))
	}
}

func TestLoginHostsMustBeSalesforcesUnlessTheCustomHostSettingIsOn(t *testing.T) {
	for _, tc := range []struct {
		url    string
		custom bool
		ok     bool
	}{
		{"https://login.salesforce.com", false, true},
		{"https://test.salesforce.com", false, true},
		{"https://mazo.my.salesforce.com", false, true},
		{"https://mazo--uat.sandbox.my.salesforce.com", false, true},
		{"https://mazo.lightning.force.com", false, true},
		{"https://mazo.cloudforce.com", false, true},
		{"https://mazo.my.salesforce.com.evil.example", false, false},
		{"https://evilsalesforce.com", false, false},
		{"https://salesforce.com.example", false, false},
		{"https://login.example.com", false, false},
		{"https://login.example.com", true, true},
		{"http://login.salesforce.com", false, false},
		{"http://login.example.com", true, false},
		{"https://user:pw@login.salesforce.com", false, false},
		{"http://127.0.0.1:8080", false, true},
		{"http://[::1]:8080", false, true},
	} {
		err := sfclient.Settings{LoginURL: tc.url, ClientID: "x", CustomLoginHost: tc.custom}.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("Validate(%q, custom %v) = %v", tc.url, tc.custom, err)
		}
		var host *sfclient.HostError
		if err != nil && errors.As(err, &host) && !strings.Contains(sfclient.Explain(err), host.Host) {
			t.Errorf("Explain(%q) does not name the host: %q", tc.url, sfclient.Explain(err))
		}
	}
}

func TestWhoamiAgainstAServerWithoutUserinfoSaysSoNotMissingLead(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.SetUserInfoMissing(true)
	_, err := f.client.UserInfo(context.Background())
	msg := sfclient.Explain(err)
	if err == nil || !strings.Contains(msg, "could not read the signed-in user") || strings.Contains(msg, "lead") {
		t.Fatalf("Explain = %q (err %v)", msg, err)
	}
	_, err = f.client.GetLead(context.Background(), "00Q5Y00001zzzzzUAA", nil)
	if msg := sfclient.Explain(err); !strings.Contains(msg, "no lead with that id") {
		t.Fatalf("a missing lead: Explain = %q (err %v)", msg, err)
	}
}

func TestAConnectionCutIsExplainedAsANetworkErrorWithoutTheQuery(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	c, err := f.profile.Client(sfclient.ClientOptions{Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	f.org.SetOffline(true) // every connection is closed before an answer: EOF
	_, err = c.FindBySubmissionID(context.Background(), "wp-submission-7")
	var network *sfclient.NetworkError
	if !errors.As(err, &network) {
		t.Fatalf("err = %v, want a NetworkError", err)
	}
	if text := err.Error(); strings.Contains(text, "SELECT") || strings.Contains(text, "?q=") {
		t.Fatalf("the query leaked into the error: %s", text)
	}
	if msg := sfclient.Explain(err); !strings.Contains(msg, "connection to Salesforce broke off") {
		t.Fatalf("Explain = %q", msg)
	}
}

func TestARefreshNamingAForeignInstanceIsRefusedAndTheSessionKept(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.SetInstanceURL("https://collector.example.net")
	f.org.ExpireSessions()
	_, err := f.client.UserInfo(context.Background())
	var host *sfclient.HostError
	if !errors.As(err, &host) || host.Host != "collector.example.net" {
		t.Fatalf("err = %v, want a HostError naming collector.example.net", err)
	}
	if sess, _ := f.profile.LoadSession(); sess == nil || sess.InstanceURL != f.org.URL {
		t.Fatalf("the saved session now points elsewhere: %v", sess)
	}
}
