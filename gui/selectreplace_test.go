package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// A box whose text the window replaces while it has the keyboard and its text is selected
// (Tab selected it; then a save, a new lead or Clear form sets it) takes the next word whole:
// Fyne keeps the old selection open from where it started, so each letter typed would
// replace the one before it. The same text set again keeps the selection, so typing still
// replaces it.
func TestTypingAfterASaveIntoTheSelectedBoxKeepsEveryLetter(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id) // the keyboard in First name, its text selected
	test.Type(h.focused(), "Dana")
	h.tab() // Last name, its text selected
	h.ctrlS()
	if got := h.org.Lead(id)["FirstName"]; got != "Dana" {
		t.Fatalf("the save sent first name %v (%s)", got, h.u.lastError)
	}
	test.Type(h.focused(), "Whitfield")
	if got := h.u.edit.form.inputs["LastName"].text(); got != "Whitfield" {
		t.Fatalf("Last name holds %q after typing Whitfield, want Whitfield", got)
	}
}

func TestAFieldEmptiedWhileSelectedTakesEveryLetterTypedNext(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead()) // the keyboard in First name, "Jimmy" selected
	first := h.u.edit.form.inputs["FirstName"]
	first.setText("") // as Clear form or a reload does
	for _, r := range "Jim" {
		h.focused().TypedRune(r)
	}
	if got := first.text(); got != "Jim" {
		t.Fatalf("First name holds %q after typing Jim, want Jim", got)
	}
}

// A clerk checks a lead by Tabbing over it (each filled box selected on arrival), sends it or
// clears the form, and types the next lead: every box takes its first letter. Fyne keeps a
// selection open in a box that has lost the keyboard, and emptying that box did not end it,
// so the first letter typed into it next replaced the stale selection and was lost ("Alpha"
// → "lpha", "s corp" → Corporation, revenue 900000 → 0).
func TestTheNextLeadKeepsEveryFirstLetterAfterTheLastOneWasTabbedOverAndSent(t *testing.T) {
	for _, how := range []string{"sent", "cleared"} {
		t.Run(how, func(t *testing.T) {
			h := newHarness(t, sftest.Options{})
			h.signIn()
			form := h.u.newLead.form
			h.fill(form, map[string]string{"FirstName": "Maria", "LastName": "Gomez", "Company": "Gomez Grading", "Legal_Entity_Type__c": "llc"})
			form.focusFirst()
			h.tabTo("Legal_Entity_Type__c") // over First name, Last name and Company: each selected as it is reached
			h.tab()
			if how == "sent" {
				h.u.newLead.terms.SetChecked(true)
				h.ctrlS()
				if h.u.newLead.lastID == "" {
					t.Fatalf("the first lead was not sent: %s", h.u.lastError)
				}
			} else {
				h.u.newLead.reset() // what Clear form does once the clerk says yes
				h.u.newLead.form.focusFirst()
			}
			for _, name := range []string{"FirstName", "LastName", "Company", "Legal_Entity_Type__c"} {
				h.canvas().Focus(form.inputs[name].focusable())
				test.Type(h.focused(), map[string]string{"FirstName": "Alpha", "LastName": "Beta", "Company": "Gamma Works", "Legal_Entity_Type__c": "s corp"}[name])
			}
			h.tab()
			want := map[string]string{"FirstName": "Alpha", "LastName": "Beta", "Company": "Gamma Works", "Legal_Entity_Type__c": "S Corporation"}
			for name, w := range want {
				if got := form.inputs[name].text(); got != w {
					t.Errorf("%s holds %q after typing the next lead, want %q", name, got, w)
				}
			}
		})
	}
}
