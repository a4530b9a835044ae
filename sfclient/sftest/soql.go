package sftest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This file reads SOQL into a query; soql_eval.go runs it against the org's objects.
//
// The grammar is the part of SOQL a REST client of leads needs:
//
//	SELECT (COUNT() | path {, path}) FROM object
//	  [WHERE condition] [ORDER BY path [ASC|DESC] [NULLS FIRST|LAST] {, …}] [LIMIT n] [OFFSET n]
//
// A condition joins comparisons with AND, OR and NOT and parentheses (AND and OR are not
// mixed without parentheses, as in SOQL); a comparison is path op value, path [NOT] IN
// (values) or path LIKE 'pattern'. Values are strings with \' and \\ escapes, numbers, true,
// false, null, dates (2026-11-30), date-times (2026-11-30T10:00:00Z) and date literals
// (TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n). Keywords and names are
// case-insensitive.

// query is a parsed SELECT.
type query struct {
	text    string
	count   bool         // SELECT COUNT()
	fields  []fieldRef   // in the order written
	object  string       // as written; resolved by the evaluator
	objPos  int          // where the object name stands, for INVALID_TYPE
	where   condition    // nil: every row
	orderBy []orderField // empty: the object's natural order
	limit   int          // -1: none
	offset  int
}

// fieldRef is a field path as written, e.g. Owner.Name.
type fieldRef struct {
	path string
	pos  int
}

type orderField struct {
	field      fieldRef
	desc       bool
	nullsFirst bool
}

// condition is a parsed WHERE clause node.
type condition interface{ isCondition() }

type (
	andCond  struct{ parts []condition }
	orCond   struct{ parts []condition }
	notCond  struct{ inner condition }
	compCond struct {
		field fieldRef
		op    string // = != < > <= >= LIKE IN NOTIN
		vals  []value
	}
)

func (andCond) isCondition()  {}
func (orCond) isCondition()   {}
func (notCond) isCondition()  {}
func (compCond) isCondition() {}

type valueKind int

const (
	valString valueKind = iota
	valNumber
	valBool
	valNull
	valDate      // a calendar day
	valDateTime  // an instant
	valDateRange // a date literal such as LAST_N_DAYS:7: [from, to)
)

type value struct {
	kind     valueKind
	str      string
	num      float64
	boolean  bool
	from, to time.Time // valDate, valDateTime (from only) and valDateRange
	pos      int
}

type parser struct {
	q    string
	toks []token
	i    int
	now  time.Time
}

// parseSOQL reads one SELECT. now anchors date literals such as TODAY (in UTC).
func parseSOQL(q string, now time.Time) (*query, error) {
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks, now: now.UTC()}
	return p.query()
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i = min(p.i+1, len(p.toks)-1); return t }

// keyword reports whether the next token is the keyword kw, consuming it if so.
func (p *parser) keyword(kw string) bool {
	if t := p.peek(); t.kind == tokIdent && strings.EqualFold(t.text, kw) {
		p.next()
		return true
	}
	return false
}

func (p *parser) punct(s string) bool {
	if t := p.peek(); t.kind == tokPunct && t.text == s {
		p.next()
		return true
	}
	return false
}

func (p *parser) unexpected() error {
	t := p.peek()
	if t.kind == tokEOF {
		return malformed(p.q, t.pos, "unexpected token: '<EOF>'")
	}
	text := t.text
	if t.kind == tokString {
		text = "'" + text + "'"
	}
	return malformed(p.q, t.pos, "unexpected token: '"+text+"'")
}

func (p *parser) expectKeyword(kw string) error {
	if !p.keyword(kw) {
		return p.unexpected()
	}
	return nil
}

func (p *parser) expectPunct(s string) error {
	if !p.punct(s) {
		return p.unexpected()
	}
	return nil
}

