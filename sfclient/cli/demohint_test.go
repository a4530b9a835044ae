package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// runIn runs one command with LEADDESK_HOME=home, returning its exit code and stderr.
func runIn(home string, args ...string) (int, string) {
	var out, errOut bytes.Buffer
	vars := map[string]string{"LEADDESK_HOME": home, "LEADDESK_KEYCHAIN": "off", "LEADDESK_PASSPHRASE": "demo test passphrase"}
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }, ScryptLogN: 10}
	return Run(context.Background(), args, env), errOut.String()
}

// runDemo runs the window's demo org on a fresh data folder until the test ends.
func runDemo(t *testing.T) (home string, d *Demo) {
	t.Helper()
	home = t.TempDir()
	d, err := prepareDemo(home, sftest.AutoAllow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Stop)
	return home, d
}

func TestNotSignedInPointsToTheDemoProfileWhenTheDemoWindowIsSignedIn(t *testing.T) {
	home, d := runDemo(t)
	c := demoSignIn(t, d) // the demo window is signed in
	id, err := c.CreateLead(context.Background(), map[string]any{"LastName": "Gonzalez", "Company": "Gonzalez Excavating LLC"}, sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	code, said := runIn(home, "lead", "get", id)
	if code != ExitSignedIn || !strings.Contains(said, "LEADDESK_HOME="+DemoHome(home)) {
		t.Fatalf("exit %d, said %q: no word of the demo profile", code, said)
	}
	code, said = runIn(DemoHome(home), "lead", "get", id) // as the sentence says
	if code != ExitOK {
		t.Fatalf("with the demo's data folder: exit %d, %q", code, said)
	}
}

func TestNotSignedInSaysNothingOfADemoWhenNoneHasRun(t *testing.T) {
	code, said := runIn(t.TempDir(), "lead", "get", "00Q5g0000012345")
	if code != ExitSignedIn || strings.Contains(said, "demo") {
		t.Fatalf("exit %d, said %q", code, said)
	}
}
