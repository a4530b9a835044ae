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
// saved before the new access token is used. invalid_grant means ErrSignInRequired.
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
	conf := oauthConfig(c.settings, c.secret)
	tok, err := conf.TokenSource(c.oauthContext(ctx), &oauth2.Token{RefreshToken: stored.RefreshToken}).Token()
	if err != nil {
		err = oauthFailure(err)
		var api *APIError
		if errors.As(err, &api) && api.Code == "invalid_grant" {
			return nil, fmt.Errorf("%w: salesforce no longer accepts the saved sign-in (%s)", ErrSignInRequired, api.Message)
		}
		return nil, fmt.Errorf("renew the session: %w", err)
	}
	next := *stored
	next.AccessToken = tok.AccessToken
	if tok.RefreshToken != "" {
		next.RefreshToken = tok.RefreshToken
	}
	if u, ok := tok.Extra("instance_url").(string); ok && checkServerURL(u) == nil {
		next.InstanceURL = u
	}
	next.IssuedAt = time.Now()
	if err := c.store.SaveSession(&next); err != nil {
		return nil, fmt.Errorf("save the renewed session: %w", err)
	}
	c.setSession(&next)
	return &next, nil
}

func (c *Client) setSession(s *Session) {
	c.mu.Lock()
	c.current = s
	c.mu.Unlock()
}
