package sfclient

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// Sign-in failures besides ErrAccessDenied. Compare with errors.Is.
var (
	ErrStateMismatch = errors.New("the sign-in answer does not belong to this sign-in (state mismatch)")
	ErrSignInTimeout = errors.New("the sign-in was not completed in time")
	ErrNoCode        = errors.New("no authorization code found in what was pasted")
)

// SignIn holds what the authorization-code flow needs.
type SignIn struct {
	Settings     Settings
	ClientSecret string       // optional: External Client Apps can run without one
	HTTPClient   *http.Client // nil means a client with a 30-second timeout
}

// Attempt is one sign-in under way: the URL to open, and the state and PKCE verifier that
// the answer must match.
type Attempt struct {
	URL      string // the authorization URL to open in a browser
	state    string
	verifier string
	signIn   *SignIn
}

func (s *SignIn) oauthConfig() *oauth2.Config {
	return oauthConfig(s.Settings, s.ClientSecret)
}

func oauthConfig(st Settings, secret string) *oauth2.Config {
	login := st.Login()
	return &oauth2.Config{
		ClientID:     st.ClientID,
		ClientSecret: secret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   login + "/services/oauth2/authorize",
			TokenURL:  login + "/services/oauth2/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: st.Redirect(),
		Scopes:      strings.Fields(DefaultScopes),
	}
}

