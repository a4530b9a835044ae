// Package recordid reads Salesforce record ids: 15- and 18-character forms, the checksum
// that makes the long form case-insensitive, and ids inside pasted Lightning or Classic
// links. It imports nothing of Lead Desk, so the client and the stand-in org share it.
package recordid

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// LeadPrefix is the key prefix every Lead id starts with.
const LeadPrefix = "00Q"

// ErrBad means the text is not a Lead id or a link to one. It is returned before any
// request is sent.
var ErrBad = errors.New("not a Salesforce Lead id")

const checksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

// ParseLead accepts a 15- or 18-character Lead id, or a pasted Lightning
// (…/lightning/r/Lead/00Q…/view) or Classic (…/00Q…) link, and returns the
// 18-character form. Surrounding spaces are ignored. An 18-character id whose last three
// characters do not match its checksum, an id of another object, or anything else fails
// with an error wrapping ErrBad that says what is wrong.
func ParseLead(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", fmt.Errorf("%w: the id is empty", ErrBad)
	}
	if strings.ContainsAny(text, "/?") {
		return idFromLink(text)
	}
	return normalizeLeadID(text)
}

func normalizeLeadID(id string) (string, error) {
	if len(id) != 15 && len(id) != 18 {
		n, unit := utf8.RuneCountInString(id), "characters"
		if n == 1 {
			unit = "character"
		}
		return "", fmt.Errorf("%w: an id has 15 or 18 letters and digits, this one has %d %s", ErrBad, n, unit)
	}
	for _, r := range id {
		if !isAlnum(r) {
			return "", fmt.Errorf("%w: an id has only letters and digits", ErrBad)
		}
	}
	if !strings.HasPrefix(id, LeadPrefix) {
		return "", fmt.Errorf("%w: Lead ids start with %s", ErrBad, LeadPrefix)
	}
	full := id[:15] + checksum(id[:15])
	if len(id) == 18 && !strings.EqualFold(id[15:], full[15:]) {
		return "", fmt.Errorf("%w: the last three characters do not match the rest; check for a mistyped letter", ErrBad)
	}
	return full, nil
}

// idFromLink finds a Lead id among the path segments or the id= parameter of a link.
func idFromLink(text string) (string, error) {
	u, err := url.Parse(text)
	if err != nil {
		return "", fmt.Errorf("%w: the link cannot be read", ErrBad)
	}
	candidates := strings.Split(strings.Trim(u.Path, "/"), "/")
	candidates = append(candidates, u.Query().Get("id"))
	if u.Fragment != "" { // Lightning sometimes keeps the route after '#'
		candidates = append(candidates, strings.Split(u.Fragment, "/")...)
	}
	for _, c := range candidates {
		if len(c) >= 15 && strings.HasPrefix(c, LeadPrefix) {
			return normalizeLeadID(c)
		}
	}
	return "", fmt.Errorf("%w: the link does not point to a Lead", ErrBad)
}

// checksum computes the three characters that make a 15-character id case-insensitive:
// for each 5-character chunk, bit i is set when character i is an upper-case letter.
func checksum(id15 string) string {
	if len(id15) != 15 {
		panic("recordid: checksum needs exactly 15 characters")
	}
	var out [3]byte
	for chunk := 0; chunk < 3; chunk++ {
		v := 0
		for i := 0; i < 5; i++ {
			if c := id15[chunk*5+i]; c >= 'A' && c <= 'Z' {
				v |= 1 << i
			}
		}
		out[chunk] = checksumAlphabet[v]
	}
	return string(out[:])
}

func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// To18 returns the 18-character form of a 15-character id (any object). It panics when
// id15 is not 15 characters long: callers pass ids they made themselves.
func To18(id15 string) string { return id15 + checksum(id15) }
