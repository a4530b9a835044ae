// Package cli is Lead Desk's command line: the same sfclient calls as the window, for
// scripts, support staff and automated checks. main passes it os.Args when a sub-command is
// given. Exit codes: 0 ok, 1 error (one plain sentence on stderr, then a "Details:" line with
// Salesforce's code when it gave one; a refused fields file has one line per problem), 2 usage,
// 3 sign-in required.
//
// It never imports Fyne.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/vault"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitError    = 1
	ExitUsage    = 2
	ExitSignedIn = 3 // sign-in required: not signed in, or the refresh token is dead
)

// Env is the world a command runs in. Zero fields take the process's own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string // nil means os.Getenv
	// OpenBrowser opens the sign-in URL; nil means the system browser.
	OpenBrowser func(url string) error
	HTTPClient  *http.Client // nil means sfclient's defaults
	Version     string       // printed by --version
	// ScryptLogN is the passphrase vault's cost for new vaults; zero means
	// vault.DefaultScryptLogN. In-process tests lower it.
	ScryptLogN int
}

func (e *Env) defaults() {
	if e.Stdin == nil {
		e.Stdin = os.Stdin
	}
	if e.Stdout == nil {
		e.Stdout = os.Stdout
	}
	if e.Stderr == nil {
		e.Stderr = os.Stderr
	}
	if e.Getenv == nil {
		e.Getenv = os.Getenv
	}
}

// usageError is a mistake in the command's words: exit 2 with the usage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const mainUsage = `Lead Desk sends financing leads to Mazo Capital Solutions' Salesforce.

Usage:
  leaddesk                      open the window
  leaddesk -demo                open the window against the built-in demo org
  leaddesk COMMAND [flags]

Commands:
  login      sign in through the browser and keep the session, encrypted
  whoami     show who is signed in, and to which org
  lead       create, read or update a lead; list, search and see the history of the dealer's leads (leaddesk lead --help)
  outbox     list, send or discard what could not reach Salesforce yet
  settings   show or change the dealer's defaults every new lead starts with (Dealer ID, …)
  logout     revoke the session at Salesforce and forget it here
  demo       run the built-in stand-in Salesforce org on this computer

Environment:
  LEADDESK_HOME        folder for settings and the encrypted vault (default: the OS config folder)
  LEADDESK_PASSPHRASE  passphrase for the vault where no OS keychain answers
  LEADDESK_KEYCHAIN    "off" to use the passphrase even where a keychain exists
  LEADDESK_CLIENT_SECRET  the connected app's consumer secret for "leaddesk login"

