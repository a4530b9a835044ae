package sfclient

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"
	"golang.org/x/oauth2"
)

// refreshTimeout bounds a shared refresh, whoever started it.
const refreshTimeout = 60 * time.Second

// refresh replaces the access token that failed (stale). Concurrent callers share one
// refresh; another process of the app is kept out by the lock file, and when it has already
// refreshed, its saved token is used instead of refreshing again. A rotated refresh token is
// saved before the new access token is used. invalid_grant means ErrSignInRequired. The
// refresh goes only to the login server that issued the session, and its answer is checked
// like a sign-in's (signature, instance URL).
func (c *Client) refresh(ctx context.Context, stale string) (*Session, error) {
	ch := c.flight.DoChan("refresh", func() (any, error) {
		// One caller's cancellation must not fail the others sharing this refresh.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), refreshTimeout)
		defer cancel()
		return c.refreshLocked(ctx, stale)
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(*Session), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (c *Client) refreshLocked(ctx context.Context, stale string) (*Session, error) {
	if cur := c.Session(); cur.AccessToken != stale {
		return cur, nil // refreshed while this caller waited
	}
	if c.opts.LockPath != "" {
		lock := flock.New(c.opts.LockPath, flock.SetPermissions(0o600))
		ok, err := lock.TryLockContext(ctx, 25*time.Millisecond)
		if !ok {
			return nil, fmt.Errorf("wait for another Lead Desk to finish signing in again: %w", errors.Join(err, ctx.Err()))
		}
		defer lock.Unlock()
	}
	stored, err := c.store.LoadSession()
	if err != nil {
		return nil, err
	}
	if stored == nil || stored.RefreshToken == "" {
		return nil, ErrNotSignedIn // signed out meanwhile
	}
	if stored.AccessToken != stale {
		c.setSession(stored) // another process refreshed and saved it
		return stored, nil
	}
	is, err := sessionIssuer(stored, c.settings, c.secret)
	if err != nil {
		return nil, err
	}
	conf := oauthConfig(Settings{LoginURL: is.login, ClientID: stored.issuedTo(c.settings)}, c.secret)
	tok, err := conf.TokenSource(c.oauthContext(ctx), &oauth2.Token{RefreshToken: stored.RefreshToken}).Token()
	if err != nil {
		err = oauthFailure(err)
		var api *APIError
		if errors.As(err, &api) && api.Code == "invalid_grant" {
			return nil, fmt.Errorf("%w: salesforce no longer accepts the saved sign-in (%s)", ErrSignInRequired, api.Message)
		}
		return nil, fmt.Errorf("renew the session: %w", err)
	}
	if err := is.verifySignature(tok); err != nil {
		return nil, fmt.Errorf("renew the session: %w", err)
	}
	next := *stored
	next.AccessToken = tok.AccessToken
	if tok.RefreshToken != "" {
		next.RefreshToken = tok.RefreshToken
	}
	if _, sent := tok.Extra("instance_url").(string); sent {
		if next.InstanceURL, err = is.instanceURL(tok); err != nil {
			return nil, fmt.Errorf("renew the session: %w", err)
		}
	}
	next.IssuedAt = time.Now()
	if err := c.store.SaveSession(&next); err != nil {
		return nil, fmt.Errorf("save the renewed session: %w", err)
	}
	c.setSession(&next)
	return &next, nil
}

// sessionIssuer is where a session's refresh and revoke go: only the login server that
// issued it (Session.Issuer), checked again against Salesforce's domains, never the login
// URL in the settings of today. A session whose issuer is unknown must sign in again.
func sessionIssuer(s *Session, st Settings, secret string) (issuer, error) {
	login := s.Issuer()
	if login == "" {
		return issuer{}, fmt.Errorf("%w: the saved sign-in does not say which server issued it", ErrSignInRequired)
	}
	if err := checkServer("The server that issued your sign-in", login, loginIsLoopback(login), st.CustomLoginHost); err != nil {
		return issuer{}, fmt.Errorf("%w: %w", ErrSignInRequired, err)
	}
	return issuer{login: login, secret: secret, custom: st.CustomLoginHost}, nil
}

// issuedTo is the consumer key the session was issued to; sessions saved before Lead Desk
// recorded it were issued to the one in the settings.
func (s *Session) issuedTo(st Settings) string {
	if s.ClientID != "" {
		return s.ClientID
	}
	return st.ClientID
}

func (c *Client) setSession(s *Session) {
	c.mu.Lock()
	c.current = s
	c.mu.Unlock()
}
