package gui

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// withUndrawnForms makes Fyne's test driver answer "which canvas is this object on?" the way
// the desktop driver does for an object it has not drawn yet: not with the window's canvas.
// The desktop driver knows an object's canvas only once a frame has drawn it, and the Edit
// lead form stays hidden, so undrawn, until the first lead loads; the test driver instead
// answers with the newest window's canvas, which a second window makes another one. The
// function returned ends it, so a test can then ask where things are; without it, the second
// window closes when the test ends.
func (h *harness) withUndrawnForms() (drawn func()) {
	w := test.NewWindow(nil)
	end := sync.OnceFunc(w.Close)
	h.t.Cleanup(end)
	return end
}

// editFieldWithKeyboard names the Edit lead field that has the keyboard ("" for anything else).
func (h *harness) editFieldWithKeyboard() string {
	f := h.canvas().Focused()
	for name, in := range h.u.edit.form.inputs {
		if in.focusable() == f {
			return name
		}
	}
	return ""
}

func TestTheFirstLoadedLeadTakesTheKeyboardInFirstNameAndTabFollowsTheForm(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.withUndrawnForms()
	h.load(id) // Ctrl+2, the id, Enter

	if got := h.editFieldWithKeyboard(); got != "FirstName" {
		t.Fatalf("after the lead loaded the keyboard is in %q (%T), want First name", got, h.canvas().Focused())
	}
	h.retype("Dana")
	h.tab()
	if got := h.editFieldWithKeyboard(); got != "LastName" {
		t.Fatalf("Tab from First name went to %q (%T), want Last name", got, h.canvas().Focused())
	}
	h.retype("Whitfield")
	h.tab()
	h.ctrlS()

	stored := h.org.Lead(id)
	if stored["FirstName"] != "Dana" || stored["LastName"] != "Whitfield" || stored["Company"] != "Jimjo Jimmy Jo" {
		t.Fatalf("stored first %q, last %q, company %q; want each typed value in its own field (%s)",
			stored["FirstName"], stored["LastName"], stored["Company"], h.u.lastError)
	}
}

func TestALeadOpenedFromMyLeadsTakesTheKeyboardInFirstName(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.addLead("Maria", "Alvarez", "Alvarez Landscaping LLC", nil)
	h.withUndrawnForms()
	h.showMyLeads()
	h.u.jobs.drain()
	h.openWithKeys(0) // ↓, Enter

	if got := h.editFieldWithKeyboard(); got != "FirstName" {
		t.Fatalf("the opened lead has the keyboard in %q (%T), want First name", got, h.canvas().Focused())
	}
	h.tab()
	if got := h.editFieldWithKeyboard(); got != "LastName" {
		t.Fatalf("Tab from First name went to %q (%T), want Last name", got, h.canvas().Focused())
	}
}

func TestAnOutboxEditOpensWithTheKeyboardInTheFirstChangedField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.existingLead()
	h.load(id)
	h.u.edit.form.inputs["City"].setText("Round Rock")
	h.editPhone("5125550199") // above City in the form
	h.org.SetOffline(true)
	h.ctrlS()
	for h.dialogs() > 0 { // "Kept in the Outbox"
		h.key(fyne.KeyEscape)
	}
	h.org.SetOffline(false)
	h.u.show(tabOutbox)
	h.withUndrawnForms()
	test.Tap(h.outboxButton("Open"))
	h.u.jobs.drain()

	if got := h.editFieldWithKeyboard(); got != "Phone" {
		t.Fatalf("the opened Outbox edit has the keyboard in %q (%T), want Phone, its first changed field", got, h.canvas().Focused())
	}
	h.retype("(512) 555-0188")
	h.ctrlS()
	if stored := h.org.Lead(id); stored["Phone"] != "(512) 555-0188" || stored["City"] != "Round Rock" {
		t.Fatalf("stored phone %q, city %q; want the corrected phone and the kept city (%s)", stored["Phone"], stored["City"], h.u.lastError)
	}
}

// outboxButton is the first button labelled text in the Outbox's list.
func (h *harness) outboxButton(text string) *widget.Button {
	h.t.Helper()
	for _, o := range objectsUnder(h.u.outbox.list) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	h.t.Fatalf("the Outbox shows no %q button", text)
	return nil
}
