package sfclient

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// DefaultFresh is how long LeadCache trusts an answer when Fresh is zero.
const DefaultFresh = 2 * time.Minute

// LeadCache answers the dealer's lead list, searches and histories from memory while the
// answer is fresh, so opening a tab or a lead again costs no request. Identical calls in
// flight at once share one request. It is safe for concurrent use.
type LeadCache struct {
	Client *Client
	// Fresh is how long an answer is reused. Zero means DefaultFresh.
	Fresh time.Duration
	// Now tells the time; nil means time.Now. Tests move it instead of sleeping.
	Now func() time.Time

	flight  singleflight.Group
	mu      sync.Mutex
	answers map[string]cached
}

type cached struct {
	at    time.Time
	value any
}

// NewLeadCache makes a cache in front of client; fresh zero means DefaultFresh.
func NewLeadCache(client *Client, fresh time.Duration) *LeadCache {
	return &LeadCache{Client: client, Fresh: fresh}
}

// List is Client.ListLeads, answered from memory while fresh.
func (lc *LeadCache) List(ctx context.Context, opts ListOptions) ([]LeadSummary, error) {
	return fetch(lc, ctx, fmt.Sprintf("list\x00%s\x00%s\x00%d", opts.DealerID, opts.Status, opts.ChangedWithinDays),
		func(ctx context.Context) ([]LeadSummary, error) { return lc.Client.ListLeads(ctx, opts) })
}

// Search is Client.SearchLeads, answered from memory while fresh.
func (lc *LeadCache) Search(ctx context.Context, text string) ([]LeadSummary, error) {
	return fetch(lc, ctx, "search\x00"+text,
		func(ctx context.Context) ([]LeadSummary, error) { return lc.Client.SearchLeads(ctx, text) })
}

// History is Client.LeadHistory, answered from memory while fresh.
func (lc *LeadCache) History(ctx context.Context, id string) (History, error) {
	return fetch(lc, ctx, "history\x00"+id,
		func(ctx context.Context) (History, error) { return lc.Client.LeadHistory(ctx, id) })
}

// Forget drops every answer, so the next call asks Salesforce: after the clerk saved a
// lead, or asked for a refresh.
func (lc *LeadCache) Forget() {
	lc.mu.Lock()
	lc.answers = nil
	lc.mu.Unlock()
}

func (lc *LeadCache) now() time.Time {
	if lc.Now != nil {
		return lc.Now()
	}
	return time.Now()
}

func (lc *LeadCache) fresh() time.Duration {
	if lc.Fresh > 0 {
		return lc.Fresh
	}
	return DefaultFresh
}

// fetch returns the fresh answer under key, or asks once and keeps the answer (errors are
// never kept).
func fetch[T any](lc *LeadCache, ctx context.Context, key string, ask func(context.Context) (T, error)) (T, error) {
	lc.mu.Lock()
	if c, ok := lc.answers[key]; ok && lc.now().Sub(c.at) < lc.fresh() {
		lc.mu.Unlock()
		return c.value.(T), nil
	}
	lc.mu.Unlock()
	v, err, _ := lc.flight.Do(key, func() (any, error) {
		v, err := ask(ctx)
		if err != nil {
			return v, err
		}
		lc.mu.Lock()
		if lc.answers == nil {
			lc.answers = map[string]cached{}
		}
		lc.answers[key] = cached{at: lc.now(), value: v}
		lc.mu.Unlock()
		return v, nil
	})
	return v.(T), err
}
