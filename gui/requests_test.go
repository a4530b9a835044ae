package gui

import (
	"net/http"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// dataRequests lists the data-API requests the org saw since the last reset, as "METHOD
// last-path-part status".
func (h *harness) dataRequests() []string {
	var out []string
	for _, r := range h.org.Requests() {
		if strings.HasPrefix(r.Path, "/services/data/v") {
			parts := strings.Split(r.Path, "/")
			out = append(out, r.Method+" "+parts[len(parts)-1]+" "+http.StatusText(r.Status))
		}
	}
	h.org.ResetLog()
	return out
}

func TestEachActionCostsOneRequest(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	if got := h.dataRequests(); len(got) != 1 || got[0] != "GET describe OK" {
		t.Fatalf("sign-in: %v, want one describe", got)
	}

	h.submitMinimal()
	if got := h.dataRequests(); len(got) != 1 || got[0] != "POST Lead Created" {
		t.Fatalf("create: %v", got)
	}

	h.load(h.u.newLead.lastID)
	if got := h.dataRequests(); len(got) != 3 || !strings.HasPrefix(got[0], "GET 00Q") || got[1] != "GET query OK" || got[2] != "GET query OK" {
		t.Fatalf("load: %v, want the lead, one query for its owner's name (not yet known) and one for its documents", got)
	}

	h.u.edit.form.inputs["Title"].setText("Owner")
	h.u.save()
	h.u.jobs.drain()
	got := h.dataRequests()
	if len(got) != 2 || !strings.HasPrefix(got[0], "PATCH 00Q") || !strings.HasPrefix(got[1], "GET 00Q") {
		t.Fatalf("save: %v, want one PATCH and the reload", got)
	}

	// The next start revalidates the cached describe instead of downloading it.
	again := New(test.NewTempApp(t), Options{Home: h.home, Vault: testVault(), RetryCheck: -1, LeadsRefresh: -1, uiLoop: make(chan func())})
	again.jobs.drain()
	if got := h.dataRequests(); len(got) != 1 || got[0] != "GET describe Not Modified" {
		t.Fatalf("restart: %v, want one 304 describe", got)
	}
}

func TestListSearchAndHistoryCostOneRequestEachAndNothingFreshIsAskedAgain(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.addLead("Ann", "Able", "Able Paving", nil)
	h.dataRequests()

	h.showMyLeads()
	if got := h.dataRequests(); len(got) != 1 || got[0] != "GET query OK" {
		t.Fatalf("showing My leads: %v, want one query", got)
	}
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	h.showMyLeads()
	if got := h.dataRequests(); len(got) != 0 {
		t.Fatalf("showing My leads again while fresh: %v", got)
	}

	h.searchFor("Able")
	if got := h.dataRequests(); len(got) != 1 || !strings.HasPrefix(got[0], "GET ") {
		t.Fatalf("search: %v, want one request", got)
	}
	h.searchFor("Able")
	if got := h.dataRequests(); len(got) != 0 {
		t.Fatalf("the same search again while fresh: %v", got)
	}

	h.openWithKeys(0) // Edit lead reads the lead (and what else it shows, counted by its own tests)
	if got := h.dataRequests(); len(got) == 0 || got[0] != "GET "+id+" OK" {
		t.Fatalf("opening the lead: %v, want it read", got)
	}
	h.historyText()
	if got := h.dataRequests(); len(got) != 1 || got[0] != "GET query OK" {
		t.Fatalf("history: %v, want one query", got)
	}
	h.historyText()
	if got := h.dataRequests(); len(got) != 0 {
		t.Fatalf("history again while fresh: %v", got)
	}

	h.showMyLeads()
	h.shortcut(fyne.KeyR, fyne.KeyModifierShortcutDefault) // Refresh asks again, once
	if got := h.dataRequests(); len(got) != 1 {
		t.Fatalf("refresh: %v, want one request", got)
	}
}
