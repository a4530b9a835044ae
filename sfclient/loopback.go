package sfclient

import (
	"context"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/pkg/browser"
)

// DefaultSignInTimeout bounds a browser sign-in.
const DefaultSignInTimeout = 5 * time.Minute

// PortBusyError means another program holds the redirect URI's port.
type PortBusyError struct{ Port string }

func (e *PortBusyError) Error() string {
	return fmt.Sprintf("Port %s on this computer is in use by another program, so Lead Desk cannot receive the sign-in; close that program (often another Salesforce tool) or pick another port in the redirect URI, matching the app's callback URL", e.Port)
}

// LoginOptions tune a browser sign-in.
type LoginOptions struct {
	// OpenBrowser opens the URL. Nil means the system browser (github.com/pkg/browser).
	// It runs on its own goroutine: on Linux it can block until the browser exits.
	OpenBrowser func(url string) error
	// OnURL receives the authorization URL before the browser opens, to be shown and copied.
	OnURL func(url string)
	// Timeout bounds the whole sign-in, browser included. Zero means DefaultSignInTimeout.
	Timeout time.Duration
}

// IsLoopbackRedirect reports whether the redirect URI can be served on this computer; if
// not, the person pastes the code (Attempt.FinishPasted).
func IsLoopbackRedirect(redirectURI string) bool {
	u, err := url.Parse(redirectURI)
	return err == nil && u.Scheme == "http" && IsLoopbackHost(u.Hostname())
}

