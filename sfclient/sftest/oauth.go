package sftest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// codeLifetime is how long an authorization code may wait for its exchange.
const codeLifetime = 15 * time.Minute

func (o *Org) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != o.opts.ClientID {
		errorPage(w, "invalid_client_id", "client identifier invalid")
		return
	}
	if !slices.Contains(o.opts.RedirectURIs, q.Get("redirect_uri")) {
		errorPage(w, "redirect_uri_mismatch", "redirect_uri must match configuration")
		return
	}
	switch {
	case q.Get("response_type") != "code":
		redirectError(w, r, q, "unsupported_response_type", "response type not supported")
		return
	case q.Get("code_challenge") == "":
		redirectError(w, r, q, "invalid_request", "missing required code challenge")
		return
	case q.Get("code_challenge_method") != "S256" && q.Get("code_challenge_method") != "":
		// Salesforce takes a challenge without a method as S256, as the Salesforce CLI sends it.
		redirectError(w, r, q, "invalid_request", "unsupported code challenge method")
		return
	}
	switch o.opts.Consent {
	case AutoAllow:
		o.issueCode(w, r, q)
	case AutoDeny:
		redirectError(w, r, q, "access_denied", "end-user denied authorization")
	default:
		id := randomToken(16)
		o.set(func() { o.pending[id] = q })
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		o.mu.Lock()
		user := o.user
		o.mu.Unlock()
		consentPage.Execute(w, map[string]string{"ID": id, "User": user.Username})
	}
}

// decide answers the consent page's Allow or Deny.
func (o *Org) decide(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	o.mu.Lock()
	q, ok := o.pending[r.PostForm.Get("request")]
	delete(o.pending, r.PostForm.Get("request"))
	o.mu.Unlock()
	switch {
	case !ok:
		errorPage(w, "invalid_request", "this sign-in page has expired; start the sign-in again")
	case r.PostForm.Get("decision") == "allow":
		o.issueCode(w, r, q)
	default:
		redirectError(w, r, q, "access_denied", "end-user denied authorization")
	}
}

func (o *Org) issueCode(w http.ResponseWriter, r *http.Request, q url.Values) {
	// 34 random bytes encode to base64 ending in "==", like Salesforce's codes.
	raw := make([]byte, 34)
	rand.Read(raw)
	code := "aPrx" + base64.StdEncoding.EncodeToString(raw)
	o.set(func() {
		o.codes[code] = &authCode{clientID: q.Get("client_id"), redirectURI: q.Get("redirect_uri"),
			challenge: q.Get("code_challenge"), method: q.Get("code_challenge_method"), issued: time.Now(), user: o.user}
	})
	back := url.Values{"code": {code}}
	if s := q.Get("state"); s != "" {
		back.Set("state", s)
	}
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

func redirectError(w http.ResponseWriter, r *http.Request, q url.Values, code, desc string) {
	back := url.Values{"error": {code}, "error_description": {desc}}
	if s := q.Get("state"); s != "" {
		back.Set("state", s)
	}
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+back.Encode(), http.StatusFound)
}

func errorPage(w http.ResponseWriter, code, desc string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, "<html><body><h1>Remote Access Authorization Error</h1><p>error=%s&amp;error_description=%s</p></body></html>",
		template.HTMLEscapeString(code), template.HTMLEscapeString(desc))
}

