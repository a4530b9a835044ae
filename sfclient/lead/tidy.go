package lead

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Tidy rewrites a value the way Mazo's records hold it, for the form to show as the person
// leaves a box and for Value to send: phones as (512) 555-0142 (a leading country code 1
// dropped), amounts, percentages and years as plain numbers ("$600,000.00" → "600000"), state
// codes in capitals ("tx" → "TX"), EINs as 12-3456789, SSNs as 123-45-6789, ZIP codes as 78736
// or 78736-1234, and dates as MM/DD/YYYY. Which rule applies follows the field's Kind and
// Format in the catalogue. A value that does not fit its field is returned as typed, so the
// check beside the field can say what is wrong and nothing typed is lost.
func Tidy(name, typed string) string {
	f, _ := ByName(name)
	v := strings.TrimSpace(typed)
	if v == "" {
		return typed
	}
	switch {
	case f.Kind == Phone:
		if strings.Trim(v, "0123456789()-. +") != "" {
			return typed
		}
		d := digitsOnly.ReplaceAllString(v, "")
		if len(d) == 11 && d[0] == '1' {
			d = d[1:]
		}
		if len(d) == 10 {
			return "(" + d[:3] + ") " + d[3:6] + "-" + d[6:]
		}
	case f.Kind == Currency:
		if n, err := Money(v); err == nil && n >= 0 {
			return strconv.FormatFloat(n, 'f', -1, 64)
		}
	case f.Kind == Percent:
		if n, err := share(v); err == nil {
			return strconv.FormatFloat(n, 'f', -1, 64)
		}
	case f.Format == StateCode:
		if up := strings.ToUpper(v); slices.Contains(states, up) {
			return up
		}
	case f.Format == WholeYears || f.Format == ModelYear:
		if n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64); err == nil && n == float64(int(n)) {
			return strconv.Itoa(int(n))
		}
	case f.Format == EIN:
		if d, ok := nineDigits(v); ok {
			return d[:2] + "-" + d[2:]
		}
	case f.Format == SSN:
		if d, ok := nineDigits(v); ok {
			return d[:3] + "-" + d[3:5] + "-" + d[5:]
		}
	case f.Format == ZIP:
		if zipCode.MatchString(v) {
			if d := digitsOnly.ReplaceAllString(v, ""); len(d) == 9 {
				return d[:5] + "-" + d[5:]
			}
			return v
		}
	case f.Kind == Date:
		if t, err := ParseDate(v); err == nil {
			return t.Format(DateLayout)
		}
	}
	return typed
}

// DateLayout is how the form shows a date: MM/DD/YYYY, as US clerks write it.
const DateLayout = "01/02/2006"

// nineDigits is the 9 digits of an SSN or EIN typed with or without dashes and spaces; false
// when the text holds anything else or another number of digits.
func nineDigits(v string) (string, bool) {
	if strings.Trim(v, "0123456789- ") != "" {
		return "", false
	}
	d := digitsOnly.ReplaceAllString(v, "")
	return d, len(d) == 9
}

// NoDealerID is the sentence beside an empty Dealer ID on a new lead.
const NoDealerID = "Mazo credits your dealership only through its Dealer ID: enter it once in Settings (or here). Nothing was sent."

// NoOwnerLastName is the sentence beside an owner's empty last name when other details of
// that owner are filled in.
const NoOwnerLastName = "Enter this owner's last name, or remove the owner's other details."

// ownerLastNames are the owners' last-name fields by section.
var ownerLastNames = map[Section]string{Owner1: "Last_Name1__c", Owner2: "Last_Name2__c"}

// CheckNew checks a new lead: everything CheckAll checks, that it carries the dealer's id,
// without which Mazo cannot credit the dealer, and that an owner with any detail filled in
// has a last name (else Mazo gets an owner it cannot name). It returns nil when everything
// passes.
func CheckNew(v Values, now time.Time) Problems {
	problems := CheckAll(v, now)
	add := func(name, msg string) {
		if problems == nil {
			problems = Problems{}
		}
		if problems[name] == "" {
			problems[name] = msg
		}
	}
	if strings.TrimSpace(v["Dealer_ID__c"]) == "" {
		add("Dealer_ID__c", NoDealerID)
	}
	for _, f := range Fields {
		last, owner := ownerLastNames[f.Section]
		if owner && f.Name != last && strings.TrimSpace(v[f.Name]) != "" && strings.TrimSpace(v[last]) == "" {
			add(last, NoOwnerLastName)
		}
	}
	return problems
}
