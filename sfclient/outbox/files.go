package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/atomicfile"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/sealedfile"
)

// FilesDir is the folder beside the vault that holds the encrypted copies of waiting
// documents, one file each, named by the document's id.
const FilesDir = "outbox-files"

// keyPurpose names the vault subkey the copies are sealed with.
const keyPurpose = "outbox files"

// WaitingFile is a document waiting in the outbox. Its bytes are an encrypted copy beside the
// vault (never inside the vault's JSON), so moving or deleting the original changes nothing.
type WaitingFile struct {
	ID    string         `json:"id"`   // names the encrypted copy and is bound into its chunks
	Name  string         `json:"name"` // the original's base name, sent as PathOnClient
	Type  attach.DocType `json:"type"`
	Title string         `json:"title"` // attach.Title(Type, Name)
	Size  int64          `json:"size"`
	// Sending is saved before each attempt. Once set, the lead's documents are searched
	// for this title and size before the file is sent again, so an upload whose answer was
	// lost (or whose process was killed) is never attached twice.
	Sending bool `json:"sending,omitempty"`
}

// Document is a checked file and the type the person chose for it.
type Document struct {
	File attach.File
	Type attach.DocType
}

// Uploaded is a document attached by a send.
type Uploaded struct {
	Name  string
	Title string
	// VersionID is the new ContentVersion id (068…). It is empty when an earlier attempt
	// whose answer was lost had already attached the file; DocumentID says which one then.
	VersionID  string
	DocumentID string
}

func filesLabel(n int) string {
	if n == 1 {
		return "1 document"
	}
	return fmt.Sprintf("%d documents", n)
}

// OnProgress returns a copy of the outbox that reports each document's upload: how many of
// its bytes were handed to the network. f runs on the sending goroutine; a window passes it
// on with fyne.Do.
func (o *Outbox) OnProgress(f func(file WaitingFile, sent, total int64)) *Outbox {
	c := *o
	c.progress = f
	return &c
}

func (o *Outbox) copyPath(id string) string {
	return filepath.Join(o.v.Dir(), FilesDir, id+".ldf")
}

