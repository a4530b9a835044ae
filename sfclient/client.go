package sfclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/sync/singleflight"
)

// Defaults for ClientOptions.
const (
	DefaultRequestTimeout = 60 * time.Second
	DefaultRetries        = 2
	DefaultBackoff        = 500 * time.Millisecond
	maxBackoff            = 8 * time.Second
	maxBody               = 8 << 20
)

// SessionStore keeps the session between runs; Profile is the one Lead Desk uses.
type SessionStore interface {
	// LoadSession returns the stored session, or nil when nobody is signed in.
	LoadSession() (*Session, error)
	// SaveSession replaces the stored session.
	SaveSession(*Session) error
}

// ClientOptions tune a Client.
type ClientOptions struct {
	HTTPClient *http.Client // nil means one with DefaultRequestTimeout
	// Retries is how often a read or a PATCH is sent again after a 5xx or a connection
	// error, with exponential backoff from Backoff. Zero means DefaultRetries; negative, none.
	// A create (POST) is never sent twice by the client.
	Retries int
	Backoff time.Duration // zero means DefaultBackoff
	// LockPath is the file that keeps two processes from refreshing at once. Empty means
	// no cross-process lock.
	LockPath string
	// CachePath is where the Lead describe is cached. Empty means no disk cache.
	CachePath string
}

// Client calls Salesforce's REST API for the signed-in session. It refreshes the access
// token once on 401 and replays the request once; concurrent calls share that refresh.
// It is safe for concurrent use.
type Client struct {
	settings Settings
	secret   string
	store    SessionStore
	opts     ClientOptions
	hc       *http.Client
	flight   singleflight.Group

	mu       sync.Mutex
	current  *Session
	usage    string
	noSearch bool // the org answered 404 to search: SearchLeads uses SOQL LIKE
}

// NewClient makes a client for settings (client id, pinned API version) and the session
// held by store. It fails with ErrSignInRequired when nobody is signed in.
func NewClient(settings Settings, clientSecret string, store SessionStore, opts ClientOptions) (*Client, error) {
	sess, err := store.LoadSession()
	if err != nil {
		return nil, err
	}
	if sess == nil || sess.RefreshToken == "" {
		return nil, ErrNotSignedIn
	}
	c := &Client{settings: settings, secret: clientSecret, store: store, opts: opts, hc: opts.HTTPClient, current: sess}
	if c.hc == nil {
		c.hc = &http.Client{Timeout: DefaultRequestTimeout}
	}
	if c.opts.Retries == 0 {
		c.opts.Retries = DefaultRetries
	}
	if c.opts.Backoff == 0 {
		c.opts.Backoff = DefaultBackoff
	}
	return c, nil
}

// Session returns the session in use (tokens included: do not log it).
func (c *Client) Session() *Session {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.current
}

// APIUsage returns Salesforce's last Sforce-Limit-Info, e.g. "api-usage=25/15000".
func (c *Client) APIUsage() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.usage
}

func (c *Client) version() string {
	if c.settings.APIVersion != "" {
		return c.settings.APIVersion
	}
	return c.Session().APIVersion
}

// request is one REST call.
type request struct {
	method string
	path   string       // below /services/data/vNN.N, e.g. "/sobjects/Lead"; or absolute from "/services/"
	body   any          // sent as JSON
	stream *requestBody // sent instead of body, opened afresh for each attempt (uploads.go)
	header http.Header
	out    any
}

// do sends r with the current token, refreshing once on 401, retrying reads and PATCHes on
// 5xx and connection errors. It reports how many times the request was sent.
func (c *Client) do(ctx context.Context, r request) (sent int, respHeader http.Header, err error) {
	body := r.stream
	if r.body != nil {
		payload, err := json.Marshal(r.body)
		if err != nil {
			return 0, nil, fmt.Errorf("encode the request: %w", err)
		}
		body = jsonBody(payload)
	}
	refreshed := false
	for attempt := 0; ; {
		sess := c.Session()
		url := sess.InstanceURL + "/services/data/v" + c.version() + r.path
		if strings.HasPrefix(r.path, "/services/") {
			url = sess.InstanceURL + r.path
		}
		sent++
		h, err := sendJSON(ctx, c.hc, r.method, url, sess.AccessToken, c.settings.ClientID, body, r.header, r.out)
		if usage := h.Get("Sforce-Limit-Info"); usage != "" {
			c.mu.Lock()
			c.usage = usage
			c.mu.Unlock()
		}
		var api *APIError
		if errors.As(err, &api) && api.Status == http.StatusUnauthorized && !refreshed {
			if _, err := c.refresh(ctx, sess.AccessToken); err != nil {
				return sent, h, err
			}
			refreshed = true
			continue
		}
		if err == nil || r.method == http.MethodPost || attempt >= c.opts.Retries || !retryable(ctx, err) {
			return sent, h, err
		}
		if werr := c.backoff(ctx, attempt); werr != nil {
			return sent, h, err
		}
		attempt++
	}
}

