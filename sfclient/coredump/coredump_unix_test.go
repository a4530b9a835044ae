//go:build unix

package coredump

import (
	"testing"

	"golang.org/x/sys/unix"
)

func TestDisableLeavesNoRoomForACoreFile(t *testing.T) {
	if err := Disable(); err != nil {
		t.Fatalf("Disable: %v", err)
	}
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &lim); err != nil {
		t.Fatal(err)
	}
	if lim.Cur != 0 || lim.Max != 0 {
		t.Fatalf("RLIMIT_CORE = %d/%d, want 0/0", lim.Cur, lim.Max)
	}
}
