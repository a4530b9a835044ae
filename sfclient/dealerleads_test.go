package sfclient_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recordid"
	"leaddesk/sfclient/sftest"
)

const dealer = "0015Y00002aYV9NQAW"

// dealerLead is a lead of the dealer as Mazo's org holds it.
func dealerLead(last, company string, extra map[string]any) map[string]any {
	f := map[string]any{"LastName": last, "Company": company, "Dealer_ID__c": dealer, "Status": "New"}
	for k, v := range extra {
		f[k] = v
	}
	return f
}

func ids(leads []sfclient.LeadSummary) []string {
	var out []string
	for _, l := range leads {
		out = append(out, l.ID)
	}
	return out
}

func TestListLeadsReadsEveryPageWithOneRequestEachNewestChangeFirst(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	var want []string
	for i := range 5 {
		want = append(want, f.org.AddLead(dealerLead("Lead", "Dealer Co", map[string]any{"FirstName": string(rune('A' + i))}), sftest.MazoUserID))
	}
	mine := f.org.AddLead(map[string]any{"LastName": "Mine", "Company": "Typed here"}, sftest.UserID)
	f.org.AddLead(map[string]any{"LastName": "Theirs", "Company": "Another dealer", "Dealer_ID__c": "001000000000001AAA"}, sftest.OtherClerkID)
	f.org.SetStatusByMazo(want[2], "Working") // changed last: listed first
	f.org.SetQueryBatch(2)
	f.org.ResetLog()

	leads, err := f.client.ListLeads(context.Background(), sfclient.ListOptions{DealerID: dealer})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.org.Count("GET", "/services/data/"); got != 3 {
		t.Fatalf("%d requests for 6 leads in pages of 2, want one per page", got)
	}
	got := ids(leads)
	if len(got) != 6 || got[0] != want[2] || !slices.Contains(got, mine) {
		t.Fatalf("listed %v; want the 5 dealer leads and mine, the one Mazo changed first", got)
	}
	if leads[0].Status != "Working" || leads[0].Company != "Dealer Co" || leads[0].Name != "C Lead" || leads[0].LastModified.IsZero() {
		t.Fatalf("first lead %+v", leads[0])
	}
}

