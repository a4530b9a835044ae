package gui

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// patches lists the PATCH requests the org received since the last reset.
func (h *harness) patches() []sftest.Request {
	var out []sftest.Request
	for _, r := range h.org.Requests() {
		if r.Method == http.MethodPatch {
			out = append(out, r)
		}
	}
	return out
}

// editPhone changes the loaded lead's phone the way a person does.
func (h *harness) editPhone(v string) {
	phone := h.u.edit.form.inputs["Phone"]
	phone.setText("")
	test.Type(phone.entry, v)
	phone.entry.FocusLost()
}

func TestFailedLoadClearsTheFormAndSaysWhy(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.load("00Q5g0000099999") // well formed, but no such lead
	if got := h.u.edit.form.inputs["Company"].text(); got != "" {
		t.Fatalf("the previous lead's company %q stays under the new id", got)
	}
	if why := h.u.edit.idErr.Text; !h.u.edit.idErr.Visible() || !strings.Contains(why, "was not loaded") || !strings.Contains(why, "no lead with that id") {
		t.Fatalf("the tab does not say why under the id: %q", why)
	}
	if h.dialogs() != 0 {
		t.Fatal("an unknown id is said twice: under the id box and in a dialog")
	}
	if !h.u.edit.saveB.Disabled() || h.u.edit.dirty() {
		t.Fatal("Save is possible with no lead loaded")
	}
}

func TestBadIDClearsAnUneditedLeadButKeepsUnsavedEdits(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.load("00Q-not-an-id")
	if h.u.edit.form.inputs["Company"].text() != "" || h.u.edit.loadedID != "" {
		t.Fatal("the previous lead stays on screen under a bad id")
	}
	h.load(id)
	h.editPhone("(555) 555-0199")
	h.load("00Q-not-an-id")
	if h.u.edit.form.inputs["Phone"].text() != "(555) 555-0199" || !strings.Contains(h.u.edit.heading.Text, "Jimjo Jimmy Jo") {
		t.Fatal("a mistyped id threw away unsaved edits, or the heading no longer says which lead they belong to")
	}
}

