package gui

import (
	"testing"
	"time"

	"leaddesk/sfclient/sftest"
)

// What an idle window does: nothing that needs no doing (bench/idle measures the CPU).

func TestTheOutboxRetryTimerRunsOnlyWhileSomethingWaits(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.RetryCheck = time.Hour // armed as in the window; the test fires it itself
	h.signIn()
	h.u.outbox.reload()
	h.u.jobs.drain()
	if h.u.outbox.retry != nil {
		t.Fatal("a retry timer runs for an empty outbox")
	}
	h.org.SetOffline(true)
	h.submitMinimal()
	if len(h.u.outbox.entries) != 1 || h.u.outbox.retry == nil {
		t.Fatalf("%d waiting, retry timer set: %v", len(h.u.outbox.entries), h.u.outbox.retry != nil)
	}
	h.u.outbox.tick() // the timer fires, still offline: the lead stays and the timer is set again
	h.u.jobs.drain()
	if len(h.u.outbox.entries) != 1 || h.u.outbox.retry == nil {
		t.Fatalf("after a failed retry %d waiting, retry timer set: %v", len(h.u.outbox.entries), h.u.outbox.retry != nil)
	}
	h.org.SetOffline(false)
	h.u.outbox.due = time.Time{}
	h.u.outbox.tick()
	h.u.jobs.drain()
	if len(h.org.LeadIDs()) != 1 || len(h.u.outbox.entries) != 0 || h.u.outbox.retry != nil {
		t.Fatalf("sent %v, %d waiting, retry timer set: %v", h.org.LeadIDs(), len(h.u.outbox.entries), h.u.outbox.retry != nil)
	}
}
