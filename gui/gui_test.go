package gui

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// fixedNow is the clock of every test: owners' ages and the submission time depend on it.
var fixedNow = time.Date(2026, 11, 22, 10, 30, 0, 0, time.Local)

type harness struct {
	t    *testing.T
	org  *sftest.Org
	home string
	u    *UI
}

func testVault() vault.Options {
	return vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "gui test passphrase", nil }}
}

// newHarness opens the window against a fresh stand-in org, with settings as a dealer's
// office would have them, not yet signed in.
func newHarness(t *testing.T, opts sftest.Options) *harness {
	t.Helper()
	redirect, err := sftest.FreeRedirectURI()
	if err != nil {
		t.Fatal(err)
	}
	opts.RedirectURIs = []string{redirect}
	h := &harness{t: t, org: sftest.New(t, opts), home: t.TempDir()}
	st := sfclient.Settings{LoginURL: h.org.URL, ClientID: h.org.ClientID(), RedirectURI: redirect,
		DealerID: "0015Y00002aYV9NQAW", AccountID: "0015Y00002aYV9NQAW", OwnerID: "0055Y00000EVoLvQAL", TermsURL: h.org.URL + "/terms"}
	if err := sfclient.SaveSettings(h.home, st); err != nil {
		t.Fatal(err)
	}
	h.u = New(test.NewTempApp(t), Options{Home: h.home, Vault: testVault(), OpenBrowser: sftest.Browse, Now: func() time.Time { return fixedNow }, RetryCheck: -1, LeadsRefresh: -1, uiLoop: make(chan func())})
	h.u.jobs.drain()
	if h.u.profile == nil {
		t.Fatalf("profile did not open: %s", h.u.lastError)
	}
	return h
}

func (h *harness) signIn() {
	h.t.Helper()
	test.Tap(h.u.signInButton)
	h.u.jobs.drain()
	if h.u.client == nil {
		h.t.Fatalf("not signed in: %s", h.u.lastError)
	}
}

// fill types values into the form the way a person does, leaving each field after typing;
// Owner 2's fields after opening its fold, as a person must.
func (h *harness) fill(f *leadForm, values map[string]string) {
	for name, v := range values {
		in, ok := f.inputs[name]
		if !ok {
			h.t.Fatalf("no input %s", name)
		}
		if f.folded(in) {
			test.Tap(f.owner2.header)
		}
		in.setText("")
		test.Type(in.focusable(), v)
		if in.entry != nil {
			in.entry.FocusLost()
		}
	}
}

// submitMinimal fills the minimal lead, ticks the terms, submits and waits for the outcome.
func (h *harness) submitMinimal() {
	h.t.Helper()
	h.fill(h.u.newLead.form, minimal)
	test.Tap(h.u.newLead.terms)
	test.Tap(h.u.newLead.submitB)
	h.u.jobs.drain()
}

func (h *harness) posts() []sftest.Request {
	var out []sftest.Request
	for _, r := range h.org.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/sobjects/Lead") {
			out = append(out, r)
		}
	}
	return out
}

