package cli

import (
	"fmt"
	"path/filepath"

	"leaddesk/sfclient"
)

// demoHint is the line said after "You are not signed in" when the data folder also holds the
// window's demo profile, which keeps its own sign-in: support, asked why the command line is
// signed out while the demo window is signed in, reads how to reach the demo's data. It is ""
// when there is no demo profile, or the command already used it.
func demoHint(env *Env) string {
	home, err := sfclient.HomeFrom(env.Getenv)
	if err != nil || filepath.Base(home) == sfclient.DemoFolder {
		return ""
	}
	demo := DemoHome(home)
	if st, err := sfclient.LoadSettings(demo); err != nil || st.LoginURL == "" {
		return "" // no demo has run with this data folder
	}
	return "The demo window keeps its own sign-in and leads: to use them, run the command with LEADDESK_HOME=" + demo + " while the demo window is open."
}

// printDemoHint says demoHint, if there is one, on stderr.
func printDemoHint(env *Env) {
	if h := demoHint(env); h != "" {
		fmt.Fprintln(env.Stderr, h)
	}
}
