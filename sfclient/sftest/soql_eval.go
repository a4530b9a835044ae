package sftest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// This file runs a parsed query (soql.go) against the objects of objects.go.

// resolved is a field path checked against the schema: the reference fields it walks
// through (Owner.Name walks OwnerId) and the field it ends on.
type resolved struct {
	ref   fieldRef
	hops  []fieldDef // reference fields, in order
	final fieldDef
	names []string // canonical names along the path: relationship names, then the field
}

func (r resolved) isText() bool {
	switch r.final.kind {
	case "boolean", "double", "currency", "percent", "int", "datetime", "date":
		return false
	}
	return true
}

// resolve checks a path like Owner.Name against ob.
func resolve(q *query, ob *object, ref fieldRef) (resolved, error) {
	parts := strings.Split(ref.path, ".")
	r := resolved{ref: ref}
	cur := ob
	for _, rel := range parts[:len(parts)-1] {
		f, ok := cur.relationship(rel)
		if !ok || objects[strings.ToLower(f.target)] == nil {
			return r, &soqlError{"INVALID_FIELD", located(q.text, ref.pos, fmt.Sprintf(
				"Didn't understand relationship '%s' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.", rel))}
		}
		r.hops = append(r.hops, f)
		r.names = append(r.names, f.relationship)
		cur = objects[strings.ToLower(f.target)]
	}
	last := parts[len(parts)-1]
	f, ok := cur.field(last)
	if !ok {
		return r, &soqlError{"INVALID_FIELD", located(q.text, ref.pos, fmt.Sprintf(
			"No such column '%s' on entity '%s'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.", last, cur.name))}
	}
	r.final = f
	r.names = append(r.names, f.name)
	return r, nil
}

// plan is a query checked against the schema, ready to run.
type plan struct {
	q      *query
	ob     *object
	fields []resolved
	where  condition // with compCond fields resolved in resolvedComps
	comps  map[fieldRef]resolved
	likes  map[fieldRef]*regexp.Regexp // LIKE patterns, compiled once
	order  []resolved
}

// compile checks every name and every value's type in q.
func compile(q *query) (*plan, error) {
	ob := objects[strings.ToLower(q.object)]
	if ob == nil {
		return nil, &soqlError{"INVALID_TYPE", located(q.text, q.objPos, fmt.Sprintf(
			"sObject type '%s' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.", q.object))}
	}
	p := &plan{q: q, ob: ob, where: q.where, comps: map[fieldRef]resolved{}, likes: map[fieldRef]*regexp.Regexp{}}
	for _, f := range q.fields {
		r, err := resolve(q, ob, f)
		if err != nil {
			return nil, err
		}
		p.fields = append(p.fields, r)
	}
	if err := p.compileCondition(q.where); err != nil {
		return nil, err
	}
	for _, o := range q.orderBy {
		r, err := resolve(q, ob, o.field)
		if err != nil {
			return nil, err
		}
		p.order = append(p.order, r)
	}
	return p, nil
}

func (p *plan) compileCondition(c condition) error {
	switch c := c.(type) {
	case andCond:
		for _, part := range c.parts {
			if err := p.compileCondition(part); err != nil {
				return err
			}
		}
	case orCond:
		for _, part := range c.parts {
			if err := p.compileCondition(part); err != nil {
				return err
			}
		}
	case notCond:
		return p.compileCondition(c.inner)
	case compCond:
		r, err := resolve(p.q, p.ob, c.field)
		if err != nil {
			return err
		}
		if c.op == "LIKE" && !r.isText() {
			return &soqlError{"INVALID_QUERY_FILTER_OPERATOR", located(p.q.text, c.field.pos, fmt.Sprintf("invalid operator on %s field", r.final.name))}
		}
		for _, v := range c.vals {
			if err := p.checkType(r, v); err != nil {
				return err
			}
		}
		p.comps[c.field] = r
		if c.op == "LIKE" {
			p.likes[c.field] = likePattern(c.vals[0].str)
		}
	}
	return nil
}

// checkType refuses a value of the wrong type for the field, as Salesforce does.
func (p *plan) checkType(r resolved, v value) error {
	if v.kind == valNull {
		return nil
	}
	var want string
	ok := false
	switch r.final.kind {
	case "datetime":
		want, ok = "dateTime", v.kind == valDateTime || v.kind == valDate || v.kind == valDateRange
	case "date":
		want, ok = "date", v.kind == valDate || v.kind == valDateRange
	case "boolean":
		want, ok = "boolean", v.kind == valBool
	case "double", "currency", "percent", "int":
		want, ok = "number", v.kind == valNumber
	default:
		want, ok = "string", v.kind == valString
	}
	if ok {
		return nil
	}
	what := fmt.Sprintf("value of filter criterion for field '%s' must be of type %s", r.final.name, want)
	if v.kind == valString {
		what += " and should not be enclosed in quotes"
	}
	return &soqlError{"INVALID_QUERY_FILTER_OPERATOR", located(p.q.text, v.pos, what)}
}

