package cli_test

import (
	"net/http"
	"strings"
	"testing"

	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/sftest"
)

func TestALeadWithoutADealerIDIsRefusedPointingToSettingsAndNothingIsSentOrKept(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	if code, _, errOut := d.run("", "settings", "--dealer-id", ""); code != 0 {
		t.Fatalf("settings --dealer-id \"\": exit %d %s", code, errOut)
	}
	d.org.ResetLog()
	code, out, errOut := d.run(jimjo, "lead", "create", "--file", "-")
	if code != cli.ExitError || out != "" || !strings.Contains(errOut, "leaddesk settings --dealer-id") || !strings.Contains(errOut, "Nothing was sent") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if n := d.org.Count(http.MethodPost, "/services/data"); n != 0 {
		t.Fatalf("%d requests reached the org", n)
	}
	if ids := d.outboxIDs(); len(ids) != 0 {
		t.Fatalf("the refused lead waits in the Outbox: %v", ids)
	}
	// The Dealer ID in the file itself is enough.
	withDealer := strings.Replace(jimjo, "{", `{"Dealer_ID__c":"0015Y00002aYV9NQAW",`, 1)
	if code, _, errOut := d.run(withDealer, "lead", "create", "--file", "-"); code != 0 {
		t.Fatalf("a lead carrying its Dealer ID: exit %d %s", code, errOut)
	}
}

func TestNewLeadsStartWithTheDealerDefaultsFromSettingsAndTheFileWins(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	code, out, errOut := d.run("", "settings", "--dealer-id", "001000000000DLR", "--account-id", "001000000000ACC", "--lead-type", "Dealer Lead")
	if code != 0 || !strings.Contains(out, "Settings saved.") || !strings.Contains(out, "Dealer ID:     001000000000DLR") {
		t.Fatalf("settings: exit %d %s %s", code, out, errOut)
	}
	if st := d.settings(); st.DealerID != "001000000000DLR" || st.AccountID != "001000000000ACC" || st.LeadType != "Dealer Lead" || st.LoginURL != d.org.URL {
		t.Fatalf("settings kept: %+v", st)
	}

	_, out, errOut = d.run(jimjo, "lead", "create", "--file", "-")
	rec := d.org.Lead(lastLine(out))
	if rec == nil {
		t.Fatalf("create: %s %s", out, errOut)
	}
	want := map[string]string{"Dealer_ID__c": "001000000000DLR", "Account__c": "001000000000ACC", "Lead_Type__c": "Dealer Lead", "Status": "New", "LastName": "Jimjo"}
	for name, v := range want {
		if rec[name] != v {
			t.Errorf("%s = %v, want %q", name, rec[name], v)
		}
	}
	if _, ok := rec["OwnerId"].(string); ok && rec["OwnerId"] == "" {
		t.Error("an unset Lead owner was sent as an empty OwnerId")
	}

	own := strings.Replace(jimjo, "{", `{"Lead_Type__c":"Direct","Status":"Working",`, 1)
	_, out, _ = d.run(own, "lead", "create", "--file", "-")
	if rec := d.org.Lead(lastLine(out)); rec == nil || rec["Lead_Type__c"] != "Direct" || rec["Status"] != "Working" || rec["Dealer_ID__c"] != "001000000000DLR" {
		t.Fatalf("the file's own values were overridden: %v", rec)
	}
}

func TestSettingsShowsWhatIsSetAndRefusesALeadTypeOutsideTheList(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	code, out, _ := d.run("", "settings")
	if code != 0 || !strings.Contains(out, "Dealer ID:     "+testDealerID) || !strings.Contains(out, "Lead type:     Vendor Lead") ||
		!strings.Contains(out, "Consumer key:  (not set") {
		t.Fatalf("settings: exit %d\n%s", code, out)
	}
	code, _, errOut := d.run("", "settings", "--lead-type", "Corp")
	if code != cli.ExitUsage || !strings.Contains(errOut, "Vendor Lead, Dealer Lead, Direct") {
		t.Fatalf("a lead type outside the list: exit %d %s", code, errOut)
	}
	if st := d.settings(); st.LeadType != "" || st.DealerID != testDealerID {
		t.Fatalf("a refused change was kept: %+v", st)
	}
}
