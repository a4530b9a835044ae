package sfclient

import (
	"regexp"
	"strings"
)

// Shapes MaskSensitive hides. Go's regexp has no look-behind, so the date patterns take
// the character on each side in a group of their own and keep it.
var (
	// nineDigits: nine or more digits with up to two separators between any two of them,
	// so 123-45-6789, 123.45.6789, 123 45 6789, SSN_123-45-6789 and 123-45-6789x all match.
	nineDigits = regexp.MustCompile(`\d(?:[ \-._/\\]{0,2}\d){8,}`)
	// numericDate: 05.01.1980, 1/5/80, 1980-01-05, 1980/1/5 (not 127.0.0.1-like triples
	// whose last part has one or three digits).
	numericDate = regexp.MustCompile(`(^|\D)(\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})|\d{4}[-./]\d{1,2}[-./]\d{1,2})(\D|$)`)
	// wordDate: Jan 5, 1980; January 5th 1980; 5 Jan 1980; 5. Januar 1980.
	wordDate = regexp.MustCompile(`(?i)(^|[^a-z])((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\.?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s*\d{4})(\D|$)`)
)

// Masks that replace what MaskSensitive hides. They hold no digits, so masking never joins
// two harmless numbers into a new SSN-shaped run.
const (
	ssnMask  = "***-**-****"
	dateMask = "**/**/****"
)

// MaskSensitive hides SSN-shaped numbers (nine digits or more, whatever separates them) and
// dates in a message: Salesforce's messages can echo a field's value (STRING_TOO_LONG,
// JSON_PARSER_ERROR), and SSNs and birthdays must never reach an error line or a log. It
// masks more than it must (a ten-digit phone number too) rather than less.
func MaskSensitive(s string) string {
	s = maskMiddle(wordDate, s, dateMask)
	s = maskMiddle(numericDate, s, dateMask)
	return nineDigits.ReplaceAllString(s, ssnMask)
}

// maskMiddle replaces group 2 of each match of re (a pattern of the form (before)(x)(after))
// with mask, keeping the characters on either side. A character that ended one match may
// start the next, so it repeats until nothing matches.
func maskMiddle(re *regexp.Regexp, s, mask string) string {
	for range 64 { // each round removes at least one match; 64 bounds pathological input
		locs := re.FindAllStringSubmatchIndex(s, -1)
		if locs == nil {
			return s
		}
		var b strings.Builder
		last := 0
		for _, m := range locs {
			b.WriteString(s[last:m[4]])
			b.WriteString(mask)
			last = m[5]
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	return s
}
