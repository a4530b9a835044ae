// Package sftest is an in-memory Salesforce org on loopback, faithful to the behaviour Lead
// Desk relies on: the OAuth web-server flow with PKCE and one-time codes ending in "==", token
// responses without expires_in but with Salesforce's HMAC signature (which a test can break),
// refresh with optional rotation, revoke, userinfo (which a test can remove), API
// versions, Lead create/get/update/describe with Mazo's fields and Salesforce's exact
// error shapes, duplicate rules, 412 on stale updates, 304 for describe, switchable session
// expiry and HTML outages. Each org has its own org id, and a test can sign in as a second
// user or have token responses name a foreign instance URL. SOQL queries (a small engine, soql.go) over Lead, LeadHistory, User and
// Organization with nextRecordsUrl paging and column metadata; parameterizedSearch and SOSL
// FIND; LeadHistory written on every update; converted leads; status changes made by Mazo;
// ContentVersion uploads and the ContentDocumentLinks they make (files.go).
// It records every request so tests can count round trips.
//
// Tests of every layer use it over real HTTP; `leaddesk demo` and the window's demo mode run
// it in-process, and the official Salesforce CLI referees it (scripts/sf-referee). It imports
// only the Lead catalogue and record ids, never the client.
package sftest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Defaults for Options.
const (
	DefaultClientID    = "3MVG9LeadDeskDemo.ConsumerKey"
	DefaultRedirectURI = "http://localhost:1717/OauthRedirect"
	Username           = "dana.clerk@dealer.example"
	DisplayName        = "Dana Clerk"
	OrgID              = "00D5Y000001N73mUAC"
	UserID             = "0055Y00000EVoLvQAL"
	// OtherOrgID is an org id for a second stand-in org (Options.OrgID).
	OtherOrgID = "00D5Y000002Qx9aUAC"
)

// User is a Salesforce user of the stand-in org.
type User struct {
	ID, Username, Name string
}

// DefaultUser is who signs in unless Options.User or SignInAs says otherwise.
var DefaultUser = User{ID: UserID, Username: Username, Name: DisplayName}

// OtherUser is a second user, for tests of a sign-in as someone else.
var OtherUser = User{ID: "0055Y00000FxQ2bQAF", Username: "sam.other@dealer.example", Name: "Sam Other"}

// Consent says how the authorize endpoint answers.
type Consent int

// Consent modes.
const (
	AutoAllow   Consent = iota // redirect with a code at once (tests)
	AutoDeny                   // redirect with error=access_denied
	ConsentPage                // show a small page with Allow and Deny (the demo)
)

// DuplicateRule says what a create that matches an existing lead (same e-mail, or same
// company and last name) gets.
type DuplicateRule int

// Duplicate rules.
const (
	DuplicatesOff   DuplicateRule = iota
	DuplicatesAlert               // DUPLICATES_DETECTED with allowSave true
	DuplicatesBlock               // DUPLICATES_DETECTED with allowSave false
)

// Options configure a new org. The zero value is a test org with auto-consent.
type Options struct {
	Addr         string   // listen address; empty means 127.0.0.1:0
	ClientID     string   // empty means DefaultClientID
	ClientSecret string   // empty means the app has no secret (an External Client App)
	RedirectURIs []string // registered callback URLs; empty means DefaultRedirectURI
	Consent      Consent
	OrgID        string // the org's id; empty means OrgID
	User         User   // who signs in; zero means DefaultUser (see SignInAs)
	// DateTimeLayout is the form of LastModifiedDate and CreatedDate in answers, to play an org
	// or proxy that writes them differently (e.g. time.RFC3339). Empty means Salesforce's own,
	// 2006-01-02T15:04:05.000+0000.
	DateTimeLayout string
	// ReadOnlyFields are described as not updateable, and a change to them is refused with
	// INVALID_FIELD_FOR_INSERT_UPDATE, as for fields an org's field-level security locks.
	ReadOnlyFields []string
	// StateFile, when set, keeps the org's leads and sign-ins in this file between runs (the
	// window's demo mode). Empty means the org starts empty and forgets everything at Close.
	StateFile string
}

// Request is one recorded request.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte // the first MiB; nil for multipart uploads, which stream to their handler
	Status int
}

// Org is a running stand-in org. Its methods are safe for concurrent use.
type Org struct {
	URL string // base URL: login URL and instance URL at once

	opts   Options
	server *http.Server
	ln     net.Listener

	mu            sync.Mutex
	log           []Request
	codes         map[string]*authCode
	pending       map[string]url.Values // consent-page requests awaiting a decision
	access        map[string]*family    // access token -> session
	refresh       map[string]*family    // current refresh token -> session
	retired       map[string]*family    // rotated-out refresh tokens
	leads         map[string]map[string]any
	files         fileStore // documents on leads, with their own lock (files.go)
	order         []string
	nextID        int
	history       []map[string]any // LeadHistory rows, oldest first
	historyOff    bool
	cursors       map[string][]map[string]any // query locator -> every record of the query
	nextCursor    int
	batch         int
	searchOff     bool
	rotate        bool
	duplicates    DuplicateRule
	outage        bool
	failNext      int
	dropNext      int
	offline       bool
	latency       time.Duration
	refreshDelay  time.Duration
	limit         int
	apiCalls      int
	clock         time.Duration
	describeAt    time.Time
	concurrentRej int
	grants        map[string]int
	user          User   // who the next sign-in is
	badSignature  bool   // token responses carry a wrong signature
	instanceURL   string // the instance_url token responses name
	noUserInfo    bool   // /services/oauth2/userinfo answers 404
}

