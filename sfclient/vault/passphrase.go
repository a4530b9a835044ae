package vault

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"unicode/utf8"

	"golang.org/x/crypto/scrypt"
)

// scryptLogN is log2 of scrypt's N that new and upgraded passphrase vaults use.
func scryptLogN(opts Options) int {
	if opts.ScryptLogN == 0 {
		return DefaultScryptLogN
	}
	return opts.ScryptLogN
}

// upgrade rewrites a passphrase vault made with a cheaper scrypt cost under the current one,
// with a fresh salt, so an old vault gets today's protection the first time it is opened.
// On any failure the file is left as it was.
func (v *Vault) upgrade(opts Options) error {
	return v.update(func(map[string]json.RawMessage) error {
		logN, salt, key := v.logN, v.salt, v.key
		v.logN = byte(scryptLogN(opts))
		v.salt = make([]byte, saltSize)
		_, err := rand.Read(v.salt)
		if err == nil {
			err = v.derive(opts)
		}
		if err != nil {
			v.logN, v.salt, v.key = logN, salt, key
		}
		return err
	})
}

// Exists reports whether dir holds a vault file: when it does not, a passphrase given now is
// a new one (asked twice in the window, and checked with CheckNewPassphrase).
func Exists(dir string) (bool, error) {
	_, err := os.Stat(filepath.Join(dir, FileName))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// CheckNewPassphrase says whether pass may protect a new vault: at least MinPassphraseLen
// characters. The error is a sentence for the person (ErrShortPassphrase).
func CheckNewPassphrase(pass string) error {
	if utf8.RuneCountInString(pass) < MinPassphraseLen {
		return ErrShortPassphrase
	}
	return nil
}

func (v *Vault) derive(opts Options) error {
	var pass string
	if opts.Passphrase != nil {
		p, err := opts.Passphrase()
		if err != nil {
			return fmt.Errorf("read the passphrase: %w", err)
		}
		pass = p
	}
	if pass == "" {
		return ErrNoKeySource
	}
	if v.checkNew {
		if err := CheckNewPassphrase(pass); err != nil {
			return err
		}
	}
	key, err := scrypt.Key([]byte(pass), v.salt, 1<<v.logN, 8, 1, 32)
	if err != nil {
		return fmt.Errorf("derive the key: %w", err)
	}
	v.key = key
	// scrypt's work area (128·N·r bytes, 128 MiB by default) is garbage now; hand it back to
	// the OS at once instead of keeping it resident for minutes in a long-running window.
	debug.FreeOSMemory()
	return nil
}
