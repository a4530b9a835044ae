package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/vault"
)

// firstStart opens the window on a profile with no keychain and no vault yet: the passphrase
// question for a new vault, two boxes, the first with the keyboard.
func firstStart(t *testing.T) *UI {
	t.Helper()
	u := New(test.NewTempApp(t), Options{Home: t.TempDir(), Vault: vault.Options{NoKeychain: true, ScryptLogN: 10}, RetryCheck: -1, LeadsRefresh: -1, uiLoop: make(chan func())})
	u.jobs.drain()
	if u.passphrase == nil || u.win.Canvas().Focused() != u.passphrase {
		t.Fatal("the passphrase question did not open with the keyboard in its first box")
	}
	return u
}

func TestTabFromTheFirstPassphraseBoxGoesToTheSecondBox(t *testing.T) {
	u := firstStart(t)
	test.Type(u.win.Canvas().Focused(), "correct horse battery")
	test.FocusNext(u.win.Canvas())
	second, ok := u.win.Canvas().Focused().(*passEntry)
	if !ok || second == u.passphrase {
		t.Fatalf("Tab from the first passphrase box went to %T, want the second box", u.win.Canvas().Focused())
	}
	test.Type(second, "correct horse battery")
	second.TypedKey(&fyneKeyReturn)
	u.jobs.drain()
	if u.profile == nil {
		t.Fatalf("the passphrase typed in the two boxes did not open the saved data (%s)", u.lastError)
	}
}

func TestCtrlShiftHShowsAndHidesThePassphraseTyped(t *testing.T) {
	u := firstStart(t)
	test.Type(u.passphrase, "correct horse battery")
	u.passphrase.TypedShortcut(revealShortcut)
	if u.passphrase.Password {
		t.Fatal("Ctrl+Shift+H did not show the passphrase")
	}
	u.passphrase.TypedShortcut(revealShortcut)
	if !u.passphrase.Password || u.passphrase.Text != "correct horse battery" {
		t.Fatal("Ctrl+Shift+H again did not hide the passphrase, or changed it")
	}
}