func TestListLeadsFiltersByStatusAndByRecentChange(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	old := f.org.AddLead(dealerLead("Old", "Old Co", nil), sftest.MazoUserID)
	f.org.Advance(10 * 24 * time.Hour)
	recent := f.org.AddLead(dealerLead("Recent", "Recent Co", map[string]any{"Status": "Working"}), sftest.MazoUserID)
	ctx := context.Background()

	tests := []struct {
		name string
		opts sfclient.ListOptions
		want []string
	}{
		{"every lead", sfclient.ListOptions{DealerID: dealer}, []string{recent, old}},
		{"status Working", sfclient.ListOptions{DealerID: dealer, Status: "Working"}, []string{recent}},
		{"status New", sfclient.ListOptions{DealerID: dealer, Status: "New"}, []string{old}},
		{"changed in the last 7 days", sfclient.ListOptions{DealerID: dealer, ChangedWithinDays: 7}, []string{recent}},
		{"changed in the last 30 days", sfclient.ListOptions{DealerID: dealer, ChangedWithinDays: 30}, []string{recent, old}},
		{"no dealer id: only mine", sfclient.ListOptions{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leads, err := f.client.ListLeads(ctx, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(leads); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestListQueryEscapesQuotesAndBackslashes(t *testing.T) {
	tests := []struct{ dealer, status, want string }{
		{"001", "New", "Dealer_ID__c = '001' OR CreatedById = 'me'"},
		{`O'Brien`, "New", `Dealer_ID__c = 'O\'Brien'`},
		{`back\slash`, "New", `Dealer_ID__c = 'back\\slash'`},
		{"x", `it's`, `Status = 'it\'s'`},
	}
	for _, tt := range tests {
		q := sfclient.ListSOQL(sfclient.ListOptions{DealerID: tt.dealer, Status: tt.status}, "me")
		if !strings.Contains(q, tt.want) || !strings.HasSuffix(q, "ORDER BY LastModifiedDate DESC") {
			t.Errorf("ListSOQL(%q, %q) = %s; want it to contain %s", tt.dealer, tt.status, q, tt.want)
		}
	}
	f := signedIn(t, sftest.Options{})
	f.org.AddLead(dealerLead("Quote", "Q Co", nil), sftest.MazoUserID)
	if leads, err := f.client.ListLeads(context.Background(), sfclient.ListOptions{DealerID: `' OR Name != '`}); err != nil || len(leads) != 0 {
		t.Fatalf("a quote in the dealer id reached other leads: %v, %v", ids(leads), err)
	}
}

func TestSearchFindsLeadsByNameCompanyEmailOrPhoneWithOneRequest(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	jimmy := f.org.AddLead(dealerLead("Jimjo", "Jimjo Jimmy Jo", map[string]any{"FirstName": "Jimmy", "Email": "jimmy@jimjo.example", "Phone": "(013) 345-6789"}), sftest.UserID)
	f.org.AddLead(dealerLead("Other", "Acme Paving", map[string]any{"Email": "ops@acme.example", "Phone": "555-000-1111"}), sftest.UserID)
	for _, text := range []string{"jimmy", "Jimjo Jimmy", "jimmy@jimjo.example", "013-345-6789", "3456789"} {
		f.org.ResetLog()
		leads, err := f.client.SearchLeads(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(leads); !slices.Equal(got, []string{jimmy}) {
			t.Errorf("search %q found %v, want only Jimmy", text, got)
		}
		if n := len(f.org.Requests()); n != 1 {
			t.Errorf("search %q cost %d requests", text, n)
		}
	}
}

func TestSearchUsesSOQLLikeWhereSearchIsUnavailable(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.SetSearch(false)
	pct := f.org.AddLead(dealerLead("Percent", "100% Equipment_Co", nil), sftest.UserID)
	f.org.AddLead(dealerLead("Plain", "1000 Equipment Co", nil), sftest.UserID)
	leads, err := f.client.SearchLeads(context.Background(), "100%")
	if err != nil || !slices.Equal(ids(leads), []string{pct}) {
		t.Fatalf("fallback search for 100%%: %v %v", ids(leads), err)
	}
	f.org.ResetLog()
	leads, err = f.client.SearchLeads(context.Background(), "t_co")
	if err != nil || !slices.Equal(ids(leads), []string{pct}) {
		t.Fatalf("_ matched any character: %v %v", ids(leads), err)
	}
	if got := f.org.Count("GET", "/services/data/"); got != 1 || f.org.Count("GET", "/services/data/v64.0/parameterizedSearch") != 0 {
		t.Fatalf("the second search sent %d requests; it should go straight to SOQL", got)
	}
}

func TestSearchForAnIdOrALinkFindsThatLead(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	id := f.org.AddLead(dealerLead("Linked", "Link Co", nil), sftest.UserID)
	for _, text := range []string{id, id[:15], "https://mazo.lightning.force.com/lightning/r/Lead/" + id + "/view"} {
		leads, err := f.client.SearchLeads(context.Background(), text)
		if err != nil || len(leads) != 1 || leads[0].Company != "Link Co" {
			t.Errorf("search %q: %+v %v", text, leads, err)
		}
	}
	missing := recordid.To18("00Q5g0000099999")
	if leads, err := f.client.SearchLeads(context.Background(), missing); err != nil || len(leads) != 0 {
		t.Errorf("an unknown id: %v %v, want no leads and no error", leads, err)
	}
}

func TestSearchOfOneCharacterIsRefusedBeforeAnyRequest(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.ResetLog()
	_, err := f.client.SearchLeads(context.Background(), " j ")
	if !errors.Is(err, sfclient.ErrSearchTooShort) || len(f.org.Requests()) != 0 {
		t.Fatalf("%v after %d requests", err, len(f.org.Requests()))
	}
	if s := sfclient.Explain(err); !strings.Contains(s, "at least two characters") {
		t.Fatalf("explained as %q", s)
	}
}

func TestTwoThousandLeadsLoadInOneRequestAndTheNextOneInAnother(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	for range sftest.DefaultQueryBatch {
		f.org.AddLead(dealerLead("Many", "Many Co", nil), sftest.MazoUserID)
	}
	f.org.ResetLog()
	leads, err := f.client.ListLeads(context.Background(), sfclient.ListOptions{DealerID: dealer})
	if err != nil || len(leads) != sftest.DefaultQueryBatch || len(f.org.Requests()) != 1 {
		t.Fatalf("%d leads in %d requests (%v)", len(leads), len(f.org.Requests()), err)
	}
	f.org.AddLead(dealerLead("One more", "Many Co", nil), sftest.MazoUserID)
	f.org.ResetLog()
	leads, err = f.client.ListLeads(context.Background(), sfclient.ListOptions{DealerID: dealer})
	if err != nil || len(leads) != sftest.DefaultQueryBatch+1 || len(f.org.Requests()) != 2 {
		t.Fatalf("%d leads in %d requests (%v)", len(leads), len(f.org.Requests()), err)
	}
}
