package sftest

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"leaddesk/sfclient/recordid"
)

// DefaultQueryBatch is how many records one query answer holds at most, as in Salesforce;
// the rest follow through nextRecordsUrl.
const DefaultQueryBatch = 2000

// SetQueryBatch changes how many records one query answer holds (zero means
// DefaultQueryBatch), so tests can page through a few records.
func (o *Org) SetQueryBatch(n int) { o.set(func() { o.batch = n }) }

// query answers GET query?q=SOQL: the first batch of records, and a cursor for the rest.
// With columns=true it answers the column metadata instead, as the Salesforce CLI asks.
func (o *Org) query(w http.ResponseWriter, r *http.Request, version string) {
	if o.fileQuery(w, r, version) { // a lead's documents (files.go)
		return
	}
	o.mu.Lock()
	now := o.nowLocked()
	o.mu.Unlock()
	q, err := parseSOQL(r.URL.Query().Get("q"), now)
	var p *plan
	if err == nil {
		p, err = compile(q)
	}
	var bad *soqlError
	if errors.As(err, &bad) {
		writeErrors(w, http.StatusBadRequest, apiErr(bad.code, bad.msg))
		return
	}
	if r.URL.Query().Get("columns") == "true" {
		writeJSON(w, http.StatusOK, p.columns())
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	rows := p.run(o)
	if q.count {
		writeJSON(w, http.StatusOK, map[string]any{"totalSize": len(rows), "done": true, "records": []any{}})
		return
	}
	records := p.project(o, rows, version)
	cursor := ""
	if len(records) > o.batchLocked() {
		o.nextCursor++
		cursor = cursorID(o.nextCursor)
		o.cursors[cursor] = records
		delete(o.cursors, cursorID(o.nextCursor-keptCursors))
	}
	writeJSON(w, http.StatusOK, o.batchAnswer(version, cursor, records, 0))
}

func (o *Org) batchLocked() int {
	if o.batch > 0 {
		return o.batch
	}
	return DefaultQueryBatch
}

// batchAnswer is one batch of a query's records from start, with nextRecordsUrl when more
// remain.
func (o *Org) batchAnswer(version, cursor string, records []map[string]any, start int) map[string]any {
	end := min(start+o.batchLocked(), len(records))
	answer := map[string]any{"totalSize": len(records), "done": end >= len(records), "records": records[start:end]}
	if end < len(records) {
		answer["nextRecordsUrl"] = fmt.Sprintf("/services/data/v%s/query/%s-%d", version, cursor, end)
	}
	return answer
}

// keptCursors is how many query cursors the org keeps; older ones answer
// INVALID_QUERY_LOCATOR, as expired cursors do in Salesforce.
const keptCursors = 100

func cursorID(n int) string { return recordid.To18(fmt.Sprintf("01g5g%010d", n)) }

// queryMore answers GET query/01g…-2000, the next batch of an earlier query.
func (o *Org) queryMore(w http.ResponseWriter, version, locator string) {
	cursor, from, _ := strings.Cut(locator, "-")
	start, err := strconv.Atoi(from)
	o.mu.Lock()
	defer o.mu.Unlock()
	records, ok := o.cursors[cursor]
	if !ok || err != nil || start <= 0 || start >= len(records) {
		writeErrors(w, http.StatusBadRequest, apiErr("INVALID_QUERY_LOCATOR", "invalid query locator"))
		return
	}
	writeJSON(w, http.StatusOK, o.batchAnswer(version, cursor, records, start))
}
