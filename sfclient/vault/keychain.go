package vault

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/zalando/go-keyring"
)

// keychainService names Lead Desk's entries in the OS keychain.
const keychainService = "Lead Desk"

// keychainAccount keys the entry by the state folder, so two folders (a test, a second
// profile) never share or overwrite each other's key. Only the 44-character base64 key is
// stored: far below the 2,560-byte limit of Windows Credential Manager.
func keychainAccount(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	sum := sha256.Sum256([]byte(abs))
	return "vault-key-" + hex.EncodeToString(sum[:8])
}

// withTimeout runs a keychain call off the caller's goroutine and gives up after timeout:
// a Secret Service waiting for an unlock prompt would otherwise hang the caller.
func withTimeout[T any](timeout time.Duration, call func() (T, error)) (T, error) {
	if timeout == 0 {
		timeout = DefaultKeychainTimeout
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := call()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-time.After(timeout):
		var zero T
		return zero, fmt.Errorf("%w (no answer in %s)", ErrKeychain, timeout)
	}
}

func keychainGet(dir string, timeout time.Duration) ([]byte, error) {
	encoded, err := withTimeout(timeout, func() (string, error) {
		return keyring.Get(keychainService, keychainAccount(dir))
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, ErrKeyMissing
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeychain, err)
	}
	key, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil || len(key) != 32 {
		return nil, ErrKeyMissing
	}
	return key, nil
}

func keychainGetOrCreate(dir string, timeout time.Duration) ([]byte, error) {
	key, err := keychainGet(dir, timeout)
	if !errors.Is(err, ErrKeyMissing) {
		return key, err
	}
	key = make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("make key: %w", err)
	}
	_, err = withTimeout(timeout, func() (struct{}, error) {
		return struct{}{}, keyring.Set(keychainService, keychainAccount(dir), base64.StdEncoding.EncodeToString(key))
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeychain, err)
	}
	return key, nil
}

func keychainDelete(dir string, timeout time.Duration) error {
	_, err := withTimeout(timeout, func() (struct{}, error) {
		return struct{}{}, keyring.Delete(keychainService, keychainAccount(dir))
	})
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("%w: %v", ErrKeychain, err)
	}
	return nil
}

// KeychainNameFor names the OS keychain that holds the vault's key on goos (a GOOS value),
// as the person at that computer knows it: go-keyring uses Credential Manager on Windows,
// the login Keychain on macOS and the Secret Service (GNOME Keyring, KWallet) elsewhere.
func KeychainNameFor(goos string) string {
	switch goos {
	case "windows":
		return "Windows Credential Manager"
	case "darwin":
		return "the macOS Keychain"
	default:
		return "the Secret Service keyring (GNOME Keyring or KWallet)"
	}
}
