package sftest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"leaddesk/sfclient/recordid"
)

// File is a document attached to a lead, as the org keeps it: a ContentVersion, its
// ContentDocument and the ContentDocumentLink to the lead that FirstPublishLocationId made.
// The bytes themselves are not kept (a 25 MB upload must not grow the test process): only
// their size and SHA-256.
type File struct {
	VersionID    string // 068…
	DocumentID   string // 069…
	LinkID       string // 06A…
	LeadID       string
	Title        string
	PathOnClient string
	Extension    string // lower case, without the dot; from PathOnClient
	Description  string
	Size         int64
	SHA256       string // hex
	CreatedDate  string // Salesforce's format
}

// fileStore is the org's ContentVersions; its zero value is empty and ready.
type fileStore struct {
	mu        sync.Mutex
	files     []File
	next      int
	dropAfter int
}

// DropNextUploads makes the next n ContentVersion uploads commit (the file is attached)
// and then close the connection without an answer, as a timeout after a large upload does.
func (o *Org) DropNextUploads(n int) {
	o.files.mu.Lock()
	o.files.dropAfter = n
	o.files.mu.Unlock()
}

// Files lists the documents attached to the lead with this 18-character id, oldest first.
func (o *Org) Files(leadID string) []File {
	o.files.mu.Lock()
	defer o.files.mu.Unlock()
	var out []File
	for _, f := range o.files.files {
		if f.LeadID == leadID {
			out = append(out, f)
		}
	}
	return out
}

// AttachFile attaches a document to a lead as another Salesforce user would (for tests of
// the listing).
func (o *Org) AttachFile(leadID, title, pathOnClient string, content []byte) File {
	sum := sha256.Sum256(content)
	return o.commitFile(File{LeadID: leadID, Title: title, PathOnClient: pathOnClient, Size: int64(len(content)), SHA256: hex.EncodeToString(sum[:])})
}

func (o *Org) commitFile(f File) File {
	o.mu.Lock()
	created := o.nowLocked().Format(sfTime)
	o.mu.Unlock()
	o.files.mu.Lock()
	defer o.files.mu.Unlock()
	o.files.next++
	n := o.files.next
	f.VersionID = recordid.To18(fmt.Sprintf("0685g%010d", n))
	f.DocumentID = recordid.To18(fmt.Sprintf("0695g%010d", n))
	f.LinkID = recordid.To18(fmt.Sprintf("06A5g%010d", n))
	f.Extension = strings.ToLower(strings.TrimPrefix(path.Ext(f.PathOnClient), "."))
	f.CreatedDate = created
	o.files.files = append(o.files.files, f)
	return f
}

// loggedBody reads a request's body for the log (at most 1 MiB) and puts it back; a
// multipart upload is left to stream to its handler and logged without its body, as the
// org never holds a whole document in memory.
func loggedBody(r *http.Request) []byte {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	return body
}

// entityContent is the JSON part of a ContentVersion upload.
type entityContent struct {
	Title                  string `json:"Title"`
	PathOnClient           string `json:"PathOnClient"`
	FirstPublishLocationID string `json:"FirstPublishLocationId"`
	Description            string `json:"Description"`
	ReasonForChange        string `json:"ReasonForChange"`
}

// createContentVersion takes POST sobjects/ContentVersion as multipart/form-data the way
// Salesforce does: the non-binary part named entity_content holds the record as JSON, the
// binary part named VersionData the bytes (read as they arrive, never held whole).
func (o *Org) createContentVersion(w http.ResponseWriter, r *http.Request, version string) {
	mr, err := r.MultipartReader()
	if err != nil {
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_MULTIPART_REQUEST", "Multipart message must include a non-binary part"))
		return
	}
	var (
		rec        *entityContent
		size       int64
		sum        string
		gotVersion bool
	)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return // the upload was cut off: nothing is committed
		}
		switch part.FormName() {
		case "entity_content":
			rec = &entityContent{}
			if err := json.NewDecoder(io.LimitReader(part, 1<<20)).Decode(rec); err != nil {
				writeErrors(w, http.StatusBadRequest, apiErr("JSON_PARSER_ERROR", "Unexpected character in entity_content: "+err.Error()))
				return
			}
		case "VersionData":
			h := sha256.New()
			if size, err = io.Copy(h, part); err != nil {
				return // cancelled or cut off mid-file: nothing is committed
			}
			sum, gotVersion = hex.EncodeToString(h.Sum(nil)), true
		default:
			io.Copy(io.Discard, part)
		}
	}
	switch {
	case rec == nil:
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_MULTIPART_REQUEST", "Multipart message must include a non-binary part"))
		return
	case !gotVersion:
		writeErrors(w, http.StatusBadRequest, apiErr("REQUIRED_FIELD_MISSING", "Required fields are missing: [VersionData]", "VersionData"))
		return
	case rec.PathOnClient == "":
		writeErrors(w, http.StatusBadRequest, apiErr("REQUIRED_FIELD_MISSING", "Required fields are missing: [PathOnClient]", "PathOnClient"))
		return
	}
	leadID, err := recordid.ParseLead(rec.FirstPublishLocationID)
	if err == nil && o.Lead(leadID) == nil {
		err = errors.New("no such lead")
	}
	if err != nil {
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "FirstPublishLocationId"))
		return
	}
	title := rec.Title
	if title == "" {
		title = strings.TrimSuffix(path.Base(rec.PathOnClient), path.Ext(rec.PathOnClient))
	}
	f := o.commitFile(File{LeadID: leadID, Title: title, PathOnClient: rec.PathOnClient, Description: rec.Description, Size: size, SHA256: sum})
	o.files.mu.Lock()
	drop := o.files.dropAfter > 0
	if drop {
		o.files.dropAfter--
	}
	o.files.mu.Unlock()
	if drop {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": f.VersionID, "success": true, "errors": []any{}})
}

