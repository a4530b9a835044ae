package cli_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/sftest"
)

// child starts this test binary as a real leaddesk process with a scratch HOME.
func (d *desk) child(home string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0])
	cmd.Env = []string{
		"LEADDESK_TEST_CHILD_ARGS=" + strings.Join(args, "\x1f"),
		"LEADDESK_HOME=" + d.home, "LEADDESK_KEYCHAIN=off", "LEADDESK_PASSPHRASE=cli test passphrase",
		"HOME=" + home, "PATH=" + os.Getenv("PATH"),
	}
	return cmd
}

func TestTwoProcessesRefreshingAtOnceShareOneRefresh(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.SetRotation(true) // a reused refresh token would now kill the session
	d.org.SetRefreshDelay(300 * time.Millisecond)
	d.org.ExpireSessions()
	home := t.TempDir()

	var wg sync.WaitGroup
	results := make([]string, 2)
	codes := make([]int, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := d.child(home, "whoami")
			out, err := cmd.CombinedOutput()
			results[i] = string(out)
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				codes[i] = exit.ExitCode()
			}
		}()
	}
	wg.Wait()
	for i := range 2 {
		if codes[i] != 0 || !strings.Contains(results[i], sftest.Username) {
			t.Fatalf("process %d: exit %d\n%s", i, codes[i], results[i])
		}
	}
	if n := d.org.Grants("refresh_token"); n != 1 {
		t.Fatalf("%d refreshes, want 1 shared by both processes", n)
	}
	if n := d.org.ConcurrentRefreshRejections(); n != 0 {
		t.Fatalf("Salesforce saw %d concurrent refreshes", n)
	}
	// The session is still alive for the next run.
	d.org.ExpireSessions()
	if code, _, errOut := d.run("", "whoami"); code != 0 {
		t.Fatalf("session lost after the shared refresh: %s", errOut)
	}
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Fatalf("with LEADDESK_HOME set, something was written under HOME: %v", entries)
	}
}

func TestDeadRefreshTokenExitsThreeAndKeepsTheInput(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.RevokeAll()
	d.org.ExpireSessions()
	cmd := d.child(t.TempDir(), "lead", "create", "--file", "-")
	cmd.Stdin = strings.NewReader(`{"LastName":"Jimjo","Company":"Jimjo Jimmy Jo"}`)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != cli.ExitSignedIn {
		t.Fatalf("err = %v, want exit 3", err)
	}
	if !strings.Contains(stderr.String(), "kept in the outbox") || !strings.Contains(stderr.String(), "leaddesk login") ||
		strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
		t.Fatalf("stderr = %q", stderr.String())
	}
	if len(d.org.LeadIDs()) != 0 {
		t.Fatal("a lead was created with a dead session")
	}
}

// syncBuffer is written by the demo command while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestDemoOrgAcceptsALoginThroughItsConsentPage(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	var out syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- cli.Run(ctx, []string{"demo", "--redirect-uri", d.redirect}, cli.Env{Stdout: &out, Stderr: &out})
	}()
	var loginURL, clientID string
	for start := time.Now(); time.Since(start) < 5*time.Second && clientID == ""; time.Sleep(10 * time.Millisecond) {
		if m := regexp.MustCompile(`Login URL: (\S+)\nClient ID: (\S+)`).FindStringSubmatch(out.String()); m != nil {
			loginURL, clientID = m[1], m[2]
		}
	}
	if clientID == "" {
		t.Fatalf("demo printed no login URL: %q", out.String())
	}
	clickAllow := func(u string) error {
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		m := regexp.MustCompile(`name="request" value="([^"]+)"`).FindSubmatch(page)
		if m == nil || !bytes.Contains(page, []byte("Allow")) {
			return errors.New("no consent page")
		}
		resp, err = http.PostForm(loginURL+"/services/oauth2/authorize/decide", url.Values{"request": {string(m[1])}, "decision": {"allow"}})
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	env, stdout, stderr := d.env("")
	env.OpenBrowser = clickAllow
	code := cli.Run(context.Background(), []string{"login", "--login-url", loginURL, "--client-id", clientID, "--redirect-uri", d.redirect}, env)
	if code != 0 || !strings.Contains(stdout.String(), "Signed in as") {
		t.Fatalf("login against the demo: %d %s %s", code, stdout, stderr)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("demo exited %d", code)
	}
	if _, err := os.Stat(filepath.Join(d.home, "vault.bin")); err != nil {
		t.Fatal("no vault after signing in to the demo")
	}
}
