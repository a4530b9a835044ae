// Package attach holds the rules for documents on a lead: the document types a clerk picks
// from, which kinds of file Mazo takes (checked by extension and by the content's first
// bytes, so a renamed program is refused), the size limit, and the title a file gets in
// Salesforce.
//
// It never imports Fyne or the rest of sfclient.
package attach

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxSize is the most a single document may hold: 25 MB. Salesforce itself takes far
// larger multipart uploads (2 GB); 25 MB is the limit Mazo set for a lead's documents, which
// keeps uploads from an office connection short and the files quick to open for
// underwriting.
const MaxSize = 25 << 20

// DocType is what a document is; it becomes the first part of its title in Salesforce.
type DocType string

// The document types, in the order a picker shows them.
const (
	DriversLicence DocType = "Driver's licence"
	BankStatement  DocType = "Bank statement"
	VoidedCheck    DocType = "Voided check"
	EquipmentQuote DocType = "Equipment quote/invoice"
	TaxReturn      DocType = "Tax return"
	Other          DocType = "Other"
)

// Types lists every document type, in picker order.
var Types = []DocType{DriversLicence, BankStatement, VoidedCheck, EquipmentQuote, TaxReturn, Other}

// ParseType reads a document type as a person types it on the command line: the label in
// any case ("bank statement"), or its first word ("licence", "quote", "invoice", "tax").
// Errors name the choices.
func ParseType(s string) (DocType, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, t := range Types {
		label := strings.ToLower(string(t))
		if key == label || key == strings.ReplaceAll(label, " ", "-") {
			return t, nil
		}
	}
	short := map[string]DocType{
		"licence": DriversLicence, "license": DriversLicence, "drivers-license": DriversLicence, "driver's license": DriversLicence,
		"bank": BankStatement, "statement": BankStatement, "check": VoidedCheck, "cheque": VoidedCheck, "voided-check": VoidedCheck,
		"quote": EquipmentQuote, "invoice": EquipmentQuote, "equipment": EquipmentQuote, "tax": TaxReturn, "tax-return": TaxReturn,
	}
	if t, ok := short[key]; ok {
		return t, nil
	}
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = `"` + string(t) + `"`
	}
	return "", &Problem{sentence: fmt.Sprintf("%q is not a document type; choose one of %s.", s, strings.Join(names, ", "))}
}

// Title is the Salesforce title of a document: its type, a dash and the file's name
// without its extension, e.g. "Bank statement – March 2026".
func Title(t DocType, fileName string) string {
	base := filepath.Base(fileName)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if t == "" {
		t = Other
	}
	return string(t) + " – " + base
}

// Kind is a kind of file Mazo accepts.
type Kind struct {
	Name       string   // for people: "PDF", "JPEG image", …
	Extensions []string // lower case, with the dot; the first is the usual one
	MIME       string
}

