package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// signOutByKeyboard shows Settings (Ctrl+5), tabs to Sign out and presses Space (as a key:
// the question it opens takes the keyboard before the character arrives).
func (h *harness) signOutByKeyboard() {
	h.t.Helper()
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	h.tabUntil("Sign out", func() bool { return h.canvas().Focused() == fyne.Focusable(h.u.settings.signOutB) })
	h.press(fyne.KeySpace)
	h.u.jobs.drain()
}

func TestSignOutAsksFirstAndEnterKeepsTheSession(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.signOutByKeyboard()
	if !h.topSays("Sign out of Salesforce?") {
		t.Fatal("Sign out did not ask first")
	}
	top := h.u.win.Canvas().Overlays().Top()
	if v := visibleButton(top, "Sign out"); v == nil || v.Importance == widget.HighImportance {
		t.Fatal("Sign out is missing or the highlighted default")
	}
	if v := visibleButton(top, "Cancel"); v == nil || v.Importance != widget.HighImportance || h.focusedDialogButton() != "Cancel" {
		t.Fatal("Cancel, the default, is missing, plain or without the keyboard")
	}
	h.key(fyne.KeyReturn) // the default: Cancel
	if h.dialogs() != 0 || h.u.client == nil || h.savedSession() == nil {
		t.Fatal("Enter signed out")
	}
	h.signOutByKeyboard()
	h.answer("Sign out")
	if h.u.client != nil || h.savedSession() != nil || h.u.lastToast != "Signed out" {
		t.Fatalf("not signed out (%s)", h.u.lastError)
	}
	if !h.u.settings.signOutB.Disabled() {
		t.Fatal("Sign out stays enabled with nobody signed in")
	}
}

func TestSignOutIsDisabledWhileNobodyIsSignedInAndEnabledOnceSomeoneIs(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	if !h.u.settings.signOutB.Disabled() {
		t.Fatal("Sign out is enabled with nobody signed in")
	}
	h.signIn()
	if h.u.settings.signOutB.Disabled() {
		t.Fatal("Sign out is disabled while signed in")
	}
}
