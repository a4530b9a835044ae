package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

func TestTheWindowFitsIn800By600WithAFullHeader(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.toast("Connected as " + sftest.DisplayName + " (" + sftest.Username + ") with a long confirmation" + strings.Repeat(" that goes on", 10))
	h.u.showWaiting(12)
	for i := range h.u.tabs.Items {
		h.u.show(i)
		if min := h.u.win.Content().MinSize(); min.Width > 800 || min.Height > 600 {
			t.Errorf("with tab %q the window needs at least %v", h.selectedTab(), min)
		}
	}
}

func TestAConfirmationFadesByItself(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.ConfirmFor = time.Millisecond
	h.u.toast("Saved")
	if !h.u.note.Visible() {
		t.Fatal("the confirmation is not shown")
	}
	(<-h.u.jobs.loop)() // the fade, whenever it comes
	if h.u.note.Visible() {
		t.Fatal("the confirmation stays")
	}
}

func TestAConfirmationGoesAtTheNextAction(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.u.toast("Saved")
	h.fill(h.u.newLead.form, minimal)
	test.Tap(h.u.newLead.terms)
	test.Tap(h.u.newLead.submitB)
	if h.u.note.Visible() {
		t.Fatal("the old confirmation stays while the next action runs")
	}
	h.u.jobs.drain()
}

func TestOutboxSaysNothingIsWaitingOnlyWhenNothingIs(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.shortcut(fyne.Key3, fyne.KeyModifierShortcutDefault)
	if !h.u.outbox.empty.Visible() || !h.u.outbox.sendB.Disabled() {
		t.Fatal("an empty outbox does not say so, or offers Send all")
	}
	h.org.SetOffline(true)
	h.submitMinimal()
	if h.u.outbox.empty.Visible() || h.u.outbox.sendB.Disabled() {
		t.Fatalf("with %d waiting: empty text shown %v, Send all disabled %v", len(h.u.outbox.entries), h.u.outbox.empty.Visible(), h.u.outbox.sendB.Disabled())
	}
	if !visibleText(h.u.outbox.list, "Waiting since") || lowContrastLabel(h.u.outbox.list) {
		t.Fatal("the waiting line is missing or drawn in the disabled colour")
	}
}

// lowContrastLabel reports whether a shown label under o is drawn in the disabled colour.
func lowContrastLabel(o fyne.CanvasObject) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if l, ok := o.(*widget.Label); ok {
		return l.Importance == widget.LowImportance
	}
	for _, child := range childrenOf(o) {
		if lowContrastLabel(child) {
			return true
		}
	}
	return false
}

func TestErrorDialogsSayWhatHappenedAndKeepTheCodeForSupport(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	_, err := h.u.client.GetLead(context.Background(), "00Q5g0000099999", nil) // the org's own 404
	h.u.showError(err)
	top := h.u.win.Canvas().Overlays().Top()
	if !visibleText(top, "Lead not found") || !visibleText(top, "Details for support: NOT_FOUND") {
		t.Fatal("the dialog does not say the lead was not found, or has no details line")
	}
	if visibleText(top, "HTTP 404") || visibleText(top, "Something needs attention") {
		t.Fatal("the dialog shows the raw HTTP status or a title that says nothing")
	}
	h.key(fyne.KeyEscape)
	h.org.SetOutage(true)
	h.u.settings.test()
	h.u.jobs.drain()
	if !visibleText(h.u.win.Canvas().Overlays().Top(), "Salesforce is unavailable") {
		t.Fatalf("an outage is not called one (%s)", h.u.lastError)
	}
}

func TestForgetEverythingDoesNotDeleteOnEnter(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	forget := visibleButton(h.u.settings.content, "Forget everything on this computer")
	test.Tap(forget)
	if b := visibleButton(h.u.win.Canvas().Overlays().Top(), "Forget everything"); b == nil || b.Importance == widget.HighImportance {
		t.Fatal("deleting is the highlighted default")
	}
	h.key(fyne.KeyReturn)
	if h.u.win.Canvas().Overlays().Top() != nil || h.u.client == nil {
		t.Fatal("Enter did not cancel, or it deleted")
	}
	if st, _ := sfclient.LoadSettings(h.home); st.ClientID == "" {
		t.Fatal("settings were deleted")
	}
	test.Tap(forget)
	h.answer("Forget everything")
	if st, _ := sfclient.LoadSettings(h.home); st.ClientID != "" || h.u.client != nil {
		t.Fatal("Forget everything did not forget")
	}
}

