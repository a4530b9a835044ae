package sfclient_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

func TestHistoryShowsEachChangeWithWhoAndWhenNewestFirst(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	ctx := context.Background()
	id, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.client.UpdateLead(ctx, id, map[string]any{"Title": "Owner"}, zeroTime); err != nil {
		t.Fatal(err)
	}
	f.org.SetStatusByMazo(id, "Working")
	f.org.ResetLog()

	h, err := f.client.LeadHistory(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.org.Requests()); n != 1 {
		t.Fatalf("history cost %d requests", n)
	}
	if !h.Tracked || len(h.Entries) != 3 {
		t.Fatalf("history %+v", h)
	}
	status, title, created := h.Entries[0], h.Entries[1], h.Entries[2]
	if status.Field != "Status" || status.OldValue != "New" || status.NewValue != "Working" || status.By != sftest.MazoUserName {
		t.Errorf("Mazo's status change: %+v", status)
	}
	if title.Field != "Title" || title.OldValue != nil || title.NewValue != "Owner" || title.By != sftest.DisplayName {
		t.Errorf("the clerk's change: %+v", title)
	}
	if created.Field != "created" || h.Created != created.At || h.LastModified != status.At || status.At.Before(created.At) {
		t.Errorf("created %+v; history created %v, last changed %v", created, h.Created, h.LastModified)
	}
}

func TestHistoryWithoutTrackingSaysSoAndGivesCreatedAndLastChanged(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.SetHistoryTracking(false)
	ctx := context.Background()
	id, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.org.SetStatusByMazo(id, "Working")
	h, err := f.client.LeadHistory(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if h.Tracked || len(h.Entries) != 0 || h.Created.IsZero() || !h.LastModified.After(h.Created) {
		t.Fatalf("untracked history %+v", h)
	}
}

func TestHistoryMasksSocialSecurityNumbersAndBirthdays(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	ctx := context.Background()
	id, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	if err := f.client.UpdateLead(ctx, id, map[string]any{"SSN1__c": "123-45-6789", "Birthday1__c": "1970-01-31"}, zeroTime); err != nil {
		t.Fatal(err)
	}
	h, err := f.client.LeadHistory(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range h.Entries {
		if e.Field == "SSN1__c" || e.Field == "Birthday1__c" {
			if e.NewValue != sfclient.Masked || e.OldValue != nil {
				t.Errorf("%s shown as %v → %v", e.Field, e.OldValue, e.NewValue)
			}
		}
	}
}

func TestAConvertedLeadSaysWhenAndRefusesChangesInOneSentence(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	ctx := context.Background()
	id, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	conv, ok := f.org.ConvertLead(id)
	if !ok {
		t.Fatal("could not convert")
	}
	rec, err := f.client.GetLead(ctx, id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if converted, day := rec.Converted(); !converted || len(day) != len("2006-01-02") || rec["ConvertedOpportunityId"] != conv.OpportunityID {
		t.Fatalf("converted %v on %q; record %v", converted, day, rec["ConvertedOpportunityId"])
	}
	err = f.client.UpdateLead(ctx, id, map[string]any{"Title": "Owner"}, zeroTime)
	var api *sfclient.APIError
	if !errors.Is(err, sfclient.ErrLeadConverted) || !errors.As(err, &api) || api.Status != http.StatusBadRequest {
		t.Fatalf("update of a converted lead: %v", err)
	}
	if s := sfclient.Explain(err); !strings.Contains(s, "converted this lead") || strings.Count(s, ".") != 1 {
		t.Fatalf("explained as %q", s)
	}
	if f.org.Lead(id)["Title"] != nil {
		t.Fatal("the converted lead was changed")
	}
}

func TestStatusChangesSinceLastSeenSurviveReopeningTheProfile(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	ctx := context.Background()
	a := f.org.AddLead(dealerLead("A", "A Co", nil), sftest.MazoUserID)
	b := f.org.AddLead(dealerLead("B", "B Co", nil), sftest.MazoUserID)
	leads, _ := f.client.ListLeads(ctx, sfclient.ListOptions{DealerID: dealer})
	if err := f.profile.MarkSeen(leads...); err != nil {
		t.Fatal(err)
	}
	f.org.SetStatusByMazo(b, "Working")
	c := f.org.AddLead(dealerLead("C", "C Co", nil), sftest.MazoUserID) // new, not a change

	again, err := sfclient.OpenProfile(f.profile.Home, testVault())
	if err != nil {
		t.Fatal(err)
	}
	seen, err := again.LastSeen()
	if err != nil || seen[a] != "New" || seen[b] != "New" {
		t.Fatalf("seen %v, %v", seen, err)
	}
	leads, _ = f.client.ListLeads(ctx, sfclient.ListOptions{DealerID: dealer})
	changes := sfclient.StatusChanges(leads, seen)
	if len(changes) != 1 || changes[0].Lead.ID != b || changes[0].Was != "New" || changes[0].Lead.Status != "Working" {
		t.Fatalf("changes %+v (new lead %s)", changes, c)
	}
	if err := again.MarkSeen(changes[0].Lead); err != nil {
		t.Fatal(err)
	}
	seen, _ = again.LastSeen()
	if got := sfclient.StatusChanges(leads, seen); len(got) != 0 {
		t.Fatalf("still changed after being seen: %+v", got)
	}
}

func TestNothingIsFetchedAgainWhileItsAnswerIsFresh(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	ctx := context.Background()
	id := f.org.AddLead(dealerLead("Fresh", "Fresh Co", nil), sftest.UserID)
	clock := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	cache := sfclient.NewLeadCache(f.client, time.Minute)
	cache.Now = func() time.Time { return clock }
	opts := sfclient.ListOptions{DealerID: dealer}
	actions := []struct {
		name string
		do   func() error
	}{
		{"list", func() error { _, err := cache.List(ctx, opts); return err }},
		{"search", func() error { _, err := cache.Search(ctx, "Fresh"); return err }},
		{"history", func() error { _, err := cache.History(ctx, id); return err }},
	}
	count := func() int { n := len(f.org.Requests()); f.org.ResetLog(); return n }
	f.org.ResetLog()
	for _, a := range actions {
		if err := a.do(); err != nil {
			t.Fatal(err)
		}
		if n := count(); n != 1 {
			t.Errorf("first %s: %d requests, want 1", a.name, n)
		}
		if err := a.do(); err != nil || count() != 0 {
			t.Errorf("%s again while fresh was sent again (%v)", a.name, err)
		}
	}
	clock = clock.Add(time.Minute)
	for _, a := range actions {
		if err := a.do(); err != nil || count() != 1 {
			t.Errorf("%s once stale: not asked again once (%v)", a.name, err)
		}
	}
	cache.Forget()
	if err := actions[0].do(); err != nil || count() != 1 {
		t.Errorf("list after Forget was not asked again (%v)", err)
	}
}
