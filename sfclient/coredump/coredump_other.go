//go:build !unix

package coredump

// Disable does nothing where there is no RLIMIT_CORE: Windows writes no core files unless
// Windows Error Reporting is set up to keep full dumps, which is the machine owner's choice.
func Disable() error { return nil }
