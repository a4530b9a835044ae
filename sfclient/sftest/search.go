package sftest

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// This file answers text search: parameterizedSearch (what Lead Desk sends) and SOSL's
// FIND (what `sf data search` sends). Only leads are searched, in their name, company,
// e-mail and phone. A term matches where a word of the field starts with it (so "jim" finds
// "Jimmy"); a term of digits matches a phone number whatever its punctuation.

// SetSearch switches text search (on by default). While off, both search endpoints answer
// 404 NOT_FOUND, as in an org or edition where search is not available to the API.
func (o *Org) SetSearch(on bool) { o.set(func() { o.searchOff = !on }) }

// searchedFields are the Lead fields a search looks in.
var searchedFields = map[string][]string{
	"ALL":   {"Name", "Company", "Email", "Phone"},
	"NAME":  {"Name", "Company"},
	"EMAIL": {"Email"},
	"PHONE": {"Phone"},
}

// searchLimit is how many records one search returns at most.
const searchLimit = 2000

// terms splits search text into lower-case terms, dropping SOSL's backslash escapes,
// quotes and operators.
func terms(text string) []string {
	var out []string
	for _, t := range strings.Fields(strings.ToLower(text)) {
		t = strings.Trim(strings.ReplaceAll(t, `\`, ""), `"*`)
		if t != "" && t != "and" && t != "or" {
			out = append(out, t)
		}
	}
	return out
}

// found reports whether every term matches one of the row's searched fields.
func found(row map[string]any, fields, terms []string) bool {
	for _, t := range terms {
		hit := false
		for _, f := range fields {
			v, _ := row[f].(string)
			if hit = matchesWord(v, t) || f == "Phone" && matchesDigits(v, t); hit {
				break
			}
		}
		if !hit {
			return false
		}
	}
	return len(terms) > 0
}

func matchesWord(value, term string) bool {
	value = strings.ToLower(value)
	for i := 0; ; {
		j := strings.Index(value[i:], term)
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 || !isWordRune(rune(value[at-1])) {
			return true
		}
		i = at + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// matchesDigits: a term that is a phone number (3+ digits, nothing but phone punctuation)
// matches a phone holding those digits.
func matchesDigits(phone, term string) bool {
	d := digits(term)
	if len(d) < 3 || strings.Trim(term, "0123456789()-+. ") != "" {
		return false
	}
	return strings.Contains(digits(phone), d)
}

// searchLeads runs a search: the leads matching every term in the scope's fields, through
// the SOQL plan's filter, order and limit (its own LIMIT, or limit when it has none).
func (o *Org) searchLeads(text, scope, returning string, limit int, version string) ([]map[string]any, error) {
	if returning == "" {
		returning = "Id"
	}
	o.mu.Lock()
	now := o.nowLocked()
	o.mu.Unlock()
	q, err := parseSOQL("SELECT "+returning, now)
	if err != nil {
		return nil, err
	}
	p, err := compile(q)
	if err != nil {
		return nil, err
	}
	if q.limit >= 0 {
		limit = min(limit, q.limit)
	}
	q.limit = -1
	o.mu.Lock()
	defer o.mu.Unlock()
	var rows []map[string]any
	for _, row := range p.run(o) {
		if len(rows) < limit && found(row, searchedFields[scope], terms(text)) {
			rows = append(rows, row)
		}
	}
	return p.project(o, rows, version), nil
}

// parameterizedSearch answers GET parameterizedSearch/?q=TEXT&sobject=Lead&Lead.fields=…
// &Lead.limit=N (and in=ALL|NAME|EMAIL|PHONE, overallLimit=N).
func (o *Org) parameterizedSearch(w http.ResponseWriter, r *http.Request, version string) {
	if o.searchUnavailable(w) {
		return
	}
	v := r.URL.Query()
	text := v.Get("q")
	if len([]rune(strings.TrimSpace(text))) < 2 {
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_SEARCH", "search term must be longer than one character"))
		return
	}
	if s := v.Get("sobject"); s != "" && !strings.EqualFold(s, "Lead") {
		writeJSON(w, http.StatusOK, map[string]any{"searchRecords": []any{}})
		return
	}
	scope := strings.ToUpper(v.Get("in"))
	if scope == "" {
		scope = "ALL"
	}
	if searchedFields[scope] == nil {
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_SEARCH_SCOPE", "invalid search scope: "+v.Get("in")))
		return
	}
	limit := searchLimit
	for _, name := range []string{"Lead.limit", "overallLimit"} {
		if s := v.Get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				writeErrors(w, http.StatusBadRequest, apiErr("INVALID_SEARCH", name+" must be a whole number of at least 1"))
				return
			}
			limit = min(limit, n)
		}
	}
	fields := v.Get("Lead.fields")
	if fields == "" {
		fields = "Id"
	}
	o.answerSearch(w, text, scope, fields+" FROM Lead", limit, version)
}

func (o *Org) searchUnavailable(w http.ResponseWriter) bool {
	o.mu.Lock()
	off := o.searchOff
	o.mu.Unlock()
	if off {
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
	}
	return off
}

func (o *Org) answerSearch(w http.ResponseWriter, text, scope, returning string, limit int, version string) {
	records, err := o.searchLeads(text, scope, returning, limit, version)
	var bad *soqlError
	if errors.As(err, &bad) {
		writeErrors(w, http.StatusBadRequest, apiErr(bad.code, bad.msg))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"searchRecords": records})
}

// soslPattern reads the SOSL a client sends: FIND {text} [IN scope FIELDS]
// [RETURNING Lead[(fields …)]] [LIMIT n].
var soslPattern = regexp.MustCompile(`(?is)^\s*FIND\s+\{((?:[^}\\]|\\.)*)\}\s*(?:IN\s+(ALL|NAME|EMAIL|PHONE)\s+FIELDS\s*)?(?:RETURNING\s+(\w+)\s*(?:\((.*)\))?\s*)?(?:LIMIT\s+(\d+)\s*)?$`)

// sosl answers GET search?q=FIND {…} …, the SOSL search the Salesforce CLI runs.
func (o *Org) sosl(w http.ResponseWriter, r *http.Request, version string) {
	if o.searchUnavailable(w) {
		return
	}
	m := soslPattern.FindStringSubmatch(r.URL.Query().Get("q"))
	if m == nil {
		writeErrors(w, http.StatusBadRequest, apiErr("MALFORMED_SEARCH", "No search term found. The search term must be enclosed in braces."))
		return
	}
	text, scope, object, inner := m[1], strings.ToUpper(m[2]), m[3], m[4]
	if len([]rune(strings.TrimSpace(text))) < 2 {
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_SEARCH", "search term must be longer than one character"))
		return
	}
	if scope == "" {
		scope = "ALL"
	}
	limit := searchLimit
	if m[5] != "" {
		n, _ := strconv.Atoi(m[5])
		limit = min(limit, n)
	}
	if object != "" && !strings.EqualFold(object, "Lead") {
		if objects[strings.ToLower(object)] == nil {
			writeErrors(w, http.StatusBadRequest, apiErr("INVALID_TYPE", "sObject type '"+object+"' is not supported."))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"searchRecords": []any{}}) // only leads are searched
		return
	}
	// Lead(fields WHERE … ORDER BY … LIMIT n) reads as SELECT fields FROM Lead WHERE ….
	fields, rest := inner, ""
	if i := clauseStart(inner); i >= 0 {
		fields, rest = inner[:i], inner[i:]
	}
	if strings.TrimSpace(fields) == "" {
		fields = "Id"
	}
	o.answerSearch(w, text, scope, fields+" FROM Lead "+rest, limit, version)
}

var clausePattern = regexp.MustCompile(`(?i)\s(WHERE|ORDER\s+BY|LIMIT)\s`)

// clauseStart finds where the field list of a RETURNING spec ends, or -1.
func clauseStart(spec string) int {
	if loc := clausePattern.FindStringIndex(spec + " "); loc != nil {
		return loc[0]
	}
	return -1
}
