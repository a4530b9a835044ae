package cli_test

import (
	"net/http"
	"strings"
	"testing"

	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/sftest"
)

// jimjo is the guide's minimal lead, its applicant having agreed to the terms.
const jimjo = `{"FirstName":"Jimmy","LastName":"Jimjo","Phone":"013-345-6789","Email":"jimmy@jimjo.example","Company":"Jimjo Jimmy Jo","View_Terms__c":true}`

// outboxIDs lists the entry ids "outbox list" prints.
func (d *desk) outboxIDs() []string {
	code, out, errOut := d.run("", "outbox", "list")
	if code != 0 {
		d.t.Fatalf("outbox list: %d %s", code, errOut)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			ids = append(ids, f[0])
		}
	}
	return ids
}

func (d *desk) createKept(wantCode int) {
	d.t.Helper()
	code, out, errOut := d.run(jimjo, "lead", "create", "--file", "-")
	if code != wantCode || out != "" || !strings.Contains(errOut, "kept in the outbox") {
		d.t.Fatalf("create: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func (d *desk) sendAll() string {
	d.t.Helper()
	code, out, errOut := d.run("", "outbox", "send")
	if code != 0 {
		d.t.Fatalf("outbox send: %d %s", code, errOut)
	}
	if ids := d.outboxIDs(); len(ids) != 0 {
		d.t.Fatalf("outbox still holds %v", ids)
	}
	return lastLine(out)
}

func TestNetworkCutMidCreateWaitsAndIsSentOnceWhenBack(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.SetOffline(true)
	d.createKept(1)
	if ids := d.outboxIDs(); len(ids) != 1 {
		t.Fatalf("outbox = %v", ids)
	}
	if code, _, _ := d.run("", "outbox", "send"); code != 1 {
		t.Fatal("outbox send succeeded while offline")
	}
	d.org.SetOffline(false)
	id := d.sendAll()
	if leads := d.org.LeadIDs(); len(leads) != 1 || leads[0] != id {
		t.Fatalf("leads %v, printed %q", leads, id)
	}
}

func TestLostAnswerIsFoundBySubmissionIDAndNotCreatedAgain(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.DropNext(1) // Salesforce saves the lead, but the answer never arrives
	d.createKept(1)
	landed := d.org.LeadIDs()
	if len(landed) != 1 {
		t.Fatalf("%d leads after the lost answer", len(landed))
	}
	d.org.ResetLog()
	if id := d.sendAll(); id != landed[0] {
		t.Fatalf("outbox send printed %q, want the lead that landed, %s", id, landed[0])
	}
	if n := len(d.org.LeadIDs()); n != 1 {
		t.Fatalf("%d leads: the lead was created twice", n)
	}
	if d.org.Count(http.MethodPost, "/services/data/") != 0 || d.org.Count(http.MethodGet, "/services/data/v"+sftest.NewestVersion+"/query") != 1 {
		t.Fatal("the retry did not look the lead up by its submission id first")
	}
}

func TestOutagePageWaitsAndIsSentLater(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.SetOutage(true)
	d.createKept(1)
	_, out, _ := d.run("", "outbox", "list")
	if !strings.Contains(out, "Jimjo Jimmy Jo") || !strings.Contains(out, "unavailable") {
		t.Fatalf("outbox list = %q", out)
	}
	d.org.SetOutage(false)
	d.sendAll()
	if n := len(d.org.LeadIDs()); n != 1 {
		t.Fatalf("%d leads", n)
	}
}

func TestDeadSessionKeepsTheLeadUntilSignInThenSendsIt(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.RevokeAll()
	d.org.ExpireSessions()
	d.createKept(cli.ExitSignedIn)
	if code, _, _ := d.run("", "outbox", "send"); code != cli.ExitSignedIn {
		t.Fatalf("outbox send with a dead session: exit %d, want 3", code)
	}
	if ids := d.outboxIDs(); len(ids) != 1 {
		t.Fatalf("the entry was lost: %v", ids)
	}
	d.login()
	d.sendAll()
	if n := len(d.org.LeadIDs()); n != 1 {
		t.Fatalf("%d leads", n)
	}
}

func TestRefusedLeadIsNotKept(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	code, _, errOut := d.run(`{"FirstName":"Only"}`, "lead", "create", "--file", "-")
	if code != 1 || strings.Contains(errOut, "outbox") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if ids := d.outboxIDs(); len(ids) != 0 {
		t.Fatalf("a refused lead was kept: %v", ids)
	}
}

func TestDiscardAndRecentLeads(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.SetOffline(true)
	d.createKept(1)
	d.org.SetOffline(false)
	entry := d.outboxIDs()[0]
	if code, out, _ := d.run("", "outbox", "discard", entry); code != 0 || !strings.Contains(out, entry) {
		t.Fatalf("discard: %d %q", code, out)
	}
	if code, _, errOut := d.run("", "outbox", "discard", entry); code != 1 || !strings.Contains(errOut, "no entry") {
		t.Fatalf("second discard: %d %q", code, errOut)
	}
	_, out, _ := d.run(jimjo, "lead", "create", "--file", "-")
	id := lastLine(out)
	d.run(`{"Title":"Owner"}`, "lead", "update", id, "--file", "-")
	code, out, _ := d.run("", "lead", "recent")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 1 || !strings.Contains(lines[0], id) || !strings.Contains(lines[0], "edited") {
		t.Fatalf("recent = %q", out)
	}
	if len(d.org.LeadIDs()) != 1 {
		t.Fatal("the discarded lead was sent")
	}
}
