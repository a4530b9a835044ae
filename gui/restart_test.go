package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/instance"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// restart opens the window again on the same profile, as the next start does.
func (h *harness) restart() *harness {
	again := h.startOnly()
	again.u.jobs.drain()
	return again
}

func TestOneQuestionListsEveryDraftFoundAtStart(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.editPhone("(555) 555-0199")
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC"})
	h.u.saveDrafts(true)
	again := h.restart()
	if n := again.dialogs(); n != 1 {
		t.Fatalf("%d questions at start, want one", n)
	}
	top := again.u.win.Canvas().Overlays().Top()
	if !visibleText(top, "Half Typed LLC") || !visibleText(top, "Jimjo Jimmy Jo") {
		t.Fatal("the question does not list both drafts")
	}
	again.key(fyne.KeyReturn) // Restore
	if again.u.newLead.form.inputs["Company"].text() != "Half Typed LLC" || again.u.edit.form.inputs["Phone"].text() != "(555) 555-0199" {
		t.Fatal("not every draft came back")
	}
}

func TestEscAtTheRestoreQuestionKeepsTheDraftsForLater(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC"})
	h.u.saveDrafts(true)
	again := h.restart()
	again.key(fyne.KeyEscape)
	if again.dialogs() != 0 || again.u.newLead.form.inputs["Company"].text() != "" {
		t.Fatal("Esc did not just close the question")
	}
	third := h.restart()
	if third.u.restore == nil {
		t.Fatal("the draft was dropped by Esc")
	}
}

func TestQuittingWithLeadsWaitingAsksAndSaysWhenTheyAreSent(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetOffline(true)
	h.submitMinimal()
	h.key(fyne.KeyEscape) // the "kept in the Outbox" notice
	h.u.quit()
	if !visibleText(h.u.win.Canvas().Overlays().Top(), "sent by themselves at the next start") {
		t.Fatal("quitting with a waiting lead did not say when it is sent")
	}
	h.key(fyne.KeyReturn) // the default: stay open
	if h.dialogs() != 0 || h.u.quitting {
		t.Fatal("Enter did not keep the window open")
	}
	if _, saved := instance.LoadSize(h.home); saved {
		t.Fatal("the window closed")
	}
	h.u.quit()
	h.answer("Quit")
	if _, saved := instance.LoadSize(h.home); !saved || !h.u.quitting {
		t.Fatal("Quit did not close the window")
	}
}

func TestTheWindowOpensAtTheSizeItWasClosedAt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(812, 604))
	h.u.quit()
	again := h.restart()
	if got := again.u.win.Canvas().Size(); got != fyne.NewSize(812, 604) {
		t.Fatalf("reopened at %v", got)
	}
}

func TestResetDemoDataStartsTheDemoAfresh(t *testing.T) {
	redirect, err := sftest.FreeRedirectURI()
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, sftest.Options{RedirectURIs: []string{redirect}})
	h.u.opts.ResetDemo = func() error { return os.Remove(filepath.Join(h.home, vault.FileName)) }
	h.u.setMenu()
	h.signIn()
	h.fill(h.u.newLead.form, map[string]string{"Company": "Demo Typing LLC"})
	var reset *fyne.MenuItem
	for _, i := range h.u.win.MainMenu().Items[0].Items {
		if strings.HasPrefix(i.Label, "Reset demo data") {
			reset = i
		}
	}
	if reset == nil {
		t.Fatal("no Reset demo data in the menu")
	}
	reset.Action()
	h.key(fyne.KeyReturn) // the default is Cancel
	if h.u.client == nil {
		t.Fatal("Enter reset the demo")
	}
	reset.Action()
	h.answer("Reset demo data")
	if h.u.client != nil || h.u.newLead.form.inputs["Company"].text() != "" || h.u.lastToast != "Demo data reset" {
		t.Fatalf("after reset: signed in %v, company %q (%s)", h.u.client != nil, h.u.newLead.form.inputs["Company"].text(), h.u.lastError)
	}
}

func TestQuitFromTheMenuAsksLikeTheCloseButton(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.SetOffline(true)
	h.submitMinimal()
	h.key(fyne.KeyEscape)
	var quit *fyne.MenuItem
	for _, i := range h.u.win.MainMenu().Items[0].Items {
		if i.IsQuit {
			quit = i
		}
	}
	if quit == nil {
		t.Fatal("no Quit of our own in the menu")
	}
	quit.Action()
	if !visibleText(h.u.win.Canvas().Overlays().Top(), "Nothing is sent while Lead Desk is closed") {
		t.Fatal("Quit from the menu did not ask about the waiting lead")
	}
}

func TestPrepareRunsOnceBeforeTheProfileOpens(t *testing.T) {
	home := t.TempDir()
	runs := 0
	u := New(test.NewTempApp(t), Options{Home: home, Vault: testVault(), RetryCheck: -1, uiLoop: make(chan func()),
		Prepare: func() error { runs++; return nil }})
	u.jobs.drain()
	if runs != 1 || u.profile == nil {
		t.Fatalf("prepare ran %d times; profile open %v (%s)", runs, u.profile != nil, u.lastError)
	}
	u.reopenProfile()
	u.jobs.drain()
	if runs != 1 {
		t.Fatalf("prepare ran again when the profile was reopened (%d)", runs)
	}
}

func TestAFailedPrepareIsShownAndTheProfileStaysClosed(t *testing.T) {
	u := New(test.NewTempApp(t), Options{Home: t.TempDir(), Vault: testVault(), RetryCheck: -1, uiLoop: make(chan func()),
		Prepare: func() error { return &notice{"The demo org could not start."} }})
	u.jobs.drain()
	if u.profile != nil || u.lastError != "The demo org could not start." {
		t.Fatalf("profile open %v, error %q", u.profile != nil, u.lastError)
	}
}
