//go:build !windows

package sfclient

import (
	"errors"
	"syscall"
)

// isAddrInUse reports whether listening failed because another program holds the port.
func isAddrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }
