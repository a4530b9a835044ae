package sfclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// ErrSignInRequired means there is no usable session: nobody signed in, or Salesforce no
// longer accepts the refresh token (invalid_grant). The person's unsaved work stays where it
// is; they sign in again and retry.
var ErrSignInRequired = errors.New("sign-in required")

// ErrNotSignedIn means nobody has signed in on this computer yet (or they signed out). It
// matches ErrSignInRequired too.
var ErrNotSignedIn = fmt.Errorf("%w: nobody is signed in on this computer", ErrSignInRequired)

// ErrAccessDenied means the person chose "Deny" on Salesforce's consent page.
var ErrAccessDenied = errors.New("access was declined on the Salesforce page")

// APIError is what Salesforce said, decoded from any of its three error shapes: the REST
// array [{"message","errorCode","fields"}], the OAuth object {"error","error_description"},
// or anything else (an HTML outage page), kept as a short plain-text excerpt.
type APIError struct {
	Status     int      // HTTP status
	Code       string   // errorCode or OAuth error, e.g. REQUIRED_FIELD_MISSING, invalid_grant
	Fields     []string // fields the form should mark
	Message    string   // Salesforce's own message, or the excerpt of an unexpected body
	Duplicates *DuplicateResult
	// More holds further errors when Salesforce returned several.
	More []APIError
	// Call says what was asked when it matters for the sentence: CallLead or CallUserInfo,
	// so that a 404 reads "no lead with that id" only for a lead. Empty means unspecified.
	Call string
}

// What an APIError's Call can be.
const (
	CallLead     = "lead"
	CallUserInfo = "userinfo"
)

// asCall marks an *APIError in err as the answer to call; other errors pass unchanged.
func asCall(err error, call string) error {
	var api *APIError
	if errors.As(err, &api) {
		api.Call = call
	}
	return err
}

// DuplicateResult is the duplicateResult of a DUPLICATES_DETECTED error.
type DuplicateResult struct {
	AllowSave bool     // true when the rule only alerts: the lead may be sent again with allowSave
	Rule      string   // the duplicate rule's API name
	MatchIDs  []string // ids of the records that matched
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "salesforce: HTTP %d", e.Status)
	if e.Code != "" {
		fmt.Fprintf(&b, " %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", MaskSensitive(e.Message))
	}
	if len(e.Fields) > 0 {
		fmt.Fprintf(&b, " (fields: %s)", strings.Join(e.Fields, ", "))
	}
	for _, m := range e.More {
		fmt.Fprintf(&b, "; %s: %s", m.Code, MaskSensitive(m.Message))
	}
	return b.String()
}

// AllFields lists every field named by this error and the ones in More.
func (e *APIError) AllFields() []string {
	fields := append([]string(nil), e.Fields...)
	for _, m := range e.More {
		fields = append(fields, m.Fields...)
	}
	return fields
}

type restError struct {
	Message         string   `json:"message"`
	ErrorCode       string   `json:"errorCode"`
	Fields          []string `json:"fields"`
	DuplicateResult *struct {
		AllowSave     bool   `json:"allowSave"`
		DuplicateRule string `json:"duplicateRule"`
		MatchResults  []struct {
			MatchRecords []struct {
				Record struct {
					ID string `json:"Id"`
				} `json:"record"`
			} `json:"matchRecords"`
		} `json:"matchResults"`
	} `json:"duplicateResult"`
}

type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// excerptLimit bounds how much of an unexpected body an error keeps.
const excerptLimit = 160

// DecodeError turns an error response into an *APIError. It never panics and never
// returns nil, whatever the body holds.
func DecodeError(status int, body []byte) *APIError {
	e := &APIError{Status: status}
	trimmed := strings.TrimSpace(string(body))
	switch {
	case strings.HasPrefix(trimmed, "["):
		var list []restError
		if json.Unmarshal(body, &list) == nil && len(list) > 0 {
			for i, r := range list {
				item := fromREST(status, r)
				if i == 0 {
					*e = item
				} else {
					e.More = append(e.More, item)
				}
			}
			return e
		}
	case strings.HasPrefix(trimmed, "{"):
		var o oauthError
		if json.Unmarshal(body, &o) == nil && o.Error != "" {
			e.Code, e.Message = o.Error, o.Description
			return e
		}
		var r restError
		if json.Unmarshal(body, &r) == nil && r.ErrorCode != "" {
			return ptr(fromREST(status, r))
		}
	}
	e.Message = Excerpt(body)
	return e
}

func fromREST(status int, r restError) APIError {
	e := APIError{Status: status, Code: r.ErrorCode, Fields: r.Fields, Message: r.Message}
	if d := r.DuplicateResult; d != nil {
		dup := &DuplicateResult{AllowSave: d.AllowSave, Rule: d.DuplicateRule}
		for _, m := range d.MatchResults {
			for _, rec := range m.MatchRecords {
				dup.MatchIDs = append(dup.MatchIDs, rec.Record.ID)
			}
		}
		e.Duplicates = dup
	}
	return e
}

func ptr[T any](v T) *T { return &v }

var (
	tagPattern   = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>|<[^>]*>`)
	spacePattern = regexp.MustCompile(`\s+`)
)

// Excerpt makes a short one-line plain-text excerpt of an unexpected body (HTML tags
// removed, entities decoded, white space folded, at most 160 characters, valid UTF-8).
func Excerpt(body []byte) string {
	s := string(body)
	if len(s) > 64<<10 {
		s = s[:64<<10]
	}
	s = tagPattern.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	s = strings.ToValidUTF8(s, "")
	s = strings.TrimSpace(spacePattern.ReplaceAllString(s, " "))
	if utf8.RuneCountInString(s) > excerptLimit {
		s = string([]rune(s)[:excerptLimit]) + "…"
	}
	return s
}
