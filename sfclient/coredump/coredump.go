// Package coredump switches off core dumps for the running process where the operating
// system allows it, so that a crash never writes the memory that holds tokens, the client
// secret, SSNs and birthdays to a file others may read. main calls Disable first thing.
//
// It imports nothing of Lead Desk and never imports Fyne.
package coredump
