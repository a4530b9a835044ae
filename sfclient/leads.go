package sfclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	"leaddesk/sfclient/recordid"
)

// Record is a Lead as Salesforce returns it: field API names to JSON values.
type Record map[string]any

// LastModified parses the record's LastModifiedDate; when it is absent the error wraps ErrNoDateTime.
func (r Record) LastModified() (time.Time, error) {
	s, _ := r["LastModifiedDate"].(string)
	t, err := ParseDateTime(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("read LastModifiedDate: %w", err)
	}
	return t, nil
}

// Converted reports whether Mazo converted the lead (IsConverted), and on which day
// (ConvertedDate, YYYY-MM-DD). A converted lead can no longer be changed: UpdateLead fails
// with ErrLeadConverted.
func (r Record) Converted() (converted bool, day string) {
	converted, _ = r["IsConverted"].(bool)
	day, _ = r["ConvertedDate"].(string)
	return converted, day
}

// ErrLeadConverted is wrapped by UpdateLead's error when Salesforce refuses the change
// because Mazo converted the lead (CANNOT_UPDATE_CONVERTED_LEAD).
var ErrLeadConverted = errors.New("the lead was converted")

// CreateOptions tune CreateLead.
type CreateOptions struct {
	// AllowDuplicates sends Sforce-Duplicate-Rule-Header: allowSave=true, after the person
	// confirmed that a lead matching a duplicate rule should be saved anyway.
	AllowDuplicates bool
}

// CreateLead creates a Lead from fields (API names to values) and returns its 18-character
// id. The request is sent exactly once: a create is never retried by the client. Errors:
// *APIError (REQUIRED_FIELD_MISSING, DUPLICATES_DETECTED with Duplicates set, …),
// ErrSignInRequired, or a connection error.
func (c *Client) CreateLead(ctx context.Context, fields map[string]any, opts CreateOptions) (string, error) {
	var out struct {
		ID      string `json:"id"`
		Success bool   `json:"success"`
	}
	r := request{method: http.MethodPost, path: "/sobjects/Lead", body: fields, out: &out}
	if opts.AllowDuplicates {
		r.header = http.Header{"Sforce-Duplicate-Rule-Header": {"allowSave=true"}}
	}
	if _, _, err := c.do(ctx, r); err != nil {
		return "", fmt.Errorf("create the lead: %w", err)
	}
	id, err := recordid.ParseLead(out.ID)
	if err != nil || !out.Success {
		return "", fmt.Errorf("create the lead: salesforce answered without a lead id")
	}
	return id, nil
}

// GetLead reads the Lead with this id (15 or 18 characters, or a pasted link). fields
// limits the answer; nil means every field. A bad id fails with recordid.ErrBad before any
// request is sent.
func (c *Client) GetLead(ctx context.Context, id string, fields []string) (Record, error) {
	full, err := recordid.ParseLead(id)
	if err != nil {
		return nil, err
	}
	path := "/sobjects/Lead/" + full
	if len(fields) > 0 {
		path += "?fields=" + url.QueryEscape(strings.Join(fields, ","))
	}
	var rec Record
	if _, _, err := c.do(ctx, request{method: http.MethodGet, path: path, out: &rec}); err != nil {
		return nil, fmt.Errorf("read lead %s: %w", full, asCall(err, CallLead))
	}
	return rec, nil
}

// UpdateLead sends exactly changes (API names to new values) to the Lead with this id.
// When unmodifiedSince is not zero, Salesforce refuses the change with 412
// (PRECONDITION_FAILED) if anyone changed the lead after that moment. When a retried PATCH
// meets 412 because its own first attempt landed, the lead is read back and the update
// counts as done if it holds the values sent.
func (c *Client) UpdateLead(ctx context.Context, id string, changes map[string]any, unmodifiedSince time.Time) error {
	full, err := recordid.ParseLead(id)
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		return nil
	}
	r := request{method: http.MethodPatch, path: "/sobjects/Lead/" + full, body: changes}
	if !unmodifiedSince.IsZero() {
		r.header = http.Header{"If-Unmodified-Since": {unmodifiedSince.UTC().Format(http.TimeFormat)}}
	}
	sent, _, err := c.do(ctx, r)
	var api *APIError
	if sent > 1 && errors.As(err, &api) && api.Status == http.StatusPreconditionFailed && c.holds(ctx, full, changes) {
		return nil
	}
	if errors.As(err, &api) && api.Code == "CANNOT_UPDATE_CONVERTED_LEAD" {
		return fmt.Errorf("update lead %s: %w: %w", full, ErrLeadConverted, err)
	}
	if err != nil {
		return fmt.Errorf("update lead %s: %w", full, asCall(err, CallLead))
	}
	return nil
}

