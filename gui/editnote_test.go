package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

// signInGivenUp has the next sign-in wait for a browser that never finishes, and presses Esc
// at its dialog.
func (h *harness) signInGivenUp() {
	h.t.Helper()
	if h.u.signInDialog == nil {
		(<-h.u.jobs.loop)() // the sign-in is prepared; the dialog shows and the wait begins
	}
	if h.u.signInDialog == nil {
		h.t.Fatalf("no sign-in dialog (%s)", h.u.lastError)
	}
	h.key(fyne.KeyEscape)
}

func TestALoadGivenUpAtSignInPutsTheIdBoxBackToTheLeadOnScreenAndSaysSo(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	shown, other := h.existingLead(), h.existingLead()
	h.org.SetField(other, "Company", "Other Company LLC")
	h.load(shown)
	h.signOutByKeyboard()
	h.answer("Sign out")
	h.u.opts.OpenBrowser = func(string) error { return nil } // the clerk gives up at the sign-in dialog

	h.shortcut(fyne.Key2, fyne.KeyModifierShortcutDefault)
	h.retype(other)
	h.press(fyne.KeyReturn)
	h.signInGivenUp()

	if h.dialogs() != 0 || h.u.client != nil {
		t.Fatal("Esc did not give up the sign-in")
	}
	if got := h.u.edit.idEntry.Text; got != shown || h.u.edit.loadedID != shown {
		t.Fatalf("the id box says %q while the form shows %q", got, h.u.edit.loadedID)
	}
	if h.u.edit.form.inputs["Company"].text() != "Jimjo Jimmy Jo" {
		t.Fatal("the form no longer shows the lead it showed")
	}
	if !visibleText(h.u.edit.content, "Not loaded: sign in to open a lead.") {
		t.Fatal("the action bar does not say the lead was not loaded")
	}
	h.u.opts.OpenBrowser = sftest.Browse
	h.load(other)
	h.u.jobs.drain()
	if h.u.edit.loadedID != other || visibleText(h.u.edit.content, "Not loaded") {
		t.Fatalf("after signing in, loaded %q (%s)", h.u.edit.loadedID, h.u.lastError)
	}
}
