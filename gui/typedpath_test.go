package gui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestTypedPathIsTheFileThePersonMeans(t *testing.T) {
	home := filepath.FromSlash("/home/clerk")
	// The top of the disk: / here, a drive on Windows (where /tmp has no drive, so is not a
	// whole path).
	top, fileTop := "/", "file:///"
	if runtime.GOOS == "windows" {
		top, fileTop = "C:/", "file:///C:/"
	}
	for _, c := range []struct{ typed, want, fails string }{
		{top + "tmp/quote.pdf", top + "tmp/quote.pdf", ""},
		{"  " + top + "tmp/quote.pdf  ", top + "tmp/quote.pdf", ""},
		{"'" + top + "tmp/my quote.pdf'", top + "tmp/my quote.pdf", ""},
		{`"` + top + `tmp/my quote.pdf"`, top + "tmp/my quote.pdf", ""},
		{"~", "/home/clerk", ""},
		{"~/Documents/quote.pdf", "/home/clerk/Documents/quote.pdf", ""},
		{"Documents/quote.pdf", "/home/clerk/Documents/quote.pdf", ""},
		{fileTop + "tmp/my%20quote.pdf", top + "tmp/my quote.pdf", ""},
		{top + "tmp/../tmp/./quote.pdf", top + "tmp/quote.pdf", ""},
		{"", "", "Type the path"},
		{"  ''  ", "", "Type the path"},
		{"https://example.com/quote.pdf", "", "web address"},
		{"HTTP://example.com/quote.pdf", "", "web address"},
		{"file://", "", "Type the path"},
	} {
		got, err := typedPath(c.typed, home)
		switch {
		case c.fails != "" && (err == nil || !strings.Contains(err.Error(), c.fails)):
			t.Errorf("typedPath(%q) = %q, %v; want an error saying %q", c.typed, got, err, c.fails)
		case c.fails == "" && (err != nil || got != filepath.FromSlash(c.want)):
			t.Errorf("typedPath(%q) = %q, %v; want %q", c.typed, got, err, c.want)
		}
	}
}

func TestCompletePathExtendsWhatTheNamesInTheFolderShare(t *testing.T) {
	home := t.TempDir()
	for _, dir := range []string{"Documents", "Downloads", ".cache"} {
		if err := os.Mkdir(filepath.Join(home, dir), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"Documents/quote-2026.pdf", "Documents/quote-2025.pdf", "Documents/licence.png"} {
		if err := os.WriteFile(filepath.Join(home, filepath.FromSlash(f)), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"Downloads/a.pdf", "Downloads/ab.pdf", "Downloads/abc.pdf", "Downloads/b.pdf"} {
		if err := os.WriteFile(filepath.Join(home, filepath.FromSlash(f)), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(home, "Downloads", "ab-scans"), 0o700); err != nil {
		t.Fatal(err)
	}
	sep := string(filepath.Separator)
	for _, c := range []struct {
		typed, want string
		grew        bool
		matches     string // the names still matching, comma-separated
	}{
		{"~", "~" + sep, true, ""},
		{"~/Doc", "~/Documents" + sep, true, ""},
		{"~/D", "~/Do", true, "Documents" + sep + ",Downloads" + sep},
		{"~/Do", "~/Do", false, "Documents" + sep + ",Downloads" + sep}, // they share no more
		{"Docu", "Documents" + sep, true, ""},                           // read from the home folder
		{home + sep + "Dow", home + sep + "Downloads" + sep, true, ""},
		{"~/Documents/q", "~/Documents/quote-202", true, "quote-2025.pdf,quote-2026.pdf"},
		{"~/Documents/quote-2026", "~/Documents/quote-2026.pdf", true, ""},
		{"~/Documents/l", "~/Documents/licence.png", true, ""},
		{"~/Downloads/a", "~/Downloads/a", false, "a.pdf,ab-scans" + sep + ",ab.pdf,abc.pdf"},
		{"~/Downloads/ab-", "~/Downloads/ab-scans" + sep, true, ""},
		{"~/Documents/x", "~/Documents/x", false, ""},
		{"~/.", "~/.cache" + sep, true, ""}, // hidden names once a dot is typed
		{"~/Missing/q", "~/Missing/q", false, ""},
		{"'~/Doc", "'~/Doc", false, ""},
		{"file:///tmp", "file:///tmp", false, ""},
		{"", "", false, ""},
	} {
		got := completePath(c.typed, home)
		if got.text != c.want || got.grew != c.grew || strings.Join(got.matches, ",") != c.matches {
			t.Errorf("completePath(%q) = %q, grew %v, matches %q; want %q, %v, %q",
				c.typed, got.text, got.grew, strings.Join(got.matches, ","), c.want, c.grew, c.matches)
		}
	}
}

func TestMatchesLineSaysHowManyAndShowsTheFirstFew(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{[]string{"a.pdf", "ab.pdf"}, "2 names match: a.pdf, ab.pdf. "},
		{[]string{"a1", "a2", "a3", "a4", "a5", "a6", "a7"}, "7 names match: a1, a2, a3, a4, a5, …. "},
	} {
		if got := matchesLine(c.names); !strings.HasPrefix(got, c.want) || !strings.Contains(got, "Tab again") {
			t.Errorf("matchesLine(%q) = %q; want it to start %q and say Tab again moves on", c.names, got, c.want)
		}
	}
}

func FuzzTypedPath(f *testing.F) {
	for _, s := range []string{"~/a.pdf", "'x'", `"`, "file:///%zz", "https://x", "~", "a/../../b", "\x00"} {
		f.Add(s)
	}
	home := f.TempDir()
	f.Fuzz(func(t *testing.T, typed string) {
		p, err := typedPath(typed, home)
		if err == nil && !filepath.IsAbs(p) {
			t.Fatalf("typedPath(%q) = %q, not an absolute path", typed, p)
		}
		if err != nil && p != "" {
			t.Fatalf("typedPath(%q) failed but gave %q", typed, p)
		}
		c := completePath(typed, home)
		if !c.grew && c.text != typed || c.grew && !strings.HasPrefix(c.text, typed) {
			t.Fatalf("completePath(%q) = %q, grew %v: what was typed was not kept", typed, c.text, c.grew)
		}
		if len(c.matches) == 1 {
			t.Fatalf("completePath(%q) lists a single match", typed)
		}
	})
}
