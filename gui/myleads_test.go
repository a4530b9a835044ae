package gui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// testDealer is the Dealer ID the harness's settings hold.
const testDealer = "0015Y00002aYV9NQAW"

// addLead puts a lead of the test dealer into the org as Mazo's user made it; more adds fields.
func (h *harness) addLead(first, last, company string, more map[string]any) string {
	f := map[string]any{"FirstName": first, "LastName": last, "Company": company, "Dealer_ID__c": testDealer}
	for k, v := range more {
		f[k] = v
	}
	return h.org.AddLead(f, sftest.MazoUserID)
}

// showMyLeads picks the My leads tab with Ctrl/Cmd+4, as the menu says.
func (h *harness) showMyLeads() {
	h.t.Helper()
	h.shortcut(fyne.Key4, fyne.KeyModifierShortcutDefault)
	if h.selectedTab() != "My leads" {
		h.t.Fatalf("Ctrl+4 showed %q", h.selectedTab())
	}
}

// searchFor types text into My leads' search box and presses Enter.
func (h *harness) searchFor(text string) {
	h.t.Helper()
	s := h.u.myLeads.search
	h.canvas().Focus(s)
	s.SetText("")
	test.Type(s, text)
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
}

// tabToTheList clicks into the search box and moves the keyboard on with Tab until the list
// of leads has it.
func (h *harness) tabToTheList() {
	h.t.Helper()
	h.canvas().Focus(h.u.myLeads.search)
	for i := 0; i < 12; i++ {
		if h.canvas().Focused() == fyne.Focusable(h.u.myLeads.list) {
			return
		}
		h.tab()
	}
	h.t.Fatal("Tab never reaches the list of leads")
}

// openWithKeys selects the n-th row (from 0) with the Down arrow and opens it with Enter.
func (h *harness) openWithKeys(n int) {
	h.t.Helper()
	h.tabToTheList()
	for i := 0; i <= n; i++ {
		h.press(fyne.KeyDown)
	}
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
}

// rowView is the drawn row showing row i, scrolled into view.
func (h *harness) rowView(i int) *leadRowView {
	h.t.Helper()
	h.u.myLeads.list.ScrollTo(i)
	for _, o := range objectsUnder(h.u.myLeads.list) {
		if r, ok := o.(*leadRowView); ok && r.id == i && r.Visible() {
			return r
		}
	}
	h.t.Fatalf("row %d is not drawn", i)
	return nil
}

// rowText is what the drawn row i says.
func (h *harness) rowText(i int) string { return strings.Join(labelsIn(h.rowView(i)), " | ") }

func TestMyLeadsListsTheDealersLeadsNewestChangeFirstWithWhatTheClerkNeeds(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.addLead("Ann", "Able", "Able Paving", map[string]any{"Status": "Working", "Amount_Requested__c": 25000.0,
		"Year__c": "2021", "Make__c": "Caterpillar", "Model__c": "320"})
	h.org.Advance(time.Minute)
	h.addLead("Bo", "Baker", "Baker Farms", nil)
	h.org.Advance(time.Minute)
	converted := h.addLead("Cy", "Cole", "Cole Haulage", nil)
	h.org.ConvertLead(converted)
	h.org.AddLead(map[string]any{"LastName": "Other", "Company": "Another Dealer's Lead", "Dealer_ID__c": "0015Y00002aYZZZQAW"}, sftest.MazoUserID)

	if h.u.myLeads.list != nil {
		t.Fatal("My leads was read before its tab was shown")
	}
	h.showMyLeads()
	if n := h.u.myLeads.list.Length(); n != 3 {
		t.Fatalf("%d leads listed, want the dealer's 3: %s", n, h.u.myLeads.note.Text)
	}
	for i, want := range [][]string{
		{"Cy Cole · Cole Haulage", "● Converted "},
		{"Bo Baker · Baker Farms", "New", "created "},
		{"Ann Able · Able Paving", "Working", "$25,000 · 2021 Caterpillar 320 · created ", " · changed "},
	} {
		got := h.rowText(i)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("row %d = %q, want %q in it", i, got, w)
			}
		}
	}
	if !strings.Contains(h.u.myLeads.note.Text, "3 leads, the most recently changed first") {
		t.Fatalf("note = %q", h.u.myLeads.note.Text)
	}
}