var consentPage = template.Must(template.New("consent").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Allow Access? — Lead Desk demo org</title>
<style>body{font-family:system-ui,sans-serif;background:#f3f3f3;display:flex;justify-content:center;padding-top:10vh}
main{background:#fff;border-radius:8px;padding:2em 2.5em;box-shadow:0 2px 8px #0002;max-width:28em}
button{font-size:1em;padding:.5em 1.5em;margin-right:.5em;border-radius:4px;border:1px solid #888;cursor:pointer}
button.allow{background:#0176d3;color:#fff;border-color:#0176d3}</style></head>
<body><main><h1>Allow Access?</h1>
<p><b>Lead Desk</b> is asking to access Salesforce as <b>{{.User}}</b> (the built-in demo org) to create and edit leads.</p>
<form method="post" action="/services/oauth2/authorize/decide"><input type="hidden" name="request" value="{{.ID}}">
<button class="allow" name="decision" value="allow">Allow</button><button name="decision" value="deny">Deny</button></form>
</main></body></html>`))

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

func (o *Org) token(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		oauthError(w, http.StatusBadRequest, "invalid_request", "content type must be application/x-www-form-urlencoded")
		return
	}
	r.ParseForm()
	f := r.PostForm
	clientID, secret := f.Get("client_id"), f.Get("client_secret")
	if u, p, ok := r.BasicAuth(); ok {
		clientID, secret = u, p
	}
	if clientID != o.opts.ClientID {
		oauthError(w, http.StatusBadRequest, "invalid_client_id", "client identifier invalid")
		return
	}
	if o.opts.ClientSecret != "" && subtle.ConstantTimeCompare([]byte(secret), []byte(o.opts.ClientSecret)) != 1 {
		oauthError(w, http.StatusBadRequest, "invalid_client", "invalid client credentials")
		return
	}
	switch f.Get("grant_type") {
	case "authorization_code":
		o.exchangeCode(w, f)
	case "refresh_token":
		o.refreshGrant(w, r, f)
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant type not supported")
	}
}

func (o *Org) exchangeCode(w http.ResponseWriter, f url.Values) {
	o.mu.Lock()
	c, ok := o.codes[f.Get("code")]
	delete(o.codes, f.Get("code")) // one use, whatever the outcome
	o.mu.Unlock()
	sum := sha256.Sum256([]byte(f.Get("code_verifier")))
	switch {
	case !ok || time.Since(c.issued) > codeLifetime:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "invalid authorization code")
	case c.redirectURI != f.Get("redirect_uri"):
		oauthError(w, http.StatusBadRequest, "redirect_uri_mismatch", "redirect_uri must match configuration")
	case base64.RawURLEncoding.EncodeToString(sum[:]) != c.challenge:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "invalid code verifier")
	default:
		fam := &family{refresh: randomToken(48), user: c.user}
		access := o.newAccess(fam)
		o.set(func() {
			o.refresh[fam.refresh] = fam
			o.grants["authorization_code"]++
		})
		writeJSON(w, http.StatusOK, o.tokenResponse(fam, access, fam.refresh))
	}
}

func (o *Org) refreshGrant(w http.ResponseWriter, r *http.Request, f url.Values) {
	rt := f.Get("refresh_token")
	o.mu.Lock()
	fam, ok := o.refresh[rt]
	if old, reused := o.retired[rt]; reused {
		old.revoked = true // rotation: replaying a retired token kills the session
	}
	switch {
	case !ok || fam.revoked:
		o.mu.Unlock()
		oauthError(w, http.StatusBadRequest, "invalid_grant", "expired access/refresh token")
		return
	case fam.refreshing:
		o.concurrentRej++
		o.mu.Unlock()
		oauthError(w, http.StatusBadRequest, "invalid_grant", "token request is already being processed")
		return
	}
	fam.refreshing = true
	delay := o.refreshDelay
	o.mu.Unlock()

	waitCtx(r.Context(), delay)

	o.mu.Lock()
	fam.refreshing = false
	newRefresh := ""
	if o.rotate {
		newRefresh = randomToken(48)
		delete(o.refresh, rt)
		o.retired[rt] = fam
		o.refresh[newRefresh] = fam
		fam.refresh = newRefresh
	}
	o.grants["refresh_token"]++
	o.mu.Unlock()
	writeJSON(w, http.StatusOK, o.tokenResponse(fam, o.newAccess(fam), newRefresh))
}

func (o *Org) newAccess(fam *family) string {
	tok := o.opts.OrgID[:15] + "!" + randomToken(60)
	o.set(func() { o.access[tok] = fam })
	return tok
}

// tokenResponse has Salesforce's fields: no expires_in, issued_at in milliseconds, and a
// signature: base64(HMAC-SHA256(consumer secret, id + issued_at)).
func (o *Org) tokenResponse(fam *family, access, refresh string) map[string]string {
	o.mu.Lock()
	instance, broken := o.instanceURL, o.badSignature
	o.mu.Unlock()
	id := o.URL + "/id/" + o.opts.OrgID + "/" + fam.user.ID
	issued := strconv.FormatInt(time.Now().UnixMilli(), 10)
	mac := hmac.New(sha256.New, []byte(o.opts.ClientSecret))
	mac.Write([]byte(id + issued))
	if broken {
		mac.Write([]byte("tampered"))
	}
	resp := map[string]string{
		"access_token": access,
		"signature":    base64.StdEncoding.EncodeToString(mac.Sum(nil)),
		"scope":        "refresh_token api",
		"instance_url": instance,
		"id":           id,
		"token_type":   "Bearer",
		"issued_at":    issued,
	}
	if refresh != "" {
		resp["refresh_token"] = refresh
	}
	return resp
}

func (o *Org) revoke(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	tok := r.PostForm.Get("token")
	o.mu.Lock()
	fam := o.refresh[tok]
	if fam == nil {
		fam = o.access[tok]
	}
	if fam != nil {
		fam.revoked = true
	}
	o.mu.Unlock()
	if fam == nil {
		oauthError(w, http.StatusBadRequest, "unsupported_token_type", "this token type is not supported")
		return
	}
	w.WriteHeader(http.StatusOK)
}

// session reports whether the request's bearer token is a live session, or writes
// Salesforce's 401.
func (o *Org) session(w http.ResponseWriter, r *http.Request) bool {
	return o.sessionUser(w, r) != nil
}

// sessionUser returns the session of the request's bearer token, or writes Salesforce's 401.
func (o *Org) sessionUser(w http.ResponseWriter, r *http.Request) *family {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	o.mu.Lock()
	fam := o.access[tok]
	o.mu.Unlock()
	if !ok || fam == nil || fam.revoked {
		writeErrors(w, http.StatusUnauthorized, apiErr("INVALID_SESSION_ID", "Session expired or invalid"))
		return nil
	}
	return fam
}

func (o *Org) userinfo(w http.ResponseWriter, r *http.Request) {
	fam := o.sessionUser(w, r)
	if fam == nil {
		return
	}
	u, org := fam.user, o.opts.OrgID
	writeJSON(w, http.StatusOK, map[string]any{
		"sub": o.URL + "/id/" + org + "/" + u.ID, "user_id": u.ID, "organization_id": org,
		"preferred_username": u.Username, "name": u.Name, "email": u.Username, "email_verified": true,
		"zoneinfo": "America/Chicago", "locale": "en_US",
		"urls": map[string]string{"rest": o.URL + "/services/data/v{version}/"},
	})
}