// Login runs the whole sign-in through the browser: it binds the redirect URI's port on
// loopback first (so no other program can receive the code), opens the browser, serves the
// callback path once, exchanges the code and returns the session. Cancel ctx to stop.
// Answers that do not carry this sign-in's state, or arrive under another Host name, are
// refused and the wait goes on. Errors: *PortBusyError, ErrAccessDenied, ErrSignInTimeout,
// context.Canceled, *SettingsError, *HostError, ErrBadSignature, or an *APIError (the OAuth
// error code only, from the callback, or the exchange's answer).
func (s *SignIn) Login(ctx context.Context, opts LoginOptions) (*Session, error) {
	if !IsLoopbackRedirect(s.Settings.Redirect()) {
		return nil, &SettingsError{"The redirect URI", "is not on this computer; paste the code instead"}
	}
	attempt, err := s.Begin()
	if err != nil {
		return nil, err
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultSignInTimeout
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, ErrSignInTimeout)
	defer cancel()

	redirect, _ := url.Parse(s.Settings.Redirect())
	listeners, err := listenLoopback(redirect)
	if err != nil {
		return nil, err
	}
	results := make(chan callbackResult, 1)
	srv := &http.Server{Handler: &callbackHandler{path: redirectPath(redirect), host: hostPort(redirect.Host),
		loginOrigin: origin(s.Settings.Login()), state: attempt.state, results: results},
		ReadHeaderTimeout: 10 * time.Second}
	for _, ln := range listeners {
		go srv.Serve(ln)
	}
	defer func() {
		shutdown, done := context.WithTimeout(context.Background(), 2*time.Second)
		defer done()
		srv.Shutdown(shutdown)
	}()

	if opts.OnURL != nil {
		opts.OnURL(attempt.URL)
	}
	open := opts.OpenBrowser
	if open == nil {
		open = browser.OpenURL
	}
	go open(attempt.URL)

	select {
	case r := <-results:
		if r.err != nil {
			return nil, r.err
		}
		return attempt.Finish(ctx, r.code)
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

func redirectPath(u *url.URL) string {
	if u.Path == "" {
		return "/"
	}
	return u.Path
}

// listenLoopback binds the redirect's port: on 127.0.0.1 and ::1 for "localhost" (browsers
// may pick either), or on the one address named. A missing IPv6 stack is not an error.
func listenLoopback(u *url.URL) ([]net.Listener, error) {
	port := u.Port()
	if port == "" {
		port = "80"
	}
	hosts := []string{u.Hostname()}
	if strings.EqualFold(u.Hostname(), "localhost") {
		hosts = []string{"127.0.0.1", "::1"}
	}
	var listeners []net.Listener
	for i, h := range hosts {
		ln, err := net.Listen("tcp", net.JoinHostPort(h, port))
		if err != nil {
			if isAddrInUse(err) || i == 0 {
				for _, l := range listeners {
					l.Close()
				}
				if isAddrInUse(err) {
					return nil, &PortBusyError{Port: port}
				}
				return nil, fmt.Errorf("listen on %s for the sign-in: %w", net.JoinHostPort(h, port), err)
			}
			continue // ::1 unavailable: IPv4 alone will do
		}
		listeners = append(listeners, ln)
	}
	return listeners, nil
}

type callbackResult struct {
	code string
	err  error
}

// callbackHandler serves the redirect URI during one sign-in. Only an answer that carries
// this sign-in's state reaches the sign-in; everything else is answered and the wait goes on.
type callbackHandler struct {
	path        string // the redirect URI's path
	host        string // the redirect URI's host:port, the only Host header served
	loginOrigin string // the login server's origin, allowed in the private-network preflight
	state       string
	once        sync.Once
	results     chan<- callbackResult
}

func (h *callbackHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !strings.EqualFold(hostPort(r.Host), h.host) {
		// A DNS-rebound page reaches this port under its own name: never serve it.
		w.WriteHeader(http.StatusMisdirectedRequest)
		return
	}
	if r.URL.Path != h.path {
		http.NotFound(w, r) // favicon and the like: keep waiting
		return
	}
	if r.Method == http.MethodOptions { // Chrome's private-network preflight
		h.preflight(w, r)
		return
	}
	q := r.URL.Query()
	if r.Method != http.MethodGet || (q.Get("code") == "" && q.Get("error") == "") {
		w.WriteHeader(http.StatusBadRequest)
		resultPage.Execute(w, pageData{Title: "Nothing to do here", Text: "This address receives Lead Desk's sign-in. Start the sign-in from Lead Desk."})
		return
	}
	if !stateMatches(q, h.state) {
		// Not this sign-in's answer (another tab, another program, a forged link): refuse it
		// without letting it end or steer the sign-in, which keeps waiting for the real one.
		w.WriteHeader(http.StatusBadRequest)
		resultPage.Execute(w, pageData{Title: "Not this sign-in", Text: "This answer does not belong to the sign-in Lead Desk is waiting for, so it was ignored. Finish the sign-in Lead Desk opened, or start it again from Lead Desk."})
		return
	}
	code, err := CodeFromCallback(q, h.state)
	delivered := false
	h.once.Do(func() {
		h.results <- callbackResult{code, err}
		delivered = true
	})
	switch {
	case !delivered:
		resultPage.Execute(w, pageData{Title: "Already answered", Text: "Lead Desk already has an answer for this sign-in. Return to Lead Desk."})
	case err != nil:
		w.WriteHeader(http.StatusBadRequest)
		resultPage.Execute(w, pageData{Title: "Sign-in did not finish", Text: Explain(err) + " Return to Lead Desk."})
	default:
		resultPage.Execute(w, pageData{Title: "You are signed in", Text: "Return to Lead Desk; you can close this tab."})
	}
}

// preflight answers Chrome's private-network preflight, which Salesforce's page may send
// before redirecting here, only for the login server's origin and https origins under
// Salesforce's domains; any other page gets no permission to reach this port.
func (h *callbackHandler) preflight(w http.ResponseWriter, r *http.Request) {
	o := r.Header.Get("Origin")
	u, err := url.Parse(o)
	allowed := err == nil && o != "" && (strings.EqualFold(o, h.loginOrigin) || (u.Scheme == "https" && IsSalesforceHost(u.Hostname())))
	if !allowed {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", o)
	w.Header().Set("Access-Control-Allow-Private-Network", "true")
	w.Header().Set("Vary", "Origin")
	w.WriteHeader(http.StatusNoContent)
}

// hostPort is host:port with the port http implies when none is written.
func hostPort(hostport string) string {
	if _, _, err := net.SplitHostPort(hostport); err != nil {
		return net.JoinHostPort(strings.Trim(hostport, "[]"), "80")
	}
	return hostport
}

// origin is a URL's scheme://host[:port], as browsers send it in Origin.
func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

type pageData struct{ Title, Text string }

var resultPage = template.Must(template.New("result").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{.Title}} — Lead Desk</title>
<style>body{font-family:system-ui,sans-serif;display:flex;justify-content:center;padding-top:15vh;color:#222}
main{max-width:30em;text-align:center}</style></head>
<body><main><h1>{{.Title}}</h1><p>{{.Text}}</p></main></body></html>`))