func TestTwoThousandLeadsLoadInOneRequestAndOnlyTheRowsOnScreenAreDrawn(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	for i := 0; i < 2001; i++ {
		h.addLead("Pat", fmt.Sprintf("Number%04d", i), fmt.Sprintf("Company %04d", i), nil)
	}
	h.dataRequests()
	h.showMyLeads()
	got := h.dataRequests()
	if len(got) != 2 || !strings.HasPrefix(got[0], "GET query OK") || !strings.HasPrefix(got[1], "GET ") {
		t.Fatalf("requests = %v, want the first 2,000 in one and the 2,001st in a second", got)
	}
	if n := h.u.myLeads.list.Length(); n != 2001 {
		t.Fatalf("%d rows, want 2001", n)
	}
	drawn := 0
	for _, o := range objectsUnder(h.u.myLeads.list) {
		if _, ok := o.(*leadRowView); ok {
			drawn++
		}
	}
	if drawn == 0 || drawn > 60 {
		t.Fatalf("%d rows drawn for 2,001 leads: the list must draw only those on screen", drawn)
	}
	if got, want := h.rowText(2000), summaryName(h.u.myLeads.rows[2000].lead); !strings.Contains(got, want) {
		t.Fatalf("the last row, scrolled to, reads %q", got)
	}
}

func TestSearchTypedWithEnterFindsLeadsAndArrowEnterOpensOne(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	able := h.addLead("Ann", "Able", "Able Paving", nil)
	baker := h.addLead("Bo", "Baker", "Baker Farms", nil)
	h.showMyLeads()

	h.searchFor("Baker")
	if rows := h.u.myLeads.rows; len(rows) != 1 || rows[0].lead.ID != baker {
		t.Fatalf("search for Baker listed %+v", rows)
	}
	h.openWithKeys(0)
	if h.selectedTab() != "Edit lead" || h.u.edit.loadedID != baker {
		t.Fatalf("Down, Enter opened tab %q with %q", h.selectedTab(), h.u.edit.loadedID)
	}

	h.showMyLeads()
	h.searchFor("B")
	if note := h.u.myLeads.note.Text; !strings.Contains(note, "at least two characters") || len(h.u.myLeads.rows) != 1 {
		t.Fatalf("one character: note %q, rows %d", note, len(h.u.myLeads.rows))
	}
	if h.u.myLeads.search.Text != "B" {
		t.Fatal("what was typed in the search box was lost")
	}
	h.searchFor("https://mazo.lightning.force.com/lightning/r/Lead/" + able + "/view")
	if rows := h.u.myLeads.rows; len(rows) != 1 || rows[0].lead.ID != able {
		t.Fatalf("a pasted link found %+v", rows)
	}
	h.searchFor("")
	if n := len(h.u.myLeads.rows); n != 2 {
		t.Fatalf("an empty search shows %d leads, want the whole list", n)
	}
}

func TestFiltersShowOneStatusAndRecentChanges(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.Advance(-40 * 24 * time.Hour)
	h.addLead("Old", "Olson", "Old Quarry", map[string]any{"Status": "Working"})
	h.org.Advance(40 * 24 * time.Hour)
	h.addLead("Ann", "Able", "Able Paving", map[string]any{"Status": "Working"})
	h.org.Advance(time.Minute)
	h.addLead("Bo", "Baker", "Baker Farms", nil)
	h.showMyLeads()

	h.u.myLeads.status.SetSelected("Working")
	h.u.jobs.drain()
	if rows := h.u.myLeads.rows; len(rows) != 2 || rows[0].lead.Status != "Working" || rows[1].lead.Status != "Working" {
		t.Fatalf("status Working lists %+v", rows)
	}
	h.u.myLeads.days.SetSelected("Last 30 days")
	h.u.jobs.drain()
	if rows := h.u.myLeads.rows; len(rows) != 1 || rows[0].lead.Company != "Able Paving" {
		t.Fatalf("Working, changed in the last 30 days, lists %+v", rows)
	}
}

func TestALeadWaitingInTheOutboxIsListedAsWaitingAndOpensTheOutbox(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetOffline(true)
	h.submitMinimal()
	for h.dialogs() > 0 { // "kept in the Outbox"
		h.key(fyne.KeyEscape)
	}
	h.showMyLeads()
	if note := h.u.myLeads.note.Text; note == "" || strings.Contains(note, "\n") {
		t.Fatalf("an unreachable Salesforce says %q, want one sentence", note)
	}
	if got := h.rowText(0); !strings.Contains(got, "Jimmy Jimjo · Jimjo Jimmy Jo") || !strings.Contains(got, "waiting to be sent") {
		t.Fatalf("the waiting lead reads %q", got)
	}
	h.openWithKeys(0)
	if h.selectedTab() != "Outbox (1)" {
		t.Fatalf("opening a waiting lead showed %q, want the Outbox", h.selectedTab())
	}
}

