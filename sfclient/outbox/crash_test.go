package outbox_test

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/vault"
)

func crashVault(dir string) (*vault.Vault, error) {
	return vault.Open(dir, vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "crash test passphrase", nil }})
}

// TestMain lets the test binary act as the child that is killed.
func TestMain(m *testing.M) {
	if dir := os.Getenv("LEADDESK_CRASH_CHILD"); dir != "" {
		writeForever(dir)
	}
	os.Exit(m.Run())
}

// writeForever adds outbox entries and replaces the draft, printing "accepted N" after each
// write has returned — the moment the app would tell a person their work is safe.
func writeForever(dir string) {
	v, err := crashVault(dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	box := outbox.Open(v)
	fmt.Println("ready")
	start, _ := strconv.Atoi(os.Getenv("LEADDESK_CRASH_START"))
	for n := start; ; n++ {
		if _, err := box.Add(outbox.Entry{Action: outbox.Create, Fields: map[string]any{"n": n}}, nil, time.Now()); err != nil {
			fmt.Println("add:", err)
			os.Exit(2)
		}
		if err := drafts.Save(v, drafts.NewLead, drafts.Draft{Values: lead.Values{"n": strconv.Itoa(n)}}); err != nil {
			fmt.Println("draft:", err)
			os.Exit(2)
		}
		fmt.Printf("accepted %d\n", n)
	}
}

// startWriter starts the child that writes until it is killed. Starting is tried three
// times: under load Wine's CreateProcess now and then fails with "Internal error", and a
// child that never started has touched nothing.
func startWriter(dir string, start int) (*exec.Cmd, io.ReadCloser, error) {
	var err error
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "LEADDESK_CRASH_CHILD="+dir, "LEADDESK_CRASH_START="+strconv.Itoa(start))
		var out io.ReadCloser
		if out, err = cmd.StdoutPipe(); err != nil {
			return nil, nil, err
		}
		if err = cmd.Start(); err == nil {
			return cmd, out, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, nil, fmt.Errorf("start the writer: %w", err)
}

func TestKilledWriterNeverLeavesADamagedOrShortVault(t *testing.T) {
	runs := 200
	if testing.Short() {
		runs = 20
	}
	dir := t.TempDir()
	accepted := -1
	for run := range runs {
		cmd, out, err := startWriter(dir, accepted+1)
		if err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			s := bufio.NewScanner(out)
			for s.Scan() {
				lines <- s.Text()
			}
			close(lines)
		}()
		var deadline <-chan time.Time // starts when the child is ready: kill within 0–30 ms of writing
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				if n, found := strings.CutPrefix(line, "accepted "); found {
					accepted, _ = strconv.Atoi(n)
				} else if line == "ready" {
					deadline = time.After(time.Duration(rand.IntN(30_000)) * time.Microsecond)
				} else {
					t.Fatalf("run %d: child said %q", run, line)
				}
			case <-deadline:
				cmd.Process.Kill() // SIGKILL on Unix, TerminateProcess on Windows: no clean-up runs
				deadline = nil
			}
		}
		cmd.Wait()

		v, err := crashVault(dir)
		if err != nil {
			t.Fatalf("run %d: the vault does not open after the kill: %v", run, err)
		}
		entries, err := outbox.Open(v).List()
		if err != nil {
			t.Fatalf("run %d: outbox unreadable: %v", run, err)
		}
		seen := map[int]bool{}
		for _, e := range entries {
			n, _ := e.Fields["n"].(float64)
			seen[int(n)] = true
		}
		for n := 0; n <= accepted; n++ {
			if !seen[n] {
				t.Fatalf("run %d: entry %d was accepted before the kill but is missing", run, n)
			}
		}
		d, err := drafts.Load(v, drafts.NewLead)
		if accepted >= 0 && (err != nil || d == nil) {
			t.Fatalf("run %d: draft lost: %v", run, err)
		}
		if d != nil {
			if n, _ := strconv.Atoi(d.Values["n"]); n < accepted {
				t.Fatalf("run %d: draft holds %d, older than the accepted %d", run, n, accepted)
			}
		}
	}
	if accepted < runs/10 {
		t.Fatalf("only %d writes were accepted in %d runs: the kills came too early to test anything", accepted+1, runs)
	}
	v, _ := crashVault(dir)
	if err := drafts.Delete(v, drafts.NewLead); err != nil { // the next write sweeps what kills left
		t.Fatal(err)
	}
	leftovers, _ := os.ReadDir(dir)
	for _, e := range leftovers {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("temporary file %s left after the next write", e.Name())
		}
	}
}
