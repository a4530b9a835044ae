// Command leaddesk is Lead Desk: a desktop app (and command line) that sends equipment
// dealers' financing leads to Mazo Capital Solutions' Salesforce.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"

	"leaddesk/assets"
	"leaddesk/gui"
	_ "leaddesk/gui/localeenv" // before Fyne reads the locale: see the package
	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/coredump"
)

// fyneApp is the app's metadata; its Version is the one version of Lead Desk.
//
//go:embed FyneApp.toml
var fyneApp string

// version is FyneApp.toml's, unless a release build stamps another (-ldflags "-X main.version=…").
var version = ""

func init() {
	var meta struct {
		Details struct {
			Version string
			Build   int
		}
	}
	if _, err := toml.Decode(fyneApp, &meta); err == nil {
		if version == "" {
			version = meta.Details.Version
		}
		version = fmt.Sprintf("%s (build %d)", version, meta.Details.Build)
	}
}

func main() {
	coredump.Disable() // best effort: a crash must not write tokens or SSNs to a core file
	window, demo := cli.Window(os.Args[1:])
	if !window {
		os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Env{Version: version}))
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
	a := app.NewWithID("com.mazocapital.leaddesk")
	a.SetIcon(assets.Icon)
	u := gui.New(a, gui.Options{Home: home, Vault: cli.VaultOptions(os.Getenv), Title: title, Version: version})
	u.Window().ShowAndRun()
	return nil
}
