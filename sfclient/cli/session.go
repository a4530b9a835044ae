package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os/signal"
	"syscall"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

func login(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "login", "login [--login-url URL] [--client-id ID] [--client-secret S] [--redirect-uri URI]\n\nFlags given are saved as settings; missing ones come from the settings.")
	loginURL := fs.String("login-url", "", "Salesforce login URL: "+sfclient.ProductionLoginURL+", "+sfclient.SandboxLoginURL+" or a My Domain URL")
	clientID := fs.String("client-id", "", "the connected app's consumer key")
	secret := fs.String("client-secret", "", "the connected app's consumer secret, if it has one (kept in the encrypted vault)")
	redirect := fs.String("redirect-uri", "", "callback URL registered in the app (default "+sfclient.DefaultRedirectURI+")")
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
	if err := p.SaveSettings(st); err != nil {
		return err
	}
	if isSet(fs, "client-secret") {
		if err := p.SetClientSecret(*secret); err != nil {
			return err
		}
	}
	in, err := p.SignIn(env.HTTPClient)
	if err != nil {
		return err
	}
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
	if err := p.SaveSession(sess); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Signed in as %s (%s) at %s\n", sess.DisplayName, sess.Username, sess.InstanceURL)
	return nil
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
	defer playDemo(org, DemoDealerID)()
	fmt.Fprintf(env.Stdout, "The demo Salesforce org is running.\nLogin URL: %s\nClient ID: %s\nDealer ID: %s (its leads are in the org; one changes status every %s)\n\nIn another terminal, sign in with:\n  leaddesk login --login-url %s --client-id %s\n\nPress Ctrl+C to stop.\n",
		org.URL, org.ClientID(), DemoDealerID, sftest.DemoStatusStep, org.URL, org.ClientID())
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}
