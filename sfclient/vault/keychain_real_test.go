//go:build keychain

package vault

import (
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestRealKeychainHoldsTheKey runs against the OS keychain itself (Secret Service here,
// through scripts/keychain-test), not go-keyring's mock: build tag "keychain".
func TestRealKeychainHoldsTheKey(t *testing.T) {
	dir := t.TempDir()
	v, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("open with the real keychain: %v", err)
	}
	if v.KeySource() != SourceKeychain {
		t.Fatalf("key source %s: the keychain did not answer", v.KeySource())
	}
	if err := v.Put("session", "tok-123"); err != nil {
		t.Fatal(err)
	}
	stored, err := keyring.Get(keychainService, keychainAccount(dir))
	if err != nil || len(stored) != 44 || len(stored) > 2560 {
		t.Fatalf("keychain entry: %d characters, %v (Windows allows 2,560 bytes)", len(stored), err)
	}
	again, err := Open(dir, Options{})
	var got string
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := again.Get("session", &got); !ok || got != "tok-123" {
		t.Fatal("a second open did not read the vault with the keychain's key")
	}
	if err := Forget(dir, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Get(keychainService, keychainAccount(dir)); err != keyring.ErrNotFound {
		t.Fatalf("the key is still in the keychain: %v", err)
	}
	if _, err := os.Stat(v.Path()); !os.IsNotExist(err) {
		t.Fatal("vault file still there")
	}
}