var reserved = map[string]bool{"SELECT": true, "FROM": true, "WHERE": true, "AND": true, "OR": true, "NOT": true,
	"ORDER": true, "BY": true, "LIMIT": true, "OFFSET": true, "IN": true, "LIKE": true, "ASC": true, "DESC": true,
	"NULLS": true, "NULL": true, "TRUE": true, "FALSE": true}

func (p *parser) name() (fieldRef, error) {
	t := p.peek()
	if t.kind != tokIdent || reserved[strings.ToUpper(t.text)] || strings.HasPrefix(t.text, ".") || strings.HasSuffix(t.text, ".") {
		return fieldRef{}, p.unexpected()
	}
	p.next()
	return fieldRef{t.text, t.pos}, nil
}

func (p *parser) query() (*query, error) {
	q := &query{text: p.q, limit: -1}
	if err := p.expectKeyword("SELECT"); err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokIdent && strings.EqualFold(t.text, "COUNT") && p.toks[p.i+1].text == "(" {
		p.next()
		p.next()
		if err := p.expectPunct(")"); err != nil {
			return nil, err
		}
		q.count = true
	} else {
		for {
			f, err := p.name()
			if err != nil {
				return nil, err
			}
			q.fields = append(q.fields, f)
			if !p.punct(",") {
				break
			}
		}
	}
	if err := p.expectKeyword("FROM"); err != nil {
		return nil, err
	}
	obj, err := p.name()
	if err != nil {
		return nil, err
	}
	q.object, q.objPos = obj.path, obj.pos
	if p.keyword("WHERE") {
		if q.where, err = p.condition(); err != nil {
			return nil, err
		}
	}
	if p.keyword("ORDER") {
		if err := p.expectKeyword("BY"); err != nil {
			return nil, err
		}
		for {
			f, err := p.name()
			if err != nil {
				return nil, err
			}
			o := orderField{field: f}
			if p.keyword("DESC") {
				o.desc = true
			} else {
				p.keyword("ASC")
			}
			o.nullsFirst = true // Salesforce sorts nulls first unless told otherwise
			if p.keyword("NULLS") {
				switch {
				case p.keyword("FIRST"):
				case p.keyword("LAST"):
					o.nullsFirst = false
				default:
					return nil, p.unexpected()
				}
			}
			q.orderBy = append(q.orderBy, o)
			if !p.punct(",") {
				break
			}
		}
	}
	if p.keyword("LIMIT") {
		if q.limit, err = p.count(); err != nil {
			return nil, err
		}
	}
	if p.keyword("OFFSET") {
		if q.offset, err = p.count(); err != nil {
			return nil, err
		}
	}
	if p.peek().kind != tokEOF {
		return nil, p.unexpected()
	}
	return q, nil
}

// count reads a non-negative whole number (LIMIT, OFFSET, LAST_N_DAYS:n).
func (p *parser) count() (int, error) {
	t := p.peek()
	n, err := strconv.Atoi(t.text)
	if t.kind != tokNumber || err != nil || n < 0 {
		return 0, p.unexpected()
	}
	p.next()
	return n, nil
}

// condition reads comparisons joined by one kind of connective.
func (p *parser) condition() (condition, error) {
	first, err := p.unary()
	if err != nil {
		return nil, err
	}
	parts, joiner := []condition{first}, ""
	for {
		t := p.peek()
		word := strings.ToUpper(t.text)
		if t.kind != tokIdent || (word != "AND" && word != "OR") {
			break
		}
		if joiner != "" && joiner != word {
			return nil, p.unexpected() // SOQL wants parentheses when AND and OR mix
		}
		joiner = word
		p.next()
		c, err := p.unary()
		if err != nil {
			return nil, err
		}
		parts = append(parts, c)
	}
	switch joiner {
	case "AND":
		return andCond{parts}, nil
	case "OR":
		return orCond{parts}, nil
	}
	return first, nil
}

func (p *parser) unary() (condition, error) {
	if p.keyword("NOT") {
		inner, err := p.unary()
		if err != nil {
			return nil, err
		}
		return notCond{inner}, nil
	}
	if p.punct("(") {
		c, err := p.condition()
		if err != nil {
			return nil, err
		}
		if err := p.expectPunct(")"); err != nil {
			return nil, err
		}
		return c, nil
	}
	return p.comparison()
}