// runner evaluates a plan over rows, looking up related records once per id.
type runner struct {
	o       *Org
	p       *plan
	related map[string]map[string]map[string]any // object → id → row
}

// run returns the matching rows, sorted, after OFFSET and LIMIT, and the count before them
// would be cut (COUNT() answers the count). It is called with the org's lock held.
func (p *plan) run(o *Org) []map[string]any {
	rn := &runner{o: o, p: p, related: map[string]map[string]map[string]any{}}
	var rows []map[string]any
	for _, row := range p.ob.rows(o) {
		if p.where == nil || rn.match(row, p.where) {
			rows = append(rows, row)
		}
	}
	if len(p.order) > 0 {
		slices.SortStableFunc(rows, func(a, b map[string]any) int {
			for i, r := range p.order {
				if c := compareForSort(rn.value(a, r), rn.value(b, r), p.q.orderBy[i]); c != 0 {
					return c
				}
			}
			return 0
		})
	}
	rows = rows[min(p.q.offset, len(rows)):]
	if p.q.limit >= 0 && len(rows) > p.q.limit {
		rows = rows[:p.q.limit]
	}
	return rows
}

// row follows a reference to the record it names, or nil.
func (rn *runner) row(object, id string) map[string]any {
	byID, ok := rn.related[object]
	if !ok {
		byID = map[string]map[string]any{}
		for _, r := range objects[strings.ToLower(object)].rows(rn.o) {
			byID[fmt.Sprint(r["Id"])] = r
		}
		rn.related[object] = byID
	}
	return byID[id]
}

// value reads a resolved path from a row; nil when any hop is empty.
func (rn *runner) value(row map[string]any, r resolved) any {
	for _, hop := range r.hops {
		id, _ := row[hop.name].(string)
		if row = rn.row(hop.target, id); row == nil {
			return nil
		}
	}
	return row[r.final.name]
}

func (rn *runner) match(row map[string]any, c condition) bool {
	switch c := c.(type) {
	case andCond:
		for _, part := range c.parts {
			if !rn.match(row, part) {
				return false
			}
		}
		return true
	case orCond:
		for _, part := range c.parts {
			if rn.match(row, part) {
				return true
			}
		}
		return false
	case notCond:
		return !rn.match(row, c.inner)
	case compCond:
		r := rn.p.comps[c.field]
		v := rn.value(row, r)
		switch c.op {
		case "IN", "NOTIN":
			in := slices.ContainsFunc(c.vals, func(lit value) bool { return compareValue(v, r, "=", lit) })
			return in == (c.op == "IN")
		case "LIKE":
			s, ok := v.(string)
			return ok && rn.p.likes[c.field].MatchString(s)
		}
		return compareValue(v, r, c.op, c.vals[0])
	}
	return false
}

// compareValue applies one comparison of a stored value with a literal.
func compareValue(v any, r resolved, op string, lit value) bool {
	if lit.kind == valNull || v == nil {
		same := lit.kind == valNull && v == nil
		switch op {
		case "=":
			return same
		case "!=":
			return !same
		}
		return false
	}
	switch lit.kind {
	case valDate, valDateTime, valDateRange:
		t, ok := storedTime(v)
		if !ok {
			return false
		}
		from, to := lit.from, lit.to
		if lit.kind == valDateTime {
			to = from.Add(time.Nanosecond)
		}
		switch op {
		case "=":
			return !t.Before(from) && t.Before(to)
		case "!=":
			return t.Before(from) || !t.Before(to)
		case "<":
			return t.Before(from)
		case "<=":
			return t.Before(to)
		case ">":
			return !t.Before(to)
		case ">=":
			return !t.Before(from)
		}
		return false
	case valBool:
		b, _ := v.(bool)
		return (b == lit.boolean) == (op == "=")
	case valNumber:
		n, ok := v.(float64)
		return ok && ordered(compareNumbers(n, lit.num), op)
	}
	s := fmt.Sprint(v)
	if (r.final.kind == "id" || r.final.kind == "reference") && (op == "=" || op == "!=") {
		return sameID(s, lit.str) == (op == "=")
	}
	return ordered(strings.Compare(strings.ToLower(s), strings.ToLower(lit.str)), op)
}

// sameID compares record ids as Salesforce does: a 15-character id matches its 18-character
// form; the 18-character form ignores case.
func sameID(stored, lit string) bool {
	if len(lit) == 15 && len(stored) == 18 {
		return stored[:15] == lit
	}
	return strings.EqualFold(stored, lit)
}

