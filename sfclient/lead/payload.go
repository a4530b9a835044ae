package lead

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// DateTimeLayout is how Date_and_Time__c is written: MM/DD/YYYY - HH:MM:SS, local time.
const DateTimeLayout = "01/02/2006 - 15:04:05"

// Submission is what the app adds to a new lead besides the typed fields.
type Submission struct {
	TermsAccepted bool      // the person ticked "I/we have read and agree to these terms"
	At            time.Time // local time of submission
	ID            string    // unique submission id (WordPress_UniqueID__c); NewSubmissionID
}

// NewSubmissionID returns a fresh unique submission id.
func NewSubmissionID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return "ld-" + hex.EncodeToString(b)
}

// Value converts one typed value into what Salesforce expects for the field: first tidied as
// leaving its box tidies it (Tidy: phones, SSNs, EINs, ZIP codes), then numbers for money,
// percentages and years; YYYY-MM-DD for dates; upper-case state codes; nil for an empty
// value. A value that does not fit its kind (one loaded from an org that allowed it) is passed
// on as typed.
func Value(name, typed string) any {
	v := strings.TrimSpace(Tidy(name, typed))
	f, _ := ByName(name)
	if v == "" {
		return nil
	}
	switch {
	case f.Kind == Currency:
		if n, err := Money(v); err == nil {
			return json.Number(strconv.FormatFloat(n, 'f', -1, 64))
		}
	case f.Kind == Percent || f.Format == WholeYears:
		if n, err := share(v); err == nil {
			return json.Number(strconv.FormatFloat(n, 'f', -1, 64))
		}
	case f.Kind == Date:
		if t, err := ParseDate(v); err == nil {
			return t.Format("2006-01-02")
		}
	case f.Kind == Boolean:
		return v == "true"
	case f.Format == StateCode:
		return strings.ToUpper(v)
	}
	return v
}

// Payload builds the body of a create: every filled-in field converted by Value, plus what
// the app sets (terms, time of submission, submission id, number of owners, unread flag).
func Payload(v Values, s Submission) map[string]any {
	out := map[string]any{}
	for _, f := range Fields {
		if f.Section == SetByApp {
			continue
		}
		if val := Value(f.Name, v[f.Name]); val != nil {
			out[f.Name] = val
		}
	}
	if s.TermsAccepted {
		out["View_Terms__c"] = TermsAccepted
	}
	out["Date_and_Time__c"] = s.At.Format(DateTimeLayout)
	out["WordPress_UniqueID__c"] = s.ID
	out["Owners__c"] = strconv.Itoa(OwnerCount(v))
	if _, set := out["IsUnreadByOwner"]; !set {
		out["IsUnreadByOwner"] = true
	}
	return out
}

// OwnerCount is 2 when anything of Owner 2 is filled in, else 1.
func OwnerCount(v Values) int {
	for _, f := range Fields {
		if f.Section == Owner2 && strings.TrimSpace(v[f.Name]) != "" {
			return 2
		}
	}
	return 1
}

// Display turns a value Salesforce returned into what the form shows: dates as MM/DD/YYYY,
// whole numbers without ".0", null as "".
func Display(name string, value any) string {
	f, _ := ByName(name)
	switch v := value.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case string:
		if f.Kind == Date {
			if t, err := time.Parse("2006-01-02", v); err == nil {
				return t.Format(DateLayout)
			}
		}
		return v
	}
	b, _ := json.Marshal(value)
	return string(b)
}

// Changes lists the fields whose typed value differs from what was loaded (compared after
// conversion, so "25,000" equals 25000), converted for sending; "" clears a field. Owners__c
// follows when the second owner was added or removed.
func Changes(loaded, typed Values) map[string]any {
	out := map[string]any{}
	for _, f := range Fields {
		before, after := loaded[f.Name], typed[f.Name]
		if normalized(f.Name, before) != normalized(f.Name, after) {
			out[f.Name] = Value(f.Name, after)
		}
	}
	if n := OwnerCount(typed); n != OwnerCount(loaded) {
		out["Owners__c"] = strconv.Itoa(n)
	}
	return out
}

// normalized is what a value means, not how it was typed: Value tidies it as leaving its box
// tidies it, so a phone loaded as "(555)-555-5555" and shown back as "(555) 555-5555" is no
// change.
func normalized(name, typed string) string {
	b, _ := json.Marshal(Value(name, typed))
	return string(b)
}
