package drafts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/vault"
)

func openVault(t *testing.T) *vault.Vault {
	t.Helper()
	v, err := vault.Open(t.TempDir(), vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "drafts test passphrase", nil }})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// writePDF writes a small PDF-shaped file and returns its path.
func writePDF(t *testing.T, dir, name string, size int) string {
	t.Helper()
	body := []byte("%PDF-1.7\n" + strings.Repeat("x", size-9))
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestADraftWrittenBeforeFilesWereKeptStillLoads(t *testing.T) {
	v := openVault(t)
	old := map[string]any{ // a draft as Lead Desk wrote it before it kept files
		"values": map[string]string{"Company": "Half Typed LLC"},
		"terms":  true,
		"saved":  "2026-11-30T10:00:00Z",
	}
	if err := v.Put(NewLead, old); err != nil {
		t.Fatal(err)
	}
	d, err := Load(v, NewLead)
	if err != nil || d == nil {
		t.Fatalf("draft %v, error %v", d, err)
	}
	if d.Values["Company"] != "Half Typed LLC" || !d.Terms || len(d.Files) != 0 {
		t.Fatalf("loaded %+v", d)
	}
}

func TestADraftKeepsItsFilesPlacesAndTypesInOrder(t *testing.T) {
	v := openVault(t)
	files := []File{{Path: "/home/clerk/march.pdf", Type: attach.BankStatement, Size: 300_000}, {Path: "/home/clerk/quote.pdf", Type: "eq", Size: 40_000}}
	if err := Save(v, NewLead, Draft{Values: lead.Values{"Company": "Acme"}, Files: files, Saved: time.Now()}); err != nil {
		t.Fatal(err)
	}
	d, err := Load(v, NewLead)
	if err != nil || d == nil {
		t.Fatalf("draft %v, error %v", d, err)
	}
	if len(d.Files) != 2 || d.Files[0] != files[0] || d.Files[1] != files[1] {
		t.Fatalf("files %+v, want %+v", d.Files, files)
	}
}

func TestRecheckListsAFileOnlyWhileItIsTheOneListed(t *testing.T) {
	dir := t.TempDir()
	same := writePDF(t, dir, "report.pdf", 2_000)
	grown := writePDF(t, dir, "grown.pdf", 3_000)
	notPDF := filepath.Join(dir, "scan.pdf")
	if err := os.WriteFile(notPDF, []byte("MZ not a pdf at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(dir, "gone.pdf")
	for _, c := range []struct {
		name     string
		file     File
		kind     error
		sentence string
	}{
		{"unchanged", File{Path: same, Type: attach.TaxReturn, Size: 2_000}, nil, ""},
		{"gone", File{Path: gone, Size: 2_000}, ErrFileGone, "gone.pdf is no longer at " + gone + "; add it again."},
		{"other size", File{Path: grown, Size: 2_000}, ErrFileChanged, "grown.pdf has changed since it was listed (2 KB then, 3 KB now); check it, then add it again."},
		{"other content", File{Path: notPDF, Size: 19}, ErrFileChanged, "scan.pdf has changed since it was listed: scan.pdf is not really a PDF"},
		{"a folder now", File{Path: dir, Size: 2_000}, ErrFileChanged, "is a folder"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Recheck(c.file)
			if c.kind == nil {
				if err != nil || got.Path != c.file.Path || got.Name != "report.pdf" || got.Size != c.file.Size {
					t.Fatalf("got %+v, %v", got, err)
				}
				return
			}
			var p *FileProblem
			if !errors.Is(err, c.kind) || !errors.As(err, &p) || !strings.Contains(p.Plain(), c.sentence) {
				t.Fatalf("error %v, want %v saying %q", err, c.kind, c.sentence)
			}
		})
	}
}
