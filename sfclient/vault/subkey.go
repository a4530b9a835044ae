package vault

import (
	"crypto/sha256"
	"fmt"
	"io"

	"golang.org/x/crypto/hkdf"
)

// SubKey derives a 256-bit key for one purpose (e.g. "outbox files") from the vault's key
// with HKDF-SHA256, so files kept beside the vault are encrypted under keys of their own and
// the vault's key is never used twice. The same vault and purpose always give the same key.
func (v *Vault) SubKey(purpose string) ([]byte, error) {
	if len(v.key) == 0 {
		return nil, ErrNoKeySource
	}
	key := make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, v.key, v.salt, []byte("leaddesk "+purpose)), key); err != nil {
		return nil, fmt.Errorf("derive the %s key: %w", purpose, err)
	}
	return key, nil
}

// Dir is the folder the vault lives in; other encrypted files of the profile go beside it.
func (v *Vault) Dir() string { return v.dir }
