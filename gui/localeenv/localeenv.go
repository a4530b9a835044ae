// Package localeenv keeps Fyne quiet on Linux systems whose locale is C.UTF-8 (Debian and
// Ubuntu containers, SSH sessions, cron). Fyne reads the locale while its packages
// initialise, takes the "C" of "C.UTF-8" for a language tag and logs "Error parsing user
// locale C" to stderr, on every command as well as in the window.
//
// Imported for its side effect by main: its init sets LC_MESSAGES=C when the messages
// locale is C.something and LC_ALL is unset. That changes nothing else: C.UTF-8's messages
// are C's, and LC_CTYPE (the character set) is left alone. Go initialises packages in
// import-path order as their imports become ready, and this one needs only strings and
// syscall, so it runs before Fyne's lang package, which needs os. scripts/test checks the
// result.
package localeenv

import (
	"strings"
	"syscall"
)

func init() {
	if name, value, ok := Fix(func(k string) string { v, _ := syscall.Getenv(k); return v }); ok {
		syscall.Setenv(name, value)
	}
}

// Fix says which variable to set, and to what, so that the messages locale read through
// getenv is no longer C.something or POSIX.something; ok is false when nothing needs
// changing, or when LC_ALL is what says C.UTF-8 (overriding it would change the character
// set too).
func Fix(getenv func(string) string) (name, value string, ok bool) {
	if getenv("LC_ALL") != "" {
		return "", "", false
	}
	messages := getenv("LC_MESSAGES")
	if messages == "" {
		messages = getenv("LANG")
	}
	if strings.HasPrefix(messages, "C.") || strings.HasPrefix(messages, "POSIX.") {
		return "LC_MESSAGES", "C", true
	}
	return "", "", false
}
