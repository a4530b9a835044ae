package gui

import (
	"fyne.io/fyne/v2"

	"leaddesk/sfclient"
)

// This file is what the window offers its panels. Each panel holds the window as a small
// interface of its own (newLeadHost, editHost, …, declared in the panel's file) listing only
// what it calls; the methods here read the window's state without handing out its fields, and
// pass one panel's requests on to another, so no panel writes state it does not own.

// worker runs the window's work off the UI goroutine (bridge.go).
func (u *UI) worker() *worker { return &u.jobs }

// currentClient is the signed-in session's client; nil while nobody is signed in.
func (u *UI) currentClient() *sfclient.Client { return u.client }

// window is the main window, for dialogs and the keyboard focus.
func (u *UI) window() fyne.Window { return u.win }
