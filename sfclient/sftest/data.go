package sftest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/recordid"
)

// Versions lists the API versions the org offers, oldest first. Older versions back to
// oldestServed answer too, as Salesforce keeps serving them (the Salesforce CLI reads the
// signed-in User through v51.0).
var Versions = []string{"60.0", "61.0", "62.0", "63.0", "64.0"}

const oldestServed = 31

// servedVersion reports whether /services/data/vVERSION answers.
func servedVersion(version string) bool {
	if slices.Contains(Versions, version) {
		return true
	}
	major, minor, ok := strings.Cut(version, ".")
	n, err := strconv.Atoi(major)
	return ok && minor == "0" && err == nil && n >= oldestServed && version < Versions[0]
}

// NewestVersion is the last of Versions.
var NewestVersion = Versions[len(Versions)-1]

const sfTime = "2006-01-02T15:04:05.000+0000"

type apiError struct {
	Message         string         `json:"message"`
	ErrorCode       string         `json:"errorCode"`
	Fields          []string       `json:"fields"`
	DuplicateResult map[string]any `json:"duplicateResult,omitempty"`
}

func apiErr(code, msg string, fields ...string) apiError {
	if fields == nil {
		fields = []string{}
	}
	return apiError{Message: msg, ErrorCode: code, Fields: fields}
}

func writeErrors(w http.ResponseWriter, status int, errs ...apiError) {
	writeJSON(w, status, errs)
}

func (o *Org) versions(w http.ResponseWriter, r *http.Request) {
	var list []map[string]string
	for _, v := range Versions {
		list = append(list, map[string]string{"label": "Release " + v, "url": "/services/data/v" + v, "version": v})
	}
	writeJSON(w, http.StatusOK, list)
}

// data routes /services/data/vNN.N/… after checking the version, the session and the limit.
func (o *Org) data(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/services/data/v")
	version, rest, _ := strings.Cut(rest, "/")
	if !servedVersion(version) {
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
		return
	}
	if !o.session(w, r) {
		return
	}
	o.mu.Lock()
	o.apiCalls++
	calls, limit := o.apiCalls, o.limit
	o.mu.Unlock()
	if limit > 0 && calls > limit {
		writeErrors(w, http.StatusForbidden, apiErr("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."))
		return
	}
	w.Header().Set("Sforce-Limit-Info", fmt.Sprintf("api-usage=%d/15000", calls))
	switch {
	case rest == "sobjects/Lead" && r.Method == http.MethodPost:
		o.createLead(w, r, version)
	case rest == "sobjects/Lead/describe" && r.Method == http.MethodGet:
		o.describe(w, r)
	case strings.HasPrefix(rest, "sobjects/Lead/") && (r.Method == http.MethodGet || r.Method == http.MethodPatch):
		id := strings.TrimPrefix(rest, "sobjects/Lead/")
		if r.Method == http.MethodGet {
			o.getLead(w, r, version, id)
		} else {
			o.updateLead(w, r, id)
		}
	case rest == "query" && r.Method == http.MethodGet:
		o.query(w, r, version)
	case rest == "sobjects/ContentVersion" && r.Method == http.MethodPost:
		o.createContentVersion(w, r, version) // files.go
	case strings.HasPrefix(rest, "query/") && r.Method == http.MethodGet:
		o.queryMore(w, version, strings.TrimPrefix(rest, "query/"))
	case (rest == "search" || rest == "search/") && r.Method == http.MethodGet:
		o.sosl(w, r, version)
	case (rest == "parameterizedSearch" || rest == "parameterizedSearch/") && r.Method == http.MethodGet:
		o.parameterizedSearch(w, r, version)
	case strings.HasPrefix(rest, "sobjects/") && strings.Count(rest, "/") == 2 && r.Method == http.MethodGet:
		object, id, _ := strings.Cut(strings.TrimPrefix(rest, "sobjects/"), "/")
		o.getRecord(w, r, version, object, id)
	default:
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
	}
}

func decodeBody(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		writeErrors(w, http.StatusUnsupportedMediaType, apiErr("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json"))
		return nil, false
	}
	var body map[string]any
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&body); err != nil {
		writeErrors(w, http.StatusBadRequest, apiErr("JSON_PARSER_ERROR", "Unexpected character in JSON: "+err.Error()))
		return nil, false
	}
	return body, true
}

