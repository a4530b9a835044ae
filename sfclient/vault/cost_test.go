package vault

import (
	"errors"
	"os"
	"testing"
)

// costOf reads log2 of scrypt's N from a vault file's header.
func costOf(t *testing.T, v *Vault) int {
	t.Helper()
	data, err := os.ReadFile(v.Path())
	if err != nil {
		t.Fatal(err)
	}
	return int(data[5])
}

func TestNewPassphraseShorterThanTwelveCharactersIsRefused(t *testing.T) {
	for _, tc := range []struct {
		pass string
		ok   bool
	}{
		{"", false}, {"hunter2", false}, {"elevenchars", false}, {"twelve chars", true},
		{"ñandú ñandú ñ", true}, {"ñandúñandú", false},
	} {
		err := CheckNewPassphrase(tc.pass)
		if (err == nil) != tc.ok {
			t.Errorf("CheckNewPassphrase(%q) = %v", tc.pass, err)
		}
	}
	dir := t.TempDir()
	if isNew, err := Exists(dir); isNew || err != nil {
		t.Fatalf("Exists on an empty folder = %v, %v", isNew, err)
	}
	_, err := Open(dir, passphrase("short"))
	var plain *Error
	if !errors.Is(err, ErrShortPassphrase) || !errors.As(err, &plain) {
		t.Fatalf("a new vault with a short passphrase: %v", err)
	}
	if written, _ := Exists(dir); written {
		t.Fatal("a vault was written with the short passphrase")
	}
	v, err := Open(dir, passphrase("twelve chars"))
	if err != nil {
		t.Fatal(err)
	}
	v.Put("a", 1)
	if written, err := Exists(dir); !written || err != nil {
		t.Fatalf("Exists after a write = %v, %v", written, err)
	}
}

func TestAnOldShortPassphraseStillOpensItsVault(t *testing.T) {
	dir := t.TempDir()
	// A vault made before the rule, with a short passphrase.
	made := newHandle(dir)
	made.mode, made.logN, made.salt = modePassphrase, 10, make([]byte, saltSize)
	if err := made.derive(passphrase("old")); err != nil {
		t.Fatal(err)
	}
	if err := made.Put("a", 1); err != nil {
		t.Fatal(err)
	}
	v, err := Open(dir, passphrase("old"))
	if err != nil {
		t.Fatalf("the rule for new passphrases locked out an existing vault: %v", err)
	}
	var a int
	if ok, err := v.Get("a", &a); !ok || err != nil || a != 1 {
		t.Fatalf("Get = %v %v %d", ok, err, a)
	}
}

func TestNewVaultsUseScryptTwoToTheSeventeenth(t *testing.T) {
	v, err := Open(t.TempDir(), Options{NoKeychain: true, Passphrase: func() (string, error) { return "default cost passphrase", nil }})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Put("a", 1); err != nil {
		t.Fatal(err)
	}
	if got := costOf(t, v); got != 17 {
		t.Fatalf("new vault written with N = 2^%d, want 2^17", got)
	}
}

func TestOlderVaultsAreUpgradedToTheCurrentCost(t *testing.T) {
	dir := t.TempDir()
	old := passphrase("an old vault passphrase")
	old.ScryptLogN = 15
	v, err := Open(dir, old)
	if err != nil {
		t.Fatal(err)
	}
	v.Put("session", session{AccessToken: secretToken})
	if costOf(t, v) != 15 {
		t.Fatal("setup: the old vault is not at 2^15")
	}
	now := old
	now.ScryptLogN = 0 // today's default
	upgraded, err := Open(dir, now)
	if err != nil {
		t.Fatalf("open the old vault: %v", err)
	}
	if got := costOf(t, upgraded); got != DefaultScryptLogN {
		t.Fatalf("old vault left at N = 2^%d", got)
	}
	again, err := Open(dir, now)
	if err != nil {
		t.Fatalf("reopen the upgraded vault: %v", err)
	}
	var got session
	if ok, err := again.Get("session", &got); !ok || err != nil || got.AccessToken != secretToken {
		t.Fatalf("the upgrade lost the session: %v %v", ok, err)
	}
	if _, err := Open(dir, passphrase("not the passphrase")); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("the upgraded vault opened with a wrong passphrase: %v", err)
	}
}
