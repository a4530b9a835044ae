package sfclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"strings"
	"sync"

	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/recordid"
)

// Upload is one document to attach to a lead.
type Upload struct {
	LeadID   string // 15 or 18 characters; refused before anything is sent when bad
	Title    string // the ContentVersion Title, e.g. attach.Title(attach.BankStatement, name)
	FileName string // PathOnClient: the file's base name; its extension sets FileExtension
	Size     int64  // the exact number of bytes Open returns
	// Open returns the bytes to send. It is called once for each attempt (the replay after
	// a refresh opens them again), and what it returns is closed when the attempt ends.
	Open func() (io.ReadCloser, error)
	// Description is an optional ContentVersion Description. Empty sends none.
	Description string
	// Progress, when set, is told how many of Size bytes have been handed to the network,
	// after every read of the file, on the uploading goroutine: a window must pass it on to
	// its UI goroutine (fyne.Do). A replay after a refresh starts again from zero.
	Progress func(sent, total int64)
}

// FileUpload is the Upload of a checked file from disk: titled with its document type,
// sent under its own name, re-opened for each attempt.
func FileUpload(leadID string, f attach.File, t attach.DocType) Upload {
	return Upload{
		LeadID: leadID, Title: attach.Title(t, f.Name), FileName: f.Name, Size: f.Size,
		Open: func() (io.ReadCloser, error) { return os.Open(f.Path) },
	}
}

// UploadFile attaches one document to a lead: POST sobjects/ContentVersion as
// multipart/form-data, the entity_content JSON part (Title, PathOnClient,
// FirstPublishLocationId) then the VersionData part, streamed from u.Open as the network
// takes it — the file is never held in memory — with its exact length announced. It returns
// the new ContentVersion id (068…); only a 201 answer with success true and such an id
// counts. Cancelling ctx stops the upload at once. Like a create, it is never sent twice by
// the client, except once after a refresh when Salesforce refused the first attempt with 401;
// whether an upload whose answer was lost landed is for FindUpload to say. Errors: *APIError,
// ErrSignInRequired, recordid.ErrBad, a connection error, or ctx's error.
func (c *Client) UploadFile(ctx context.Context, u Upload) (string, error) {
	leadID, err := recordid.ParseLead(u.LeadID)
	if err != nil {
		return "", err
	}
	var readErr fileReadError
	body, err := multipartBody(ctx, leadID, u, &readErr)
	if err != nil {
		return "", err
	}
	var out struct {
		ID      string `json:"id"`
		Success bool   `json:"success"`
	}
	if _, _, err := c.do(ctx, request{method: http.MethodPost, path: "/sobjects/ContentVersion", stream: body, out: &out}); err != nil {
		if ferr := readErr.get(); ferr != nil {
			err = ferr // the network only saw the body end early; the file is why
		}
		return "", fmt.Errorf("attach %s to lead %s: %w", u.FileName, leadID, err)
	}
	if !out.Success || !strings.HasPrefix(out.ID, "068") {
		return "", fmt.Errorf("attach %s to lead %s: %w", u.FileName, leadID, &APIError{Status: http.StatusCreated, Message: "salesforce answered without a file version id"})
	}
	return out.ID, nil
}

// multipartBody lays out the upload: everything before the file's bytes and everything after
// them are built once with mime/multipart; the file streams in between.
func multipartBody(ctx context.Context, leadID string, u Upload, readErr *fileReadError) (*requestBody, error) {
	meta := map[string]string{"Title": u.Title, "PathOnClient": u.FileName, "FirstPublishLocationId": leadID}
	if u.Description != "" {
		meta["Description"] = u.Description
	}
	var head bytes.Buffer
	mw := multipart.NewWriter(&head)
	part, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Disposition": {`form-data; name="entity_content"`},
		"Content-Type":        {"application/json"},
	})
	if err == nil {
		err = json.NewEncoder(part).Encode(meta)
	}
	if err == nil {
		_, err = mw.CreatePart(textproto.MIMEHeader{
			"Content-Disposition": {multipartFileDisposition(u.FileName)},
			"Content-Type":        {"application/octet-stream"},
		})
	}
	if err != nil {
		return nil, fmt.Errorf("prepare the upload of %s: %w", u.FileName, err)
	}
	prefix := bytes.Clone(head.Bytes())
	head.Reset()
	mw.Close()
	suffix := bytes.Clone(head.Bytes())
	open := func() (io.ReadCloser, error) {
		f, err := u.Open()
		if err != nil {
			return nil, &FileError{Name: u.FileName, Doing: "open", Err: err}
		}
		return &uploadBody{
			Reader: io.MultiReader(bytes.NewReader(prefix), &progressReader{ctx: ctx, r: f, total: u.Size, report: u.Progress, name: u.FileName, failed: readErr}, bytes.NewReader(suffix)),
			file:   f,
		}, nil
	}
	return &requestBody{open: open, length: int64(len(prefix)) + u.Size + int64(len(suffix)),
		contentType: mw.FormDataContentType(), wantStatus: http.StatusCreated}, nil
}

// multipartFileDisposition names the VersionData part and its file, quoting as
// mime/multipart's CreateFormFile does.
func multipartFileDisposition(name string) string {
	quote := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", "")
	return fmt.Sprintf(`form-data; name="VersionData"; filename="%s"`, quote.Replace(name))
}

// uploadBody is one attempt's body; closing it closes the file.
type uploadBody struct {
	io.Reader
	file io.Closer
}

func (b *uploadBody) Close() error { return b.file.Close() }

// progressReader reports the bytes read so far, and stops reading the moment ctx ends, so a
// cancelled upload is cut short (and refused by Salesforce) rather than finished from
// buffers the network already holds.
type progressReader struct {
	ctx    context.Context
	name   string
	failed *fileReadError // where a failure to read the file is kept
	r      io.Reader
	sent   int64
	total  int64
	report func(sent, total int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	if err := p.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := p.r.Read(b)
	if err != nil && !errors.Is(err, io.EOF) {
		var fe *FileError
		if !errors.As(err, &fe) {
			err = &FileError{Name: p.name, Doing: "read", Err: err}
		}
		p.failed.set(err)
	}
	p.sent += int64(n)
	if n > 0 && p.report != nil {
		p.report(p.sent, p.total)
	}
	return n, err
}

// fileReadError keeps the first failure to read the document during an upload, which the
// transport reports only as a body that ended early.
type fileReadError struct {
	mu  sync.Mutex
	err error
}

func (f *fileReadError) set(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *fileReadError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// FileError is a document Lead Desk could not read or copy: the original, or the outbox's
// encrypted copy of it.
type FileError struct {
	Name  string // the file's base name
	Doing string // what failed, e.g. "open", "keep a copy of"
	Err   error
}

func (e *FileError) Error() string { return fmt.Sprintf("%s %s: %v", e.Doing, e.Name, e.Err) }
func (e *FileError) Unwrap() error { return e.Err }

// Plain is the sentence Explain gives.
func (e *FileError) Plain() string {
	return fmt.Sprintf("Lead Desk could not %s %s (%v); check that the file is still there and the disk has room, then add it again.", e.Doing, e.Name, e.Err)
}
