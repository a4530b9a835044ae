package instance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"leaddesk/sfclient/atomicfile"
)

// sizeFile holds the window's size in the profile folder.
const sizeFile = "window.json"

// Size is the window's size in Fyne's device-independent units.
type Size struct {
	Width  float32 `json:"width"`
	Height float32 `json:"height"`
}

// LoadSize reads the size the window had when it last closed; ok is false when none was
// saved or the file cannot be read (the window then opens at its default size).
func LoadSize(dir string) (s Size, ok bool) {
	raw, err := os.ReadFile(filepath.Join(dir, sizeFile))
	if err != nil || json.Unmarshal(raw, &s) != nil || s.Width <= 0 || s.Height <= 0 {
		return Size{}, false
	}
	return s, true
}

// SaveSize remembers the window's size for the next start.
func SaveSize(dir string, s Size) error {
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode the window size: %w", err)
	}
	return atomicfile.Write(filepath.Join(dir, sizeFile), append(data, '\n'), 0o600)
}
