package sftest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"leaddesk/sfclient/lead"
)

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// normalize checks a create or update body as Salesforce would and converts values to what
// the org stores (numbers as float64, "" as null). It returns Salesforce's errors and status
// when the body is refused: unknown and read-only fields and unparseable values first (one
// error, as Salesforce stops there), then every field-level problem at once.
func normalize(body map[string]any, create bool) (map[string]any, []apiError, int) {
	rec := map[string]any{}
	var errs []apiError
	for name, raw := range body {
		f, ok := lead.ByName(name)
		if !ok {
			if slices.ContainsFunc(leadSystemFields, func(s fieldDef) bool { return s.name == name }) {
				return nil, []apiError{apiErr("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "+name+". Please check the security settings of this field and verify that it is read/write for your profile or permission set.", name)}, http.StatusBadRequest
			}
			return nil, []apiError{apiErr("INVALID_FIELD", fmt.Sprintf("No such column '%s' on sobject of type Lead", name))}, http.StatusBadRequest
		}
		v, err := convert(f, raw)
		if err != nil {
			return nil, []apiError{apiErr("JSON_PARSER_ERROR", fmt.Sprintf("Cannot deserialize instance of %s from VALUE_STRING value %s or request may be missing a required field", f.Kind, err))}, http.StatusBadRequest
		}
		rec[name] = v
		s, isText := v.(string)
		switch {
		case !isText:
		case f.Length > 0 && len([]rune(s)) > f.Length:
			errs = append(errs, apiErr("STRING_TOO_LONG", fmt.Sprintf("%s: data value too large: %s (max length=%d)", f.Label, s, f.Length), name))
		case f.Kind == lead.Email && !emailPattern.MatchString(s):
			errs = append(errs, apiErr("INVALID_EMAIL_ADDRESS", f.Label+": invalid email address: "+s, name))
		case f.Restricted && !slices.Contains(f.Values, s):
			errs = append(errs, apiErr("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", f.Label+": bad value for restricted picklist field: "+s, name))
		}
	}
	if create {
		var missing []string
		for _, f := range lead.Fields {
			if f.Required && rec[f.Name] == nil {
				missing = append(missing, f.Name)
			}
		}
		if missing != nil {
			errs = append(errs, apiErr("REQUIRED_FIELD_MISSING", "Required fields are missing: ["+strings.Join(missing, ", ")+"]", missing...))
		}
		if rec["Status"] == nil {
			rec["Status"] = "New"
		}
	}
	if errs != nil {
		return nil, errs, http.StatusBadRequest
	}
	return rec, nil, 0
}

// convert turns a JSON value into the stored value for the field's kind; the error text is
// the offending value.
func convert(f lead.Field, raw any) (any, error) {
	if raw == nil || raw == "" {
		return nil, nil
	}
	switch f.Kind {
	case lead.Currency, lead.Number, lead.Percent:
		var n json.Number
		switch v := raw.(type) {
		case json.Number:
			n = v
		case string:
			n = json.Number(strings.TrimSpace(v))
		default:
			return nil, fmt.Errorf("%v", raw)
		}
		x, err := n.Float64()
		if err != nil {
			return nil, fmt.Errorf("%s", n)
		}
		return x, nil
	case lead.Boolean:
		switch v := raw.(type) {
		case bool:
			return v, nil
		case string:
			if v == "true" || v == "false" {
				return v == "true", nil
			}
		}
		return nil, fmt.Errorf("%v", raw)
	case lead.Date:
		s, ok := raw.(string)
		if _, err := time.Parse("2006-01-02", s); !ok || err != nil {
			return nil, fmt.Errorf("%v", raw)
		}
		return s, nil
	}
	switch v := raw.(type) {
	case string:
		return v, nil
	case json.Number, bool:
		return fmt.Sprint(v), nil // Salesforce coerces scalars into text fields
	}
	return nil, fmt.Errorf("%v", raw)
}
