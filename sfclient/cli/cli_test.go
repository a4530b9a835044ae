package cli_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/sftest"
)

// A child process of the test binary runs the command line, so tests can start real
// processes of Lead Desk.
func TestMain(m *testing.M) {
	if args := os.Getenv("LEADDESK_TEST_CHILD_ARGS"); args != "" {
		os.Exit(cli.Run(context.Background(), strings.Split(args, "\x1f"), cli.Env{}))
	}
	os.Exit(m.Run())
}

type desk struct {
	t        *testing.T
	home     string
	org      *sftest.Org
	redirect string
}

func newDesk(t *testing.T, opts sftest.Options) *desk {
	redirect, err := sftest.FreeRedirectURI()
	if err != nil {
		t.Fatal(err)
	}
	opts.RedirectURIs = []string{redirect}
	d := &desk{t: t, home: t.TempDir(), org: sftest.New(t, opts), redirect: redirect}
	// A dealer's computer has its Dealer ID set once; without it "lead create" refuses.
	if err := sfclient.SaveSettings(d.home, sfclient.Settings{DealerID: testDealerID}); err != nil {
		t.Fatal(err)
	}
	return d
}

// testDealerID is the Dealer ID the tests' settings start with.
const testDealerID = "0015Y00002aYV9NQAW"

func (d *desk) env(stdin string) (cli.Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	vars := map[string]string{"LEADDESK_HOME": d.home, "LEADDESK_KEYCHAIN": "off", "LEADDESK_PASSPHRASE": "cli test passphrase"}
	return cli.Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv:      func(k string) string { return vars[k] },
		OpenBrowser: sftest.Browse,
		ScryptLogN:  10,
	}, &out, &errOut
}

// run runs one command in-process and returns its exit code, stdout and stderr.
func (d *desk) run(stdin string, args ...string) (int, string, string) {
	env, out, errOut := d.env(stdin)
	code := cli.Run(context.Background(), args, env)
	return code, out.String(), errOut.String()
}

func (d *desk) login() {
	d.t.Helper()
	code, out, errOut := d.run("", "login", "--login-url", d.org.URL, "--client-id", d.org.ClientID(), "--redirect-uri", d.redirect)
	if code != 0 || !strings.Contains(out, "Signed in as "+sftest.DisplayName) {
		d.t.Fatalf("login: exit %d\n%s%s", code, out, errOut)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestCommandLineSignsInCreatesReadsUpdatesAndSignsOut(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	if code, out, _ := d.run("", "whoami"); code != 0 || !strings.Contains(out, sftest.Username) || !strings.Contains(out, d.org.URL) ||
		!strings.Contains(out, "Key: your passphrase") {
		t.Fatalf("whoami: %d %s", code, out)
	}

	file := filepath.Join(t.TempDir(), "lead.json")
	os.WriteFile(file, []byte(`{"FirstName":"Jimmy","LastName":"Jimjo","Phone":"013-345-6789","Email":"jimmy@jimjo.example","Company":"Jimjo Jimmy Jo","AnnualRevenue":600000}`), 0o600)
	code, out, errOut := d.run("", "lead", "create", "--file", file, "--terms-accepted")
	id := lastLine(out)
	if code != 0 || len(id) != 18 || d.org.Lead(id) == nil {
		t.Fatalf("create: exit %d, id %q, %s", code, id, errOut)
	}

	code, out, _ = d.run("", "lead", "get", id[:15], "--fields", "Company,Phone")
	if code != 0 || !strings.Contains(out, `"Company": "Jimjo Jimmy Jo"`) || strings.Contains(out, "Email") {
		t.Fatalf("get: %d %s", code, out)
	}

	d.org.ResetLog()
	code, out, errOut = d.run(`{"Phone":"(555)-555-0100"}`, "lead", "update", id, "--file", "-")
	if code != 0 || !strings.Contains(out, id) {
		t.Fatalf("update: %d %s %s", code, out, errOut)
	}
	if d.org.Lead(id)["Phone"] != "(555) 555-0100" || d.org.Lead(id)["Company"] != "Jimjo Jimmy Jo" {
		t.Fatal("update did not change exactly the phone")
	}
	if n := d.org.Count(http.MethodPatch, "/services/data/"); n != 1 {
		t.Fatalf("%d PATCHes", n)
	}

	if code, _, errOut := d.run("", "logout"); code != 0 {
		t.Fatalf("logout: %d %s", code, errOut)
	}
	if d.org.Count(http.MethodPost, "/services/oauth2/revoke") != 1 {
		t.Fatal("logout did not revoke")
	}
	if code, _, errOut := d.run("", "whoami"); code != cli.ExitSignedIn || !strings.Contains(errOut, "not signed in") {
		t.Fatalf("whoami after logout: %d %s", code, errOut)
	}
}

func TestLoginFlagsBecomeSettingsAndTheSecretStaysInTheVault(t *testing.T) {
	d := newDesk(t, sftest.Options{ClientSecret: "consumer-secret-xyz"})
	code, _, errOut := d.run("", "login", "--login-url", d.org.URL, "--client-id", d.org.ClientID(), "--redirect-uri", d.redirect, "--client-secret", "consumer-secret-xyz")
	if code != 0 {
		t.Fatalf("login: %d %s", code, errOut)
	}
	settings, _ := os.ReadFile(filepath.Join(d.home, "settings.json"))
	if !strings.Contains(string(settings), d.org.URL) || strings.Contains(string(settings), "consumer-secret") {
		t.Fatalf("settings.json = %s", settings)
	}
	if code, _, errOut := d.run("", "login"); code != 0 { // everything comes from the settings and the vault
		t.Fatalf("second login from settings: %d %s", code, errOut)
	}
	if strings.Contains(errOut, "consumer-secret") {
		t.Fatal("the secret was printed")
	}
}

func TestBadInputGetsOneSentenceAndTheRightExitCode(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	d.org.ResetLog()
	cases := []struct {
		name  string
		args  []string
		code  int
		words string
	}{
		{"malformed JSON", []string{"lead", "create", "--file", write("bad.json", `{"LastName": "Jimjo",`)}, 1, "not a JSON object"},
		{"array not object", []string{"lead", "create", "--file", write("arr.json", `[1,2]`)}, 1, "not a JSON object"},
		{"missing file", []string{"lead", "create", "--file", filepath.Join(dir, "nope.json")}, 1, "could not read"},
		{"bad id", []string{"lead", "get", "00Q123"}, 1, "Lead id"},
		{"account id", []string{"lead", "update", "0015Y00002aYV9NQAW", "--file", "-"}, 1, "start with 00Q"},
		{"no file flag", []string{"lead", "create"}, 2, "--file is required"},
		{"unknown flag", []string{"lead", "get", "00Q4X00001vhja5", "--colour", "red"}, 2, "colour"},
		{"extra argument", []string{"whoami", "extra"}, 2, "takes 0 argument"},
		{"unknown sub-command", []string{"lead", "delete"}, 2, "unknown lead sub-command"},
	}
	for _, tc := range cases {
		code, _, errOut := d.run("", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.words) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.name, code, errOut, tc.code, tc.words)
		}
		if tc.code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%s: more than one line: %q", tc.name, errOut)
		}
		if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
			t.Errorf("%s: stack trace on stderr", tc.name)
		}
	}
	if n := len(d.org.Requests()); n != 0 {
		t.Fatalf("bad input sent %d requests", n)
	}
}