// linkQuery is the one ContentDocumentLink query Lead Desk sends: a lead's documents,
// newest first.
var linkQuery = regexp.MustCompile(`(?i)^\s*SELECT\s+ContentDocumentId\s*,\s*ContentDocument\.Title\s*,\s*ContentDocument\.FileExtension\s*,\s*ContentDocument\.ContentSize\s*,\s*ContentDocument\.CreatedDate\s+FROM\s+ContentDocumentLink\s+WHERE\s+LinkedEntityId\s*=\s*'(\w{15,18})'\s*(ORDER\s+BY\s+ContentDocument\.CreatedDate\s+DESC\s*)?$`)

// fileQuery answers the ContentDocumentLink listing and reports whether the query was one.
func (o *Org) fileQuery(w http.ResponseWriter, r *http.Request, version string) bool {
	q := r.URL.Query().Get("q")
	if !strings.Contains(q, "ContentDocumentLink") {
		return false
	}
	m := linkQuery.FindStringSubmatch(q)
	if m == nil {
		writeErrors(w, http.StatusBadRequest, apiErr("MALFORMED_QUERY", "unexpected token in query"))
		return true
	}
	id := m[1]
	if len(id) == 15 {
		id = recordid.To18(id)
	}
	files := o.Files(id)
	if m[2] != "" {
		slices.Reverse(files) // creation order; the newest last
		slices.SortStableFunc(files, func(a, b File) int { return strings.Compare(b.CreatedDate, a.CreatedDate) })
	}
	records := []map[string]any{}
	for _, f := range files {
		records = append(records, map[string]any{
			"attributes":        map[string]string{"type": "ContentDocumentLink", "url": "/services/data/v" + version + "/sobjects/ContentDocumentLink/" + f.LinkID},
			"ContentDocumentId": f.DocumentID,
			"ContentDocument": map[string]any{
				"attributes":    map[string]string{"type": "ContentDocument", "url": "/services/data/v" + version + "/sobjects/ContentDocument/" + f.DocumentID},
				"Title":         f.Title,
				"FileExtension": f.Extension,
				"ContentSize":   f.Size,
				"CreatedDate":   f.CreatedDate,
			},
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{"totalSize": len(records), "done": true, "records": records})
	return true
}

// Unwrap lets a handler reach the connection through the request recorder (to drop an
// upload's answer).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// WriteDocument writes a PDF-shaped document of size bytes (a "%PDF-1.7" header, then lines
// of text) to dir/name for tests and benchmarks, streaming it in 1 MiB pieces, and returns
// its path and SHA-256 in hex.
func WriteDocument(dir, name string, size int) (path, sum string, err error) {
	path = filepath.Join(dir, name)
	out, err := os.Create(path)
	if err != nil {
		return "", "", err
	}
	piece := bytes.Repeat([]byte("statement line 0123456789abcdef\n"), 1<<15)
	h := sha256.New()
	w := io.MultiWriter(out, h)
	for written := 0; written < size && err == nil; {
		chunk := piece[:min(len(piece), size-written)]
		if written == 0 {
			chunk = append([]byte("%PDF-1.7\n"), chunk[min(len(chunk), 9):]...)[:len(chunk)]
		}
		_, err = w.Write(chunk)
		written += len(chunk)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return path, hex.EncodeToString(h.Sum(nil)), err
}