Exit codes: 0 ok, 1 error, 2 usage, 3 sign-in required.
Run "leaddesk COMMAND --help" for a command's flags.
`

// Window reports whether a command line (without the program name) asks for the window
// rather than a command, and whether in demo mode: no arguments, or just -demo/--demo.
// A "-psn_…" argument, which macOS's Finder may add when it launches an app, is ignored.
func Window(args []string) (window, demo bool) {
	var rest []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-psn_") {
			rest = append(rest, a)
		}
	}
	switch {
	case len(rest) == 0:
		return true, false
	case len(rest) == 1 && (rest[0] == "-demo" || rest[0] == "--demo"):
		return true, true
	}
	return false, false
}

// Run runs one command line (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	env.defaults()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, mainUsage)
		return ExitOK
	}
	if args[0] == "--version" || args[0] == "-version" || args[0] == "version" {
		fmt.Fprintf(env.Stdout, "leaddesk %s\n", env.Version)
		return ExitOK
	}
	commands := map[string]func(context.Context, []string, *Env) error{
		"login": login, "whoami": whoami, "lead": leadCommand, "outbox": outboxCommand, "logout": logout, "demo": demo,
		"settings": settingsCommand,
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "leaddesk: unknown command %q.\n\n%s", args[0], mainUsage)
		return ExitUsage
	}
	return report(cmd(ctx, args[1:], &env), &env)
}

// report prints err as one plain sentence and maps it to an exit code.
func report(err error, env *Env) int {
	var usage *usageError
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &usage):
		fmt.Fprintf(env.Stderr, "leaddesk: %s\n", usage.msg)
		return ExitUsage
	}
	var kept *keptError
	if errors.As(err, &kept) {
		fmt.Fprintln(env.Stderr, kept.sentence())
		if errors.Is(kept.cause, sfclient.ErrSignInRequired) {
			printDemoHint(env)
			return ExitSignedIn
		}
		return ExitError
	}
	fmt.Fprintln(env.Stderr, sentence(err))
	if d := sfclient.Details(err); d != "" {
		fmt.Fprintln(env.Stderr, "Details: "+d)
	}
	if errors.Is(err, sfclient.ErrSignInRequired) {
		fmt.Fprintln(env.Stderr, `Run "leaddesk login" to sign in.`)
		printDemoHint(env)
		return ExitSignedIn
	}
	return ExitError
}

// markedFields ends the window's sentence for a refusal naming fields, which it marks.
const markedFields = "; correct the marked fields and send again."

// sentence is sfclient.Explain's plain sentence, said for a terminal: nothing is marked there,
// so a refusal names the fields to correct, by label and API name.
func sentence(err error) string {
	line := sfclient.Explain(err)
	var api *sfclient.APIError
	if !errors.As(err, &api) || !strings.HasSuffix(line, markedFields) {
		return line
	}
	var names []string
	for _, name := range api.AllFields() {
		names = append(names, lead.LabelAndName(name))
	}
	return strings.TrimSuffix(line, markedFields) + "; correct " + strings.Join(names, ", ") + " in the file and run the command again."
}

// flags makes a flag set whose --help prints usage to stdout and whose errors are usage
// errors.
func flags(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(env.Stdout, "Usage: leaddesk %s\n", usage)
		fs.SetOutput(env.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parse parses flags that may stand before or after positional arguments and returns the
// positional ones, checking their count: exactly positional, or at least -positional when
// it is negative.
func parse(fs *flag.FlagSet, args []string, positional int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err // Parse has printed the usage
			}
			return nil, &usageError{err.Error() + ` (see "leaddesk ` + fs.Name() + ` --help")`}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if positional < 0 && len(pos) < -positional {
		return nil, &usageError{fmt.Sprintf("%s takes at least %d arguments, got %d (see \"leaddesk %s --help\")", fs.Name(), -positional, len(pos), fs.Name())}
	}
	if positional >= 0 && len(pos) != positional {
		return nil, &usageError{fmt.Sprintf("%s takes %d argument(s), got %d (see \"leaddesk %s --help\")", fs.Name(), positional, len(pos), fs.Name())}
	}
	return pos, nil
}

// openProfile opens the profile the environment names.
func openProfile(env *Env) (*sfclient.Profile, error) {
	home, err := sfclient.HomeFrom(env.Getenv)
	if err != nil {
		return nil, err
	}
	p, err := sfclient.OpenProfile(home, vaultOptions(env))
	if err != nil {
		return nil, err
	}
	for _, n := range p.Notices {
		fmt.Fprintln(env.Stderr, n)
	}
	return p, nil
}

func vaultOptions(env *Env) vault.Options {
	return vault.Options{
		NoKeychain: strings.EqualFold(env.Getenv("LEADDESK_KEYCHAIN"), "off"),
		ScryptLogN: env.ScryptLogN,
		Passphrase: func() (string, error) { return env.Getenv("LEADDESK_PASSPHRASE"), nil },
	}
}

// client opens the profile and its signed-in client; ErrSignInRequired when nobody is.
func client(env *Env) (*sfclient.Profile, *sfclient.Client, error) {
	p, err := openProfile(env)
	if err != nil {
		return nil, nil, err
	}
	c, err := p.Client(sfclient.ClientOptions{HTTPClient: env.HTTPClient})
	return p, c, err
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
