package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/instance"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// restart opens the window again on the same profile, as the next start does.
func (h *harness) restart() *harness { return h.restartOn(nil) }

// restartOn is restart on a desktop whose window system can say where windows stand.
func (h *harness) restartOn(d Desktop) *harness {
	again := h.startOnlyOn(d)
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

func TestEscAtTheRestoreQuestionOffersTheDraftsAgainAfterAnotherQuit(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"FirstName": "Test", "LastName": "Person"})
	h.u.quit()
	second := h.restart()
	second.key(fyne.KeyEscape) // not now
	second.u.quit()
	third := h.restart()
	if !visibleText(third.u.win.Canvas().Overlays().Top(), "Bring back your unsaved work?") {
		t.Fatal("the question did not come again after Esc and another quit")
	}
	third.key(fyne.KeyReturn) // Restore
	if got := third.u.newLead.form.inputs["LastName"].text(); got != "Person" {
		t.Fatalf("restored last name %q, want Person", got)
	}
}

func TestDiscardIsNotTheDefaultOfTheRestoreQuestion(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC"})
	h.u.quit()
	again := h.restart()
	if b := visibleButton(again.u.win.Canvas().Overlays().Top(), "Discard"); b == nil || b.Importance == widget.HighImportance {
		t.Fatal("Discard is missing or highlighted as the default")
	}
	again.answer("Discard")
	third := h.restart()
	if third.dialogs() != 0 {
		t.Fatal("Discard did not delete the draft")
	}
}

func TestEnterAndEscAnswerTheRestoreQuestionWhileATickHasTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"Company": "Half Typed LLC"})
	h.u.quit()
	again := h.restart()
	again.tabUntil("the tick", func() bool { _, ok := again.canvas().Focused().(*dialogTick); return ok })
	again.press(fyne.KeyEscape) // not now
	again.u.quit()
	third := h.restart()
	third.tabUntil("the tick", func() bool { _, ok := third.canvas().Focused().(*dialogTick); return ok })
	third.press(fyne.KeyReturn) // Restore
	if third.dialogs() != 0 || third.u.newLead.form.inputs["Company"].text() != "Half Typed LLC" {
		t.Fatalf("Enter on the tick did not restore (%d dialogs open)", third.dialogs())
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
	if _, saved := instance.LoadPlacement(h.home); saved {
		t.Fatal("the window closed")
	}
	h.u.quit()
	h.answer("Quit")
	if _, saved := instance.LoadPlacement(h.home); !saved || !h.u.quitting {
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

// fakeScreens stands in for the window system Fyne's test driver lacks (gui/winpos asks GLFW in
// the real window; scripts/keyboard-check checks that one): it says where the window stands,
// when it can, and records where it was asked to put it.
type fakeScreens struct {
	at     *instance.Point // nil: this window system cannot tell
	placed []instance.Point
}

func (d *fakeScreens) Position(fyne.Window) (instance.Point, bool) {
	if d.at == nil {
		return instance.Point{}, false
	}
	return *d.at, true
}

func (d *fakeScreens) Place(_ fyne.Window, p instance.Point) bool {
	d.placed = append(d.placed, p)
	return true
}

func TestTheWindowReturnsToWhereItWasClosed(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.Desktop = &fakeScreens{at: &instance.Point{X: -1280, Y: 91}}
	h.u.win.Resize(fyne.NewSize(812, 604))
	h.u.quit()
	next := &fakeScreens{}
	again := h.restartOn(next)
	if len(next.placed) != 1 || next.placed[0] != (instance.Point{X: -1280, Y: 91}) {
		t.Fatalf("the next start put the window at %v", next.placed)
	}
	if got := again.u.win.Canvas().Size(); got != fyne.NewSize(812, 604) {
		t.Fatalf("reopened at %v", got)
	}
}

func TestAWindowSystemThatCannotTellThePositionLeavesThePlacementToThePlatform(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.Desktop = &fakeScreens{}
	h.u.win.Resize(fyne.NewSize(812, 604))
	h.u.quit()
	next := &fakeScreens{}
	again := h.restartOn(next)
	if len(next.placed) != 0 {
		t.Fatalf("the window was moved to %v, a place nobody saved", next.placed)
	}
	if got := again.u.win.Canvas().Size(); got != fyne.NewSize(812, 604) {
		t.Fatalf("the size was lost with the position: reopened at %v", got)
	}
}

func TestAWindowClosedWhileMinimisedReopensWhereAndAsItLastStood(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.Desktop = &fakeScreens{at: &instance.Point{X: 137, Y: 91}}
	h.u.win.Resize(fyne.NewSize(812, 604))
	h.u.quit()
	minimised := h.restartOn(&fakeScreens{}) // Windows: no position, and no size
	minimised.u.win.Resize(fyne.NewSize(0, 0))
	if minimised.u.win.Canvas().Size() != (fyne.Size{}) {
		t.Fatal("the window could not be given Windows' minimised size")
	}
	minimised.u.quit()
	next := &fakeScreens{}
	again := minimised.restartOn(next)
	if len(next.placed) != 1 || next.placed[0] != (instance.Point{X: 137, Y: 91}) {
		t.Fatalf("after closing while minimised the window was put at %v", next.placed)
	}
	if got := again.u.win.Canvas().Size(); got != fyne.NewSize(812, 604) {
		t.Fatalf("after closing while minimised the window reopened at %v", got)
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