func TestSalesforceRefusalIsAPlainSentenceNamingTheFieldWithItsCodeOnADetailsLine(t *testing.T) {
	d := newDesk(t, sftest.Options{ReadOnlyFields: []string{"Title"}}) // locked by the org's field-level security
	d.login()
	_, out, _ := d.run(jimjo, "lead", "create", "--file", "-")
	code, _, errOut := d.run(`{"Title":"Owner"}`, "lead", "update", lastLine(out), "--file", "-")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[0], "Salesforce did not accept the lead") ||
		!strings.Contains(lines[0], "correct Title (Title) in the file and run the command again.") ||
		!strings.HasPrefix(lines[1], "Details: ") || !strings.Contains(lines[1], "INVALID_FIELD_FOR_INSERT_UPDATE") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if ids := d.outboxIDs(); len(ids) != 0 {
		t.Fatalf("a change Salesforce refused waits in the outbox: %v", ids)
	}
	d.org.SetOutage(true)
	code, _, errOut = d.run("", "lead", "get", "00Q4X00001vhja5")
	if code != 1 || !strings.Contains(errOut, "unavailable") || strings.Contains(errOut, "<html") {
		t.Fatalf("outage: exit %d, %q", code, errOut)
	}
}

func TestHelpOnEveryLevelExitsZero(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	for _, args := range [][]string{{"--help"}, {"help"}, {"login", "--help"}, {"whoami", "-h"}, {"lead", "--help"},
		{"lead", "create", "--help"}, {"lead", "get", "--help"}, {"lead", "update", "--help"},
		{"lead", "list", "--help"}, {"lead", "search", "-h"}, {"lead", "history", "--help"}, {"logout", "--help"}, {"demo", "--help"}} {
		code, out, _ := d.run("", args...)
		if code != 0 || strings.Count(out, "Usage") != 1 {
			t.Errorf("%v: exit %d, %q; want the usage once", args, code, out)
		}
	}
	if code, _, _ := d.run("", "lead"); code != cli.ExitUsage {
		t.Errorf("bare lead: exit %d, want 2", code)
	}
	if code, out, _ := d.run("", "--version"); code != 0 || !strings.HasPrefix(out, "leaddesk ") {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestWindowOrCommand(t *testing.T) {
	for _, c := range []struct {
		args         []string
		window, demo bool
	}{
		{nil, true, false},
		{[]string{"-psn_0_1234567"}, true, false}, // Finder's process serial number
		{[]string{"-demo"}, true, true},
		{[]string{"--demo", "-psn_0_1"}, true, true},
		{[]string{"whoami"}, false, false},
		{[]string{"-demo", "whoami"}, false, false},
		{[]string{"--version"}, false, false},
	} {
		if window, demo := cli.Window(c.args); window != c.window || demo != c.demo {
			t.Errorf("Window(%q) = %v, %v; want %v, %v", c.args, window, demo, c.window, c.demo)
		}
	}
}
