package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os/signal"
	"strings"
	"syscall"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

const loginUsage = `login [--login-url URL] [--client-id ID] [--client-secret-stdin] [--redirect-uri URI] [--switch-user]

Signs in through the browser. Flags given are saved as settings only after the sign-in
succeeds; missing ones come from the settings. A new login URL, consumer key or secret
signs the previous session out at the server that issued it.

The consumer secret, if the app has one, is read from standard input with
--client-secret-stdin, or from LEADDESK_CLIENT_SECRET; --client-secret S still works but
leaves the secret in the process list and shell history.

A sign-in to another org, or as another user, than the one whose unsent leads, drafts and
recent leads this computer holds is refused unless --switch-user confirms it; that work is
then shown and sent as the new user.`

func login(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "login", loginUsage)
	loginURL := fs.String("login-url", "", "Salesforce login URL: "+sfclient.ProductionLoginURL+", "+sfclient.SandboxLoginURL+" or a My Domain URL")
	clientID := fs.String("client-id", "", "the connected app's consumer key")
	secretFlag := fs.String("client-secret", "", "deprecated: the consumer secret in plain sight; use --client-secret-stdin or LEADDESK_CLIENT_SECRET")
	secretStdin := fs.Bool("client-secret-stdin", false, "read the consumer secret from standard input (kept in the encrypted vault)")
	redirect := fs.String("redirect-uri", "", "callback URL registered in the app (default "+sfclient.DefaultRedirectURI+")")
	switchUser := fs.Bool("switch-user", false, "confirm a sign-in to another org or as another user than before")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	p, err := openProfile(env)
	if err != nil {
		return err
	}
	st, err := p.Settings()
	if err != nil {
		return err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "login-url":
			st.LoginURL = *loginURL
		case "client-id":
			st.ClientID = *clientID
		case "redirect-uri":
			st.RedirectURI = *redirect
		}
	})
	if err := st.Validate(); err != nil {
		return err
	}
	secret, err := loginSecret(fs, *secretFlag, *secretStdin, p, env)
	if err != nil {
		return err
	}
	in := &sfclient.SignIn{Settings: st, ClientSecret: secret, HTTPClient: env.HTTPClient}
	var sess *sfclient.Session
	if sfclient.IsLoopbackRedirect(st.Redirect()) {
		sess, err = in.Login(ctx, sfclient.LoginOptions{
			OpenBrowser: env.OpenBrowser,
			OnURL: func(u string) {
				fmt.Fprintf(env.Stderr, "Opening your browser to sign in. If it does not open, copy this address into it:\n\n  %s\n\nWaiting for the sign-in (Ctrl+C cancels)…\n", u)
			},
		})
	} else {
		sess, err = pasteLogin(ctx, in, env)
	}
	if err != nil {
		return err
	}
	change, err := p.CheckIdentity(sess)
	if err != nil {
		return err
	}
	if change != nil && !*switchUser {
		// Not kept: end the new session at once, and leave settings and the old session as
		// they were.
		sfclient.RevokeSession(ctx, env.HTTPClient, sess, st)
		return &plainError{change.Error() + ` To switch, run "leaddesk login" again with --switch-user.`}
	}
	if err := p.AdoptSignIn(ctx, env.HTTPClient, st, secret, sess); err != nil {
		return err
	}
	if change != nil {
		fmt.Fprintf(env.Stderr, "Switched to %s: %s.\n", sess.Username, change.Kept())
	}
	fmt.Fprintf(env.Stdout, "Signed in as %s (%s) at %s\n", sess.DisplayName, sess.Username, sess.InstanceURL)
	return nil
}

// loginSecret is the consumer secret the sign-in uses: from standard input
// (--client-secret-stdin), LEADDESK_CLIENT_SECRET, the old --client-secret flag (with a
// warning: it shows in the process list and shell history), or else the saved one.
func loginSecret(fs *flag.FlagSet, flagValue string, fromStdin bool, p *sfclient.Profile, env *Env) (string, error) {
	switch {
	case fromStdin:
		line, err := readLine(env.Stdin, 4096)
		if err != nil {
			return "", fmt.Errorf("read the consumer secret from standard input: %w", err)
		}
		return strings.TrimSpace(line), nil
	case env.Getenv("LEADDESK_CLIENT_SECRET") != "":
		return env.Getenv("LEADDESK_CLIENT_SECRET"), nil
	case isSet(fs, "client-secret"):
		fmt.Fprintln(env.Stderr, "Warning: --client-secret shows the secret to other programs and keeps it in your shell history; use --client-secret-stdin or LEADDESK_CLIENT_SECRET instead.")
		return flagValue, nil
	}
	return p.ClientSecret()
}