// retryable: 5xx answers and connection failures, never the caller's own cancellation.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, errNotModified) {
		return false
	}
	var api *APIError
	if errors.As(err, &api) {
		return api.Status >= 500
	}
	return true
}

func (c *Client) backoff(ctx context.Context, attempt int) error {
	d := min(c.opts.Backoff<<attempt, maxBackoff)
	d += time.Duration(rand.Int64N(int64(d)/4 + 1))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// sendJSON sends one request with Salesforce's headers and decodes a 2xx answer into out;
// any other answer becomes an *APIError. Every JSON call (REST, userinfo) goes through it;
// the revoke call goes through postForm and token requests through x/oauth2.
func sendJSON(ctx context.Context, hc *http.Client, method, url, token, clientID string, body *requestBody, extra http.Header, out any) (http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return http.Header{}, fmt.Errorf("prepare the request: %w", err)
	}
	if body != nil {
		if req.Body, err = body.open(); err != nil {
			return http.Header{}, fmt.Errorf("prepare the request: %w", err)
		}
		req.ContentLength = body.length
		req.GetBody = body.open
		req.Header.Set("Content-Type", body.contentType)
	}
	if method == http.MethodPost {
		// Without a way to rewind the body, net/http never resends a create by itself (it
		// resends a request it judges unwritten on a reused connection). Whether a create
		// that may have landed is sent again is decided only by the submission-id lookup.
		req.GetBody = nil
	}
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if clientID != "" {
		req.Header.Set("client_id", clientID) // the guide asks for it on every call
	}
	for k, vs := range extra {
		req.Header[k] = vs
	}
	resp, err := hc.Do(req)
	if err != nil {
		return http.Header{}, networkError(method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return resp.Header, networkError(method, url, err)
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return resp.Header, errNotModified
	case resp.StatusCode >= 300:
		return resp.Header, DecodeError(resp.StatusCode, data)
	case body != nil && body.wantStatus != 0 && resp.StatusCode != body.wantStatus:
		return resp.Header, &APIError{Status: resp.StatusCode, Message: "unexpected answer: " + Excerpt(data)}
	case out != nil && len(data) > 0:
		if err := json.Unmarshal(data, out); err != nil {
			return resp.Header, &APIError{Status: resp.StatusCode, Message: "unexpected answer: " + Excerpt(data)}
		}
	}
	return resp.Header, nil
}

var errNotModified = errors.New("not modified")

// NetworkError is a request that got no answer from Salesforce: the connection could not be
// made, broke off (EOF, reset) or timed out. Its text names the address without its query,
// which may hold SOQL with a customer's data.
type NetworkError struct {
	Method string
	URL    string // without query or fragment
	Err    error  // the cause, with net/http's *url.Error (which repeats the whole URL) removed
}

func (e *NetworkError) Error() string { return fmt.Sprintf("%s %s: %v", e.Method, e.URL, e.Err) }

// Unwrap gives the cause, so errors.Is and errors.As see net.OpError, io.EOF and timeouts.
func (e *NetworkError) Unwrap() error { return e.Err }

// networkError wraps a failed request's err as a *NetworkError, dropping *url.Error's copy of
// the address.
func networkError(method, rawURL string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &NetworkError{Method: method, URL: redactURL(rawURL), Err: err}
}

// redactURL drops the query and fragment, which may hold SOQL with a customer's data.
func redactURL(u string) string {
	base, _, _ := strings.Cut(u, "?")
	base, _, _ = strings.Cut(base, "#")
	return base
}

// oauthContext carries the client's HTTP client into x/oauth2.
func (c *Client) oauthContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, c.hc)
}

// postForm sends a form (the revoke call) and turns a failure into an *APIError.
func postForm(ctx context.Context, hc *http.Client, url string, form []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(form))
	if err != nil {
		return fmt.Errorf("prepare the request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := hc.Do(req)
	if err != nil {
		return networkError(http.MethodPost, url, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if resp.StatusCode >= 300 {
		return DecodeError(resp.StatusCode, data)
	}
	return nil
}

// requestBody is what a request sends: JSON, or an upload's streamed multipart body (which
// also goes through sendJSON). open is called once for each attempt, so a replay after a
// refresh sends the whole body again (a streamed upload re-opens its file).
type requestBody struct {
	open        func() (io.ReadCloser, error)
	length      int64  // ContentLength; -1 when unknown
	contentType string // e.g. application/json
	wantStatus  int    // the only 2xx status that counts as success; zero for any
}

func jsonBody(payload []byte) *requestBody {
	return &requestBody{
		open:        func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(payload)), nil },
		length:      int64(len(payload)),
		contentType: "application/json",
	}
}
