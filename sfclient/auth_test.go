package sfclient_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

func TestLoginThroughTheBrowserStoresASession(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	sess, err := f.profile.LoadSession()
	if err != nil || sess == nil {
		t.Fatalf("no stored session: %v", err)
	}
	if sess.Username != sftest.Username || sess.InstanceURL != f.org.URL || sess.APIVersion != sftest.NewestVersion {
		t.Fatalf("session = %v, version %s", sess, sess.APIVersion)
	}
	if sess.IssuedAt.IsZero() || sess.OrgID != sftest.OrgID {
		t.Fatalf("issued_at or org id not read: %+v", sess.IssuedAt)
	}

	var authorize, token sftest.Request
	for _, r := range f.org.Requests() {
		switch r.Path {
		case "/services/oauth2/authorize":
			authorize = r
		case "/services/oauth2/token":
			token = r
		}
	}
	q := authorize.Query
	if q.Get("code_challenge_method") != "S256" || len(q.Get("state")) < 22 || q.Get("client_secret") != "" {
		t.Fatalf("authorize query lacks PKCE/state or carries a secret: %v", q)
	}
	form, _ := url.ParseQuery(string(token.Body))
	if form.Get("code_verifier") == "" || form.Get("redirect_uri") == "" || form.Get("grant_type") != "authorization_code" {
		t.Fatalf("token request form: %v", form)
	}
	if !strings.HasSuffix(form.Get("code"), "==") {
		t.Fatalf("the code sent back was not decoded: %q", form.Get("code"))
	}
}

func TestExchangeSendsTheClientSecretOnlyInTheTokenRequest(t *testing.T) {
	f := signedIn(t, sftest.Options{ClientSecret: "s3cr3t-consumer"})
	for _, r := range f.org.Requests() {
		if strings.Contains(r.Query.Encode(), "s3cr3t") {
			t.Fatalf("secret in a URL: %s", r.Path)
		}
		if r.Path == "/services/oauth2/token" && formValue(r.Body, "client_secret") != "s3cr3t-consumer" {
			t.Fatal("token request without the client secret")
		}
	}
}

func TestWrongClientSecretIsExplainedPlainly(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{ClientSecret: "right"})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}, ClientSecret: "wrong"}
	_, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	var api *sfclient.APIError
	if !errors.As(err, &api) || api.Code != "invalid_client" {
		t.Fatalf("err = %v, want invalid_client", err)
	}
	if msg := sfclient.Explain(err); !strings.Contains(msg, "consumer key") {
		t.Fatalf("Explain = %q", msg)
	}
}

func TestDeniedConsentSaysAccessWasDeclined(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{Consent: sftest.AutoDeny})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	_, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	if !errors.Is(err, sfclient.ErrAccessDenied) {
		t.Fatalf("err = %v, want ErrAccessDenied", err)
	}
	if org.Count(http.MethodPost, "/services/oauth2/token") != 0 {
		t.Fatal("a token request was sent after a denial")
	}
	if !strings.Contains(sfclient.Explain(err), "choose Allow") {
		t.Fatalf("Explain = %q", sfclient.Explain(err))
	}
}

func TestCallbacksWithoutThisSignInsStateAreRefusedAndTheSignInKeepsWaiting(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	forgeries := []string{
		"?code=aPrxStolen%3D%3D&state=attacker",
		"?error=access_denied&error_description=Call+555-0100+to+restore+access",
		"?error=invalid_client_id&error_description=Call+555-0100&state=attacker",
		"?code=aPrxStolen%3D%3D",
	}
	var statuses []int
	var pages []string
	open := func(u string) error {
		for _, f := range forgeries {
			resp, err := http.Get(redirect + f)
			if err != nil {
				return err
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			statuses = append(statuses, resp.StatusCode)
			pages = append(pages, string(body))
		}
		return sftest.Browse(u) // the person finishes the real sign-in afterwards
	}
	sess, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: open, Timeout: 10 * time.Second})
	if err != nil || sess == nil {
		t.Fatalf("a forged callback ended the sign-in: %v", err)
	}
	for i, st := range statuses {
		if st != http.StatusBadRequest || strings.Contains(pages[i], "555-0100") {
			t.Errorf("forged callback %q: status %d, page shows the attacker's text: %v", forgeries[i], st, strings.Contains(pages[i], "555-0100"))
		}
	}
	if n := org.Count(http.MethodPost, "/services/oauth2/token"); n != 1 {
		t.Fatalf("%d code exchanges, want only the real one", n)
	}
}

