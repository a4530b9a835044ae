package gui

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// existingLead creates a lead in the org as if Mazo had sent its id to the dealer.
func (h *harness) existingLead() string {
	h.t.Helper()
	id, err := h.u.client.CreateLead(context.Background(), map[string]any{"FirstName": "Jimmy", "LastName": "Jimjo",
		"Company": "Jimjo Jimmy Jo", "Phone": "013-345-6789", "City": "Austin", "SSN1__c": "555-55-5555"}, sfclient.CreateOptions{})
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

func (h *harness) load(text string) {
	h.t.Helper()
	h.u.tabs.Select(h.u.tabs.Items[1])
	h.u.edit.idEntry.SetText("")
	test.Type(h.u.edit.idEntry, text)
	h.u.edit.idEntry.TypedKey(&fyneKeyReturn) // Enter loads
	h.u.jobs.drain()
}

func TestEditLoadsByPastedLinkAndSendsOnlyTheChangedField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.org.ResetLog()
	h.load("https://mazo.lightning.force.com/lightning/r/Lead/" + id[:15] + "/view")
	if h.u.edit.loadedID != id || h.u.edit.form.inputs["Company"].text() != "Jimjo Jimmy Jo" {
		t.Fatalf("loaded %q (%s)", h.u.edit.loadedID, h.u.lastError)
	}
	if n := len(h.org.Requests()); n != 3 {
		t.Fatalf("loading took %d requests, want 3: the lead, its owner's name and its documents", n)
	}
	if !h.u.edit.saveB.Disabled() {
		t.Fatal("Save is enabled with nothing changed")
	}
	phone := h.u.edit.form.inputs["Phone"]
	phone.setText("")
	test.Type(phone.entry, "(555) 555-0199")
	phone.entry.FocusLost()
	if phone.problem.Text != editedMark || !phone.problem.Visible() || h.u.edit.saveB.Disabled() {
		t.Fatalf("edited field not marked (%q) or Save disabled", phone.problem.Text)
	}
	h.org.ResetLog()
	h.u.save() // Ctrl+S
	h.u.jobs.drain()
	var patch sftest.Request
	for _, r := range h.org.Requests() {
		if r.Method == http.MethodPatch {
			patch = r
		}
	}
	sent := decode(t, patch.Body)
	if len(sent) != 1 || sent["Phone"] != "(555) 555-0199" || patch.Header.Get("If-Unmodified-Since") == "" {
		t.Fatalf("PATCH %s with If-Unmodified-Since %q; want only the phone", patch.Body, patch.Header.Get("If-Unmodified-Since"))
	}
	if h.org.Lead(id)["Phone"] != "(555) 555-0199" || h.u.lastToast != "Saved" || h.u.edit.dirty() {
		t.Fatalf("not saved: toast %q, error %q", h.u.lastToast, h.u.lastError)
	}
}

func TestBadIDIsRefusedBeforeAnyRequest(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.ResetLog()
	h.load("0015Y00002aYV9NQAW")
	if !h.u.edit.idErr.Visible() || !strings.Contains(h.u.edit.idErr.Text, "00Q") {
		t.Fatalf("id message %q", h.u.edit.idErr.Text)
	}
	if len(h.org.Requests()) != 0 {
		t.Fatal("a bad id reached Salesforce")
	}
	if h.u.edit.idEntry.Text != "0015Y00002aYV9NQAW" {
		t.Fatal("the typed id was lost")
	}
}

func TestConflictShowsBothValuesAndKeepsTheChosenOnes(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.org.SetField(id, "Phone", "(555) 000-1111") // a Mazo employee edits meanwhile
	h.org.SetField(id, "City", "Round Rock")
	phone := h.u.edit.form.inputs["Phone"]
	phone.setText("(555) 222-3333")
	h.u.save()
	h.u.jobs.drain()
	d := h.u.edit.conflict
	if d == nil {
		t.Fatalf("no conflict dialog (%s)", h.u.lastError)
	}
	if len(h.u.edit.choices) != 1 || h.u.edit.choices["Phone"].Selected != "Yours" {
		t.Fatalf("choices = %v", h.u.edit.choices)
	}
	d.Confirm()
	h.u.jobs.drain()
	got := h.org.Lead(id)
	if got["Phone"] != "(555) 222-3333" || got["City"] != "Round Rock" {
		t.Fatalf("after resolving: phone %v, city %v", got["Phone"], got["City"])
	}
}