func TestEnterConfirmsADialogAndEscCancelsIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.RevokeAll()
	h.org.ExpireSessions()
	h.submitMinimal()
	if h.u.reauth == nil {
		t.Fatal("not asked to sign in again")
	}
	h.key(fyne.KeyEscape)
	if h.u.reauth != nil || len(h.org.LeadIDs()) != 0 {
		t.Fatal("Esc did not cancel the question")
	}
	test.Tap(h.u.newLead.submitB)
	h.u.jobs.drain()
	h.key(fyne.KeyReturn) // "Sign in now?": yes
	if ids := h.org.LeadIDs(); len(ids) != 1 {
		t.Fatalf("Enter did not sign in and send (%s)", h.u.lastError)
	}
}

func TestEveryTabIsReachableFromTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	ctrl := fyne.KeyModifierShortcutDefault
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5} {
		h.shortcut(key, ctrl)
		if h.u.tabs.SelectedIndex() != i {
			t.Fatalf("Ctrl+%s shows %q", key, h.selectedTab())
		}
	}
	h.shortcut(fyne.KeyTab, fyne.KeyModifierControl) // from the last, round to the first
	if h.selectedTab() != "New lead" {
		t.Fatalf("Ctrl+Tab shows %q", h.selectedTab())
	}
	h.shortcut(fyne.KeyTab, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if h.selectedTab() != "Settings" {
		t.Fatalf("Ctrl+Shift+Tab shows %q", h.selectedTab())
	}
	menu := h.u.win.MainMenu().Items[0]
	shown := 0
	for _, item := range menu.Items {
		if item.Shortcut != nil {
			shown++
		}
	}
	if shown != 12 { // save, tick the terms, five tabs, next, previous, find a lead, refresh My leads, quit
		t.Fatalf("the menu shows %d shortcuts", shown)
	}
}

func TestSwitchingTabsByKeyWithEditsAsksAndEscStays(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.editPhone("(555) 555-0199")
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	if h.selectedTab() != "Edit lead" || h.u.edit.leaving == nil {
		t.Fatalf("Ctrl+1 left the edits without asking (tab %q)", h.selectedTab())
	}
	h.key(fyne.KeyEscape)
	if h.selectedTab() != "Edit lead" || h.u.edit.leaving != nil || !h.u.edit.dirty() {
		t.Fatal("Esc did not mean Stay")
	}
	if !strings.Contains(h.u.edit.form.inputs["Phone"].text(), "0199") {
		t.Fatal("the edit was lost")
	}
}

func TestTabsNotShownAtStartAreBuiltWhenFirstShown(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	if h.u.edit.form != nil || h.u.settings.content != nil || h.u.outbox.list != nil {
		t.Fatal("tabs not shown were built before the first frame")
	}
	h.shortcut(fyne.Key2, fyne.KeyModifierShortcutDefault)
	if h.u.edit.form == nil || h.u.tabs.Selected().Content != h.u.edit.content {
		t.Fatal("Edit lead was not built when shown")
	}
	if h.u.edit.form.inputs["Time_Frame__c"].label.Text != "Time frame" {
		t.Fatal("the org's describe, read before the tab was built, was not applied")
	}
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	if h.u.settings.dealerID.Text != "0015Y00002aYV9NQAW" || !strings.Contains(h.u.settings.status.Text, sftest.Username) {
		t.Fatal("Settings, built late, does not show the loaded settings and sign-in")
	}
}

func TestEscCancelsTheBrowserSignIn(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.OpenBrowser = func(string) error { return nil } // the person never finishes in the browser
	test.Tap(h.u.signInButton)
	(<-h.u.jobs.loop)() // the sign-in is prepared; the dialog shows and the wait begins
	if h.u.signInDialog == nil {
		t.Fatal("no sign-in dialog")
	}
	h.key(fyne.KeyEscape)
	if h.u.signInDialog != nil || h.dialogs() != 0 || h.u.client != nil {
		t.Fatal("Esc did not cancel the sign-in")
	}
}
