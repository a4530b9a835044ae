package gui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// pressNoWait presses a shortcut of the window's menu without waiting for what it started
// (a sign-in that waits for the browser).
func (h *harness) pressNoWait(s fyne.Shortcut) {
	h.t.Helper()
	for _, i := range h.menuItems() {
		if i.Shortcut != nil && i.Shortcut.ShortcutName() == s.ShortcutName() {
			i.Action()
			return
		}
	}
	h.t.Fatalf("no menu item answers %s", s.ShortcutName())
}

// typedLead is a lead typed from the first field, with the keyboard left in Company.
var typedLead = []keystroke{{"FirstName", "Jimmy"}, {"LastName", "Jimjo"}, {"Title", ""},
	{"Phone", "512 555 0142"}, {"Email", "jimmy@jimjo.example"}, {"Website", ""}}

// typeMinimalLead clicks into the first field and types the minimal lead with the keyboard,
// Company last, then Tab.
func (h *harness) typeMinimalLead() {
	h.t.Helper()
	h.u.newLead.form.focusFirst()
	h.typeApplication(append(slices.Clone(typedLead), keystroke{"Company", "Jimjo Jimmy Jo"}))
}

func TestASignInGivenUpAtCtrlSSaysTheLeadWasNotSentAndKeepsIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.OpenBrowser = func(string) error { return nil } // the clerk gives up at the sign-in dialog
	h.typeApplication(typedLead)
	h.typeHere("Jimjo Jimmy Jo") // Company, where the keyboard stays
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	h.pressNoWait(saveShortcut)
	h.signInGivenUp()

	p := h.u.newLead
	if h.dialogs() != 0 || h.u.client != nil {
		t.Fatal("Esc did not give up the sign-in")
	}
	want := "Not sent: sign in to send this lead (" + shortcutText(saveShortcut) + " again)."
	if !p.attention.Visible() || p.attention.Text != want {
		t.Fatalf("the action bar says %q (shown: %v), want %q", p.attention.Text, p.attention.Visible(), want)
	}
	if h.fieldWithKeyboard() != "Company" {
		t.Fatalf("after the sign-in was given up the keyboard is in %q, not Company where it was", h.fieldWithKeyboard())
	}
	for name, v := range map[string]string{"FirstName": "Jimmy", "Email": "jimmy@jimjo.example", "Company": "Jimjo Jimmy Jo"} {
		if got := p.form.inputs[name].text(); got != v {
			t.Errorf("%s holds %q, want %q", name, got, v)
		}
	}
	if !p.terms.Checked {
		t.Error("the terms box was unticked")
	}
	if len(h.posts()) != 0 || len(h.u.outbox.waiting()) != 0 {
		t.Fatal("the lead went somewhere although the sign-in was given up")
	}

	h.typeHere(" Ltd") // typing on does not take the sentence away: the lead is still not sent
	if !p.attention.Visible() {
		t.Fatal("typing took away the line saying the lead was not sent")
	}
	h.u.opts.OpenBrowser = sftest.Browse
	h.ctrlS()
	if ids := h.org.LeadIDs(); len(ids) != 1 || h.org.Lead(ids[0])["Company"] != "Jimjo Jimmy Jo Ltd" {
		t.Fatalf("after signing in, leads = %v (%s)", ids, h.u.lastError)
	}
	if p.attention.Visible() {
		t.Fatalf("the action bar still says %q after the lead was sent", p.attention.Text)
	}
}

func TestTheEmptyOutboxSaysOnlyWhatReallyWaitsThere(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.OpenBrowser = func(string) error { return nil }
	h.typeApplication(typedLead)
	h.typeHere("Jimjo Jimmy Jo")
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	h.pressNoWait(saveShortcut)
	h.signInGivenUp()
	h.shortcut(fyne.Key3, fyne.KeyModifierShortcutDefault)
	empty := h.u.outbox.empty
	if len(h.u.outbox.waiting()) != 0 || !empty.Visible() {
		t.Fatal("the Outbox is not shown empty")
	}
	if text := strings.ToLower(empty.Text); strings.Contains(text, "sign-in needed") || !strings.Contains(text, "stays in its form") {
		t.Fatalf("the empty Outbox says %q: a lead that needs a sign-in does not wait there", empty.Text)
	}
}
