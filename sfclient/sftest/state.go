package sftest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"leaddesk/sfclient/atomicfile"
)

// savedState is what an org started with Options.StateFile keeps between runs: its leads and
// its live refresh tokens, so the window's demo mode finds its sign-in and its leads again.
// Access tokens are not kept: the app refreshes them as it would after they expire.
type savedState struct {
	Leads         map[string]map[string]any `json:"leads"`
	Order         []string                  `json:"order"`
	NextID        int                       `json:"next_id"`
	RefreshTokens []string                  `json:"refresh_tokens"`
	History       []map[string]any          `json:"history"`
}

// loadState reads Options.StateFile, if any; a missing file is a new org.
func (o *Org) loadState() error {
	if o.opts.StateFile == "" {
		return nil
	}
	raw, err := os.ReadFile(o.opts.StateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("stand-in org: read its saved state: %w", err)
	}
	var s savedState
	if err := json.Unmarshal(raw, &s); err != nil {
		return fmt.Errorf("stand-in org: read its saved state %s: %w", o.opts.StateFile, err)
	}
	if s.Leads != nil {
		o.leads = s.Leads
	}
	o.order, o.nextID, o.history = s.Order, s.NextID, s.History
	for _, tok := range s.RefreshTokens {
		o.refresh[tok] = &family{refresh: tok}
	}
	return nil
}

// saveStateLocked writes Options.StateFile, if any. o.mu is held.
func (o *Org) saveStateLocked() error {
	if o.opts.StateFile == "" {
		return nil
	}
	s := savedState{Leads: o.leads, Order: o.order, NextID: o.nextID, History: o.history}
	for tok, fam := range o.refresh {
		if !fam.revoked {
			s.RefreshTokens = append(s.RefreshTokens, tok)
		}
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("stand-in org: encode its state: %w", err)
	}
	return atomicfile.Write(o.opts.StateFile, data, 0o600)
}

// Reset forgets every lead and session, as a new org would have none, and saves that.
func (o *Org) Reset() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.leads, o.order, o.nextID, o.history = map[string]map[string]any{}, nil, 0, nil
	o.access, o.refresh, o.retired = map[string]*family{}, map[string]*family{}, map[string]*family{}
	return o.saveStateLocked()
}
