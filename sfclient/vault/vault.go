// Package vault keeps Lead Desk's secrets (tokens, the client secret, and later drafts that
// hold SSNs and birthdays) in one encrypted file: AES-256-GCM with a fresh nonce on every
// write, a version header bound into the ciphertext, atomic 0600 replacement.
//
// The 256-bit key lives in the OS keychain (macOS Keychain, Windows Credential Manager,
// Secret Service on Linux) through github.com/zalando/go-keyring. Where no keychain answers,
// the key is derived from a passphrase with scrypt and a salt stored in the header. Without
// either, Open fails: secrets are never written in plain text.
//
// It never imports Fyne or the rest of sfclient.
package vault

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"leaddesk/sfclient/atomicfile"
)

// FileName is the vault's name inside the state folder.
const FileName = "vault.bin"

// Key sources, as recorded in the header and reported by KeySource.
const (
	SourceKeychain   = "keychain"
	SourcePassphrase = "passphrase"
)

const (
	magic          = "LDV1"
	modeKeychain   = 1
	modePassphrase = 2
	saltSize       = 16
	nonceSize      = 12
	headerSize     = len(magic) + 2 + saltSize + nonceSize
	// DefaultScryptLogN gives scrypt N = 2^17 with r = 8, p = 1: 128 MiB and about half a
	// second per derivation here, OWASP's recommendation for scrypt. Vaults written with a
	// smaller N (2^15 before) are upgraded when opened.
	DefaultScryptLogN = 17
	// MinPassphraseLen is the fewest characters a new passphrase may have.
	MinPassphraseLen = 12
	// DefaultKeychainTimeout bounds each keychain call; a locked or absent Secret Service
	// can otherwise hang.
	DefaultKeychainTimeout = 5 * time.Second
	lockTimeout            = 15 * time.Second
)

// Options say where the key comes from. The zero value uses the OS keychain, with no
// passphrase to fall back on.
type Options struct {
	// NoKeychain skips the OS keychain (LEADDESK_KEYCHAIN=off); the passphrase must be given.
	NoKeychain bool
	// Passphrase returns the passphrase when the keychain is not used. Nil, or an empty
	// answer, means there is none. It is asked only when needed.
	Passphrase func() (string, error)
	// KeychainTimeout bounds each keychain call. Zero means DefaultKeychainTimeout.
	KeychainTimeout time.Duration
	// ScryptLogN is log2 of scrypt's N for new vaults, and the least an opened passphrase
	// vault is upgraded to. Zero means DefaultScryptLogN. Tests lower it.
	ScryptLogN int
}

// Vault is an open vault. Each Get reads the file again, so a change another process of
// the app made is seen; Put and Delete hold a lock file so two processes never lose each
// other's writes. It is safe for concurrent use.
type Vault struct {
	dir    string
	key    []byte
	mode   byte
	logN   byte
	salt   []byte
	mu     sync.Mutex
	locker *flock.Flock
	sweep  sync.Once
	// checkNew: the passphrase being derived is a new vault's, so it must pass
	// CheckNewPassphrase.
	checkNew bool
}

// removeStaleTemps deletes temporary files a killed writer left behind. It runs under the
// vault's lock, so no other writer can be in the middle of using one.
func (v *Vault) removeStaleTemps() {
	stale, _ := filepath.Glob(filepath.Join(v.dir, "."+FileName+".*.tmp"))
	for _, f := range stale {
		os.Remove(f)
	}
}

// Open opens the vault in dir, or prepares a new one (nothing is written until the first
// Put). Errors: ErrNoKeySource when neither keychain nor passphrase is available,
// ErrKeyMissing when the keychain has lost the key, ErrWrongKey for a wrong passphrase or
// key, ErrDamaged for a truncated or tampered file. The file is never changed on error.
func Open(dir string, opts Options) (*Vault, error) { return openOnce(dir, opts, false) }

