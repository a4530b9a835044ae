package cli_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
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

	"leaddesk/sfclient"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/outbox"
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
	cmd := d.child(t.TempDir(), "lead", "create", "--file", "-", "--terms-accepted")
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

// TestKilledUploadLosesNothingAndAttachesNothingTwice kills "leaddesk lead attach" with
// SIGKILL (TerminateProcess on Windows) at a random moment — before the copy is kept, while
// it is being sent, after Salesforce attached it but before the answer was saved — and then
// sends the outbox. Each document must end up attached exactly once whenever the outbox held
// it, and never twice.
func TestKilledUploadLosesNothingAndAttachesNothingTwice(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	d.org.SetLatency(300 * time.Millisecond) // each request takes a while, so kills land mid-upload
	runs := 10
	if testing.Short() {
		runs = 5
	}
	home := t.TempDir()
	midUpload := 0
	var upload, answer time.Duration // copy kept → Salesforce attached it → the answer confirmed it
	for run := range runs {
		path, sum := scan(t, fmt.Sprintf("run%d.pdf", run), 1<<20)
		cmd := d.child(home, "lead", "attach", id, path, "--type", "bank")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		attached := len(d.org.Files(id))
		switch {
		case run == 0: // not killed: how long the upload and the rest take, under today's load
			kept := waitFor(func() bool { return d.copies() > 0 })
			committed := waitFor(func() bool { return len(d.org.Files(id)) > attached })
			confirmed := waitFor(func() bool { return d.copies() == 0 })
			cmd.Wait()
			upload, answer = committed.Sub(kept), confirmed.Sub(committed)
		case run%3 == 1: // early: most likely before the copy is kept
			time.Sleep(time.Duration(rand.IntN(500)) * time.Millisecond)
		case run%3 == 2: // while the document is being sent
			waitFor(func() bool { return d.copies() > 0 })
			time.Sleep(time.Duration(rand.Int64N(int64(upload) + 1)))
		default: // after Salesforce attached it, before the answer is saved
			waitFor(func() bool { return len(d.org.Files(id)) > attached })
			time.Sleep(time.Duration(rand.Int64N(int64(answer) + 1)))
		}
		cmd.Process.Kill() // SIGKILL on Unix, TerminateProcess on Windows: no clean-up runs
		cmd.Wait()

		env, _, _ := d.env("")
		p, err := sfclient.OpenProfile(d.home, cli.VaultOptions(env.Getenv))
		if err != nil {
			t.Fatalf("run %d: the profile does not open after the kill: %v", run, err)
		}
		entries, err := outbox.Open(p.Vault).List()
		if err != nil {
			t.Fatalf("run %d: outbox unreadable: %v", run, err)
		}
		waiting := false
		for _, e := range entries {
			for _, f := range e.Files {
				waiting = waiting || f.Name == filepath.Base(path)
				if f.Sending {
					midUpload++
				}
			}
		}
		// A copy kept just before the kill, whose entry was never saved, is an orphan: the
		// next send deletes it once it is old enough not to belong to a running process.
		for _, name := range d.spooled() {
			old := time.Now().Add(-2 * time.Minute)
			os.Chtimes(name, old, old)
		}
		if code, _, errOut := d.run("", "outbox", "send"); code != 0 {
			t.Fatalf("run %d: outbox send after the kill: %d %s", run, code, errOut)
		}
		title := "Bank statement – " + strings.TrimSuffix(filepath.Base(path), ".pdf")
		var same []sftest.File
		for _, f := range d.org.Files(id) {
			if f.Title == title {
				same = append(same, f)
			}
		}
		switch {
		case len(same) > 1:
			t.Fatalf("run %d: the document was attached %d times", run, len(same))
		case waiting && len(same) != 1:
			t.Fatalf("run %d: the outbox held the document, but it was not attached after the kill", run)
		case len(same) == 1 && same[0].SHA256 != sum:
			t.Fatalf("run %d: the attached document differs from the original", run)
		}
		if n := len(d.spooled()); n != 0 {
			t.Fatalf("run %d: %d encrypted copies or temporary files left after everything was sent", run, n)
		}
	}
	if midUpload == 0 {
		t.Fatalf("no kill in %d runs landed while a document was being sent", runs)
	}
}

// waitFor polls until done says true (for at most 10 s), and says when it did.
func waitFor(done func() bool) time.Time {
	for start := time.Now(); time.Since(start) < 10*time.Second && !done(); time.Sleep(time.Millisecond) {
	}
	return time.Now()
}

// copies counts the encrypted copies waiting beside the vault.
func (d *desk) copies() int {
	kept, _ := filepath.Glob(filepath.Join(d.home, outbox.FilesDir, "*.ldf"))
	return len(kept)
}
