package cli_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/sftest"
)

// runWith runs one command with extra environment variables.
func (d *desk) runWith(vars map[string]string, stdin string, args ...string) (int, string, string) {
	env, out, errOut := d.env(stdin)
	base := env.Getenv
	env.Getenv = func(k string) string {
		if v, ok := vars[k]; ok {
			return v
		}
		return base(k)
	}
	code := cli.Run(context.Background(), args, env)
	return code, out.String(), errOut.String()
}

func (d *desk) settings() sfclient.Settings {
	d.t.Helper()
	st, err := sfclient.LoadSettings(d.home)
	if err != nil {
		d.t.Fatal(err)
	}
	return st
}

func TestLoginFlagsAreSavedOnlyAfterASuccessfulSignIn(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	refusing := sftest.New(t, sftest.Options{Consent: sftest.AutoDeny, RedirectURIs: []string{d.redirect}})
	if code, _, _ := d.run("", "login", "--login-url", refusing.URL); code == 0 {
		t.Fatal("a denied sign-in succeeded")
	}
	if got := d.settings().LoginURL; got != d.org.URL {
		t.Fatalf("a sign-in that did not finish saved its login URL: %q", got)
	}
	d.org.ExpireSessions()
	if code, out, errOut := d.run("", "whoami"); code != 0 || !strings.Contains(out, sftest.Username) {
		t.Fatalf("whoami after the failed sign-in: %d %s%s", code, out, errOut)
	}
	if refusing.Count(http.MethodPost, "/services/oauth2/token") != 0 {
		t.Fatal("the refresh token went to the login URL of the failed sign-in")
	}
}

func TestLoginToAHostOutsideSalesforceIsRefusedNamingIt(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	code, _, errOut := d.run("", "login", "--login-url", "https://login.example.com", "--client-id", "x")
	if code != cli.ExitError || !strings.Contains(errOut, "login.example.com") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := d.settings(); got.LoginURL != "" || got.ClientID != "" {
		t.Fatalf("the refused login was saved: %+v", got)
	}
}

func TestClientSecretComesFromStdinOrTheEnvironmentAndTheOldFlagWarns(t *testing.T) {
	const secret = "consumer-secret-xyz"
	d := newDesk(t, sftest.Options{ClientSecret: secret})
	base := []string{"login", "--login-url", d.org.URL, "--client-id", d.org.ClientID(), "--redirect-uri", d.redirect}
	code, out, errOut := d.run(secret+"\n", append(base, "--client-secret-stdin")...)
	if code != 0 || strings.Contains(out+errOut, secret) || strings.Contains(errOut, "Warning") {
		t.Fatalf("--client-secret-stdin: %d %s%s", code, out, errOut)
	}
	other := newDesk(t, sftest.Options{ClientSecret: secret})
	code, out, errOut = other.runWith(map[string]string{"LEADDESK_CLIENT_SECRET": secret}, "",
		"login", "--login-url", other.org.URL, "--client-id", other.org.ClientID(), "--redirect-uri", other.redirect)
	if code != 0 || strings.Contains(out+errOut, secret) {
		t.Fatalf("LEADDESK_CLIENT_SECRET: %d %s%s", code, out, errOut)
	}
	code, out, errOut = d.run("", append(base, "--client-secret", secret)...)
	if code != 0 || !strings.Contains(errOut, "Warning: --client-secret") || strings.Contains(out+errOut, secret) {
		t.Fatalf("--client-secret: %d %s%s", code, out, errOut)
	}
}

func TestSignInAsAnotherUserNeedsSwitchUserAndSaysWhatHappensToTheWork(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.SetOffline(true)
	d.createKept(cli.ExitError) // one lead waits in the outbox for Dana
	d.org.SetOffline(false)
	d.org.SignInAs(sftest.OtherUser)
	revokesBefore := d.org.Count(http.MethodPost, "/services/oauth2/revoke")
	code, _, errOut := d.run("", "login")
	if code != cli.ExitError || !strings.Contains(errOut, sftest.OtherUser.Username) || !strings.Contains(errOut, "--switch-user") ||
		!strings.Contains(errOut, "1 unsent lead") {
		t.Fatalf("login as another user: %d %s", code, errOut)
	}
	if d.org.Count(http.MethodPost, "/services/oauth2/revoke") != revokesBefore+1 {
		t.Fatal("the refused sign-in was not ended at Salesforce")
	}
	if _, out, _ := d.run("", "whoami"); !strings.Contains(out, sftest.Username) {
		t.Fatalf("the previous session was not kept: %s", out)
	}
	code, out, errOut := d.run("", "login", "--switch-user")
	if code != 0 || !strings.Contains(errOut, "Switched to "+sftest.OtherUser.Username) || !strings.Contains(errOut, "sent as") {
		t.Fatalf("login --switch-user: %d %s%s", code, out, errOut)
	}
	if _, out, _ := d.run("", "whoami"); !strings.Contains(out, sftest.OtherUser.Username) {
		t.Fatalf("whoami after the switch: %s", out)
	}
}

func TestLeadFileOverEightMiBIsRefusedWithASentence(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, make([]byte, 9<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	files := []string{big}
	if runtime.GOOS != "windows" {
		files = append(files, "/dev/zero")
	}
	for _, f := range files {
		code, _, errOut := d.run("", "lead", "create", "--file", f)
		if code != cli.ExitError || !strings.Contains(errOut, "larger than 8 MiB") {
			t.Errorf("%s: exit %d, %s", f, code, errOut)
		}
	}
}

func TestWhoamiWarnsWhileTheCustomLoginHostSettingIsOn(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	if _, out, _ := d.run("", "whoami"); strings.Contains(out, "custom login host") {
		t.Fatalf("warning shown with the setting off: %s", out)
	}
	st := d.settings()
	st.CustomLoginHost = true
	sfclient.SaveSettings(d.home, st)
	if code, out, _ := d.run("", "whoami"); code != 0 || !strings.Contains(out, sfclient.CustomHostWarning) {
		t.Fatalf("whoami: %d %s", code, out)
	}
}
