//go:build unix

package coredump

import "golang.org/x/sys/unix"

// Disable sets the core-file size limit (RLIMIT_CORE) to zero, soft and hard, so neither
// this process nor anything it starts can raise it again. The error says why it failed;
// the app runs on regardless.
func Disable() error {
	return unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0})
}
