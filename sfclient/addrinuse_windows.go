package sfclient

import (
	"errors"

	"golang.org/x/sys/windows"
)

// isAddrInUse reports whether listening failed because another program holds the port.
// Windows answers WSAEADDRINUSE, whose text is translated on non-English systems, so the
// code is compared rather than the message.
func isAddrInUse(err error) bool { return errors.Is(err, windows.WSAEADDRINUSE) }