// holds reports whether the lead now carries every value in changes.
func (c *Client) holds(ctx context.Context, id string, changes map[string]any) bool {
	names := make([]string, 0, len(changes))
	for k := range changes {
		names = append(names, k)
	}
	rec, err := c.GetLead(ctx, id, names)
	if err != nil {
		return false
	}
	for k, want := range changes {
		if !sameValue(rec[k], want) {
			return false
		}
	}
	return true
}

// sameValue compares a sent value with what Salesforce returns ("" comes back as null,
// "100" as 100).
func sameValue(got, sent any) bool {
	if sent == "" {
		sent = nil
	}
	if got == nil || sent == nil {
		return got == nil && sent == nil
	}
	return reflect.DeepEqual(got, sent) || fmt.Sprint(got) == fmt.Sprint(sent)
}

// FindBySubmissionID returns the ids of leads whose WordPress_UniqueID__c is uid.
func (c *Client) FindBySubmissionID(ctx context.Context, uid string) ([]string, error) {
	soql := "SELECT Id FROM Lead WHERE WordPress_UniqueID__c = '" + soqlEscape(uid) + "'"
	var out struct {
		Records []struct {
			ID string `json:"Id"`
		} `json:"records"`
	}
	if _, _, err := c.do(ctx, request{method: http.MethodGet, path: "/query?q=" + url.QueryEscape(soql), out: &out}); err != nil {
		return nil, fmt.Errorf("look up submission %s: %w", uid, err)
	}
	ids := make([]string, 0, len(out.Records))
	for _, r := range out.Records {
		ids = append(ids, r.ID)
	}
	return ids, nil
}

func soqlEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}

// UserInfo is who is signed in, from /services/oauth2/userinfo.
type UserInfo struct {
	UserID   string `json:"user_id"`
	OrgID    string `json:"organization_id"`
	Username string `json:"preferred_username"`
	Name     string `json:"name"`
	Email    string `json:"email"`
}

// UserInfo reads who is signed in (refreshing the session when needed).
func (c *Client) UserInfo(ctx context.Context) (UserInfo, error) {
	var info UserInfo
	_, _, err := c.do(ctx, request{method: http.MethodGet, path: "/services/oauth2/userinfo", out: &info})
	return info, asCall(err, CallUserInfo)
}

// leadOwnerRecord is a Lead as `SELECT Owner.Name` answers it: the relationship nested under
// "Owner", null when the owner cannot be read.
type leadOwnerRecord struct {
	Owner *struct {
		Name string `json:"Name"`
	} `json:"Owner"`
}

// LeadOwnerName is the name of the lead's owner (a user or a queue) as Salesforce shows it
// beside Lead Owner, read with one query (`SELECT Owner.Name FROM Lead WHERE Id = '…'`, as the
// sObject read does not follow relationships). It is "" when the org does not say it. A bad id
// fails with recordid.ErrBad before any request.
func (c *Client) LeadOwnerName(ctx context.Context, id string) (string, error) {
	full, err := recordid.ParseLead(id)
	if err != nil {
		return "", err
	}
	recs, err := queryAll[leadOwnerRecord](ctx, c, "SELECT Owner.Name FROM Lead WHERE Id = '"+soqlEscape(full)+"'")
	if err != nil {
		return "", fmt.Errorf("read the owner of lead %s: %w", full, asCall(err, CallLead))
	}
	if len(recs) == 0 || recs[0].Owner == nil {
		return "", nil
	}
	return recs[0].Owner.Name, nil
}