func TestRequestsUnderAnotherHostNameAreRefused(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	var status int
	open := func(u string) error {
		// A DNS-rebound page: the browser connects to this port but names its own host.
		req, _ := http.NewRequest(http.MethodGet, redirect+"?error=access_denied", nil)
		req.Host = "rebound.example:" + strings.Split(strings.TrimPrefix(redirect, "http://localhost:"), "/")[0]
		if resp, err := http.DefaultClient.Do(req); err == nil {
			status = resp.StatusCode
			resp.Body.Close()
		}
		return sftest.Browse(u)
	}
	if _, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: open, Timeout: 10 * time.Second}); err != nil {
		t.Fatalf("a request under another host name ended the sign-in: %v", err)
	}
	if status != http.StatusMisdirectedRequest {
		t.Fatalf("request under another Host answered %d, want 421", status)
	}
}

func TestCallbackErrorsAreSaidInLeadDesksOwnWords(t *testing.T) {
	for _, code := range []string{"access_denied", "invalid_client_id", "redirect_uri_mismatch", "invalid_request",
		"unsupported_response_type", "invalid_scope", "server_error", "made_up_code"} {
		q := url.Values{"error": {code}, "error_description": {"Visit evil.example and enter your SSN"}, "state": {"s"}}
		_, err := sfclient.CodeFromCallback(q, "s")
		msg := sfclient.Explain(err) + sfclient.Details(err)
		if err == nil || strings.Contains(msg, "evil.example") || strings.Contains(msg, "Something went wrong") {
			t.Errorf("%s: %q", code, msg)
		}
	}
	_, err := sfclient.CodeFromCallback(url.Values{"error": {"access_denied"}}, "s")
	if !errors.Is(err, sfclient.ErrStateMismatch) {
		t.Fatalf("an error without the state: %v, want ErrStateMismatch", err)
	}
}

func TestBusyPortIsNamedAndTheBrowserNeverOpens(t *testing.T) {
	holder, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	port := holder.Addr().(*net.TCPAddr).Port
	redirect := "http://localhost:" + strconv.Itoa(port) + "/OauthRedirect"
	org := sftest.New(t, sftest.Options{RedirectURIs: []string{redirect}})
	var opened atomic.Bool
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	_, err = in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: func(string) error { opened.Store(true); return nil }})
	var busy *sfclient.PortBusyError
	if !errors.As(err, &busy) || busy.Port != strconv.Itoa(port) {
		t.Fatalf("err = %v, want PortBusyError for %d", err, port)
	}
	if opened.Load() {
		t.Fatal("the browser was opened although the port was busy")
	}
	if msg := sfclient.Explain(err); !strings.Contains(msg, strconv.Itoa(port)) {
		t.Fatalf("Explain does not name the port: %q", msg)
	}
}

func TestSignInGivesUpAfterTheTimeoutAndShowsTheURLFirst(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	var shown string
	_, err := in.Login(context.Background(), sfclient.LoginOptions{
		OpenBrowser: func(string) error { return nil }, // the person never finishes
		OnURL:       func(u string) { shown = u },
		Timeout:     200 * time.Millisecond,
	})
	if !errors.Is(err, sfclient.ErrSignInTimeout) {
		t.Fatalf("err = %v, want ErrSignInTimeout", err)
	}
	if !strings.HasPrefix(shown, org.URL+"/services/oauth2/authorize?") {
		t.Fatalf("URL shown = %q", shown)
	}
	// The port is free again afterwards.
	ln, err := net.Listen("tcp", strings.TrimSuffix(strings.TrimPrefix(redirect, "http://localhost"), "/OauthRedirect"))
	if err != nil {
		t.Fatalf("port still held after the sign-in ended: %v", err)
	}
	ln.Close()
}

