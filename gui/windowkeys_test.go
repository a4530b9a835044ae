package gui

import (
	"net/http"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// typeHere types text into whatever has the keyboard, as a person's fingers do.
func (h *harness) typeHere(text string) { test.Type(h.focused(), text) }

// withAnEdit signs in, loads a lead and changes its phone without saving.
func withAnEdit(t *testing.T) *harness {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	h.editPhone("(555) 555-0199")
	return h
}

// windowOpen reports whether the window is still open.
func (h *harness) windowOpen() bool {
	for _, w := range h.u.app.Driver().AllWindows() {
		if w == h.u.win {
			return true
		}
	}
	return false
}

func TestEachTabShownByKeyTakesTheKeyboardSoTypingNeverLandsInAHiddenTab(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	ctrl := fyne.KeyModifierShortcutDefault
	h.shortcut(fyne.Key2, ctrl)
	h.typeHere("00Q5g0000012345")
	if got := h.u.edit.idEntry.Text; got != "00Q5g0000012345" {
		t.Fatalf("after Ctrl+2 the id box holds %q", got)
	}
	h.shortcut(fyne.Key1, ctrl)
	if got := h.u.newLead.form.inputs["FirstName"].text(); got != "" {
		t.Fatalf("the id typed on Edit lead went into New lead's First name: %q", got)
	}
	if h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("after Ctrl+1 the keyboard is in %q, not First name", h.fieldWithKeyboard())
	}
	h.shortcut(fyne.Key5, ctrl)
	if h.focused() != h.u.settings.loginKind {
		t.Fatal("after Ctrl+5 the keyboard is not on Settings' first choice")
	}
	h.shortcut(fyne.Key3, ctrl) // an empty Outbox has nothing to type into
	if f := h.canvas().Focused(); f != nil {
		t.Fatalf("after Ctrl+3 the hidden tab's %T still has the keyboard", f)
	}
}

func TestEditLeadWithNoLeadLoadedTakesNoTypingAndCtrlSSaysWhatToDo(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.org.ResetLog()
	h.shortcut(fyne.Key2, fyne.KeyModifierShortcutDefault)
	for range 4 { // Tab from the id box never reaches a lead's field
		h.tab()
		for _, in := range h.u.edit.form.inputs {
			if h.canvas().Focused() == in.focusable() {
				t.Fatalf("Tab reached %s with no lead loaded", in.field.Name)
			}
		}
	}
	h.shortcut(fyne.KeyS, fyne.KeyModifierShortcutDefault)
	if !h.u.edit.idErr.Visible() || h.u.edit.idErr.Text != noLeadToSave {
		t.Fatalf("Ctrl+S with no lead said %q", h.u.edit.idErr.Text)
	}
	if h.focused() != h.u.edit.idEntry {
		t.Fatal("Ctrl+S with no lead did not put the keyboard in the id box")
	}
	if n := h.org.Count(http.MethodPatch, ""); n != 0 {
		t.Fatalf("%d saves went out with no lead loaded", n)
	}
	if !visibleText(h.u.edit.content, "Type or paste a lead id above") {
		t.Fatal("the empty tab does not say how to load a lead")
	}
}

func TestLoadingALeadPutsTheKeyboardInItsFirstField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	first := h.u.edit.form.order[0]
	if h.focused() != first.focusable() {
		t.Fatalf("after Enter loaded the lead, the keyboard is on %T, not %s", h.focused(), first.field.Name)
	}
	h.tab()
	if h.focused() != h.u.edit.form.order[1].focusable() {
		t.Fatal("the first Tab after loading does not reach the second field")
	}
}

func TestCtrlQQuitsAtOnceWithNothingToAskAbout(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.shortcut(fyne.KeyQ, fyne.KeyModifierShortcutDefault)
	if h.windowOpen() {
		t.Fatal("Ctrl+Q did not close the window")
	}
}

func TestCtrlQAsksAboutUnsavedEditsFirstAndStayKeepsThem(t *testing.T) {
	h := withAnEdit(t)
	h.shortcut(fyne.KeyQ, fyne.KeyModifierShortcutDefault)
	if !h.windowOpen() || h.u.edit.leaving == nil {
		t.Fatal("Ctrl+Q quit without asking about the unsaved edit")
	}
	h.key(fyne.KeyEscape) // Stay
	if !h.windowOpen() || !strings.Contains(h.u.edit.form.inputs["Phone"].text(), "0199") {
		t.Fatal("Stay closed the window or lost the edit")
	}
	h.shortcut(fyne.KeyQ, fyne.KeyModifierShortcutDefault)
	h.answer("Discard")
	if h.windowOpen() {
		t.Fatal("Discard did not go on to quit")
	}
}

func TestAfterSigningInFromTheHeaderTheKeyboardIsBackInTheForm(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.canvas().Focus(h.u.signInButton) // the clerk tabbed to Sign in
	h.press(fyne.KeySpace)
	h.u.jobs.drain()
	if h.u.client == nil {
		t.Fatalf("not signed in: %s", h.u.lastError)
	}
	if h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("after signing in the keyboard is on %T, not First name", h.canvas().Focused())
	}
}

func TestTheUnsavedChangesQuestionNamesTheContactAndTheCompany(t *testing.T) {
	h := withAnEdit(t)
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
	top := h.canvas().Overlays().Top()
	if !visibleText(top, "Your changes to Jimmy Jimjo (Jimjo Jimmy Jo) are not saved yet.") {
		t.Fatal("the question does not name the lead as the clerk knows it")
	}
	if visibleText(top, "last changed") {
		t.Fatal("the question repeats the heading's last-changed time")
	}
}

func TestARestoredDraftIsNamedByItsContactWhenNoCompanyWasTyped(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, map[string]string{"FirstName": "Maria", "LastName": "Gonzalez"})
	h.u.saveDrafts(true)
	again := h.restart()
	top := again.u.win.Canvas().Overlays().Top()
	if !visibleText(top, "The lead you were typing for Maria Gonzalez") {
		t.Fatal("the restore question does not name the contact typed")
	}
	if visibleText(top, "closed before") {
		t.Fatal("the restore question suggests Lead Desk crashed")
	}
}
