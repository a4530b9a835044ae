package attach_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"leaddesk/sfclient/attach"
)

// officeFile makes a minimal zip holding the one part an Office file is recognised by.
func officeFile(part string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create(part)
	w.Write([]byte("<xml/>"))
	z.Close()
	return buf.Bytes()
}

var (
	pdf  = []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")
	jpeg = []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}
	png  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	heic = []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
	tiff = []byte("II*\x00\x08\x00\x00\x00")
	exe  = []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff")
)

func TestCheckAcceptsTheSevenKindsByExtensionAndContent(t *testing.T) {
	cases := []struct {
		name    string
		content []byte
		want    error // nil: accepted
	}{
		{"licence.pdf", pdf, nil},
		{"LICENCE.PDF", pdf, nil},
		{"front.jpg", jpeg, nil},
		{"front.jpeg", jpeg, nil},
		{"check.png", png, nil},
		{"iphone.HEIC", heic, nil},
		{"scan.tiff", tiff, nil},
		{"scan.tif", []byte("MM\x00*\x00\x00\x00\x08"), nil},
		{"quote.docx", officeFile("word/document.xml"), nil},
		{"statement.xlsx", officeFile("xl/workbook.xml"), nil},
		{"setup.exe", exe, attach.ErrUnsupported},
		{"notes.txt", []byte("hello"), attach.ErrUnsupported},
		{"no-extension", pdf, attach.ErrUnsupported},
		{"invoice.pdf", exe, attach.ErrMismatch},
		{"photo.jpg", png, attach.ErrMismatch},
		{"photo.heic", []byte("\x00\x00\x00\x18ftypisom\x00\x00"), attach.ErrMismatch},
		{"quote.docx", officeFile("xl/workbook.xml"), attach.ErrMismatch},
		{"book.xlsx", []byte("PK\x03\x04 but not a zip"), attach.ErrMismatch},
		{"empty.pdf", nil, attach.ErrEmpty},
		{"short.png", []byte{0x89}, attach.ErrMismatch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := attach.Check(c.name, bytes.NewReader(c.content), int64(len(c.content)))
			if c.want == nil && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if err != nil && (!strings.Contains(err.Error(), c.name) || !strings.HasSuffix(err.Error(), ".")) {
				t.Fatalf("the sentence %q does not name the file or is not a sentence", err)
			}
		})
	}
}

func TestAFileOverTwentyFiveMegabytesIsRefusedSayingTheLimitAndWhatToDo(t *testing.T) {
	big := append(append([]byte{}, pdf...), make([]byte, attach.MaxSize)...)
	_, err := attach.Check("statements.pdf", bytes.NewReader(big), int64(len(big)))
	if !errors.Is(err, attach.ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"statements.pdf is 25.0 MB", "25 MB", "Mazo", "split"} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("%q does not say %q", err, want)
		}
	}
	exact := append(append([]byte{}, pdf...), make([]byte, attach.MaxSize-len(pdf))...)
	if _, err := attach.Check("exact.pdf", bytes.NewReader(exact), int64(len(exact))); err != nil {
		t.Fatalf("a file of exactly 25 MB was refused: %v", err)
	}
}

func TestCheckFileSaysAMissingFileOrAFolderPlainly(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "gone.pdf")
	if _, err := attach.CheckFile(gone); !errors.Is(err, attach.ErrNotFound) || err.Error() != "No file at "+gone+". Check the name and the folder." {
		t.Fatalf("missing file: %v", err)
	}
	os.Mkdir(filepath.Join(dir, "scans.pdf"), 0o700)
	if _, err := attach.CheckFile(filepath.Join(dir, "scans.pdf")); !errors.Is(err, attach.ErrUnsupported) {
		t.Fatalf("folder: %v", err)
	}
	path := filepath.Join(dir, "licence.pdf")
	os.WriteFile(path, pdf, 0o600)
	f, err := attach.CheckFile(path)
	if err != nil || f.Name != "licence.pdf" || f.Size != int64(len(pdf)) || f.Kind.MIME != "application/pdf" {
		t.Fatalf("CheckFile = %+v, %v", f, err)
	}
}

func TestDocumentTypesAreReadAsPeopleTypeThem(t *testing.T) {
	cases := map[string]attach.DocType{
		"Driver's licence": attach.DriversLicence, "licence": attach.DriversLicence, "license": attach.DriversLicence,
		"bank statement": attach.BankStatement, "bank-statement": attach.BankStatement, "check": attach.VoidedCheck,
		"quote": attach.EquipmentQuote, "invoice": attach.EquipmentQuote, "TAX": attach.TaxReturn, " other ": attach.Other,
	}
	for in, want := range cases {
		if got, err := attach.ParseType(in); err != nil || got != want {
			t.Errorf("ParseType(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := attach.ParseType("selfie")
	if err == nil || !strings.Contains(err.Error(), `"Bank statement"`) {
		t.Fatalf("an unknown type should list the choices: %v", err)
	}
}

func TestTheTitleStartsWithTheDocumentType(t *testing.T) {
	if got := attach.Title(attach.BankStatement, "/home/dana/March 2026.pdf"); got != "Bank statement – March 2026" {
		t.Fatalf("Title = %q", got)
	}
	if got := attach.Title("", "x.png"); got != "Other – x" {
		t.Fatalf("Title without a type = %q", got)
	}
}

func FuzzCheck(f *testing.F) {
	for _, seed := range [][]byte{pdf, jpeg, png, heic, tiff, exe, officeFile("word/document.xml"), []byte("PK\x03\x04")} {
		f.Add("file.pdf", seed)
		f.Add("file.docx", seed)
	}
	f.Fuzz(func(t *testing.T, name string, content []byte) {
		k, err := attach.Check(name, bytes.NewReader(content), int64(len(content)))
		if err == nil && k.MIME == "" {
			t.Fatal("accepted without a kind")
		}
		var p *attach.Problem
		if err != nil && !errors.As(err, &p) {
			t.Fatalf("not a plain sentence: %v", err)
		}
	})
}

func FuzzParseType(f *testing.F) {
	for _, seed := range []string{"Driver's licence", "bank", "quote", "", "Other", "tax-return", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := attach.ParseType(s)
		if err == nil && !slices.Contains(attach.Types, got) {
			t.Fatalf("ParseType(%q) = %q, not one of the types", s, got)
		}
		if err != nil && !strings.HasSuffix(err.Error(), ".") {
			t.Fatalf("not a sentence: %q", err)
		}
	})
}
