package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/sftest"
)

const dealer = "0015Y00002aYV9NQAW"

// withDealer signs in and sets the dealer id, as Settings does.
func withDealer(t *testing.T) *desk {
	d := newDesk(t, sftest.Options{})
	d.login()
	st, err := sfclient.LoadSettings(d.home)
	if err != nil {
		t.Fatal(err)
	}
	st.DealerID = dealer
	if err := sfclient.SaveSettings(d.home, st); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLeadListPrintsOneLinePerLeadNewestChangeFirstAndFilters(t *testing.T) {
	d := withDealer(t)
	old := d.org.AddLead(map[string]any{"FirstName": "Ola", "LastName": "Old", "Company": "Old\tCo", "Dealer_ID__c": dealer}, sftest.MazoUserID)
	d.org.Advance(10 * 24 * time.Hour)
	recent := d.org.AddLead(map[string]any{"FirstName": "Rae", "LastName": "Recent", "Company": "Recent Co", "Dealer_ID__c": dealer}, sftest.MazoUserID)
	d.org.SetStatusByMazo(recent, "Working")
	d.org.AddLead(map[string]any{"LastName": "Theirs", "Company": "Other dealer's"}, sftest.OtherClerkID)

	code, out, errOut := d.run("", "lead", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
	first := strings.Split(lines[0], "\t")
	if len(first) != 5 || first[0] != recent || first[1] != "Working" || first[2] != "Recent Co" || first[3] != "Rae Recent" {
		t.Fatalf("first line %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], old+"\tNew\tOld Co\tOla Old\t") {
		t.Fatalf("second line %q: the tab in the company must not make a column", lines[1])
	}
	for args, want := range map[string]string{"--status Working": recent, "--since 7": recent, "--status New": old} {
		code, out, _ := d.run("", append([]string{"lead", "list"}, strings.Fields(args)...)...)
		if got := strings.TrimSpace(out); code != 0 || strings.Count(got, "\n") != 0 || !strings.HasPrefix(got, want) {
			t.Errorf("lead list %s: exit %d, %q", args, code, out)
		}
	}
	code, out, _ = d.run("", "lead", "list", "--json", "--status", "Working")
	var leads []sfclient.LeadSummary
	if err := json.Unmarshal([]byte(out), &leads); code != 0 || err != nil || len(leads) != 1 || leads[0].ID != recent || leads[0].Status != "Working" {
		t.Fatalf("--json: exit %d, %v, %q", code, err, out)
	}
	if code, _, errOut := d.run("", "lead", "list", "--since", "-1"); code != cli.ExitUsage || !strings.Contains(errOut, "--since") {
		t.Fatalf("negative --since: %d %q", code, errOut)
	}
}

func TestLeadSearchFindsByTextAndById(t *testing.T) {
	d := withDealer(t)
	id := d.org.AddLead(map[string]any{"FirstName": "Jimmy", "LastName": "Jimjo", "Company": "Jimjo Jimmy Jo", "Email": "jimmy@jimjo.example"}, sftest.UserID)
	for _, text := range []string{"jimjo", "jimmy@jimjo.example", id[:15]} {
		code, out, errOut := d.run("", "lead", "search", text)
		if code != 0 || !strings.HasPrefix(out, id+"\tNew\tJimjo Jimmy Jo\tJimmy Jimjo\t") {
			t.Errorf("search %q: exit %d, %q %q", text, code, out, errOut)
		}
	}
	if code, out, errOut := d.run("", "lead", "search", "nobody-here"); code != 0 || out != "" || !strings.Contains(errOut, "No leads found") {
		t.Errorf("no match: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := d.run("", "lead", "search", "j"); code != cli.ExitError || !strings.Contains(errOut, "at least two characters") {
		t.Errorf("one character: exit %d, %q", code, errOut)
	}
}

func TestLeadHistoryPrintsChangesNewestFirstWithSecretsMasked(t *testing.T) {
	d := withDealer(t)
	id := d.org.AddLead(map[string]any{"LastName": "Hist", "Company": "History Co"}, sftest.UserID)
	d.org.SetField(id, "SSN1__c", "123-45-6789")
	d.org.SetStatusByMazo(id, "Working")
	code, out, errOut := d.run("", "lead", "history", id)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
	if !strings.HasSuffix(lines[0], "\t"+sftest.MazoUserName+"\tStatus: New → Working") || !strings.HasSuffix(lines[2], "\tCreated") {
		t.Fatalf("history %q", out)
	}
	if strings.Contains(out, "6789") || !strings.Contains(lines[1], "SSN1__c: (empty) → "+sfclient.Masked) {
		t.Fatalf("the SSN was shown: %q", out)
	}

	d.org.SetHistoryTracking(false)
	quiet := d.org.AddLead(map[string]any{"LastName": "Quiet", "Company": "Untracked Co"}, sftest.UserID)
	if code, out, _ := d.run("", "lead", "history", quiet); code != 0 || !strings.Contains(out, "does not track field history") || !strings.Contains(out, "created ") {
		t.Fatalf("untracked: exit %d, %q", code, out)
	}
	if code, _, errOut := d.run("", "lead", "history", "00Q123"); code != cli.ExitError || !strings.Contains(errOut, "Lead id") {
		t.Fatalf("bad id: exit %d, %q", code, errOut)
	}
}

func TestLeadCommandsNeedSignInWithExitThree(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	for _, args := range [][]string{{"lead", "list"}, {"lead", "search", "jimmy"}, {"lead", "history", "00Q4X00001vhja5"}} {
		if code, _, errOut := d.run("", args...); code != cli.ExitSignedIn || !strings.Contains(errOut, "leaddesk login") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

func TestUpdatingAConvertedLeadSaysSoInOneSentenceAndKeepsNothing(t *testing.T) {
	d := withDealer(t)
	id := d.org.AddLead(map[string]any{"LastName": "Done", "Company": "Converted Co"}, sftest.UserID)
	d.org.ConvertLead(id)
	code, _, errOut := d.run(`{"Title":"Owner"}`, "lead", "update", id, "--file", "-")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != cli.ExitError || !strings.Contains(lines[0], "Mazo has converted this lead") || len(lines) != 2 ||
		!strings.HasPrefix(lines[1], "Details: ") || !strings.Contains(lines[1], "CANNOT_UPDATE_CONVERTED_LEAD") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if code, out, _ := d.run("", "outbox", "list"); code != 0 || strings.Contains(out, id) {
		t.Fatalf("the refused change waits in the outbox: %q", out)
	}
}
