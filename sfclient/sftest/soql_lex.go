package sftest

// This file splits a SOQL query into tokens (lex) and words Salesforce's MALFORMED_QUERY
// errors; soql.go parses the tokens into a query.

import (
	"fmt"
	"strings"
	"unicode"
)

// soqlError is a refused query: Salesforce's error code and message, with the position.
type soqlError struct {
	code string // MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE, INVALID_QUERY_FILTER_OPERATOR
	msg  string
}

func (e *soqlError) Error() string { return e.code + ": " + e.msg }

type tokenKind int

const (
	tokEOF tokenKind = iota
	tokIdent
	tokString
	tokNumber
	tokDate     // 2026-11-30
	tokDateTime // 2026-11-30T10:00:00Z
	tokPunct    // ( ) , = != <> < > <= >= :
)

type token struct {
	kind tokenKind
	text string // identifiers and punctuation as written; strings unescaped
	pos  int    // byte offset in the query, for the error's column
}

// lex splits a query into tokens.
func lex(q string) ([]token, error) {
	var toks []token
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'':
			var b strings.Builder
			j := i + 1
			for ; j < len(q) && q[j] != '\''; j++ {
				if q[j] == '\\' {
					j++
					if j >= len(q) {
						break
					}
					switch q[j] {
					case 'n':
						b.WriteByte('\n')
					case 't':
						b.WriteByte('\t')
					case 'r':
						b.WriteByte('\r')
					case '\'', '\\', '"', '%', '_':
						if q[j] == '%' || q[j] == '_' {
							b.WriteByte('\\') // kept for LIKE, where it escapes a wildcard
						}
						b.WriteByte(q[j])
					default:
						return nil, malformed(q, j, "Invalid string literal '"+q[i:min(j+1, len(q))]+"'. Illegal character sequence '\\"+string(q[j])+"' in string literal.")
					}
					continue
				}
				b.WriteByte(q[j])
			}
			if j >= len(q) {
				return nil, malformed(q, i, "unexpected token: '"+q[i:]+"'")
			}
			toks = append(toks, token{tokString, b.String(), i})
			i = j + 1
		case isDigit(c) || (c == '-' || c == '+') && i+1 < len(q) && isDigit(q[i+1]):
			j := i + 1
			for j < len(q) && (isDigit(q[j]) || q[j] == '.') {
				j++
			}
			kind := tokNumber
			if j-i == 4 && j < len(q) && q[j] == '-' && isDigit(c) { // a date or a date-time
				for j < len(q) && (isDigit(q[j]) || strings.IndexByte("-:T.Z+", q[j]) >= 0) {
					j++
				}
				kind = tokDate
				if strings.Contains(q[i:j], "T") {
					kind = tokDateTime
				}
			}
			toks = append(toks, token{kind, q[i:j], i})
			i = j
		case c == '_' || unicode.IsLetter(rune(c)):
			j := i
			for j < len(q) && (q[j] == '_' || q[j] == '.' || isDigit(q[j]) || unicode.IsLetter(rune(q[j]))) {
				j++
			}
			toks = append(toks, token{tokIdent, q[i:j], i})
			i = j
		case strings.HasPrefix(q[i:], "!=") || strings.HasPrefix(q[i:], "<>") || strings.HasPrefix(q[i:], "<=") || strings.HasPrefix(q[i:], ">="):
			toks = append(toks, token{tokPunct, q[i : i+2], i})
			i += 2
		case strings.IndexByte("(),=<>:", c) >= 0:
			toks = append(toks, token{tokPunct, q[i : i+1], i})
			i++
		default:
			return nil, malformed(q, i, fmt.Sprintf("unexpected token: '%c'", rune(c)))
		}
	}
	return append(toks, token{tokEOF, "", len(q)}), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// malformed is Salesforce's MALFORMED_QUERY text: the query, a caret under the offending
// spot, its row and column, and what was wrong.
func malformed(q string, pos int, what string) *soqlError {
	return &soqlError{"MALFORMED_QUERY", located(q, pos, what)}
}

func located(q string, pos int, what string) string {
	return fmt.Sprintf("\n%s\n%s^\nERROR at Row:1:Column:%d\n%s", q, strings.Repeat(" ", pos), pos+1, what)
}
