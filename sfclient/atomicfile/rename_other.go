//go:build !windows

package atomicfile

import "os"

// replace renames from over to; POSIX replaces a file even while others have it open.
func replace(from, to string) error { return os.Rename(from, to) }