// openOnce is Open; upgradeRetry says another process's upgrade was already waited for.
func openOnce(dir string, opts Options, upgradeRetry bool) (*Vault, error) {
	v := newHandle(dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	data, err := v.readShared()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Two processes starting at once must not each put a different key in the keychain.
		release, err := v.hold(exclusive)
		if err != nil {
			return nil, err
		}
		defer release()
		return v, v.newKey(opts)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", v.Path(), err)
	}
	if len(data) < headerSize+16 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: %s", ErrDamaged, v.Path())
	}
	v.mode, v.logN = data[4], data[5]
	v.salt = append([]byte(nil), data[6:6+saltSize]...)
	switch v.mode {
	case modeKeychain:
		if opts.NoKeychain {
			return nil, fmt.Errorf("%w: the vault's key is in the OS keychain, which is switched off", ErrKeyMissing)
		}
		v.key, err = keychainGet(dir, opts.KeychainTimeout)
		if err != nil {
			return nil, err
		}
	case modePassphrase:
		if err := v.derive(opts); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: unknown key source in %s", ErrDamaged, v.Path())
	}
	if _, err := v.decrypt(data); err != nil {
		return nil, err
	}
	if v.mode == modePassphrase && int(v.logN) < scryptLogN(opts) {
		err := v.upgrade(opts)
		if errors.Is(err, ErrWrongKey) && !upgradeRetry {
			// Another process upgraded it first, with its own salt: open that.
			return openOnce(dir, opts, true)
		}
		if err != nil {
			return nil, err
		}
	}
	return v, nil
}

// newHandle is a Vault for dir with its lock file, before any key is known.
func newHandle(dir string) *Vault {
	return &Vault{dir: dir, locker: flock.New(filepath.Join(dir, "vault.lock"), flock.SetPermissions(0o600))}
}

// newKey chooses the key of a vault not yet written: a fresh key in the keychain when it
// answers, otherwise one derived from the passphrase.
func (v *Vault) newKey(opts Options) error {
	if !opts.NoKeychain {
		key, err := keychainGetOrCreate(v.dir, opts.KeychainTimeout)
		if err == nil {
			v.key, v.mode = key, modeKeychain
			v.salt = make([]byte, saltSize)
			return nil
		}
	}
	v.mode, v.logN = modePassphrase, byte(scryptLogN(opts))
	v.salt = make([]byte, saltSize)
	if _, err := rand.Read(v.salt); err != nil {
		return fmt.Errorf("make salt: %w", err)
	}
	v.checkNew = true
	return v.derive(opts)
}

// Path is the vault file's full path.
func (v *Vault) Path() string { return filepath.Join(v.dir, FileName) }

// KeySource says where the key lives: SourceKeychain or SourcePassphrase.
func (v *Vault) KeySource() string {
	if v.mode == modeKeychain {
		return SourceKeychain
	}
	return SourcePassphrase
}

// KeyHeldBy says in words where the key lives, for settings and support: the OS keychain
// by name (KeychainNameFor), or the passphrase.
func (v *Vault) KeyHeldBy() string {
	if v.KeySource() == SourceKeychain {
		return KeychainNameFor(runtime.GOOS)
	}
	return "your passphrase (no OS keychain answered)"
}

// Get decodes the record called name into out. It reports false when there is no such
// record (or no vault file yet).
func (v *Vault) Get(name string, out any) (bool, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	records, err := v.decode(v.readShared())
	if err != nil {
		return false, err
	}
	raw, ok := records[name]
	if !ok {
		return false, nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return false, fmt.Errorf("%w: record %q cannot be read", ErrDamaged, name)
	}
	return true, nil
}

// Put stores val (encoded as JSON) as the record called name, replacing the file
// atomically under the vault's lock.
func (v *Vault) Put(name string, val any) error {
	raw, err := json.Marshal(val)
	if err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return v.update(func(records map[string]json.RawMessage) error {
		records[name] = raw
		return nil
	})
}

// Update reads the record called name (nil when absent), lets change compute its new value
// and stores it — all under the vault's lock, so two processes adding to the same list never
// lose each other's entries. A nil new value deletes the record; an error leaves it as it was.
func (v *Vault) Update(name string, change func(old json.RawMessage) (any, error)) error {
	return v.update(func(records map[string]json.RawMessage) error {
		val, err := change(records[name])
		if err != nil {
			return err
		}
		if val == nil {
			delete(records, name)
			return nil
		}
		raw, err := json.Marshal(val)
		if err != nil {
			return fmt.Errorf("encode %s: %w", name, err)
		}
		records[name] = raw
		return nil
	})
}