func compareNumbers(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func ordered(c int, op string) bool {
	switch op {
	case "=":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}

// storedTime reads a stored date-time (2026-11-30T10:00:00.000+0000) or date (2026-11-30).
func storedTime(v any) (time.Time, bool) {
	s, _ := v.(string)
	if t, err := time.Parse(sfTime, s); err == nil {
		return t.UTC(), true
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// likePattern turns a LIKE pattern into a case-insensitive regular expression: % is any run
// of characters, _ one character, \% and \_ themselves.
func likePattern(p string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("(?is)^")
	runes := []rune(strings.ToValidUTF8(p, "\uFFFD"))
	for i := 0; i < len(runes); i++ {
		switch c := runes[i]; {
		case c == '\\' && i+1 < len(runes) && (runes[i+1] == '%' || runes[i+1] == '_'):
			b.WriteString(regexp.QuoteMeta(string(runes[i+1])))
			i++
		case c == '%':
			b.WriteString(".*")
		case c == '_':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// compareForSort orders two values for ORDER BY, nulls where the clause puts them.
func compareForSort(a, b any, o orderField) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil || b == nil:
		if (a == nil) == o.nullsFirst {
			return -1
		}
		return 1
	}
	var c int
	switch x := a.(type) {
	case float64:
		y, _ := b.(float64)
		c = compareNumbers(x, y)
	case bool:
		y, _ := b.(bool)
		c = compareNumbers(boolNumber(x), boolNumber(y))
	default:
		c = strings.Compare(strings.ToLower(fmt.Sprint(a)), strings.ToLower(fmt.Sprint(b)))
	}
	if o.desc {
		return -c
	}
	return c
}

func boolNumber(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// project builds the records a query answers: attributes, then the selected fields, with
// relationship fields nested as Salesforce nests them (Owner: {attributes, Name}).
func (p *plan) project(o *Org, rows []map[string]any, version string) []map[string]any {
	rn := &runner{o: o, p: p, related: map[string]map[string]map[string]any{}}
	out := make([]map[string]any, 0, len(rows))
	for _, row := range rows {
		rec := map[string]any{"attributes": objectAttributes(p.ob.name, version, row["Id"])}
		for _, r := range p.fields {
			rn.place(rec, row, r, version)
		}
		out = append(out, rec)
	}
	return out
}

// place writes one selected path into rec, creating the nested records it goes through.
func (rn *runner) place(rec, row map[string]any, r resolved, version string) {
	cur := rec
	for i, hop := range r.hops {
		id, _ := row[hop.name].(string)
		if row = rn.row(hop.target, id); row == nil {
			cur[r.names[i]] = nil
			return
		}
		next, ok := cur[r.names[i]].(map[string]any)
		if !ok {
			next = map[string]any{"attributes": objectAttributes(hop.target, version, id)}
			cur[r.names[i]] = next
		}
		cur = next
	}
	cur[r.final.name] = row[r.final.name]
}

func objectAttributes(object, version string, id any) map[string]string {
	return map[string]string{"type": object, "url": fmt.Sprintf("/services/data/v%s/sobjects/%s/%v", version, object, id)}
}

// columns is the column metadata Salesforce answers for query?columns=true, which the
// Salesforce CLI reads before it prints a table.
func (p *plan) columns() map[string]any {
	cols := []map[string]any{}
	byRel := map[string]map[string]any{}
	idSelected := false
	for _, r := range p.fields {
		if len(r.hops) == 0 {
			idSelected = idSelected || r.final.name == "Id"
			cols = append(cols, column(r.final, r.final.name, r.final.name))
			continue
		}
		// One column per relationship; the fields reached through it are its join columns,
		// named by the rest of their path (the CLI joins the names with dots).
		hop := r.hops[0]
		c, ok := byRel[hop.relationship]
		if !ok {
			c = column(hop, hop.relationship, hop.relationship)
			c["foreignKeyName"] = hop.name
			byRel[hop.relationship] = c
			cols = append(cols, c)
		}
		c["joinColumns"] = append(c["joinColumns"].([]map[string]any),
			column(r.final, strings.Join(r.names[1:], "."), strings.Join(r.names, ".")))
	}
	return map[string]any{"columnMetadata": cols, "entityName": p.ob.name, "groupBy": false, "idSelected": idSelected, "keyPrefix": p.ob.keyPrefix}
}

func column(f fieldDef, name, display string) map[string]any {
	numeric := slices.Contains([]string{"double", "currency", "percent", "int"}, f.kind)
	return map[string]any{"aggregate": false, "apexType": apexType(f.kind), "booleanType": f.kind == "boolean",
		"columnName": name, "custom": f.custom, "displayName": display, "foreignKeyName": nil,
		"insertable": f.writable, "joinColumns": []map[string]any{}, "numberType": numeric,
		"textType": !numeric && f.kind != "boolean" && f.kind != "datetime" && f.kind != "date", "updatable": f.writable}
}

func apexType(kind string) string {
	switch kind {
	case "id", "reference":
		return "Id"
	case "boolean":
		return "Boolean"
	case "double", "currency", "percent":
		return "Double"
	case "int":
		return "Integer"
	case "datetime":
		return "Datetime"
	case "date":
		return "Date"
	case "anyType":
		return "Object"
	}
	return "String"
}