func TestExpiredSessionInTheMiddleOfSubmitIsRenewedSilently(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.ExpireSessions()
	h.submitMinimal()
	if len(h.org.LeadIDs()) != 1 || h.u.lastError != "" || h.u.reauth != nil {
		t.Fatalf("leads %d, error %q", len(h.org.LeadIDs()), h.u.lastError)
	}
	if h.org.Grants("refresh_token") != 1 {
		t.Fatal("the session was not refreshed exactly once")
	}
}

func TestDeadSessionAsksToSignInThenSendsTheSameLead(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.RevokeAll()
	h.org.ExpireSessions()
	h.submitMinimal()
	if h.u.reauth == nil {
		t.Fatalf("not asked to sign in again (%s)", h.u.lastError)
	}
	if len(h.org.LeadIDs()) != 0 || h.u.newLead.form.inputs["Company"].text() != "Jimjo Jimmy Jo" {
		t.Fatal("the typed lead was lost or sent without a session")
	}
	h.u.reauth.Confirm()
	h.u.jobs.drain()
	ids := h.org.LeadIDs()
	if len(ids) != 1 || h.org.Lead(ids[0])["Email"] != "jimmy@jimjo.example" {
		t.Fatalf("after signing in again: %v (%s)", ids, h.u.lastError)
	}
}

func TestSlowSalesforceCanBeCancelledAndNothingIsLost(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetLatency(3 * time.Second)
	h.fill(h.u.newLead.form, minimal)
	test.Tap(h.u.newLead.terms)
	start := time.Now()
	test.Tap(h.u.newLead.submitB)
	if h.u.progress == nil || h.u.cancelProgress == nil {
		t.Fatal("no progress shown while waiting")
	}
	h.u.win.Canvas().(interface{ OnTypedKey() func(*fyneKeyEvent) }).OnTypedKey()(&fyneKeyEscape) // Esc cancels
	h.u.jobs.drain()
	if time.Since(start) > 2*time.Second {
		t.Fatalf("cancel took %v", time.Since(start))
	}
	if h.u.lastError != "" || h.u.newLead.form.inputs["LastName"].text() != "Jimjo" {
		t.Fatalf("after cancel: error %q, last name %q", h.u.lastError, h.u.newLead.form.inputs["LastName"].text())
	}
}

func TestSettingsRoundTripThroughTheVault(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.show(tabSettings)
	s := h.u.settings
	s.secret.SetText("consumer-secret-123")
	s.dealerID.SetText("0015Y00002aYV9NXYZ")
	s.leadType.SetText("Dealer Lead")
	s.apiVersion.SetText("v62.0")
	s.save()
	h.u.jobs.drain()
	if h.u.lastToast != "Settings saved" {
		t.Fatalf("not saved: %s", h.u.lastError)
	}
	again := New(test.NewTempApp(t), Options{Home: h.home, Vault: testVault(), OpenBrowser: sftest.Browse, RetryCheck: -1, uiLoop: make(chan func())})
	again.jobs.drain()
	again.show(tabSettings)
	if again.settings.secret.Text != "consumer-secret-123" || again.settings.dealerID.Text != "0015Y00002aYV9NXYZ" ||
		again.settings.apiVersion.Text != "62.0" || again.settings.loginURL.Text != h.org.URL {
		t.Fatalf("reopened settings: secret set %v, dealer %q, version %q", again.settings.secret.Text != "", again.settings.dealerID.Text, again.settings.apiVersion.Text)
	}
	if again.newLead.form.inputs["Lead_Type__c"].text() != "Dealer Lead" {
		t.Fatal("the new lead form does not use the saved lead type")
	}
	plain, _ := sfclient.LoadSettings(h.home)
	if plain.ClientID == "" || strings.Contains(plain.TermsURL+plain.DealerID, "consumer-secret") {
		t.Fatal("settings.json is wrong or holds the secret")
	}
}