// Delete removes the record called name, if present.
func (v *Vault) Delete(name string) error {
	return v.update(func(records map[string]json.RawMessage) error {
		delete(records, name)
		return nil
	})
}

func (v *Vault) update(change func(map[string]json.RawMessage) error) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	release, err := v.hold(exclusive)
	if err != nil {
		return err
	}
	defer release()
	v.sweep.Do(v.removeStaleTemps)
	records, err := v.decode(os.ReadFile(v.Path()))
	if err != nil {
		return err
	}
	if err := change(records); err != nil {
		return err // nothing is written
	}
	plain, err := json.Marshal(records)
	if err != nil {
		return fmt.Errorf("encode the vault: %w", err)
	}
	sealed, err := v.encrypt(plain)
	if err != nil {
		return err
	}
	return atomicfile.Write(v.Path(), sealed, 0o600)
}

// lockKind says how hold takes the lock file.
type lockKind int

const (
	shared    lockKind = iota // for reading: any number of holders
	exclusive                 // for writing: one holder, no readers
)

// hold takes the lock file, shared for reading or exclusive for writing, waiting up to
// lockTimeout for another handle or process to let go; release gives it back.
func (v *Vault) hold(kind lockKind) (release func(), err error) {
	ctx, cancel := context.WithTimeout(context.Background(), lockTimeout)
	defer cancel()
	try := v.locker.TryRLockContext
	if kind == exclusive {
		try = v.locker.TryLockContext
	}
	if ok, err := try(ctx, 20*time.Millisecond); !ok {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("another Lead Desk is holding the vault: %w", ctx.Err())
		}
		return nil, fmt.Errorf("lock the vault: %w", err)
	}
	return func() { v.locker.Unlock() }, nil
}

// readShared reads the vault file under a shared lock. Windows cannot replace a file that
// is open, so an unlocked read made another process's write fail ("Access is denied").
func (v *Vault) readShared() ([]byte, error) {
	release, err := v.hold(shared)
	if err != nil {
		return nil, err
	}
	defer release()
	return os.ReadFile(v.Path())
}

// decode decrypts the file's content read as data (with readErr from reading it) into its
// records; a missing file is an empty vault.
func (v *Vault) decode(data []byte, readErr error) (map[string]json.RawMessage, error) {
	records := map[string]json.RawMessage{}
	err := readErr
	if errors.Is(err, fs.ErrNotExist) {
		return records, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", v.Path(), err)
	}
	plain, err := v.decrypt(data)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(plain, &records); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrDamaged, v.Path())
	}
	return records, nil
}

func (v *Vault) header(nonce []byte) []byte {
	h := make([]byte, 0, headerSize)
	h = append(h, magic...)
	h = append(h, v.mode, v.logN)
	h = append(h, v.salt...)
	return append(h, nonce...)
}

func (v *Vault) encrypt(plain []byte) ([]byte, error) {
	aead, err := newAEAD(v.key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, nonceSize)
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("make nonce: %w", err)
	}
	h := v.header(nonce)
	return aead.Seal(h, nonce, plain, h), nil
}

func (v *Vault) decrypt(data []byte) ([]byte, error) {
	if len(data) < headerSize+16 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: %s", ErrDamaged, v.Path())
	}
	h := data[:headerSize]
	if !bytes.Equal(h[4:6+saltSize], v.header(nil)[4:6+saltSize]) {
		return nil, fmt.Errorf("%w: %s was replaced by a vault with another key", ErrWrongKey, v.Path())
	}
	aead, err := newAEAD(v.key)
	if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, h[headerSize-nonceSize:], data[headerSize:], h)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrWrongKey, v.Path())
	}
	return plain, nil
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("prepare cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

// Forget deletes the vault file in dir and its key in the OS keychain (unless noKeychain).
// A missing file or key is not an error.
func Forget(dir string, noKeychain bool, keychainTimeout time.Duration) error {
	v := newHandle(dir)
	release, err := v.hold(exclusive)
	if err == nil {
		err = os.Remove(v.Path())
		release()
	}
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	if !noKeychain {
		err = errors.Join(err, keychainDelete(dir, keychainTimeout))
	}
	return err
}
