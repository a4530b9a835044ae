package lead

import (
	"fmt"
	"math"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Values are a form's fields as typed: API name to text. Empty means not filled in.
type Values map[string]string

// Problems maps a field's API name to the sentence shown beside it.
type Problems map[string]string

var (
	digitsOnly = regexp.MustCompile(`\D`)
	zipCode    = regexp.MustCompile(`^\d{5}(-?\d{4})?$`) // 5 digits, or 9 as 12345-6789
	states     = strings.Fields("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP")
)

// ownershipFields are the owners' shares, which together may not pass 100 %.
var ownershipFields = []string{"Ownership1__c", "Ownership2__c"}

// Check returns the problem with one field's value, or "" when it is fine. now is the
// moment owners' ages are measured at. Cross-field rules (total ownership) are in CheckAll.
func Check(name, value string, now time.Time) string {
	f, ok := ByName(name)
	v := strings.TrimSpace(value)
	switch {
	case !ok:
		return ""
	case v == "":
		if f.Required {
			return f.Label + " is required."
		}
		return ""
	case f.Length > 0 && len([]rune(v)) > f.Length && f.Format != SSN:
		return fmt.Sprintf("At most %d characters.", f.Length)
	}
	switch {
	case f.Format == SSN:
		return checkSSN(v)
	case f.Format == BirthDate:
		return checkBirthday(v, now)
	case f.Format == StateCode:
		if !slices.Contains(states, strings.ToUpper(v)) {
			return "Use the two-letter state code, e.g. TX."
		}
	case f.Format == ZIP:
		if !zipCode.MatchString(v) {
			return "A ZIP code has 5 digits, or 9 as 12345-6789."
		}
	case f.Format == EIN:
		if !regexp.MustCompile(`^\d{2}-?\d{7}$`).MatchString(v) {
			return "An EIN has 9 digits, written 12-3456789."
		}
	case f.Format == WholeYears:
		if n, err := strconv.Atoi(v); err != nil || n < 0 || n > 200 {
			return "Enter whole years, e.g. 4."
		}
	case f.Format == ModelYear:
		if n, err := strconv.Atoi(v); err != nil || n < 1950 || n > now.Year()+2 {
			return fmt.Sprintf("Enter the model year, 1950 to %d.", now.Year()+2)
		}
	case f.Kind == Email:
		if a, err := mail.ParseAddress(v); err != nil || a.Address != v || !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
			return "Enter an e-mail address like name@company.com."
		}
	case f.Kind == Phone:
		d := digitsOnly.ReplaceAllString(v, "")
		if strings.Trim(v, "0123456789()-. +") != "" || !(len(d) == 10 || len(d) == 11 && d[0] == '1') {
			return "Enter a 10-digit phone number, e.g. (512) 867-5309."
		}
	case f.Kind == URL:
		if strings.ContainsAny(v, " \t") || !strings.Contains(v, ".") {
			return "Enter a web address like www.company.com."
		}
	case f.Kind == Currency:
		if n, err := Money(v); err != nil || n < 0 {
			return "Enter an amount in dollars, e.g. 25,000."
		}
	case f.Kind == Percent:
		if n, err := share(v); err != nil || n < 0 || n > 100 {
			return "Enter a percentage from 0 to 100."
		}
	case f.Kind == Date:
		if _, err := ParseDate(v); err != nil {
			return "Enter a real date as MM/DD/YYYY."
		}
	case f.Kind == Boolean:
		if v != "true" && v != "false" {
			return "Write true or false."
		}
	case f.Kind == Picklist && f.Restricted:
		if !slices.Contains(f.Values, v) {
			return "Choose one of the listed values."
		}
	}
	return ""
}

func checkSSN(v string) string {
	if !regexp.MustCompile(`^\d{3}-?\d{2}-?\d{4}$`).MatchString(v) {
		return "An SSN has 9 digits, written 123-45-6789."
	}
	d := digitsOnly.ReplaceAllString(v, "")
	if d[:3] == "000" || d[:3] == "666" || d[0] == '9' || d[3:5] == "00" || d[5:] == "0000" {
		return "This is not a valid SSN; check the digits."
	}
	return ""
}

func checkBirthday(v string, now time.Time) string {
	born, err := ParseDate(v)
	switch {
	case err != nil:
		return "Enter a real date as MM/DD/YYYY."
	case born.After(now):
		return "The date of birth is in the future."
	case born.Year() < 1900:
		return "Check the year of birth."
	case born.AddDate(18, 0, 0).After(now):
		return "Owners must be at least 18 years old."
	}
	return ""
}

// CheckAll checks every field and the rules that span fields: the two owners' shares add up
// to at most 100 %. It returns nil when everything passes.
func CheckAll(v Values, now time.Time) Problems {
	problems := Problems{}
	for _, f := range Fields {
		if msg := Check(f.Name, v[f.Name], now); msg != "" {
			problems[f.Name] = msg
		}
	}
	for name, msg := range CheckAcross(v) {
		if problems[name] == "" {
			problems[name] = msg
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

// CheckAcross checks the rules that span fields, and only those: the owners' shares add up
// to at most 100 %, said beside Owner 2's share. A share that is not a number on its own is
// left to Check, and no total is said then. It returns nil when the rules pass.
func CheckAcross(v Values) Problems {
	total := 0.0
	for _, name := range ownershipFields {
		if Check(name, v[name], time.Time{}) != "" {
			return nil
		}
		n, _ := share(v[name])
		total += n
	}
	if total > 100 {
		return Problems{"Ownership2__c": fmt.Sprintf("The owners' shares add up to %g%%; at most 100%%.", total)}
	}
	return nil
}

// SpansFields reports whether the field named takes part in a rule of CheckAcross, so a
// form checks that rule again whenever the person leaves or changes it.
func SpansFields(name string) bool { return slices.Contains(ownershipFields, name) }

// ParseDate reads MM/DD/YYYY (what US clerks type, also as M/D/YYYY or the 8 digits alone,
// 03141979) or YYYY-MM-DD, refusing dates that do not exist (02/30/2020).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateLayout, "1/2/2006", "2006-01-02", "01022006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// Money reads a dollar amount as typed: "$25,000.50", "25000". "Inf", "NaN" and numbers too
// large for a float are errors: JSON has no way to send them.
func Money(s string) (float64, error) {
	return number(strings.NewReplacer("$", "", ",", "", " ", "").Replace(strings.TrimSpace(s)))
}

// share reads a percentage as typed, with or without its "%": "50", "50%", " 12.5 % ".
func share(s string) (float64, error) {
	return number(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")))
}

// number reads a finite number; infinities and NaN, which JSON cannot carry, are errors.
func number(s string) (float64, error) {
	n, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsInf(n, 0) || math.IsNaN(n)) {
		err = fmt.Errorf("not a finite number: %q", s)
	}
	return n, err
}
