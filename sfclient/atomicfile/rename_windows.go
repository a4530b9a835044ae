package atomicfile

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// replace renames from over to. Windows refuses while another program has the target open
// without sharing delete (a reader, an antivirus scanner, the search indexer), so it tries
// again for up to two seconds before giving up.
func replace(from, to string) error {
	deadline := time.Now().Add(2 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := os.Rename(from, to)
		if err == nil || !(errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION)) ||
			time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}