func decode(t *testing.T, body []byte) map[string]any {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// guideLead is the guide's full example, as a clerk types it.
var guideLead = map[string]string{
	"FirstName": "Satisfied", "LastName": "Customer", "Company": "Example Inc.", "Street": "123 Example St. N",
	"City": "Austin", "State": "TX", "PostalCode": "78736", "Country": "United States", "Phone": "(555)-555-5555",
	"Email": "satisfied@example.com", "Website": "www.example.com", "Description": "Building better buildings",
	"AnnualRevenue": "600,000", "Years_In_Business__c": "1", "Federal_Tax_ID__c": "55-5555555",
	"Legal_Entity_Type__c": "Corporation", "What_Company_Does__c": "Building integrated solar roof sales and construction.",
	"First_Name1__c": "Satisfied", "Last_Name1__c": "Customer", "SSN1__c": "555-55-5555", "Phone1__c": "(555)-555-5555",
	"Ownership1__c": "100", "Birthday1__c": "05/05/1955", "Street1__c": "123 Example st", "City2__c": "Austin",
	"State2__c": "TX", "Zip2__c": "55555", "Financing_Type__c": "Equipment Financing", "Amount_Requested__c": "9825",
	"Year__c": "2023", "Make__c": "PJ Trailers", "Model__c": "20x102", "Time_Frame__c": "ASAP",
}

var minimal = map[string]string{"FirstName": "Jimmy", "LastName": "Jimjo", "Phone": "013-345-6789",
	"Email": "jimmy@jimjo.example", "Company": "Jimjo Jimmy Jo"}

func TestSignInFromTheHeaderShowsWhoIsSignedIn(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	if h.u.status.Text != "Not signed in" || !h.u.signInButton.Visible() {
		t.Fatalf("header before sign-in: %q", h.u.status.Text)
	}
	h.signIn()
	if !strings.Contains(h.u.status.Text, sftest.DisplayName) || h.u.signInButton.Visible() {
		t.Fatalf("header after sign-in: %q", h.u.status.Text)
	}
	h.u.show(tabSettings)
	if !strings.Contains(h.u.settings.status.Text, sftest.Username) || !strings.Contains(h.u.settings.status.Text, "passphrase") {
		t.Fatalf("settings status: %q", h.u.settings.status.Text)
	}
}

func TestFullMazoLeadReachesTheOrgWithWhatTheAppAdds(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, guideLead)
	test.Tap(h.u.newLead.terms)
	h.u.save() // Ctrl+S
	h.u.jobs.drain()
	posts := h.posts()
	if len(posts) != 1 {
		t.Fatalf("%d creates, want 1 (%s)", len(posts), h.u.lastError)
	}
	sent := decode(t, posts[0].Body)
	want := map[string]any{"SSN1__c": "555-55-5555", "Birthday1__c": "1955-05-05", "AnnualRevenue": 600000.0,
		"Federal_Tax_ID__c": "55-5555555", "Dealer_ID__c": "0015Y00002aYV9NQAW", "Account__c": "0015Y00002aYV9NQAW",
		"OwnerId": "0055Y00000EVoLvQAL", "Lead_Type__c": "Vendor Lead", "Status": "New", "IsUnreadByOwner": true,
		"View_Terms__c": "I/we have read and agree to these terms", "Date_and_Time__c": "11/22/2026 - 10:30:00",
		"Owners__c": "1", "Time_Frame__c": "ASAP", "Make__c": "PJ Trailers"}
	for k, v := range want {
		if sent[k] != v {
			t.Errorf("sent %s = %#v, want %#v", k, sent[k], v)
		}
	}
	if uid, _ := sent["WordPress_UniqueID__c"].(string); !strings.HasPrefix(uid, "ld-") {
		t.Errorf("no submission id: %v", sent["WordPress_UniqueID__c"])
	}
	id := h.u.newLead.lastID
	if len(id) != 18 || h.org.Lead(id) == nil {
		t.Fatalf("result id %q", id)
	}
	if h.u.newLead.form.inputs["LastName"].text() != "" || h.u.newLead.terms.Checked {
		t.Fatal("the form was not cleared after the lead was created")
	}
	if h.u.newLead.form.inputs["Dealer_ID__c"].text() != "0015Y00002aYV9NQAW" {
		t.Fatal("dealer defaults were not filled in again")
	}
	if h.u.lastError != "" {
		t.Fatalf("an error was shown: %s", h.u.lastError)
	}
}

func TestMinimalLeadFromTheGuideIsCreated(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.submitMinimal()
	ids := h.org.LeadIDs()
	if len(ids) != 1 || h.org.Lead(ids[0])["Company"] != "Jimjo Jimmy Jo" {
		t.Fatalf("leads = %v (%s)", ids, h.u.lastError)
	}
}

func TestChecksBlockBadValuesAndSayWhyBesideEachField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	bad := map[string]string{"SSN1__c": "555-55-555", "Federal_Tax_ID__c": "5-5555555", "Email": "jimmy@",
		"PostalCode": "7873", "State": "Texas", "Birthday1__c": "02/30/1980", "Ownership1__c": "60", "Ownership2__c": "50",
		"Birthday2__c": "12/01/2010"}
	h.fill(h.u.newLead.form, minimal)
	h.fill(h.u.newLead.form, bad)
	test.Tap(h.u.newLead.submitB) // terms not ticked either
	h.u.jobs.drain()
	for _, name := range []string{"SSN1__c", "Federal_Tax_ID__c", "Email", "PostalCode", "State", "Birthday1__c", "Ownership2__c", "Birthday2__c"} {
		in := h.u.newLead.form.inputs[name]
		if !in.problem.Visible() || in.problem.Text == "" {
			t.Errorf("%s: no message beside the field", name)
		}
		if strings.Contains(in.problem.Text, "555-55") {
			t.Errorf("%s: message repeats the SSN", name)
		}
	}
	if !h.u.newLead.termsErr.Visible() {
		t.Error("unticked terms not pointed out")
	}
	if !h.u.newLead.form.owner2.open {
		t.Error("Owner 2 stayed folded although it has a problem")
	}
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d creates sent with bad values", n)
	}
	if h.u.newLead.form.inputs["SSN1__c"].text() != "555-55-555" {
		t.Fatal("what was typed was lost")
	}
}

