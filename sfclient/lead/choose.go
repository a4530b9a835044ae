package lead

import (
	"slices"
	"strings"
	"unicode"
)

// Choose finds the value of a picklist a person means by what they typed, ignoring case and
// the spaces around it: the option equal to it; else the first option it begins ("llc" →
// "LLC", "co" → "Corporation", "s corp" → "S Corporation"); else the one option with a word
// it begins ("leasing" → "Equipment Leasing", "capital" → "Working Capital"). It reports
// false when no option fits, when the words of several options fit (Ambiguous names them),
// and for an empty text.
func Choose(typed string, options []string) (string, bool) {
	found, byWord := candidates(typed, options)
	if len(found) == 0 || byWord && len(found) > 1 {
		return "", false
	}
	return found[0], true
}

// Ambiguous lists, in the list's order, the options whose words typed begins when it begins
// more than one of them and no option as a whole ("lead" → "Vendor Lead", "Dealer Lead"), so
// that Choose cannot tell which is meant. It is nil otherwise.
func Ambiguous(typed string, options []string) []string {
	if found, byWord := candidates(typed, options); byWord && len(found) > 1 {
		return found
	}
	return nil
}

// candidates are the options typed fits by the first rule that finds any: equal, beginning
// the whole option, beginning one of its words (byWord).
func candidates(typed string, options []string) (found []string, byWord bool) {
	t := strings.ToLower(strings.TrimSpace(typed))
	if t == "" {
		return nil, false
	}
	for _, o := range options {
		if strings.ToLower(o) == t {
			return []string{o}, false
		}
	}
	for _, o := range options {
		if strings.HasPrefix(strings.ToLower(o), t) {
			found = append(found, o)
		}
	}
	if len(found) > 0 {
		return found, false
	}
	for _, o := range options {
		if beginsAWord(strings.ToLower(o), t) {
			found = append(found, o)
		}
	}
	return found, true
}

// beginsAWord reports whether t begins option at one of its later words: after a space, a
// hyphen or any other character that is neither letter nor digit ("profit" in "non-profit").
func beginsAWord(option, t string) bool {
	prev := ' '
	for i, r := range option {
		isWordRune := unicode.IsLetter(r) || unicode.IsDigit(r)
		if i > 0 && isWordRune && !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) && strings.HasPrefix(option[i:], t) {
			return true
		}
		prev = r
	}
	return false
}

// CheckChoice returns the problem with a picklist's value, or "" when it is one of options
// (or empty). The options are those in use: the org's describe values when signed in. Text
// that could stand for several options names them.
func CheckChoice(value string, options []string) string {
	v := strings.TrimSpace(value)
	if v == "" || len(options) == 0 || slices.Contains(options, v) {
		return ""
	}
	list := "Choose one of: " + strings.Join(options, ", ") + "."
	if several := Ambiguous(v, options); several != nil {
		return "“" + v + "” could be " + orList(several) + ". " + list
	}
	return list
}

// orList joins values as a sentence does: "A or B", "A, B or C".
func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}
