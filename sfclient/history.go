package sfclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/recordid"
)

// HistoryEntry is one change of a lead: a field's old and new value, when and by whom.
// Field is an API name, or "created" and "leadConverted" for those events (no values).
type HistoryEntry struct {
	Field    string
	OldValue any // nil when empty; "•••" for a sensitive field (SSN, birthday)
	NewValue any
	At       time.Time
	By       string // the user's name
}

// History is what Salesforce keeps about a lead's changes.
type History struct {
	// Tracked is false where the org does not track the lead's field history: Entries is
	// then empty and only Created and LastModified are known. Say so plainly.
	Tracked      bool
	Entries      []HistoryEntry // newest first
	Created      time.Time
	LastModified time.Time
}

// Masked stands for a sensitive field's value in a lead's history.
const Masked = "•••"

type historyRecord struct {
	Field     string `json:"Field"`
	OldValue  any    `json:"OldValue"`
	NewValue  any    `json:"NewValue"`
	Created   string `json:"CreatedDate"`
	CreatedBy *struct {
		Name string `json:"Name"`
	} `json:"CreatedBy"`
}

// HistorySOQL is the query LeadHistory sends for one lead.
func HistorySOQL(id string) string {
	return "SELECT Field, OldValue, NewValue, CreatedDate, CreatedBy.Name FROM LeadHistory WHERE LeadId = '" +
		soqlEscape(id) + "' ORDER BY CreatedDate DESC, Id DESC" // Id: changes in the same second, newest first
}

// LeadHistory reads a lead's history (id: 15 or 18 characters, or a link), newest first,
// sensitive values masked. With history tracked it costs one request; where the org tracks
// none (no rows, or no LeadHistory object) a second request reads when the lead was created
// and last changed. A bad id fails with recordid.ErrBad before any request.
func (c *Client) LeadHistory(ctx context.Context, id string) (History, error) {
	full, err := recordid.ParseLead(id)
	if err != nil {
		return History{}, err
	}
	recs, err := queryAll[historyRecord](ctx, c, HistorySOQL(full))
	var api *APIError
	if err != nil && !(errors.As(err, &api) && api.Code == "INVALID_TYPE") {
		return History{}, fmt.Errorf("read the history of lead %s: %w", full, err)
	}
	if len(recs) == 0 {
		return c.untrackedHistory(ctx, full)
	}
	h := History{Tracked: true}
	for _, r := range recs {
		e := HistoryEntry{Field: r.Field, OldValue: r.OldValue, NewValue: r.NewValue}
		e.At, _ = ParseDateTime(r.Created)
		if r.CreatedBy != nil {
			e.By = r.CreatedBy.Name
		}
		if f, ok := lead.ByName(r.Field); ok && f.Sensitive {
			e.OldValue, e.NewValue = maskValue(e.OldValue), maskValue(e.NewValue)
		}
		h.Entries = append(h.Entries, e)
		if h.LastModified.IsZero() || e.At.After(h.LastModified) {
			h.LastModified = e.At
		}
		if r.Field == "created" {
			h.Created = e.At
		}
	}
	return h, nil
}

func maskValue(v any) any {
	if v == nil {
		return nil
	}
	return Masked
}

func (c *Client) untrackedHistory(ctx context.Context, id string) (History, error) {
	var rec struct {
		Created      string `json:"CreatedDate"`
		LastModified string `json:"LastModifiedDate"`
	}
	path := "/sobjects/Lead/" + id + "?fields=" + url.QueryEscape("CreatedDate,LastModifiedDate")
	if _, _, err := c.do(ctx, request{method: http.MethodGet, path: path, out: &rec}); err != nil {
		return History{}, fmt.Errorf("read lead %s: %w", id, err)
	}
	h := History{}
	h.Created, _ = ParseDateTime(rec.Created)
	h.LastModified, _ = ParseDateTime(rec.LastModified)
	return h, nil
}
