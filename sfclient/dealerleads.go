package sfclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"leaddesk/sfclient/recordid"
)

// This file reads the dealer's leads: the list, text search and one lead's summary.

// LeadSummary is one of the dealer's leads as the list shows it.
type LeadSummary struct {
	ID              string    `json:"id"`   // 18 characters
	Name            string    `json:"name"` // FirstName LastName
	Company         string    `json:"company"`
	Status          string    `json:"status"`                    // New, Working, …
	AmountRequested *float64  `json:"amountRequested,omitempty"` // nil when not given
	Year            string    `json:"year,omitempty"`            // of the equipment
	Make            string    `json:"make,omitempty"`
	Model           string    `json:"model,omitempty"`
	Created         time.Time `json:"created"`
	LastModified    time.Time `json:"lastModified"`
	IsConverted     bool      `json:"isConverted"`
	ConvertedDate   string    `json:"convertedDate,omitempty"` // YYYY-MM-DD, "" unless converted
}

// Equipment is the equipment as one phrase, "2021 Caterpillar 320", without the parts not
// given.
func (s LeadSummary) Equipment() string {
	return strings.Join(strings.Fields(s.Year+" "+s.Make+" "+s.Model), " ")
}

// summaryFields are the Lead fields a LeadSummary is made of.
var summaryFields = []string{"Id", "Name", "Company", "Status", "Amount_Requested__c", "Year__c", "Make__c", "Model__c",
	"CreatedDate", "LastModifiedDate", "IsConverted", "ConvertedDate"}

// summaryRecord is a Lead record as query, search and GET answer it.
type summaryRecord struct {
	ID            string   `json:"Id"`
	Name          string   `json:"Name"`
	Company       string   `json:"Company"`
	Status        string   `json:"Status"`
	Amount        *float64 `json:"Amount_Requested__c"`
	Year          any      `json:"Year__c"`
	Make          string   `json:"Make__c"`
	Model         string   `json:"Model__c"`
	Created       string   `json:"CreatedDate"`
	LastModified  string   `json:"LastModifiedDate"`
	IsConverted   bool     `json:"IsConverted"`
	ConvertedDate string   `json:"ConvertedDate"`
}

func (r summaryRecord) summary() LeadSummary {
	s := LeadSummary{ID: r.ID, Name: r.Name, Company: r.Company, Status: r.Status, AmountRequested: r.Amount,
		Make: r.Make, Model: r.Model, IsConverted: r.IsConverted, ConvertedDate: r.ConvertedDate}
	if r.Year != nil {
		s.Year = fmt.Sprint(r.Year)
	}
	s.Created, _ = ParseDateTime(r.Created)
	s.LastModified, _ = ParseDateTime(r.LastModified)
	return s
}

// ListOptions choose which of the dealer's leads ListLeads returns.
type ListOptions struct {
	// DealerID is Dealer_ID__c, the dealer's Account id at Mazo. Empty means only the leads
	// the signed-in user created.
	DealerID string
	// Status keeps only leads with this Status. Empty means every status.
	Status string
	// ChangedWithinDays keeps only leads changed in the last n days (LAST_N_DAYS:n). Zero
	// means no limit.
	ChangedWithinDays int
}

// ListSOQL is the query ListLeads sends: the dealer's leads (Dealer_ID__c is the dealer, or
// the signed-in user created them), newest change first, literals escaped.
func ListSOQL(opts ListOptions, userID string) string {
	who := []string{"CreatedById = '" + soqlEscape(userID) + "'"}
	if opts.DealerID != "" {
		who = append([]string{"Dealer_ID__c = '" + soqlEscape(opts.DealerID) + "'"}, who...)
	}
	where := []string{"(" + strings.Join(who, " OR ") + ")"}
	if opts.Status != "" {
		where = append(where, "Status = '"+soqlEscape(opts.Status)+"'")
	}
	if opts.ChangedWithinDays > 0 {
		where = append(where, fmt.Sprintf("LastModifiedDate = LAST_N_DAYS:%d", opts.ChangedWithinDays))
	}
	return "SELECT " + strings.Join(summaryFields, ", ") + " FROM Lead WHERE " + strings.Join(where, " AND ") +
		" ORDER BY LastModifiedDate DESC"
}

// queryPage is one batch of a query's answer.
type queryPage[T any] struct {
	TotalSize      int    `json:"totalSize"`
	Done           bool   `json:"done"`
	NextRecordsURL string `json:"nextRecordsUrl"`
	Records        []T    `json:"records"`
}