type family struct {
	refresh    string
	revoked    bool
	refreshing bool
	user       User
}

type authCode struct {
	clientID, redirectURI, challenge, method string
	issued                                   time.Time
	user                                     User
}

// Start listens on opts.Addr and serves until Close.
func Start(opts Options) (*Org, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.ClientID == "" {
		opts.ClientID = DefaultClientID
	}
	if len(opts.RedirectURIs) == 0 {
		opts.RedirectURIs = []string{DefaultRedirectURI}
	}
	if opts.OrgID == "" {
		opts.OrgID = OrgID
	}
	if opts.User == (User{}) {
		opts.User = DefaultUser
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("stand-in org: listen on %s: %w", opts.Addr, err)
	}
	o := &Org{
		URL: "http://" + ln.Addr().String(), opts: opts, ln: ln,
		codes: map[string]*authCode{}, pending: map[string]url.Values{},
		access: map[string]*family{}, refresh: map[string]*family{}, retired: map[string]*family{},
		leads: map[string]map[string]any{}, grants: map[string]int{}, cursors: map[string][]map[string]any{},
		describeAt: time.Now().UTC().Truncate(time.Second), user: opts.User,
	}
	o.instanceURL = o.URL
	if err := o.loadState(); err != nil {
		ln.Close()
		return nil, err
	}
	o.server = &http.Server{Handler: o, ReadHeaderTimeout: 10 * time.Second}
	go o.server.Serve(ln)
	return o, nil
}

// TB is the part of testing.TB that New uses.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// New starts an org for a test and closes it when the test ends.
func New(t TB, opts Options) *Org {
	t.Helper()
	o, err := Start(opts)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(o.Close)
	return o
}

// Close stops the server at once.
func (o *Org) Close() { o.server.Close() }

// ClientID is the consumer key the org accepts.
func (o *Org) ClientID() string { return o.opts.ClientID }

// ServeHTTP records the request, applies latency, outages and limits, then routes it.
func (o *Org) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body := loggedBody(r)
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	o.mu.Lock()
	if o.offline { // the network is cut: nothing is read or committed
		o.mu.Unlock()
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	latency, outage, drop := o.latency, o.outage, false
	if !outage && o.failNext > 0 {
		o.failNext--
		outage = true
	}
	if !outage && o.dropNext > 0 && strings.HasPrefix(r.URL.Path, "/services/data/v") {
		o.dropNext--
		drop = true
	}
	o.mu.Unlock()
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
		}
	}
	if drop {
		// Do the work, then cut the connection: the client cannot know it succeeded. The
		// request is logged first, so a test that sees the failure also sees the request.
		o.route(&discard{header: http.Header{}}, r)
		o.mu.Lock()
		o.log = append(o.log, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body})
		o.mu.Unlock()
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
		return
	} else if outage {
		rec.Header().Set("Content-Type", "text/html; charset=UTF-8")
		rec.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(rec, outagePage)
	} else {
		o.route(rec, r)
	}
	o.mu.Lock()
	o.log = append(o.log, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body, Status: rec.status})
	if r.Method != http.MethodGet {
		o.saveStateLocked() // best effort: a demo that cannot save starts empty next time
	}
	o.mu.Unlock()
}

const termsPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Terms — demo</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>Terms and conditions (demo)</h1>
<p>This page stands in for Mazo Capital Solutions' terms and conditions, which the applicant agrees to before a lead is sent.</p></body></html>`

const outagePage = `<!DOCTYPE html><html><head><title>Service Unavailable</title><style>body{font-family:sans-serif}</style></head>
<body><h1>Service Unavailable</h1><p>This Salesforce instance is down for scheduled maintenance. Please try again later.</p></body></html>`

func (o *Org) route(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/services/oauth2/authorize" && r.Method == http.MethodGet:
		o.authorize(w, r)
	case p == "/services/oauth2/authorize/decide" && r.Method == http.MethodPost:
		o.decide(w, r)
	case p == "/services/oauth2/token" && r.Method == http.MethodPost:
		o.token(w, r)
	case p == "/services/oauth2/revoke" && r.Method == http.MethodPost:
		o.revoke(w, r)
	case p == "/services/oauth2/userinfo" && !o.userInfoMissing():
		o.userinfo(w, r)
	case p == "/terms":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, termsPage)
	case p == "/services/data" || p == "/services/data/":
		o.versions(w, r)
	case strings.HasPrefix(p, "/services/data/v"):
		o.data(w, r)
	default:
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
	}
}