func (p *parser) comparison() (condition, error) {
	f, err := p.name()
	if err != nil {
		return nil, err
	}
	c := compCond{field: f}
	t := p.peek()
	switch {
	case t.kind == tokPunct && comparisonOps[t.text]:
		p.next()
		c.op = t.text
		if c.op == "<>" {
			c.op = "!="
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		c.vals = []value{v}
	case p.keyword("LIKE"):
		c.op = "LIKE"
		if p.peek().kind != tokString {
			return nil, p.unexpected()
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		c.vals = []value{v}
	case p.keyword("IN"), p.keyword("NOT") && p.keyword("IN"):
		c.op = "IN"
		if strings.EqualFold(p.toks[p.i-2].text, "NOT") {
			c.op = "NOTIN"
		}
		if err := p.expectPunct("("); err != nil {
			return nil, err
		}
		for {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			c.vals = append(c.vals, v)
			if !p.punct(",") {
				break
			}
		}
		if err := p.expectPunct(")"); err != nil {
			return nil, err
		}
	default:
		return nil, p.unexpected()
	}
	return c, nil
}

var comparisonOps = map[string]bool{"=": true, "!=": true, "<>": true, "<": true, ">": true, "<=": true, ">=": true}

// dateLiterals are the relative dates SOQL names, as day offsets from today: [from, to).
var dateLiterals = map[string][2]int{"TODAY": {0, 1}, "YESTERDAY": {-1, 0}, "TOMORROW": {1, 2}}

func (p *parser) value() (value, error) {
	t := p.peek()
	v := value{pos: t.pos}
	today := time.Date(p.now.Year(), p.now.Month(), p.now.Day(), 0, 0, 0, 0, time.UTC)
	switch t.kind {
	case tokString:
		v.kind, v.str = valString, t.text
	case tokNumber:
		n, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return v, p.unexpected()
		}
		v.kind, v.num = valNumber, n
	case tokDate:
		d, err := time.Parse("2006-01-02", t.text)
		if err != nil {
			return v, p.unexpected()
		}
		v.kind, v.from, v.to = valDate, d, d.AddDate(0, 0, 1)
	case tokDateTime:
		d, err := parseSOQLDateTime(t.text)
		if err != nil {
			return v, p.unexpected()
		}
		v.kind, v.from = valDateTime, d
	case tokIdent:
		word := strings.ToUpper(t.text)
		switch {
		case word == "NULL":
			v.kind = valNull
		case word == "TRUE" || word == "FALSE":
			v.kind, v.boolean = valBool, word == "TRUE"
		case dateLiterals[word] != [2]int{}:
			days := dateLiterals[word]
			v.kind, v.from, v.to = valDateRange, today.AddDate(0, 0, days[0]), today.AddDate(0, 0, days[1])
		case word == "LAST_N_DAYS" || word == "NEXT_N_DAYS":
			p.next()
			if err := p.expectPunct(":"); err != nil {
				return v, err
			}
			n, err := p.count()
			if err != nil {
				return v, err
			}
			v.kind = valDateRange
			if word == "LAST_N_DAYS" { // n days back, through the end of today
				v.from, v.to = today.AddDate(0, 0, -n), today.AddDate(0, 0, 1)
			} else { // from tomorrow, n days on
				v.from, v.to = today.AddDate(0, 0, 1), today.AddDate(0, 0, n+1)
			}
			return v, nil
		default:
			return v, p.unexpected()
		}
	default:
		return v, p.unexpected()
	}
	p.next()
	return v, nil
}

// parseSOQLDateTime reads a date-time literal: 2026-11-30T10:00:00Z or with an offset
// (+01:00), fractions of a second allowed.
func parseSOQLDateTime(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05.000Z07:00", "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a SOQL date-time: %q", s)
}