// queryAll runs soql and follows nextRecordsUrl until done: one request per page (Salesforce
// pages hold up to 2,000 records).
func queryAll[T any](ctx context.Context, c *Client, soql string) ([]T, error) {
	path := "/query?q=" + url.QueryEscape(soql)
	var all []T
	for {
		var page queryPage[T]
		if _, _, err := c.do(ctx, request{method: http.MethodGet, path: path, out: &page}); err != nil {
			return nil, err
		}
		all = append(all, page.Records...)
		if page.Done || page.NextRecordsURL == "" {
			return all, nil
		}
		if !strings.HasPrefix(page.NextRecordsURL, "/services/data/") {
			return nil, fmt.Errorf("salesforce answered an unexpected next page address %q", page.NextRecordsURL)
		}
		path = page.NextRecordsURL
	}
}

// ListLeads returns the dealer's leads, the most recently changed first, reading every page
// (one request per 2,000 leads). Errors: *APIError, ErrSignInRequired, connection errors.
func (c *Client) ListLeads(ctx context.Context, opts ListOptions) ([]LeadSummary, error) {
	recs, err := queryAll[summaryRecord](ctx, c, ListSOQL(opts, c.Session().UserID))
	if err != nil {
		return nil, fmt.Errorf("list the dealer's leads: %w", err)
	}
	return summaries(recs), nil
}

func summaries(recs []summaryRecord) []LeadSummary {
	out := make([]LeadSummary, 0, len(recs))
	for _, r := range recs {
		out = append(out, r.summary())
	}
	return out
}

// ErrSearchTooShort is returned for search text of fewer than two characters, which
// Salesforce refuses.
var ErrSearchTooShort = errors.New("search text too short")

// SearchLimit is how many leads one search returns at most.
const SearchLimit = 200

// SearchLeads finds leads by name, company, e-mail or phone with Salesforce's search
// (parameterizedSearch); where the org does not offer search to the API (404), it asks
// with SOQL LIKE instead, and keeps doing so for this client. A lead id or a Lightning or
// Classic link finds that lead by id. One request per search. Errors: ErrSearchTooShort,
// *APIError, ErrSignInRequired, connection errors.
func (c *Client) SearchLeads(ctx context.Context, text string) ([]LeadSummary, error) {
	text = strings.TrimSpace(text)
	if id, err := recordid.ParseLead(text); err == nil {
		return c.leadByID(ctx, id)
	}
	if len([]rune(text)) < 2 {
		return nil, ErrSearchTooShort
	}
	c.mu.Lock()
	noSearch := c.noSearch
	c.mu.Unlock()
	if !noSearch {
		leads, err := c.parameterizedSearch(ctx, text)
		var api *APIError
		if !errors.As(err, &api) || api.Status != http.StatusNotFound {
			return leads, err
		}
		c.mu.Lock()
		c.noSearch = true
		c.mu.Unlock()
	}
	recs, err := queryAll[summaryRecord](ctx, c, LikeSOQL(text))
	if err != nil {
		return nil, fmt.Errorf("search the leads: %w", err)
	}
	return summaries(recs), nil
}

func (c *Client) parameterizedSearch(ctx context.Context, text string) ([]LeadSummary, error) {
	q := url.Values{"q": {text}, "sobject": {"Lead"}, "Lead.fields": {strings.Join(summaryFields, ",")},
		"Lead.limit": {fmt.Sprint(SearchLimit)}}
	var out struct {
		SearchRecords []summaryRecord `json:"searchRecords"`
	}
	if _, _, err := c.do(ctx, request{method: http.MethodGet, path: "/parameterizedSearch/?" + q.Encode(), out: &out}); err != nil {
		return nil, fmt.Errorf("search the leads: %w", err)
	}
	return summaries(out.SearchRecords), nil
}

// LikeSOQL is the query SearchLeads falls back to: text anywhere in the name, company,
// e-mail or phone, with quotes, backslashes and LIKE's wildcards escaped.
func LikeSOQL(text string) string {
	pattern := "'%" + soqlLikeEscape(text) + "%'"
	var or []string
	for _, f := range []string{"Name", "Company", "Email", "Phone"} {
		or = append(or, f+" LIKE "+pattern)
	}
	return "SELECT " + strings.Join(summaryFields, ", ") + " FROM Lead WHERE " + strings.Join(or, " OR ") +
		fmt.Sprintf(" ORDER BY LastModifiedDate DESC LIMIT %d", SearchLimit)
}

// soqlLikeEscape escapes a LIKE pattern's literal text: \ and ' as in any string, and % and
// _ so they match themselves.
func soqlLikeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// leadByID is a search for an id: the lead, or nothing when Salesforce has no such lead.
func (c *Client) leadByID(ctx context.Context, id string) ([]LeadSummary, error) {
	var rec summaryRecord
	path := "/sobjects/Lead/" + id + "?fields=" + url.QueryEscape(strings.Join(summaryFields[1:], ","))
	_, _, err := c.do(ctx, request{method: http.MethodGet, path: path, out: &rec})
	var api *APIError
	if errors.As(err, &api) && api.Status == http.StatusNotFound {
		return []LeadSummary{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read lead %s: %w", id, err)
	}
	return []LeadSummary{rec.summary()}, nil
}
