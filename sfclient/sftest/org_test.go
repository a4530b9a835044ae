package sftest

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// authorizeCode runs the authorize endpoint as a browser would and returns the code.
func authorizeCode(t *testing.T, o *Org, verifier string) string {
	t.Helper()
	return authorizeWithMethod(t, o, verifier, "S256")
}

// authorizeWithMethod is authorizeCode with this code_challenge_method ("" sends none, as
// the Salesforce CLI does).
func authorizeWithMethod(t *testing.T, o *Org, verifier, method string) string {
	t.Helper()
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{"response_type": {"code"}, "client_id": {o.ClientID()}, "redirect_uri": {DefaultRedirectURI},
		"state": {"s"}, "code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}}
	if method != "" {
		q.Set("code_challenge_method", method)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(o.URL + "/services/oauth2/authorize?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	code := loc.Query().Get("code")
	if !strings.HasSuffix(code, "==") || !strings.Contains(loc.RawQuery, "%3D%3D") {
		t.Fatalf("code %q in %q", code, loc.RawQuery)
	}
	return code
}

func exchange(o *Org, code, verifier string) int {
	resp, err := http.PostForm(o.URL+"/services/oauth2/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"client_id": {o.ClientID()}, "redirect_uri": {DefaultRedirectURI}, "code_verifier": {verifier}})
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestCodesWorkOnceAndOnlyWithTheirVerifier(t *testing.T) {
	o := New(t, Options{})
	const verifier = "a-verifier-of-sufficient-length-for-pkce-0123456789"
	code := authorizeCode(t, o, verifier)
	if got := exchange(o, code, "another-verifier"); got != http.StatusBadRequest {
		t.Fatalf("wrong verifier: %d", got)
	}
	code = authorizeCode(t, o, verifier)
	if got := exchange(o, code, verifier); got != http.StatusOK {
		t.Fatalf("first exchange: %d", got)
	}
	if got := exchange(o, code, verifier); got != http.StatusBadRequest {
		t.Fatalf("second exchange of the same code: %d", got)
	}
}

func TestReusingARotatedRefreshTokenEndsTheSession(t *testing.T) {
	o := New(t, Options{})
	o.SetRotation(true)
	const verifier = "a-verifier-of-sufficient-length-for-pkce-0123456789"
	code := authorizeCode(t, o, verifier)
	resp, _ := http.PostForm(o.URL+"/services/oauth2/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"client_id": {o.ClientID()}, "redirect_uri": {DefaultRedirectURI}, "code_verifier": {verifier}})
	var tok struct {
		RefreshToken string `json:"refresh_token"`
	}
	decodeJSON(t, resp, &tok)
	refresh := func(rt string) (int, string) {
		resp, _ := http.PostForm(o.URL+"/services/oauth2/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}, "client_id": {o.ClientID()}})
		var out struct {
			RefreshToken string `json:"refresh_token"`
		}
		decodeJSON(t, resp, &out)
		return resp.StatusCode, out.RefreshToken
	}
	status, next := refresh(tok.RefreshToken)
	if status != http.StatusOK || next == "" || next == tok.RefreshToken {
		t.Fatalf("rotation: %d, new token %v", status, next != "")
	}
	if status, _ := refresh(tok.RefreshToken); status != http.StatusBadRequest {
		t.Fatalf("reused old token: %d", status)
	}
	if status, _ := refresh(next); status != http.StatusBadRequest {
		t.Fatal("the session survived the reuse of a retired refresh token")
	}
}

func decodeJSON(t *testing.T, resp *http.Response, out any) {
	t.Helper()
	defer resp.Body.Close()
	if err := jsonDecode(resp.Body, out); err != nil && resp.StatusCode == http.StatusOK {
		t.Fatal(err)
	}
}

func jsonDecode(r io.Reader, out any) error { return json.NewDecoder(r).Decode(out) }

func TestTheDemoLeadMovesThroughStatusesUntilConverted(t *testing.T) {
	o := New(t, Options{})
	id := o.SeedDemo("0015Y00002aYV9NQAW")
	if n := len(o.LeadIDs()); n != len(demoLeads)+1 || o.Lead(id)["Status"] != "New" || o.Lead(o.LeadIDs()[0])["IsConverted"] != true {
		t.Fatalf("%d leads seeded; moving lead %v", n, o.Lead(id))
	}
	o.Play(context.Background(), id, time.Millisecond)
	var statuses []any
	o.mu.Lock()
	for _, h := range o.history {
		if h["LeadId"] == id && h["Field"] == "Status" {
			statuses = append(statuses, h["NewValue"])
		}
	}
	o.mu.Unlock()
	if fmt.Sprint(statuses) != "[Working Qualified]" || o.Lead(id)["IsConverted"] != true || o.Lead(id)["LastModifiedById"] != MazoUserID {
		t.Fatalf("statuses %v, lead %v", statuses, o.Lead(id))
	}
	if again := o.SeedDemo("0015Y00002aYV9NQAW"); again != "" || len(o.LeadIDs()) != len(demoLeads)+1 {
		t.Fatalf("seeding a demo org that holds leads added %d", len(o.LeadIDs())-len(demoLeads)-1)
	}
}