func (s *SignIn) httpClient() *http.Client {
	if s.HTTPClient != nil {
		return s.HTTPClient
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// Begin checks the settings and prepares an authorization URL with a fresh 256-bit state
// and a PKCE S256 challenge. The client secret never goes in the URL.
func (s *SignIn) Begin() (*Attempt, error) {
	if err := s.Settings.Validate(); err != nil {
		return nil, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("make state: %w", err)
	}
	a := &Attempt{state: base64.RawURLEncoding.EncodeToString(raw), verifier: oauth2.GenerateVerifier(), signIn: s}
	a.URL = s.oauthConfig().AuthCodeURL(a.state, oauth2.S256ChallengeOption(a.verifier))
	return a, nil
}

// CodeFromCallback reads the redirect's query. The state is checked first (in constant
// time): an answer that does not carry this sign-in's state is ErrStateMismatch whatever
// else it says, errors included, so a forged callback cannot choose the outcome. With the
// right state: the code; ErrAccessDenied; an *APIError with only the OAuth error code (the
// callback's error_description is anyone's text and is never shown); or ErrNoCode.
func CodeFromCallback(q url.Values, wantState string) (string, error) {
	if !stateMatches(q, wantState) {
		return "", ErrStateMismatch
	}
	if e := q.Get("error"); e != "" {
		if e == "access_denied" {
			return "", ErrAccessDenied
		}
		return "", &APIError{Status: http.StatusBadRequest, Code: Excerpt([]byte(e))}
	}
	if q.Get("code") == "" {
		return "", ErrNoCode
	}
	return q.Get("code"), nil
}

func stateMatches(q url.Values, wantState string) bool {
	return wantState != "" && subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(wantState)) == 1
}

// FinishPasted completes a sign-in whose redirect URI is a web page: the person pastes the
// code, or the whole address the browser landed on. URL-encoded codes (%3D%3D) are decoded;
// a pasted address must carry this attempt's state.
func (a *Attempt) FinishPasted(ctx context.Context, pasted string) (*Session, error) {
	code, err := CodeFromPasted(pasted, a.state)
	if err != nil {
		return nil, err
	}
	return a.Finish(ctx, code)
}

// CodeFromPasted reads what a person pasted: the whole redirected address (whose state must
// match wantState) or the bare code, URL-decoded when it arrived encoded (%3D%3D → ==).
func CodeFromPasted(pasted, wantState string) (string, error) {
	pasted = strings.TrimSpace(pasted)
	code := pasted
	if u, err := url.Parse(pasted); err == nil && (u.RawQuery != "" || u.Scheme != "") {
		c, err := CodeFromCallback(u.Query(), wantState)
		if err != nil {
			return "", err
		}
		code = c
	} else if strings.Contains(code, "%") {
		if dec, err := url.PathUnescape(code); err == nil { // PathUnescape keeps "+"
			code = dec
		}
	}
	code = strings.TrimPrefix(code, "code=")
	if code == "" || strings.ContainsAny(code, " \t\n&?") {
		return "", ErrNoCode
	}
	return code, nil
}

// Finish exchanges the code (with the PKCE verifier), checks the answer (see
// completeSession), then reads who signed in and the newest API version.
func (a *Attempt) Finish(ctx context.Context, code string) (*Session, error) {
	hc := a.signIn.httpClient()
	tok, err := a.signIn.oauthConfig().Exchange(context.WithValue(ctx, oauth2.HTTPClient, hc), code, oauth2.VerifierOption(a.verifier))
	if err != nil {
		return nil, fmt.Errorf("exchange the authorization code: %w", oauthFailure(err))
	}
	st := a.signIn.Settings
	return completeSession(ctx, hc, tok, issuer{login: st.Login(), secret: a.signIn.ClientSecret, custom: st.CustomLoginHost}, st.ClientID)
}

// completeSession makes the session of a token response, refusing one whose signature does
// not match the consumer secret (ErrBadSignature) or whose instance URL is not Salesforce's
// (*HostError) before the access token is sent anywhere. The session records the login
// server and consumer key that issued it.
func completeSession(ctx context.Context, hc *http.Client, tok *oauth2.Token, is issuer, clientID string) (*Session, error) {
	if err := is.verifySignature(tok); err != nil {
		return nil, err
	}
	instance, err := is.instanceURL(tok)
	if err != nil {
		return nil, err
	}
	s := &Session{AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, InstanceURL: instance,
		SignedInAt: time.Now(), LoginURL: is.login, ClientID: clientID}
	s.IdentityURL, _ = tok.Extra("id").(string)
	s.Scope, _ = tok.Extra("scope").(string)
	if ms, err := strconv.ParseInt(fmt.Sprint(tok.Extra("issued_at")), 10, 64); err == nil {
		s.IssuedAt = time.UnixMilli(ms)
	}
	if s.RefreshToken == "" {
		return nil, &SettingsError{"The connected app", "did not grant a refresh token; its admin must add the refresh_token scope"}
	}
	var info struct {
		UserID   string `json:"user_id"`
		OrgID    string `json:"organization_id"`
		Username string `json:"preferred_username"`
		Name     string `json:"name"`
	}
	if _, err := sendJSON(ctx, hc, http.MethodGet, s.InstanceURL+"/services/oauth2/userinfo", s.AccessToken, "", nil, nil, &info); err != nil {
		return nil, fmt.Errorf("read who signed in: %w", asCall(err, CallUserInfo))
	}
	s.UserID, s.OrgID, s.Username, s.DisplayName = info.UserID, info.OrgID, info.Username, info.Name
	version, err := newestVersion(ctx, hc, s)
	if err != nil {
		return nil, err
	}
	s.APIVersion = version
	return s, nil
}

func newestVersion(ctx context.Context, hc *http.Client, s *Session) (string, error) {
	var list []struct {
		Version string `json:"version"`
	}
	if _, err := sendJSON(ctx, hc, http.MethodGet, s.InstanceURL+"/services/data/", s.AccessToken, "", nil, nil, &list); err != nil {
		return "", fmt.Errorf("read the API versions: %w", err)
	}
	best, bestNum := "", -1.0
	for _, v := range list {
		if n, err := strconv.ParseFloat(v.Version, 64); err == nil && n > bestNum {
			best, bestNum = v.Version, n
		}
	}
	if best == "" {
		return "", errors.New("salesforce offered no API version")
	}
	return best, nil
}

// oauthFailure turns x/oauth2's error into an *APIError (or ErrSignInRequired for
// invalid_grant on refresh, decided by the caller). Network errors pass through.
func oauthFailure(err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return err
	}
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	if re.ErrorCode != "" {
		return &APIError{Status: status, Code: re.ErrorCode, Message: re.ErrorDescription}
	}
	return DecodeError(status, re.Body)
}
