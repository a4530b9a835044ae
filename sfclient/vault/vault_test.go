package vault

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/zalando/go-keyring"
)

type session struct {
	AccessToken  string
	RefreshToken string
}

const secretToken = "00D5Y000001N73m!AQwAQG078wf3SO14_dQ9t9V_3l9QLhEJFJkeWUDHNXX"

func passphrase(p string) Options {
	return Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return p, nil }}
}

func TestPassphraseVaultRoundTripsAndHidesTokens(t *testing.T) {
	dir := t.TempDir()
	v, err := Open(dir, passphrase("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Put("session", session{secretToken, "5Aep861NT6Ju45T6F1Yz6OTxnNfl"}); err != nil {
		t.Fatal(err)
	}
	again, err := Open(dir, passphrase("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	var got session
	if ok, err := again.Get("session", &got); !ok || err != nil || got.AccessToken != secretToken {
		t.Fatalf("Get = %+v, %v, %v", got, ok, err)
	}
	if again.KeySource() != SourcePassphrase {
		t.Fatalf("KeySource = %s", again.KeySource())
	}
	raw, _ := os.ReadFile(v.Path())
	for _, plain := range []string{secretToken, "5Aep861NT6Ju45T6F1Yz6OTxnNfl", "AccessToken", "session"} {
		if bytes.Contains(raw, []byte(plain)) {
			t.Fatalf("vault file contains %q in plain text", plain)
		}
	}
	// Windows has no 0600: the file inherits the ACL of the user's profile folder (README).
	if info, _ := os.Stat(v.Path()); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Fatalf("vault mode %v, want 0600", info.Mode().Perm())
	}
}

func TestEveryWriteUsesAFreshNonce(t *testing.T) {
	v, err := Open(t.TempDir(), passphrase("pass phrase p"))
	if err != nil {
		t.Fatal(err)
	}
	v.Put("a", 1)
	first, _ := os.ReadFile(v.Path())
	v.Put("a", 1)
	second, _ := os.ReadFile(v.Path())
	if bytes.Equal(first[headerSize-nonceSize:headerSize], second[headerSize-nonceSize:headerSize]) {
		t.Fatal("two writes used the same nonce")
	}
}

func TestWrongPassphraseIsRefusedAndTheFileLeftAlone(t *testing.T) {
	dir := t.TempDir()
	v, _ := Open(dir, passphrase("the right one"))
	v.Put("session", session{AccessToken: secretToken})
	before, _ := os.ReadFile(v.Path())
	_, err := Open(dir, passphrase("the wrong one"))
	if !errors.Is(err, ErrWrongKey) {
		t.Fatalf("err = %v, want ErrWrongKey", err)
	}
	after, _ := os.ReadFile(v.Path())
	if !bytes.Equal(before, after) {
		t.Fatal("a failed open changed the file")
	}
}

func TestTamperedOrTruncatedFileIsACleanError(t *testing.T) {
	dir := t.TempDir()
	v, _ := Open(dir, passphrase("pass phrase p"))
	v.Put("session", session{AccessToken: secretToken})
	good, _ := os.ReadFile(v.Path())

	flipped := bytes.Clone(good)
	flipped[len(flipped)-5] ^= 0x01
	os.WriteFile(v.Path(), flipped, 0o600)
	if _, err := Open(dir, passphrase("pass phrase p")); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("tampered: err = %v, want ErrWrongKey", err)
	}
	os.WriteFile(v.Path(), good[:20], 0o600)
	if _, err := Open(dir, passphrase("pass phrase p")); !errors.Is(err, ErrDamaged) {
		t.Fatalf("truncated: err = %v, want ErrDamaged", err)
	}
	os.WriteFile(v.Path(), []byte("{\"access_token\":\"x\"}"), 0o600)
	_, err := Open(dir, passphrase("pass phrase p"))
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("foreign file: err = %v, want ErrDamaged", err)
	}
	if got, _ := os.ReadFile(v.Path()); string(got) != "{\"access_token\":\"x\"}" {
		t.Fatal("the damaged file was changed")
	}
}

