package gui

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

func TestNetworkCutKeepsTheLeadInTheOutboxUntilItIsBack(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetOffline(true)
	h.submitMinimal()
	if len(h.u.outbox.entries) != 1 || h.u.tabs.Items[tabOutbox].Text != "Outbox (1)" || !h.u.outboxCount.Visible() {
		t.Fatalf("outbox %d entries, tab %q (%s)", len(h.u.outbox.entries), h.u.tabs.Items[tabOutbox].Text, h.u.lastError)
	}
	if h.u.newLead.form.inputs["Company"].text() != "" {
		t.Fatal("the form was not freed for the next lead")
	}
	h.u.outbox.tick() // still offline: it stays, and the next try is scheduled later
	h.u.jobs.drain()
	if len(h.u.outbox.entries) != 1 || !h.u.outbox.due.After(fixedNow) {
		t.Fatalf("after a failed retry: %d entries, next try %v", len(h.u.outbox.entries), h.u.outbox.due)
	}
	h.org.ResetLog()
	h.u.outbox.tick() // not due yet: nothing is sent
	h.u.jobs.drain()
	if len(h.org.Requests()) != 0 {
		t.Fatal("retried before its time")
	}
	if nextWait(nextWait(DefaultRetryEvery, true), true) != 4*DefaultRetryEvery || nextWait(maxRetryEvery, true) != maxRetryEvery {
		t.Fatal("backoff does not double up to its cap")
	}
	h.org.SetOffline(false)
	h.u.outbox.due = time.Time{}
	h.u.outbox.tick()
	h.u.jobs.drain()
	if ids := h.org.LeadIDs(); len(ids) != 1 || len(h.u.outbox.entries) != 0 || h.u.outboxCount.Visible() {
		t.Fatalf("leads %v, outbox %d", ids, len(h.u.outbox.entries))
	}
	if h.u.myLeads.list != nil {
		t.Fatal("the My leads list was built before its tab was shown")
	}
	h.u.show(tabMyLeads)
	h.u.jobs.drain()
	if rows := h.u.myLeads.rows; len(rows) != 1 || rows[0].waiting || rows[0].lead.Company != "Jimjo Jimmy Jo" {
		t.Fatalf("My leads, once shown, lists %+v", rows)
	}
	test.DoubleTap(h.rowView(0)) // a double-click opens it for editing
	h.u.jobs.drain()
	if h.u.tabs.SelectedIndex() != tabEdit || h.u.edit.loadedID != h.org.LeadIDs()[0] {
		t.Fatalf("double-clicking the lead opened tab %d with %q", h.u.tabs.SelectedIndex(), h.u.edit.loadedID)
	}
}

func TestLostAnswerIsFoundBySubmissionIDWhenRetried(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.DropNext(1)
	h.submitMinimal()
	if len(h.u.outbox.entries) != 1 || !h.u.outbox.entries[0].Uncertain {
		t.Fatalf("outbox = %+v", h.u.outbox.entries)
	}
	h.org.ResetLog()
	h.u.outbox.send(h.u.outbox.entries[0].ID) // Retry
	h.u.jobs.drain()
	if n := len(h.org.LeadIDs()); n != 1 {
		t.Fatalf("%d leads, want exactly one", n)
	}
	if h.org.Count(http.MethodPost, "/services/data/") != 0 {
		t.Fatal("the lead was sent again instead of being looked up")
	}
}

func TestDraftIsOfferedBackAfterTheAppWasKilled(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC", "SSN1__c": "555-55-5555", "Birthday1__c": "05/05/1955"})
	time.Sleep(draftDelay + 300*time.Millisecond) // typing stopped; the draft timer fires
	h.u.jobs.drain()
	// The process dies here: no close, no save. The next start:
	again := New(test.NewTempApp(t), Options{Home: h.home, Vault: testVault(), RetryCheck: -1, uiLoop: make(chan func())})
	again.jobs.drain()
	if again.restore == nil {
		t.Fatal("the draft was not offered back")
	}
	again.restore.Confirm()
	form := again.newLead.form
	if form.inputs["Company"].text() != "Half Typed LLC" || form.inputs["SSN1__c"].text() != "555-55-5555" || form.inputs["Birthday1__c"].text() != "05/05/1955" {
		t.Fatal("the draft was not restored field for field")
	}
}

func TestDuplicateRuleThatAlertsOffersSendAnywayAndOneThatBlocksDoesNot(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.submitMinimal()
	h.org.SetDuplicateRule(sftest.DuplicatesAlert)
	h.submitMinimal()
	if h.u.newLead.sendAnyway == nil {
		t.Fatalf("no Send anyway for an alerting rule (%s)", h.u.lastError)
	}
	shown := test.RenderObjectToMarkup(h.u.newLead.duplicateRows)
	for _, want := range []string{"Jimmy Jimjo", "Jimjo Jimmy Jo", h.org.LeadIDs()[0], "Open in Salesforce"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the duplicates list does not show %q", want)
		}
	}
	test.Tap(h.u.newLead.sendAnyway)
	h.u.jobs.drain()
	if n := len(h.org.LeadIDs()); n != 2 {
		t.Fatalf("%d leads after Send anyway", n)
	}
	h.org.SetDuplicateRule(sftest.DuplicatesBlock)
	h.submitMinimal()
	if h.u.newLead.sendAnyway != nil || len(h.org.LeadIDs()) != 2 {
		t.Fatal("a blocking rule offered Send anyway or let the lead through")
	}
	if h.u.newLead.form.inputs["Company"].text() != "Jimjo Jimmy Jo" {
		t.Fatal("the blocked lead's fields were lost")
	}
}
