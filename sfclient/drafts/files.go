package drafts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"leaddesk/sfclient/attach"
)

// Errors that Recheck wraps, for errors.Is.
var (
	ErrFileGone    = errors.New("listed file no longer there")
	ErrFileChanged = errors.New("listed file changed")
)

// FileProblem is a listed file that cannot be listed again, said as one plain sentence with
// the next step. It matches ErrFileGone or ErrFileChanged with errors.Is, and the attach
// error behind it (if any) with errors.As.
type FileProblem struct {
	sentence string
	kind     error
	cause    error
}

func (p *FileProblem) Error() string { return p.sentence }

// Plain is the sentence for a person (sfclient.Explain uses it).
func (p *FileProblem) Plain() string { return p.sentence }

// Unwrap returns the reason (ErrFileGone or ErrFileChanged) and the check's error, if any.
func (p *FileProblem) Unwrap() []error { return []error{p.kind, p.cause} }

// Recheck checks a file kept in a draft again, with the checks it passed when it was listed
// (attach.CheckFile: it exists, its content is of an accepted kind, its size is within
// attach.MaxSize), and returns it ready to list again. A file no longer at its path is
// ErrFileGone ("report.pdf is no longer at /path; add it again."); one that no longer passes
// the checks, or whose size is not the size listed, is ErrFileChanged. Both are
// *FileProblem.
func Recheck(f File) (attach.File, error) {
	name := filepath.Base(f.Path)
	if _, err := os.Stat(f.Path); errors.Is(err, os.ErrNotExist) {
		return attach.File{}, &FileProblem{sentence: fmt.Sprintf("%s is no longer at %s; add it again.", name, f.Path), kind: ErrFileGone, cause: err}
	}
	checked, err := attach.CheckFile(f.Path)
	if err != nil {
		return attach.File{}, &FileProblem{sentence: fmt.Sprintf("%s has changed since it was listed: %s", name, plain(err)), kind: ErrFileChanged, cause: err}
	}
	if checked.Size != f.Size {
		return attach.File{}, &FileProblem{sentence: fmt.Sprintf("%s has changed since it was listed (%s then, %s now); check it, then add it again.",
			name, attach.HumanSize(f.Size), attach.HumanSize(checked.Size)), kind: ErrFileChanged}
	}
	return checked, nil
}

// plain is an attach error's sentence, or a sentence saying the file could not be read.
func plain(err error) string {
	var p *attach.Problem
	if errors.As(err, &p) {
		return p.Plain()
	}
	return "Lead Desk cannot read it; check the file, then add it again."
}