func TestCancellingStopsTheSignIn(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := in.Login(ctx, sfclient.LoginOptions{OpenBrowser: func(string) error { cancel(); return nil }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestOtherPathsAndThePreflightDoNotEndTheWait(t *testing.T) {
	org, redirect := newOrgWithRedirect(t, sftest.Options{})
	base := strings.TrimSuffix(redirect, "/OauthRedirect")
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect}}
	var favicon int
	origins := []string{org.URL, "https://mazo.my.salesforce.com", "https://evil.example", "http://mazo.my.salesforce.com", "null"}
	want := []string{"true", "true", "", "", ""}
	got := make([]string, len(origins))
	open := func(u string) error {
		if resp, err := http.Get(base + "/favicon.ico"); err == nil {
			favicon = resp.StatusCode
			resp.Body.Close()
		}
		for i, o := range origins {
			req, _ := http.NewRequest(http.MethodOptions, redirect, nil)
			req.Header.Set("Origin", o)
			req.Header.Set("Access-Control-Request-Private-Network", "true")
			if resp, err := http.DefaultClient.Do(req); err == nil {
				got[i] = resp.Header.Get("Access-Control-Allow-Private-Network")
				if got[i] == "" && resp.Header.Get("Access-Control-Allow-Origin") != "" {
					got[i] = "origin allowed"
				}
				resp.Body.Close()
			}
		}
		return sftest.Browse(u)
	}
	if _, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: open, Timeout: 10 * time.Second}); err != nil {
		t.Fatalf("sign-in failed after other requests: %v", err)
	}
	if favicon != http.StatusNotFound {
		t.Fatalf("favicon %d", favicon)
	}
	for i := range origins {
		if got[i] != want[i] {
			t.Errorf("preflight from %s: allow-private-network %q, want %q", origins[i], got[i], want[i])
		}
	}
}

func TestNonLoopbackRedirectTakesAPastedCodeOrAddress(t *testing.T) {
	const page = "https://dealer.example/leaddesk/callback"
	org := sftest.New(t, sftest.Options{RedirectURIs: []string{page}})
	in := &sfclient.SignIn{Settings: sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: page}}
	if sfclient.IsLoopbackRedirect(page) {
		t.Fatal("a web page was taken for a loopback redirect")
	}
	landedOn := func(a *sfclient.Attempt) string {
		noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := noFollow.Get(a.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Header.Get("Location")
	}

	whole, _ := in.Begin()
	if _, err := whole.FinishPasted(context.Background(), "  "+landedOn(whole)+"\n"); err != nil {
		t.Fatalf("pasting the whole address: %v", err)
	}

	bare, _ := in.Begin()
	u, _ := url.Parse(landedOn(bare))
	encoded := strings.SplitN(strings.SplitN(u.RawQuery, "code=", 2)[1], "&", 2)[0]
	if !strings.HasSuffix(encoded, "%3D%3D") {
		t.Fatalf("the stand-in org's code is not URL-encoded in the address: %s", encoded)
	}
	if _, err := bare.FinishPasted(context.Background(), encoded); err != nil {
		t.Fatalf("pasting the encoded code: %v", err)
	}
}

func TestLoginURLMustBeHTTPSUnlessOnThisComputer(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://login.salesforce.com", true},
		{"https://mazo.my.salesforce.com/", true},
		{"http://127.0.0.1:8080", true},
		{"http://localhost:8080", true},
		{"http://login.salesforce.com", false},
		{"login.salesforce.com", false},
	} {
		err := sfclient.Settings{LoginURL: tc.url, ClientID: "x"}.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("Validate(%q) = %v", tc.url, err)
		}
	}
	if err := (sfclient.Settings{}).Validate(); err == nil || !strings.Contains(sfclient.Explain(err), "consumer key") {
		t.Errorf("missing client id: %v", err)
	}
}