func TestAStatusMazoChangedIsMarkedNotifiedAndClearedOnceOpened(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.addLead("Ann", "Able", "Able Paving", nil)
	h.showMyLeads()
	if got := h.rowText(0); strings.Contains(got, "●") {
		t.Fatalf("a lead seen for the first time is marked: %q", got)
	}

	h.org.SetStatusByMazo(id, "Working")
	test.AssertNotificationSent(t, fyne.NewNotification("Lead status changed", "Ann Able · Able Paving is now Working (was New)."), func() {
		h.shortcut(fyne.KeyR, fyne.KeyModifierShortcutDefault) // Refresh
	})
	if got := h.rowText(0); !strings.Contains(got, "● Working (was New)") {
		t.Fatalf("the changed lead reads %q", got)
	}

	// The next start still marks it (what was seen is in the profile) but does not notify:
	// the change did not happen while that window was open.
	again := h.restart()
	test.AssertNotificationSent(t, nil, again.showMyLeads)
	if got := again.rowText(0); !strings.Contains(got, "● Working (was New)") {
		t.Fatalf("after a restart the changed lead reads %q", got)
	}
	again.openWithKeys(0)
	if again.u.edit.loadedID != id {
		t.Fatalf("Enter opened %q", again.u.edit.loadedID)
	}
	again.showMyLeads()
	if got := again.rowText(0); strings.Contains(got, "●") || !strings.Contains(got, "Working") {
		t.Fatalf("once opened, the lead still reads %q", got)
	}
	seen, err := again.u.profile.LastSeen()
	if err != nil || seen[id] != "Working" {
		t.Fatalf("the profile remembers %v (%v)", seen, err)
	}
}

func TestTheListIsReadAgainByItselfUntilTheWindowCloses(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.addLead("Ann", "Able", "Able Paving", nil)
	h.u.opts.LeadsRefresh = 20 * time.Millisecond // the timer starts with the tab's first showing
	h.showMyLeads()
	h.org.SetStatusByMazo(id, "Working")
	// Run what the window receives, nothing pressed, until the timer's refresh has shown the
	// change (the ticks go on meanwhile, so the queue is never empty).
	for i := 0; !strings.Contains(h.rowText(0), "● Working (was New)"); i++ {
		if i == 1000 {
			t.Fatalf("the timer never read the list again: %q", h.rowText(0))
		}
		(<-h.u.jobs.loop)()
	}
	h.u.quit()
	if h.u.myLeads.ctx.Err() == nil {
		t.Fatal("the refresh timer still runs after the window closed")
	}
}

func TestDollarsWriteThousandsAndCentsOnlyWhenThereAreSome(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0, "$0"}, {9825, "$9,825"}, {25000.5, "$25,000.50"}, {1234567.891, "$1,234,567.89"}, {-1500, "-$1,500"}, {999, "$999"},
	} {
		if got := dollars(c.in); got != c.want {
			t.Errorf("dollars(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestF5ReadsMyLeadsAgainAndDownThenEnterOpensTheFirstLead(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.addLead("Ann", "Able", "Able Paving", nil)
	h.showMyLeads()
	h.org.SetStatusByMazo(id, "Working")
	h.press(fyne.KeyF5)
	h.u.jobs.drain()
	if got := h.rowText(0); !strings.Contains(got, "● Working (was New)") {
		t.Fatalf("after F5 the lead reads %q", got)
	}
	h.press(fyne.KeyDown)
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if h.u.edit.loadedID != id {
		t.Fatalf("Down, Enter right after Ctrl+4 opened %q", h.u.edit.loadedID)
	}
}

// BenchmarkScrollingTwoThousandLeads scrolls My leads' list through 2,000 leads as a mouse
// wheel does, 40 pixels a step: only the rows coming into view are filled, so a step costs the
// same at the top as near the end.
func BenchmarkScrollingTwoThousandLeads(b *testing.B) {
	test.NewTempApp(b)
	u := &UI{outbox: &outboxPanel{}}
	p := newMyLeadsPanel(u)
	u.myLeads = p
	p.build()
	amount := 25000.0
	for i := 0; i < 2000; i++ {
		p.leads = append(p.leads, sfclient.LeadSummary{ID: fmt.Sprint(i), Name: "Pat Number", Company: fmt.Sprintf("Company %04d", i),
			Status: "Working", AmountRequested: &amount, Year: "2021", Make: "Caterpillar", Model: "320",
			Created: fixedNow, LastModified: fixedNow})
	}
	w := test.NewWindow(p.content)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	p.redraw()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.list.ScrollToOffset(float32(i%3000) * 40)
	}
}

func TestEscStopsASlowReadAndTheLeadsShownStay(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.addLead("Ann", "Able", "Able Paving", nil)
	h.showMyLeads()
	h.org.SetLatency(3 * time.Second)
	test.Tap(findButton(h.u.myLeads.content, "Refresh"))
	if !h.u.myLeads.bar.Visible() {
		t.Fatal("no progress shown while reading")
	}
	h.tabToTheList()
	h.press(fyne.KeyEscape)
	h.u.jobs.drain()
	if h.u.myLeads.bar.Visible() || !strings.Contains(h.u.myLeads.note.Text, "Stopped.") {
		t.Fatalf("after Esc: bar shown %v, note %q", h.u.myLeads.bar.Visible(), h.u.myLeads.note.Text)
	}
	if len(h.u.myLeads.rows) != 1 {
		t.Fatal("the leads shown were dropped")
	}
}
