// Command leaddesk is Lead Desk: a desktop app (and command line) that sends equipment
// dealers' financing leads to Mazo Capital Solutions' Salesforce.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"

	"leaddesk/assets"
	"leaddesk/gui"
	_ "leaddesk/gui/localeenv" // before Fyne reads the locale: see the package
	"leaddesk/gui/winpos"
	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/coredump"
	"leaddesk/sfclient/instance"
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

// runWindow opens the window; in demo mode against an in-process stand-in org. One window
// runs per profile: a second start brings the first one forward and ends.
func runWindow(demo bool) error {
	home, err := sfclient.Home()
	if err != nil {
		return err
	}
	title := "Lead Desk"
	if demo {
		home, title = cli.DemoHome(home), "Lead Desk — demo org"
	}
	held, err := instance.Acquire(context.Background(), home)
	if errors.Is(err, instance.ErrAlreadyOpen) {
		fmt.Println(sfclient.Explain(err))
		return nil
	}
	if err != nil {
		return err
	}
	defer held.Release()
	opts := gui.Options{Home: home, Vault: cli.VaultOptions(os.Getenv), Title: title, Version: version,
		Desktop: winpos.Desktop{}} // the window comes back where it was closed
	if demo {
		d := cli.NewDemo(filepath.Dir(home))
		defer d.Stop()
		opts.Prepare, opts.ResetDemo = d.Start, d.Reset // the window appears before the demo org starts
	}
	a := app.NewWithID("com.mazocapital.leaddesk")
	a.SetIcon(assets.WindowIcon)
	u := gui.New(a, opts)
	held.OnShow(u.BringForward)
	u.Window().ShowAndRun()
	return nil
}