func TestSaveIsEnabledOnlyWhileSomethingDiffersFromTheLoadedLead(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	fields := lead.Payload(lead.Values(guideLead), lead.Submission{TermsAccepted: true, At: fixedNow, ID: "ld-test"})
	id, err := h.u.client.CreateLead(context.Background(), fields, sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h.load(id)
	if !h.u.edit.saveB.Disabled() {
		t.Fatalf("Save is enabled right after loading a full lead; changes seen: %v", lead.Changes(h.u.edit.loaded, h.u.edit.form.values()))
	}
	before := h.u.edit.form.inputs["Phone"].text()
	h.editPhone("(555) 555-0199")
	if h.u.edit.saveB.Disabled() {
		t.Fatal("Save stays disabled after an edit")
	}
	h.editPhone(before)
	if !h.u.edit.saveB.Disabled() {
		t.Fatal("Save stays enabled after the edit was undone")
	}
}

func TestLeadOwnerShowsTheLoadedOwner(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	if got := h.u.edit.form.inputs["OwnerId"].text(); got != sftest.UserID {
		t.Fatalf("Lead owner shows %q, want the lead's owner %s", got, sftest.UserID)
	}
}

func TestLeavingTheTabWithEditsAsksOnceBeforeTheTabChanges(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.editPhone("(555) 555-0199")
	before := h.dialogs()
	h.u.show(tabOutbox)
	if h.selectedTab() != "Edit lead" {
		t.Fatalf("the tab changed to %q before the question was answered", h.selectedTab())
	}
	h.u.show(tabMyLeads) // a second try while the question is up
	if n := h.dialogs() - before; n != 1 {
		t.Fatalf("%d questions shown, want one", n)
	}
	h.answer("Stay")
	if h.selectedTab() != "Edit lead" || h.u.edit.form.inputs["Phone"].text() != "(555) 555-0199" {
		t.Fatal("Stay did not keep the person on their edits")
	}
	h.org.ResetLog()
	h.u.show(tabNew)
	h.answer("Discard")
	if h.selectedTab() != "New lead" || h.u.edit.dirty() || len(h.patches()) != 0 {
		t.Fatalf("after Discard: tab %q, dirty %v, %d saves", h.selectedTab(), h.u.edit.dirty(), len(h.patches()))
	}
	h.u.show(tabEdit)
	if h.u.edit.form.inputs["Phone"].text() != "013-345-6789" {
		t.Fatalf("Discard did not bring back the loaded phone: %q", h.u.edit.form.inputs["Phone"].text())
	}
	h.u.show(tabOutbox) // nothing unsaved now: no question
	if h.selectedTab() != "Outbox" || h.dialogs() != before {
		t.Fatalf("asked again with nothing unsaved (tab %q)", h.selectedTab())
	}
}

func TestChoosingSaveWhenLeavingSavesThenLeaves(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.editPhone("(555) 555-0199")
	h.org.ResetLog()
	h.u.show(tabSettings)
	h.answer("Save")
	if h.org.Lead(id)["Phone"] != "(555) 555-0199" || len(h.patches()) != 1 {
		t.Fatalf("not saved: %d saves, phone %v (%s)", len(h.patches()), h.org.Lead(id)["Phone"], h.u.lastError)
	}
	if h.selectedTab() != "Settings" {
		t.Fatalf("after saving, the tab is %q, want the one chosen", h.selectedTab())
	}
}

func TestClosingTheWindowWithEditsAsksFirst(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.editPhone("(555) 555-0199")
	before := h.dialogs()
	h.u.quit() // the window's close button
	if h.dialogs() != before+1 || h.u.edit.leaving == nil {
		t.Fatal("closing with unsaved edits did not ask")
	}
	h.answer("Stay")
	if !h.u.edit.dirty() {
		t.Fatal("the edits were lost")
	}
}

func TestRestoredEditSaysWhichLeadAndWhenItLastChanged(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.editPhone("(555) 555-0199")
	h.u.saveDrafts(true) // the window closes with the edit unsaved
	again := &harness{t: t, org: h.org, home: h.home}
	again.u = New(test.NewTempApp(t), Options{Home: h.home, Vault: testVault(), OpenBrowser: sftest.Browse, Now: func() time.Time { return fixedNow }, RetryCheck: -1, uiLoop: make(chan func())})
	again.u.jobs.drain()
	again.answer("Restore")
	heading := again.u.edit.heading.Text
	if !strings.Contains(heading, "Jimmy Jimjo") || !strings.Contains(heading, "Jimjo Jimmy Jo") || !strings.Contains(heading, "last changed 1") {
		t.Fatalf("restored edit heading %q", heading)
	}
	if again.u.edit.form.inputs["Phone"].text() != "(555) 555-0199" || !again.u.edit.dirty() {
		t.Fatal("the unsaved edit did not come back")
	}
}

func TestEverySalesforceDateTimeFormKeepsTheConflictGuard(t *testing.T) {
	for _, layout := range []string{"2006-01-02T15:04:05.000-0700", time.RFC3339, "2006-01-02T15:04:05.000Z07:00"} {
		t.Run(layout, func(t *testing.T) {
			h := newHarness(t, sftest.Options{DateTimeLayout: layout})
			h.signIn()
			id := h.existingLead()
			h.load(id)
			h.editPhone("(555) 555-0199")
			h.org.ResetLog()
			h.u.save()
			h.u.jobs.drain()
			p := h.patches()
			if len(p) != 1 || p[0].Header.Get("If-Unmodified-Since") == "" {
				t.Fatalf("%d saves; guard %q (%s)", len(p), func() string {
					if len(p) == 0 {
						return ""
					}
					return p[0].Header.Get("If-Unmodified-Since")
				}(), h.u.lastError)
			}
		})
	}
}

func TestUnreadableLastChangeTimeStopsTheSaveAndSaysSo(t *testing.T) {
	h := newHarness(t, sftest.Options{DateTimeLayout: "01/02/2006 15:04"})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	if !strings.Contains(h.u.edit.heading.Text, "unknown") {
		t.Fatalf("heading %q does not say the time is unknown", h.u.edit.heading.Text)
	}
	h.editPhone("(555) 555-0199")
	h.org.ResetLog()
	h.u.save()
	h.u.jobs.drain()
	if n := len(h.patches()); n != 0 {
		t.Fatalf("%d unguarded saves were sent", n)
	}
	if !strings.Contains(h.u.lastError, "could not read when this lead last changed") || h.u.edit.form.inputs["Phone"].text() != "(555) 555-0199" {
		t.Fatalf("error %q; phone %q", h.u.lastError, h.u.edit.form.inputs["Phone"].text())
	}
}

func TestFieldsTheOrgLocksAreReadOnlyInEditLead(t *testing.T) {
	h := newHarness(t, sftest.Options{ReadOnlyFields: []string{"Company"}})
	h.signIn()
	h.load(h.existingLead())
	if !h.u.edit.form.inputs["Company"].focusable().(interface{ Disabled() bool }).Disabled() {
		t.Fatal("Company can be changed in Edit lead although the org does not allow it")
	}
	if h.u.edit.form.inputs["City"].focusable().(interface{ Disabled() bool }).Disabled() ||
		h.u.newLead.form.inputs["Company"].focusable().(interface{ Disabled() bool }).Disabled() {
		t.Fatal("fields the org allows, or the new-lead form, became read-only")
	}
}