// Kinds lists the accepted kinds of file.
var Kinds = []Kind{
	{"PDF", []string{".pdf"}, "application/pdf"},
	{"JPEG image", []string{".jpg", ".jpeg"}, "image/jpeg"},
	{"PNG image", []string{".png"}, "image/png"},
	{"HEIC photo", []string{".heic", ".heif"}, "image/heic"},
	{"TIFF image", []string{".tif", ".tiff"}, "image/tiff"},
	{"Word document", []string{".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"Excel workbook", []string{".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}

// Problem is a file that cannot be attached, said as one plain sentence with the next step.
// It matches ErrTooLarge, ErrUnsupported, ErrMismatch, ErrEmpty or ErrNotFound with errors.Is
// when one of them is the reason.
type Problem struct {
	sentence string
	kind     error
}

func (p *Problem) Error() string { return p.sentence }

// Unwrap returns the reason (one of the Err values), or nil.
func (p *Problem) Unwrap() error { return p.kind }

// Plain is the sentence for a person (sfclient.Explain uses it).
func (p *Problem) Plain() string { return p.sentence }

// Errors that Check and CheckFile wrap, for errors.Is.
var (
	ErrTooLarge    = errors.New("file too large")
	ErrUnsupported = errors.New("file type not accepted")
	ErrMismatch    = errors.New("content does not match the file's extension")
	ErrEmpty       = errors.New("file is empty")
	ErrNotFound    = errors.New("file cannot be opened")
)

func refuse(kind error, format string, args ...any) error {
	return &Problem{fmt.Sprintf(format, args...), kind}
}

func allowedList() string {
	var exts []string
	for _, k := range Kinds {
		exts = append(exts, strings.ToUpper(strings.TrimPrefix(k.Extensions[0], ".")))
	}
	return strings.Join(exts, ", ")
}

// kindByExtension finds the accepted kind for a file name's extension.
func kindByExtension(name string) (Kind, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, k := range Kinds {
		for _, e := range k.Extensions {
			if e == ext {
				return k, true
			}
		}
	}
	return Kind{}, false
}

// Check decides whether the content r (size bytes) named name may be attached, and returns
// its kind. The extension must be one of Kinds and the first bytes must match it (a DOCX or
// XLSX must be a zip holding a Word document or a workbook). Errors are *Problem sentences
// wrapping ErrTooLarge, ErrUnsupported, ErrMismatch or ErrEmpty.
func Check(name string, r io.ReaderAt, size int64) (Kind, error) {
	base := filepath.Base(name)
	k, ok := kindByExtension(name)
	switch {
	case !ok:
		return Kind{}, refuse(ErrUnsupported, "%s cannot be attached: Mazo takes %s files; save or scan it as one of those, then add it again.", base, allowedList())
	case size <= 0:
		return Kind{}, refuse(ErrEmpty, "%s is empty; choose the file again once it has been saved completely.", base)
	case size > MaxSize:
		return Kind{}, refuse(ErrTooLarge, "%s is %s, over the %s a file Mazo accepts for a lead's documents; scan it at a lower resolution or split it into parts, then add it again.", base, HumanSize(size), HumanSize(MaxSize))
	}
	head := make([]byte, 16)
	n, err := r.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return Kind{}, fmt.Errorf("read %s: %w", base, err)
	}
	if !matches(k, head[:n], r, size) {
		return Kind{}, refuse(ErrMismatch, "%s is not really a %s (its content is something else); open it and save it again as a %s, then add it again.", base, k.Name, k.Name)
	}
	return k, nil
}

// heifBrands are the ISO base media brands of HEIC/HEIF photos.
var heifBrands = []string{"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"}

func matches(k Kind, head []byte, r io.ReaderAt, size int64) bool {
	switch k.Extensions[0] {
	case ".pdf":
		return bytes.HasPrefix(head, []byte("%PDF-"))
	case ".jpg":
		return bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF})
	case ".png":
		return bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n"))
	case ".heic":
		if len(head) < 12 || string(head[4:8]) != "ftyp" {
			return false
		}
		for _, b := range heifBrands {
			if string(head[8:12]) == b {
				return true
			}
		}
		return false
	case ".tif":
		return bytes.HasPrefix(head, []byte("II*\x00")) || bytes.HasPrefix(head, []byte("MM\x00*"))
	case ".docx":
		return officeZip(head, r, size, "word/document.xml")
	case ".xlsx":
		return officeZip(head, r, size, "xl/workbook.xml")
	}
	return false
}

// officeZip reports whether the content is a zip holding the part an Office file must have.
func officeZip(head []byte, r io.ReaderAt, size int64, part string) bool {
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return false
	}
	z, err := zip.NewReader(r, size)
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == part {
			return true
		}
	}
	return false
}

// File is a document checked and ready to attach.
type File struct {
	Path string // where it is on this computer
	Name string // its base name, sent as PathOnClient
	Size int64
	Kind Kind
}

// CheckFile opens the file at path and checks it with Check. A missing or unreadable file
// is a *Problem wrapping ErrNotFound that names its path.
func CheckFile(path string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{}, openProblem(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return File{}, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	if st.IsDir() {
		return File{}, refuse(ErrUnsupported, "%s is a folder; choose the files inside it.", filepath.Base(path))
	}
	k, err := Check(path, f, st.Size())
	if err != nil {
		return File{}, err
	}
	return File{Path: path, Name: filepath.Base(path), Size: st.Size(), Kind: k}, nil
}

// openProblem says in one sentence why the file at path could not be opened, without the
// system's own words ("no such file or directory"), which a clerk does not read as advice.
func openProblem(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return refuse(ErrNotFound, "No file at %s. Check the name and the folder.", path)
	case errors.Is(err, fs.ErrPermission):
		return refuse(ErrNotFound, "Lead Desk is not allowed to read %s. Copy it to your Documents folder, then add it from there.", path)
	}
	return refuse(ErrNotFound, "Lead Desk could not open %s. Check that the file is still there and can be opened, then add it again.", path)
}

// HumanSize writes a byte count as a person reads it: "812 KB", "25 MB", "31.2 MB".
func HumanSize(n int64) string {
	const mb = 1 << 20
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < mb:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	case n%mb == 0:
		return fmt.Sprintf("%d MB", n/mb)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/mb)
}