// discard is a ResponseWriter whose answer is never sent.
type discard struct{ header http.Header }

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Requests returns a copy of the request log, oldest first.
func (o *Org) Requests() []Request {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Request(nil), o.log...)
}

// Count counts logged requests with this method whose path starts with prefix.
func (o *Org) Count(method, prefix string) int {
	n := 0
	for _, r := range o.Requests() {
		if r.Method == method && strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}

// ResetLog forgets the requests recorded so far.
func (o *Org) ResetLog() {
	o.mu.Lock()
	o.log = nil
	o.mu.Unlock()
}

// Grants counts successful token grants of a type: "authorization_code" or "refresh_token".
func (o *Org) Grants(grantType string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.grants[grantType]
}

// ConcurrentRefreshRejections counts refreshes refused because another refresh of the same
// session was in flight, as Salesforce refuses them.
func (o *Org) ConcurrentRefreshRejections() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.concurrentRej
}

func (o *Org) userInfoMissing() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.noUserInfo
}

func (o *Org) set(f func()) {
	o.mu.Lock()
	f()
	o.mu.Unlock()
}

// OrgID is the org's id.
func (o *Org) OrgID() string { return o.opts.OrgID }

// SignInAs makes the next sign-ins (codes issued from now on) sign in as u.
func (o *Org) SignInAs(u User) { o.set(func() { o.user = u }) }

// BreakSignature makes token responses carry a signature that does not match the consumer
// secret, as an answer from anyone but the org would.
func (o *Org) BreakSignature(on bool) { o.set(func() { o.badSignature = on }) }

// SetInstanceURL makes token responses name u as the instance URL (the org still serves
// the API at its own URL).
func (o *Org) SetInstanceURL(u string) { o.set(func() { o.instanceURL = u }) }

// SetUserInfoMissing makes /services/oauth2/userinfo answer 404, as a server that is not
// Salesforce (or a proxy that strips it) does.
func (o *Org) SetUserInfoMissing(on bool) { o.set(func() { o.noUserInfo = on }) }

// SetRotation switches refresh-token rotation: each refresh returns a new refresh token,
// and reusing an old one revokes the whole session.
func (o *Org) SetRotation(on bool) { o.set(func() { o.rotate = on }) }

// SetDuplicateRule switches the Lead duplicate rule.
func (o *Org) SetDuplicateRule(d DuplicateRule) { o.set(func() { o.duplicates = d }) }

// SetOutage makes every endpoint answer 503 with an HTML maintenance page.
func (o *Org) SetOutage(on bool) { o.set(func() { o.outage = on }) }

// FailNext makes the next n requests answer 503 with the HTML maintenance page.
func (o *Org) FailNext(n int) { o.set(func() { o.failNext = n }) }

// DropNext makes the next n data requests do their work (a create commits, an update
// applies) and then close the connection without an answer, as a timeout after sending does.
func (o *Org) DropNext(n int) { o.set(func() { o.dropNext = n }) }

// SetOffline cuts the network: every request's connection is closed before anything is
// done, as when the office's internet drops.
func (o *Org) SetOffline(on bool) { o.set(func() { o.offline = on }) }

// SetLatency delays every answer by d (the request's cancellation cuts it short).
func (o *Org) SetLatency(d time.Duration) { o.set(func() { o.latency = d }) }

// SetRefreshDelay makes each refresh take d, so overlapping refreshes are visible.
func (o *Org) SetRefreshDelay(d time.Duration) { o.set(func() { o.refreshDelay = d }) }

// SetRequestLimit makes data requests past the nth answer 403 REQUEST_LIMIT_EXCEEDED;
// zero means no limit.
func (o *Org) SetRequestLimit(n int) { o.set(func() { o.limit = n }) }

// ExpireSessions ends every access token issued so far, as a session timeout does; refresh
// tokens stay valid.
func (o *Org) ExpireSessions() {
	o.set(func() { o.access = map[string]*family{} })
}

// RevokeAll revokes every session, refresh tokens included, as an admin can.
func (o *Org) RevokeAll() {
	o.set(func() {
		for _, f := range o.refresh {
			f.revoked = true
		}
	})
}

// Advance moves the org's clock forward (LastModifiedDate, describe's Last-Modified), or
// back for a negative d (to seed records dated in the past).
func (o *Org) Advance(d time.Duration) { o.set(func() { o.clock += d }) }

// TouchDescribe marks the Lead describe as changed now, so cached copies are stale.
func (o *Org) TouchDescribe() { o.set(func() { o.describeAt = o.nowLocked() }) }

func (o *Org) nowLocked() time.Time {
	return time.Now().UTC().Add(o.clock).Truncate(time.Second)
}

func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// waitCtx sleeps for d unless ctx ends first.
func waitCtx(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}
