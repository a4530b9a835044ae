package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/recordid"
	"leaddesk/sfclient/sftest"
)

// clickInto puts the cursor in a New lead field, as a click does.
func (h *harness) clickInto(name string) {
	h.t.Helper()
	in := h.u.newLead.form.inputs[name]
	if in == nil {
		h.t.Fatalf("no field %s", name)
	}
	h.u.newLead.form.focus(in)
}

// replaceHere selects what the focused box holds and types text over it.
func (h *harness) replaceHere(text string) {
	h.focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	h.typeHere(text)
}

func TestSavedSettingsReachTheOpenLeadWhereTheClerkHasNotTyped(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.typeMinimalLead()
	h.clickInto("OwnerId") // the clerk's own choice of owner for this lead
	clerksOwner := recordid.To18("0055Y00000EVoLw")
	h.replaceHere(clerksOwner)
	h.tab()

	newAccount, newOwner := recordid.To18("0015Y00002aYV9M"), recordid.To18("0055Y00000EVoLx")
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	s := h.u.settings
	for _, c := range []struct {
		box  fyne.Focusable
		text string
	}{{s.account, newAccount}, {s.owner, newOwner}, {s.leadType, "dea"}} {
		h.canvas().Focus(c.box)
		h.replaceHere(c.text)
		h.tab()
	}
	h.ctrlS() // Save settings
	if h.u.lastError != "" {
		t.Fatalf("saving the settings said: %s", h.u.lastError)
	}

	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	if got := h.u.newLead.form.inputs["Company"].text(); got != "Jimjo Jimmy Jo" {
		t.Fatalf("the open lead's Company is %q after Settings were saved", got)
	}
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault) // the terms
	h.ctrlS()
	ids := h.org.LeadIDs()
	if len(ids) != 1 {
		t.Fatalf("%d leads stored, want 1 (%s; %s)", len(ids), h.u.lastError, h.u.newLead.attention.Text)
	}
	rec := h.org.Lead(ids[0])
	for name, want := range map[string]any{"Lead_Type__c": "Dealer Lead", "Account__c": newAccount,
		"OwnerId": clerksOwner, "Dealer_ID__c": "0015Y00002aYV9NQAW", "Company": "Jimjo Jimmy Jo"} {
		if rec[name] != want {
			t.Errorf("stored %s = %#v, want %#v", name, rec[name], want)
		}
	}
}

func TestTheNextLeadStartsWithTheSavedDefaults(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	h.canvas().Focus(h.u.settings.leadType)
	h.replaceHere("dir")
	h.tab()
	h.ctrlS()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	h.clickInto("Lead_Type__c")
	h.replaceHere("ven") // this lead only
	h.tab()
	h.submitMinimal()
	if got := h.org.Lead(h.u.newLead.lastID)["Lead_Type__c"]; got != "Vendor Lead" {
		t.Fatalf("the lead went as %v, not the clerk's Vendor Lead", got)
	}
	if got := h.u.newLead.form.inputs["Lead_Type__c"].text(); got != "Direct" {
		t.Fatalf("the next lead starts as %q, not the saved default Direct", got)
	}
}