func (o *Org) createLead(w http.ResponseWriter, r *http.Request, version string) {
	body, ok := decodeBody(w, r)
	if !ok {
		return
	}
	rec, errs, status := normalize(body, true)
	if errs != nil {
		writeErrors(w, status, errs...)
		return
	}
	allowSave := strings.Contains(strings.ReplaceAll(r.Header.Get("Sforce-Duplicate-Rule-Header"), " ", ""), "allowSave=true")
	o.mu.Lock()
	defer o.mu.Unlock()
	if matches := o.duplicatesLocked(rec); len(matches) > 0 && o.duplicates != DuplicatesOff &&
		(!allowSave || o.duplicates == DuplicatesBlock) {
		writeErrors(w, http.StatusBadRequest, duplicateError(version, matches, o.duplicates == DuplicatesAlert))
		return
	}
	id := o.insertLocked(rec, UserID)
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "success": true, "errors": []any{}})
}

func (o *Org) duplicatesLocked(rec map[string]any) []string {
	var ids []string
	for _, id := range o.order {
		l := o.leads[id]
		sameEmail := rec["Email"] != nil && strings.EqualFold(fmt.Sprint(rec["Email"]), fmt.Sprint(l["Email"]))
		sameName := rec["Company"] == l["Company"] && rec["LastName"] == l["LastName"]
		if sameEmail || sameName {
			ids = append(ids, id)
		}
	}
	return ids
}

func duplicateError(version string, ids []string, allowSave bool) apiError {
	msg := "You're creating a duplicate record. We recommend you use an existing record instead."
	var records []map[string]any
	for _, id := range ids {
		records = append(records, map[string]any{"additionalInformation": []any{}, "fieldDiffs": []any{}, "matchConfidence": 100.0,
			"record": map[string]any{"attributes": attributes(version, id), "Id": id}})
	}
	e := apiErr("DUPLICATES_DETECTED", msg)
	e.DuplicateResult = map[string]any{
		"allowSave": allowSave, "duplicateRule": "Standard_Lead_Duplicate_Rule", "duplicateRuleEntityType": "Lead",
		"errorMessage": msg, "matchResults": []any{map[string]any{"entityType": "Lead", "matchEngine": "FuzzyMatchEngine",
			"matchRecords": records, "rule": "Standard_Lead_Match_Rule_v1_0", "size": len(records), "success": true}},
	}
	return e
}

func attributes(version, id string) map[string]string {
	return map[string]string{"type": "Lead", "url": "/services/data/v" + version + "/sobjects/Lead/" + id}
}

// lookup finds a lead by its 15- or 18-character id, writing Salesforce's error if none.
func (o *Org) lookup(w http.ResponseWriter, id string) (string, bool) {
	full, err := recordid.ParseLead(id)
	if err != nil {
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "Provided external ID field does not exist or is not accessible: "+id))
		return "", false
	}
	o.mu.Lock()
	_, ok := o.leads[full]
	o.mu.Unlock()
	if !ok {
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
	}
	return full, ok
}