// keepCopy seals an encrypted copy of a document beside the vault, streaming it.
func (o *Outbox) keepCopy(d Document) (WaitingFile, error) {
	key, err := o.v.SubKey(keyPurpose)
	if err != nil {
		return WaitingFile{}, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	w := WaitingFile{ID: hex.EncodeToString(b), Name: d.File.Name, Type: d.Type, Title: attach.Title(d.Type, d.File.Name)}
	src, err := os.Open(d.File.Path)
	if err != nil {
		return WaitingFile{}, &sfclient.FileError{Name: d.File.Name, Doing: "keep a copy of", Err: err}
	}
	defer src.Close()
	err = atomicfile.WriteFrom(o.copyPath(w.ID), 0o600, func(dst io.Writer) error {
		n, err := sealedfile.Seal(dst, io.LimitReader(src, attach.MaxSize+1), key, w.ID)
		w.Size = n
		return err
	})
	switch {
	case err != nil:
		return WaitingFile{}, &sfclient.FileError{Name: d.File.Name, Doing: "keep a copy of", Err: err}
	case w.Size != d.File.Size:
		o.dropCopy(w.ID)
		return WaitingFile{}, &sfclient.FileError{Name: d.File.Name, Doing: "keep a copy of", Err: errors.New("the file changed while it was being read")}
	}
	return w, nil
}

// openCopy opens a waiting document's plaintext for one upload attempt.
func (o *Outbox) openCopy(w WaitingFile) (io.ReadCloser, error) {
	key, err := o.v.SubKey(keyPurpose)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(o.copyPath(w.ID))
	if err != nil {
		return nil, &sfclient.FileError{Name: w.Name, Doing: "read the outbox's copy of", Err: err}
	}
	r, err := sealedfile.Open(f, key, w.ID)
	if err != nil {
		f.Close()
		return nil, &sfclient.FileError{Name: w.Name, Doing: "read the outbox's copy of", Err: err}
	}
	return &copyReader{r: r, f: f, name: w.Name}, nil
}

// copyReader reads a waiting document's plaintext; a damaged chunk is a FileError naming
// the document.
type copyReader struct {
	r    io.Reader
	f    *os.File
	name string
}

func (c *copyReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if err != nil && !errors.Is(err, io.EOF) {
		err = &sfclient.FileError{Name: c.name, Doing: "read the outbox's copy of", Err: err}
	}
	return n, err
}

func (c *copyReader) Close() error { return c.f.Close() }

func (o *Outbox) dropCopy(id string) { os.Remove(o.copyPath(id)) }

// orphanAge is how old a copy no entry lists must be before it is swept: younger ones may
// belong to an Attach in another process that has kept the copy but not yet saved its entry.
const orphanAge = time.Minute

// sweepOrphans deletes copies that no entry lists and that are older than orphanAge: what a
// process killed between keeping a copy and saving its entry left behind, or a temporary
// file of a killed copy. It runs under the vault's lock, so no entry changes meanwhile.
func (o *Outbox) sweepOrphans(now time.Time) error {
	return o.change(func(entries []Entry) ([]Entry, error) {
		listed := map[string]bool{}
		for _, e := range entries {
			for _, f := range e.Files {
				listed[filepath.Base(o.copyPath(f.ID))] = true
			}
		}
		files, _ := os.ReadDir(filepath.Join(o.v.Dir(), FilesDir))
		for _, f := range files {
			info, err := f.Info()
			if err == nil && !listed[f.Name()] && now.Sub(info.ModTime()) > orphanAge {
				os.Remove(filepath.Join(o.v.Dir(), FilesDir, f.Name()))
			}
		}
		return entries, nil
	})
}

// entryLocks keeps one process from sending the same entry twice at once.
var entryLocks sync.Map

func lockEntry(id string) (unlock func()) {
	m, _ := entryLocks.LoadOrStore(id, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}

// edit changes the stored entry with this id under the vault's lock; ErrNoEntry when gone.
func (o *Outbox) edit(id string, f func(*Entry)) error {
	return o.change(func(entries []Entry) ([]Entry, error) {
		i := slices.IndexFunc(entries, func(e Entry) bool { return e.ID == id })
		if i < 0 {
			return nil, ErrNoEntry
		}
		f(&entries[i])
		return entries, nil
	})
}

// finish removes a delivered entry, unless documents joined it meanwhile.
func (o *Outbox) finish(id string) error {
	err := o.change(func(entries []Entry) ([]Entry, error) {
		return slices.DeleteFunc(entries, func(e Entry) bool { return e.ID == id && len(e.Files) == 0 }), nil
	})
	return err
}

// sendFiles attaches an entry's documents to its lead in order, each leaving the entry (and
// its copy deleted) once Salesforce confirmed it. It stops at the first failure.
func (o *Outbox) sendFiles(ctx context.Context, c *sfclient.Client, e *Entry) ([]Uploaded, error) {
	var done []Uploaded
	for len(e.Files) > 0 {
		w := e.Files[0]
		up, err := o.sendFile(ctx, c, e, w)
		if err != nil {
			return done, err
		}
		done = append(done, up)
		o.dropCopy(w.ID)
		e.Files = e.Files[1:]
		if err := o.edit(e.ID, func(stored *Entry) {
			stored.Files = slices.DeleteFunc(stored.Files, func(f WaitingFile) bool { return f.ID == w.ID })
		}); err != nil {
			return done, err
		}
	}
	return done, nil
}

// sendFile uploads one waiting document, first looking it up when an earlier attempt may
// have landed.
func (o *Outbox) sendFile(ctx context.Context, c *sfclient.Client, e *Entry, w WaitingFile) (Uploaded, error) {
	up := Uploaded{Name: w.Name, Title: w.Title}
	if w.Sending {
		doc, found, err := c.FindUpload(ctx, e.LeadID, w.Title, w.Size)
		if err != nil {
			return up, err
		}
		if found {
			up.DocumentID = doc.ID
			return up, nil
		}
	} else if err := o.edit(e.ID, func(stored *Entry) {
		for i := range stored.Files {
			if stored.Files[i].ID == w.ID {
				stored.Files[i].Sending = true
			}
		}
	}); err != nil {
		return up, err
	}
	u := sfclient.Upload{LeadID: e.LeadID, Title: w.Title, FileName: w.Name, Size: w.Size,
		Open: func() (io.ReadCloser, error) { return o.openCopy(w) }}
	if o.progress != nil {
		u.Progress = func(sent, total int64) { o.progress(w, sent, total) }
	}
	id, err := c.UploadFile(ctx, u)
	up.VersionID = id
	return up, err
}

// AttachRequest is documents to attach to an existing lead.
type AttachRequest struct {
	LeadID            string // 18 characters
	Documents         []Document
	KeepWhenSignedOut bool // as in CreateRequest
}

// Attach keeps an encrypted copy of each document in the outbox with its lead — joining the
// lead's waiting entry when it has one, so one entry lists all of a lead's documents — and
// then, when c is not nil, sends that entry at once, in order. Documents confirmed by
// Salesforce leave the outbox (Result.Uploaded). When sending fails in a way worth retrying,
// the rest wait (Result.Kept); when Salesforce refuses them or ctx is cancelled, this
// request's unsent documents are removed again and Result.Err says why.
func (o *Outbox) Attach(ctx context.Context, c *sfclient.Client, r AttachRequest, now time.Time) Result {
	var kept []WaitingFile
	for _, d := range r.Documents {
		w, err := o.keepCopy(d)
		if err != nil {
			o.dropCopies(kept)
			return Result{Err: err}
		}
		kept = append(kept, w)
	}
	var entryID string
	err := o.change(func(entries []Entry) ([]Entry, error) {
		for i := range entries {
			if entries[i].Action == Attach && entries[i].LeadID == r.LeadID {
				entries[i].Files = append(entries[i].Files, kept...)
				entryID = entries[i].ID
				return entries, nil
			}
		}
		e := Entry{ID: newEntryID(), Action: Attach, LeadID: r.LeadID, Files: kept, Queued: now, Tried: now,
			Reason: "Not sent yet."}
		entryID = e.ID
		return append(entries, e), nil
	})
	if err != nil {
		o.dropCopies(kept)
		return Result{Err: err}
	}
	cause := error(sfclient.ErrNotSignedIn)
	res := Result{LeadID: r.LeadID}
	if c != nil {
		res = o.Send(ctx, c, entryID, now)
		if res.Err == nil {
			return res
		}
		cause = res.Err
	} else {
		o.edit(entryID, func(e *Entry) { e.note(cause) })
		res.Entry, _ = o.entry(entryID)
		res.Err, res.Kept = cause, true
	}
	if !o.keeps(cause, r.KeepWhenSignedOut) {
		o.withdraw(entryID, kept)
		res.Kept = false
		res.Entry = Entry{}
	}
	return res
}

// CreateWithDocuments creates a lead like Create and then attaches documents to it with
// Attach. When the lead cannot be sent now, it waits in the outbox with its documents, which
// follow it once it exists. Result.LeadID is set once the lead exists.
func (o *Outbox) CreateWithDocuments(ctx context.Context, c *sfclient.Client, r CreateRequest, docs []Document, now time.Time) Result {
	if len(docs) == 0 {
		id, kept, err := o.Create(ctx, c, r, now)
		return Result{LeadID: id, Entry: kept, Err: err, Kept: kept.ID != ""}
	}
	// Copies are made first: a document that cannot be kept stops the create.
	var copies []WaitingFile
	for _, d := range docs {
		w, err := o.keepCopy(d)
		if err != nil {
			o.dropCopies(copies)
			return Result{Err: err}
		}
		copies = append(copies, w)
	}
	id, kept, err := o.Create(ctx, c, r, now)
	switch {
	case kept.ID != "":
		if eerr := o.edit(kept.ID, func(e *Entry) { e.Files = copies }); eerr != nil {
			o.dropCopies(copies)
			return Result{Entry: kept, Err: errors.Join(err, eerr), Kept: true}
		}
		kept.Files = copies
		return Result{Entry: kept, Err: err, Kept: true}
	case err != nil:
		o.dropCopies(copies)
		return Result{Err: err}
	}
	o.dropCopies(copies)
	res := o.Attach(ctx, c, AttachRequest{LeadID: id, Documents: docs, KeepWhenSignedOut: r.KeepWhenSignedOut}, now)
	res.LeadID = id
	return res
}

func (o *Outbox) dropCopies(files []WaitingFile) {
	for _, f := range files {
		o.dropCopy(f.ID)
	}
}

// withdraw takes this request's documents that are still waiting out of the entry (and the
// entry out of the outbox when nothing else waits in it).
func (o *Outbox) withdraw(entryID string, files []WaitingFile) {
	mine := func(f WaitingFile) bool {
		return slices.ContainsFunc(files, func(k WaitingFile) bool { return k.ID == f.ID })
	}
	o.change(func(entries []Entry) ([]Entry, error) {
		for i := range entries {
			if entries[i].ID == entryID {
				entries[i].Files = slices.DeleteFunc(entries[i].Files, mine)
			}
		}
		return slices.DeleteFunc(entries, func(e Entry) bool { return e.ID == entryID && len(e.Files) == 0 }), nil
	})
	o.dropCopies(files)
}

// entry returns the stored entry with this id.
func (o *Outbox) entry(id string) (Entry, error) {
	entries, err := o.List()
	if err != nil {
		return Entry{}, err
	}
	if i := slices.IndexFunc(entries, func(e Entry) bool { return e.ID == id }); i >= 0 {
		return entries[i], nil
	}
	return Entry{}, ErrNoEntry
}

func newEntryID() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}
