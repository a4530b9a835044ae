// Command leaddesk is Lead Desk: a desktop app (and command line) that sends equipment
// dealers' financing leads to Mazo Capital Solutions' Salesforce.
package main

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"leaddesk/gui"
	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
)

// version is stamped by the release build (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

func main() {
	args := os.Args[1:]
	demo := len(args) == 1 && (args[0] == "-demo" || args[0] == "--demo")
	if len(args) > 0 && !demo {
		os.Exit(cli.Run(context.Background(), args, cli.Env{Version: version}))
	}
	if err := runWindow(demo); err != nil {
		fmt.Fprintln(os.Stderr, sfclient.Explain(err))
		os.Exit(cli.ExitError)
	}
}

// runWindow opens the window; in demo mode against an in-process stand-in org.
func runWindow(demo bool) error {
	home, err := sfclient.Home()
	if err != nil {
		return err
	}
	title := "Lead Desk"
	if demo {
		var stop func()
		if home, stop, err = cli.PrepareDemo(home); err != nil {
			return err
		}
		defer stop()
		title = "Lead Desk — demo org"
	}
	u := gui.New(app.NewWithID("com.mazocapital.leaddesk"), gui.Options{Home: home, Vault: cli.VaultOptions(os.Getenv), Title: title, Version: version})
	u.Window().ShowAndRun()
	return nil
}
