package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// historyText opens the loaded lead's History with its button and returns what the dialog says.
func (h *harness) historyText() string {
	h.t.Helper()
	b := h.u.edit.historyB
	if b.Disabled() {
		h.t.Fatal("History is not available for the loaded lead")
	}
	test.Tap(b)
	h.u.jobs.drain()
	top := h.canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("History showed no dialog (%s)", h.u.lastError)
	}
	text := strings.Join(labelsIn(top), "\n")
	h.answer("Close")
	return text
}

func TestHistoryListsEachChangeWhenAndWhoWithSensitiveValuesMasked(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead() // SSN 555-55-5555
	h.org.SetStatusByMazo(id, "Working")
	h.load(id)
	h.fill(h.u.edit.form, map[string]string{"SSN1__c": "123-45-6789"})
	h.u.save()
	h.u.jobs.drain()

	got := h.historyText()
	for _, want := range []string{"Status: New → Working", sftest.MazoUserName, sftest.DisplayName, "Created the lead", "SSN", "•••"} {
		if !strings.Contains(got, want) {
			t.Errorf("history says %q, want %q in it", got, want)
		}
	}
	for _, secret := range []string{"5555", "6789"} {
		if strings.Contains(got, secret) {
			t.Errorf("history shows an SSN: %q", got)
		}
	}
}

func TestWithoutFieldHistoryTheDialogSaysSoAndGivesBothDates(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetHistoryTracking(false)
	h.load(h.existingLead())
	got := h.historyText()
	if !strings.Contains(got, "Field history is not turned on for this org") || !strings.Contains(got, "created ") ||
		!strings.Contains(got, "last changed ") || strings.Contains(got, "unknown") {
		t.Fatalf("untracked history says %q", got)
	}
}

func TestAConvertedLeadOpensReadOnlyAndNothingIsSent(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.loadConverted()
	e := h.u.edit
	if !strings.Contains(e.heading.Text, "Converted by Mazo on ") || !strings.Contains(e.heading.Text, "it can no longer be changed here") {
		t.Fatalf("heading = %q", e.heading.Text)
	}
	if !e.saveB.Disabled() || !e.form.inputs["Title"].focusable().(fyne.Disableable).Disabled() {
		t.Fatal("a converted lead can be edited")
	}
	pick := e.form.inputs["Legal_Entity_Type__c"].pick
	test.Tap(pick.ActionItem.(fyne.Tappable)) // its ▾ opens no list to choose from
	if h.dialogs() != 0 {
		t.Fatal("a converted lead's picklist opened its list")
	}
	h.ctrlS()
	h.u.jobs.drain()
	if len(h.patches()) != 0 {
		t.Fatal("a save of a converted lead was sent")
	}

	h.load(h.existingLead()) // the next lead is editable again
	if e.form.inputs["Title"].focusable().(fyne.Disableable).Disabled() || strings.Contains(e.heading.Text, "Converted") {
		t.Fatalf("the next lead stays read-only: %q", e.heading.Text)
	}
}

func TestALeadConvertedAfterItWasOpenedIsExplainedAndTurnsReadOnly(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.org.ConvertLead(id)
	h.fill(h.u.edit.form, map[string]string{"Title": "Owner"})
	h.ctrlS()
	h.u.jobs.drain()
	if h.u.lastError != sfclient.Explain(sfclient.ErrLeadConverted) {
		t.Fatalf("the refusal said %q", h.u.lastError)
	}
	e := h.u.edit
	if !e.saveB.Disabled() || !e.form.inputs["Title"].focusable().(fyne.Disableable).Disabled() {
		t.Fatal("the converted lead stays editable")
	}
	if e.form.inputs["Title"].text() != "Owner" {
		t.Fatal("what the clerk typed was lost")
	}
	if len(h.u.outbox.entries) != 0 {
		t.Fatalf("the refused change waits in the Outbox: %+v", h.u.outbox.entries)
	}
}