// readLine reads one line of at most limit bytes, byte by byte, so that what follows it on
// standard input (a pasted code) is left for the next reader. End of input ends the line.
func readLine(r io.Reader, limit int) (string, error) {
	var line []byte
	b := make([]byte, 1)
	for len(line) < limit {
		n, err := r.Read(b)
		if n == 1 {
			if b[0] == '\n' {
				break
			}
			line = append(line, b[0])
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
	}
	return string(line), nil
}

// pasteLogin is the sign-in for a redirect URI that is a web page: the person opens the
// URL, allows access and pastes the code or the address they landed on.
func pasteLogin(ctx context.Context, in *sfclient.SignIn, env *Env) (*sfclient.Session, error) {
	a, err := in.Begin()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(env.Stderr, "Open this address in a browser, sign in and allow access:\n\n  %s\n\nThen paste the code, or the whole address the browser shows, and press Enter:\n", a.URL)
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return nil, errors.New("no code was pasted")
	}
	return a.FinishPasted(ctx, line)
}

func whoami(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "whoami", "whoami\n\nShows who is signed in and to which org (renewing the session if needed).")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	p, c, err := client(env)
	if err != nil {
		return err
	}
	info, err := c.UserInfo(ctx)
	if err != nil {
		return err
	}
	s := c.Session()
	fmt.Fprintf(env.Stdout, "%s (%s)\nInstance: %s\nAPI version: %s\nData: %s\nKey: %s\n",
		info.Name, info.Username, s.InstanceURL, s.APIVersion, p.Home, p.Vault.KeyHeldBy())
	if st, err := p.Settings(); err == nil && st.CustomLoginHost {
		fmt.Fprintln(env.Stdout, sfclient.CustomHostWarning)
	}
	return nil
}

func logout(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "logout", "logout\n\nRevokes the session at Salesforce and deletes it from this computer (also when offline).")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	p, err := openProfile(env)
	if err != nil {
		return err
	}
	if err := p.SignOut(ctx, env.HTTPClient); err != nil {
		if errors.Is(err, sfclient.ErrRevokeFailed) {
			return &plainError{"Signed out on this computer, but Salesforce could not be told (" + sfclient.Explain(errors.Unwrap(err)) + "); the session ends there when an admin revokes it or it expires."}
		}
		return err
	}
	fmt.Fprintln(env.Stdout, "Signed out.")
	return nil
}

// plainError is a sentence already fit for a person.
type plainError struct{ sentence string }

func (e *plainError) Error() string { return e.sentence }
func (e *plainError) Plain() string { return e.sentence }

func demo(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "demo", "demo [--addr HOST:PORT] [--redirect-uri URI] [--client-id ID]\n\nRuns the stand-in Salesforce org on this computer until Ctrl+C, so \"leaddesk login\" can be tried without a Salesforce account.")
	addr := fs.String("addr", "127.0.0.1:0", "address to listen on (loopback only)")
	redirect := fs.String("redirect-uri", sfclient.DefaultRedirectURI, "the callback URL the demo org accepts")
	clientID := fs.String("client-id", sftest.DefaultClientID, "the consumer key the demo org accepts (the Salesforce CLI's is PlatformCLI)")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if host, _, err := net.SplitHostPort(*addr); err != nil || !sfclient.IsLoopbackHost(host) {
		return &usageError{"--addr must be a loopback address such as 127.0.0.1:8443"}
	}
	org, err := sftest.Start(sftest.Options{Addr: *addr, ClientID: *clientID, Consent: sftest.ConsentPage, RedirectURIs: []string{*redirect}})
	if err != nil {
		return err
	}
	defer org.Close()
	playing, stopPlaying := context.WithCancel(ctx)
	defer stopPlaying()
	go org.Play(playing, org.SeedDemo(DemoDealerID), 0)
	fmt.Fprintf(env.Stdout, "The demo Salesforce org is running.\nLogin URL: %s\nClient ID: %s\nDealer ID: %s (its leads are in the org; one changes status every %s)\n\nIn another terminal, sign in with:\n  leaddesk login --login-url %s --client-id %s\n\nPress Ctrl+C to stop.\n",
		org.URL, org.ClientID(), DemoDealerID, sftest.DemoStatusStep, org.URL, org.ClientID())
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}