func TestLeavingAFieldChecksItAndFixingItClearsTheMessage(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	email := h.u.newLead.form.inputs["Email"]
	h.fill(h.u.newLead.form, map[string]string{"Email": "jimmy@jimjo"})
	if !email.problem.Visible() {
		t.Fatal("no message after leaving a bad e-mail")
	}
	h.u.newLead.form.focus(email) // back in the box, its text selected
	test.Type(h.focused(), "jimmy@jimjo.example")
	if email.problem.Visible() {
		t.Fatalf("message stays after the fix: %q", email.problem.Text)
	}
}

var (
	fyneKeyReturn = fyne.KeyEvent{Name: fyne.KeyReturn}
	fyneKeyEscape = fyne.KeyEvent{Name: fyne.KeyEscape}
)

type fyneKeyEvent = fyne.KeyEvent

func TestWithoutAKeychainTheWindowAsksForThePassphrase(t *testing.T) {
	home := t.TempDir()
	u := New(test.NewTempApp(t), Options{Home: home, Vault: vault.Options{NoKeychain: true, ScryptLogN: 10}, RetryCheck: -1, LeadsRefresh: -1, uiLoop: make(chan func())})
	u.jobs.drain()
	if u.profile != nil || u.passphrase == nil {
		t.Fatal("the window opened the vault without a passphrase, or did not ask for one")
	}
	test.Type(u.passphrase, "correct horse battery")
	u.passphrase.OnSubmitted(u.passphrase.Text) // on to the second box: the passphrase is a new one
	second := u.win.Canvas().Focused().(*passEntry)
	test.Type(second, "correct horse battery")
	second.OnSubmitted(second.Text)
	u.jobs.drain()
	if u.profile == nil || u.profile.Vault.KeySource() != vault.SourcePassphrase {
		t.Fatalf("vault not opened with the passphrase (%s)", u.lastError)
	}
}

func TestSignedInFormUsesTheOrgsLabelsAndPicklists(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	in := h.u.newLead.form.inputs["Time_Frame__c"]
	if len(in.pick.options) == 0 || in.pick.options[0] != "ASAP" || in.label.Text != "Time frame" {
		t.Fatalf("picklist %v, label %q", in.pick.options, in.label.Text)
	}
	if h.u.newLead.form.inputs["LastName"].label.Text != "Last name *" {
		t.Fatal("required mark lost")
	}
}

func TestPastedCodeSignsInWhenTheRedirectIsAWebPage(t *testing.T) {
	const page = "https://dealer.example/leaddesk/callback"
	org := sftest.New(t, sftest.Options{RedirectURIs: []string{page}})
	home := t.TempDir()
	sfclient.SaveSettings(home, sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: page})
	opened := false
	u := New(test.NewTempApp(t), Options{Home: home, Vault: testVault(), RetryCheck: -1, uiLoop: make(chan func()),
		OpenBrowser: func(string) error { opened = true; return nil }})
	u.jobs.drain()
	if shown := pasteSignIn(t, u); !strings.HasPrefix(shown, org.URL) || opened {
		t.Fatal("the paste box did not show the address, or a browser was opened for a web-page redirect")
	}
	if u.client == nil || u.signInDialog != nil {
		t.Fatalf("not signed in after pasting (%s)", u.lastError)
	}
}

func TestEscapeCancelsOrClosesTheTopDialog(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.showError(&notice{"A notice."})
	if h.u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	h.u.typedKey(&fyneKeyEscape)
	if h.u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the dialog")
	}
}

func TestSubmittingBeforeTheVaultIsUnlockedKeepsTheLeadInTheForm(t *testing.T) {
	u := New(test.NewTempApp(t), Options{Home: t.TempDir(), Vault: vault.Options{NoKeychain: true, ScryptLogN: 10}, RetryCheck: -1, LeadsRefresh: -1, uiLoop: make(chan func())})
	u.jobs.drain()
	u.newLead.form.inputs["LastName"].setText("Jimjo")
	u.newLead.form.inputs["Company"].setText("Jimjo Jimmy Jo")
	u.newLead.terms.SetChecked(true)
	u.newLead.submit()
	u.jobs.drain()
	if !strings.Contains(u.lastError, "unlock it first") || u.newLead.form.inputs["Company"].text() != "Jimjo Jimmy Jo" {
		t.Fatalf("error %q", u.lastError)
	}
}