func (o *Org) getLead(w http.ResponseWriter, r *http.Request, version, id string) {
	full, ok := o.lookup(w, id)
	if !ok {
		return
	}
	names, ok := fieldList(w, r, objects["lead"])
	if !ok {
		return
	}
	o.mu.Lock()
	out := project(o.leads[full], version, names)
	o.mu.Unlock()
	if layout := o.opts.DateTimeLayout; layout != "" {
		for _, n := range []string{"CreatedDate", "LastModifiedDate", "ConvertedDate"} {
			if s, ok := out[n].(string); ok {
				if t, err := time.Parse(sfTime, s); err == nil {
					out[n] = t.Format(layout)
				}
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// fieldList reads a ?fields=A,B list, writing Salesforce's error for an unknown name; nil
// means every field.
func fieldList(w http.ResponseWriter, r *http.Request, ob *object) ([]string, bool) {
	fields := r.URL.Query().Get("fields")
	if fields == "" {
		return nil, true
	}
	var names []string
	for _, n := range strings.Split(fields, ",") {
		f, ok := ob.field(strings.TrimSpace(n))
		if !ok {
			writeErrors(w, http.StatusBadRequest, apiErr("INVALID_FIELD", fmt.Sprintf("No such column '%s' on entity '%s'.", strings.TrimSpace(n), ob.name)))
			return nil, false
		}
		names = append(names, f.name)
	}
	return names, true
}

// project copies a lead for output: every field (null when unset), or only names.
func project(rec map[string]any, version string, names []string) map[string]any {
	row := leadRow(rec)
	if names == nil {
		for _, f := range objects["lead"].fields {
			names = append(names, f.name)
		}
	}
	out := map[string]any{"attributes": attributes(version, rec["Id"].(string)), "Id": rec["Id"]}
	for _, n := range names {
		out[n] = row[n]
	}
	return out
}

func (o *Org) updateLead(w http.ResponseWriter, r *http.Request, id string) {
	full, ok := o.lookup(w, id)
	if !ok {
		return
	}
	body, ok := decodeBody(w, r)
	if !ok {
		return
	}
	changes, errs, status := normalize(body, false)
	if errs != nil {
		writeErrors(w, status, errs...)
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	rec := o.leads[full]
	if rec["IsConverted"] == true {
		writeErrors(w, http.StatusBadRequest, apiErr("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead"))
		return
	}
	if since := r.Header.Get("If-Unmodified-Since"); since != "" {
		t, err := http.ParseTime(since)
		modified, _ := time.Parse(sfTime, rec["LastModifiedDate"].(string))
		if err != nil || modified.After(t) {
			writeErrors(w, http.StatusPreconditionFailed, apiErr("PRECONDITION_FAILED", "The requested resource has been modified since the specified date"))
			return
		}
	}
	for k := range changes {
		if slices.Contains(o.opts.ReadOnlyFields, k) {
			writeErrors(w, http.StatusBadRequest, apiErr("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "+k+". Please check the security settings of this field and verify that it is read/write for your profile or permission set.", k))
			return
		}
	}
	for _, req := range []string{"LastName", "Company"} {
		if v, set := changes[req]; set && v == nil {
			writeErrors(w, http.StatusBadRequest, apiErr("REQUIRED_FIELD_MISSING", "Required fields are missing: ["+req+"]", req))
			return
		}
	}
	o.changeLocked(full, changes, UserID)
	w.WriteHeader(http.StatusNoContent)
}

// SetField changes a lead as Mazo's staff would (history written as MazoUserName), one
// second later than any change before it, so a copy loaded earlier is stale.
func (o *Org) SetField(id, field string, value any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.clock += time.Second
	if _, ok := o.leads[id]; ok {
		o.changeLocked(id, map[string]any{field: value}, MazoUserID)
	}
}

// Lead returns a copy of the stored lead with the 18-character id, or nil.
func (o *Org) Lead(id string) map[string]any {
	o.mu.Lock()
	defer o.mu.Unlock()
	rec, ok := o.leads[id]
	if !ok {
		return nil
	}
	out := make(map[string]any, len(rec))
	for k, v := range rec {
		out[k] = v
	}
	return out
}

// LeadIDs lists the ids of every lead, in creation order.
func (o *Org) LeadIDs() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]string(nil), o.order...)
}

func (o *Org) describe(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	at := o.describeAt
	o.mu.Unlock()
	if since, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !at.After(since) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Last-Modified", at.Format(http.TimeFormat))
	var fields []map[string]any
	for _, f := range leadSystemFields {
		fields = append(fields, map[string]any{"name": f.name, "label": f.name, "type": f.kind, "createable": false, "updateable": false, "nillable": f.name != "Id"})
	}
	for _, f := range lead.Fields {
		var values []map[string]any
		for i, v := range f.Values {
			values = append(values, map[string]any{"value": v, "label": v, "active": true, "defaultValue": i == 0 && f.Name == "Status"})
		}
		fields = append(fields, map[string]any{"name": f.Name, "label": f.Label, "type": string(f.Kind), "length": f.Length,
			"nillable": !f.Required, "createable": true, "updateable": !slices.Contains(o.opts.ReadOnlyFields, f.Name), "restrictedPicklist": f.Restricted, "picklistValues": values})
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": "Lead", "label": "Lead", "keyPrefix": "00Q", "fields": fields})
}