func TestNoKeychainAndNoPassphraseRefusesToStoreAnything(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{NoKeychain: true})
	if !errors.Is(err, ErrNoKeySource) {
		t.Fatalf("err = %v, want ErrNoKeySource", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
		t.Fatal("a vault file was written without a key")
	}
}

func TestKeychainHoldsTheKeyWhenItAnswers(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	v, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v.KeySource() != SourceKeychain || v.KeyHeldBy() != KeychainNameFor(runtime.GOOS) {
		t.Fatalf("KeySource = %s, held by %q; want this OS's keychain", v.KeySource(), v.KeyHeldBy())
	}
	v.Put("secret", "s3cret")
	stored, err := keyring.Get(keychainService, keychainAccount(dir))
	if err != nil || len(stored) != 44 {
		t.Fatalf("keychain entry = %d chars, %v; want a 44-character key", len(stored), err)
	}
	again, err := Open(dir, Options{})
	var got string
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := again.Get("secret", &got); !ok || got != "s3cret" {
		t.Fatalf("Get = %q", got)
	}
	if err := Forget(dir, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Get(keychainService, keychainAccount(dir)); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("key still in keychain after Forget: %v", err)
	}
	if _, err := os.Stat(v.Path()); err == nil {
		t.Fatal("vault file still there after Forget")
	}
}

func TestKeychainLosingTheKeyIsSaidPlainly(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	v, _ := Open(dir, Options{})
	v.Put("secret", "x")
	keyring.Delete(keychainService, keychainAccount(dir))
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrKeyMissing) {
		t.Fatalf("err = %v, want ErrKeyMissing", err)
	}
}

func TestUnavailableKeychainFallsBackToThePassphrase(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.DBus.Error.ServiceUnknown"))
	defer keyring.MockInit()
	opts := passphrase("pass phrase p")
	opts.NoKeychain = false
	v, err := Open(t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if v.KeySource() != SourcePassphrase {
		t.Fatalf("KeySource = %s, want passphrase", v.KeySource())
	}
}

func TestConcurrentPutsFromTwoHandlesKeepEveryRecord(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir, passphrase("pass phrase p"))
	a.Put("seed", 0) // fixes the salt on disk so the second handle shares the key
	b, err := Open(dir, passphrase("pass phrase p"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := a
			if i%2 == 1 {
				h = b
			}
			if err := h.Put(string(rune('a'+i)), i); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range 20 {
		var n int
		if ok, _ := a.Get(string(rune('a'+i)), &n); !ok || n != i {
			t.Fatalf("record %d lost", i)
		}
	}
}

// TestReadsWhileAnotherHandleWritesNeverFail is the window reading while the command line
// writes. On Windows a file being read cannot be replaced (os.Open does not share delete), so
// an unlocked read there made the write fail with "Access is denied".
func TestReadsWhileAnotherHandleWritesNeverFail(t *testing.T) {
	dir := t.TempDir()
	writer, _ := Open(dir, passphrase("pass phrase p"))
	writer.Put("n", 0)
	reader, err := Open(dir, passphrase("pass phrase p"))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	readErrs := make(chan error, 1)
	go func() {
		defer close(readErrs)
		for {
			select {
			case <-done:
				return
			default:
			}
			var n int
			if _, err := reader.Get("n", &n); err != nil {
				readErrs <- err
				return
			}
		}
	}()
	for i := 1; i <= 100; i++ {
		if err := writer.Put("n", i); err != nil {
			close(done)
			t.Fatalf("write %d while the other handle reads: %v", i, err)
		}
	}
	close(done)
	if err := <-readErrs; err != nil {
		t.Fatalf("read while the other handle writes: %v", err)
	}
}

func TestEachOSNamesItsOwnKeychain(t *testing.T) {
	for goos, want := range map[string]string{
		"windows": "Windows Credential Manager",
		"darwin":  "the macOS Keychain",
		"linux":   "the Secret Service keyring (GNOME Keyring or KWallet)",
		"freebsd": "the Secret Service keyring (GNOME Keyring or KWallet)",
	} {
		if got := KeychainNameFor(goos); got != want {
			t.Errorf("KeychainNameFor(%s) = %q, want %q", goos, got, want)
		}
	}
}
