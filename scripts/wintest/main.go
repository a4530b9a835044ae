// Command wintest runs Go test binaries built for Windows under Wine and says, package by
// package, whether they passed. scripts/windows-tests builds the binaries and the Wine prefix.
//
// Usage: wintest -wine PATH PACKAGE=BINARY.exe…
//
// One gap in Wine 8 is tolerated, by name: Go 1.26's os.RemoveAll deletes files through
// FileDispositionInformationEx, which Wine 8 answers with "Invalid function", so the cleanup
// of t.TempDir fails after a test has passed. A test whose only complaint is that cleanup
// counts as passed and is tallied apart; any other output from a failing test, a panic, a
// timeout or a build that does not start fails the run. Output cannot tell t.Log from
// t.Error, so a test that logs and meets the cleanup gap is judged failed: tests here say
// what went wrong in their failure messages and do not log on success.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// event is one line of `go tool test2json` output.
type event struct {
	Action string
	Test   string
	Output string
}

// verdict is what one package's run came to.
type verdict struct {
	passed, cleanupOnly int
	failed              []string // test names, with the lines that made them fail
	broken              string   // set when the binary failed outside any test
}

func main() {
	wine := flag.String("wine", "wine64", "the Wine loader")
	flag.Parse()
	ok := true
	for _, arg := range flag.Args() {
		pkg, exe, found := strings.Cut(arg, "=")
		if !found {
			fmt.Fprintf(os.Stderr, "wintest: %q is not PACKAGE=BINARY\n", arg)
			os.Exit(2)
		}
		v, err := run(*wine, pkg, exe)
		if err != nil {
			fmt.Fprintf(os.Stderr, "wintest: %s: %v\n", pkg, err)
			os.Exit(2)
		}
		ok = report(os.Stdout, pkg, v) && ok
	}
	if !ok {
		os.Exit(1)
	}
}

// run starts one test binary under Wine through test2json and judges its events.
func run(wine, pkg, exe string) (verdict, error) {
	// -test.short: the kill test kills 20 writers here rather than 200, as each process
	// start costs Wine far more than Linux.
	cmd := exec.Command("go", "tool", "test2json", "-p", pkg, wine, exe, "-test.v=test2json", "-test.short", "-test.timeout=5m")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return verdict{}, err
	}
	if err := cmd.Start(); err != nil {
		return verdict{}, err
	}
	v := judge(out)
	// test2json exits non-zero when the binary did; judge has already read why.
	_ = cmd.Wait()
	return v, nil
}

// judge reads test2json events and decides which failures are Wine's cleanup gap only.
func judge(r io.Reader) verdict {
	var v verdict
	lines := map[string][]string{} // test → its output lines that are not framing
	var pkgLines []string
	sawPackageEnd := false
	scan := bufio.NewScanner(r)
	scan.Buffer(make([]byte, 1<<20), 1<<20)
	for scan.Scan() {
		var e event
		if json.Unmarshal(scan.Bytes(), &e) != nil {
			pkgLines = append(pkgLines, scan.Text())
			continue
		}
		switch {
		case e.Action == "output" && e.Test != "":
			if line := strings.TrimSpace(e.Output); line != "" && !isFraming(line) {
				lines[e.Test] = append(lines[e.Test], line)
			}
		case e.Action == "output":
			if line := strings.TrimSpace(e.Output); line != "" && !isPackageFraming(line) {
				pkgLines = append(pkgLines, line)
			}
		case e.Action == "pass" && e.Test != "":
			v.passed++
		case e.Action == "fail" && e.Test != "":
			if complaints := withoutCleanupGap(lines[e.Test]); len(complaints) > 0 {
				v.failed = append(v.failed, e.Test+"\n    "+strings.Join(complaints, "\n    "))
			} else if len(lines[e.Test]) > 0 {
				v.cleanupOnly++
			} else {
				// A parent whose own output is clean fails because of a subtest, judged on its own.
				v.passed++
			}
		case e.Action == "pass" || e.Action == "fail" || e.Action == "skip":
			sawPackageEnd = true
		}
	}
	if len(pkgLines) > 0 {
		v.broken = strings.Join(pkgLines, "\n    ")
	} else if !sawPackageEnd {
		v.broken = "the test binary ended without a result"
	}
	return v
}

func withoutCleanupGap(lines []string) []string {
	var rest []string
	for _, l := range lines {
		if !(strings.Contains(l, "TempDir RemoveAll cleanup:") && strings.HasSuffix(l, "Invalid function.")) {
			rest = append(rest, l)
		}
	}
	return rest
}

func isFraming(line string) bool {
	for _, p := range []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME", "--- PASS", "--- FAIL", "--- SKIP"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

func isPackageFraming(line string) bool {
	return line == "PASS" || line == "FAIL" || strings.HasPrefix(line, "ok ") ||
		strings.HasPrefix(line, "FAIL\t") || strings.HasPrefix(line, "exit status")
}

func report(w io.Writer, pkg string, v verdict) bool {
	switch {
	case v.broken != "":
		fmt.Fprintf(w, "FAIL %s (outside any test):\n    %s\n", pkg, v.broken)
	case len(v.failed) > 0:
		fmt.Fprintf(w, "FAIL %s: %d of %d tests\n", pkg, len(v.failed), len(v.failed)+v.passed+v.cleanupOnly)
		for _, f := range v.failed {
			fmt.Fprintf(w, "  %s\n", f)
		}
	default:
		note := ""
		if v.cleanupOnly > 0 {
			note = fmt.Sprintf(" (%d of them only failed Wine's TempDir cleanup)", v.cleanupOnly)
		}
		fmt.Fprintf(w, "ok   %s: %d tests%s\n", pkg, v.passed+v.cleanupOnly, note)
		return true
	}
	return false
}
