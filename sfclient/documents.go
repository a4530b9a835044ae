package sfclient

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"leaddesk/sfclient/recordid"
)

// Document is a file attached to a lead, as the lead's ContentDocumentLinks list it.
type Document struct {
	ID        string    // ContentDocumentId, 069…
	Title     string    // e.g. "Bank statement – March 2026"
	Extension string    // "pdf", "jpg", … (lower case, no dot)
	Size      int64     // bytes
	Created   time.Time // when it was attached
	URL       string    // "Open in Salesforce": the document's Lightning page
}

// documentsQuery lists a lead's documents, newest first.
const documentsQuery = "SELECT ContentDocumentId, ContentDocument.Title, ContentDocument.FileExtension, " +
	"ContentDocument.ContentSize, ContentDocument.CreatedDate FROM ContentDocumentLink WHERE LinkedEntityId = '%s' " +
	"ORDER BY ContentDocument.CreatedDate DESC"

// ListFiles lists the documents attached to a lead, newest first, following Salesforce's
// nextRecordsUrl until every batch is read. A bad id fails with recordid.ErrBad before any
// request is sent; other errors are *APIError, ErrSignInRequired or a connection error.
func (c *Client) ListFiles(ctx context.Context, leadID string) ([]Document, error) {
	full, err := recordid.ParseLead(leadID)
	if err != nil {
		return nil, err
	}
	type link struct {
		DocumentID string `json:"ContentDocumentId"`
		Document   struct {
			Title     string `json:"Title"`
			Extension string `json:"FileExtension"`
			Size      int64  `json:"ContentSize"`
			Created   string `json:"CreatedDate"`
		} `json:"ContentDocument"`
	}
	docs := []Document{}
	path := "/query?q=" + url.QueryEscape(fmt.Sprintf(documentsQuery, full))
	for path != "" {
		var page struct {
			Done    bool   `json:"done"`
			Next    string `json:"nextRecordsUrl"`
			Records []link `json:"records"`
		}
		if _, _, err := c.do(ctx, request{method: http.MethodGet, path: path, out: &page}); err != nil {
			return nil, fmt.Errorf("list the files of lead %s: %w", full, err)
		}
		for _, l := range page.Records {
			created, _ := time.Parse("2006-01-02T15:04:05.000-0700", l.Document.Created)
			docs = append(docs, Document{ID: l.DocumentID, Title: l.Document.Title, Extension: l.Document.Extension,
				Size: l.Document.Size, Created: created, URL: c.DocumentURL(l.DocumentID)})
		}
		path = ""
		if !page.Done {
			path = page.Next
		}
	}
	return docs, nil
}

// DocumentURL is the address that opens a document in Salesforce (its Lightning record page).
func (c *Client) DocumentURL(documentID string) string {
	return c.Session().InstanceURL + "/lightning/r/ContentDocument/" + url.PathEscape(documentID) + "/view"
}

// FindUpload looks among a lead's documents for one with this title and size — what an
// upload whose answer was lost would have left — so it is not attached a second time. It
// returns the document, and false when there is none.
func (c *Client) FindUpload(ctx context.Context, leadID, title string, size int64) (Document, bool, error) {
	docs, err := c.ListFiles(ctx, leadID)
	if err != nil {
		return Document{}, false, err
	}
	for _, d := range docs {
		if d.Title == title && d.Size == size {
			return d, true, nil
		}
	}
	return Document{}, false, nil
}
