package sftest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"leaddesk/sfclient/recordid"
)

// This file keeps what Salesforce keeps about a lead's life: who created and last changed
// it, LeadHistory rows for each change, conversion, and the changes Mazo's staff make.

// insertLocked stores a new lead created by user and returns its id. rec holds checked
// fields; the fields Salesforce maintains are set here.
func (o *Org) insertLocked(rec map[string]any, by string) string {
	o.nextID++
	id := recordid.To18(fmt.Sprintf("00Q5g%010d", o.nextID))
	now := o.nowLocked().Format(sfTime)
	rec["Id"], rec["CreatedDate"], rec["LastModifiedDate"] = id, now, now
	rec["CreatedById"], rec["LastModifiedById"] = by, by
	if rec["OwnerId"] == nil {
		rec["OwnerId"] = by // as in Salesforce: without an owner, the lead is the creator's
	}
	rec["IsConverted"] = false
	for _, f := range []string{"ConvertedDate", "ConvertedAccountId", "ConvertedContactId", "ConvertedOpportunityId"} {
		rec[f] = nil
	}
	o.leads[id] = rec
	o.order = append(o.order, id)
	o.historyLocked(id, "created", nil, nil, by)
	return id
}

// changeLocked applies changes to a stored lead as user, writing a LeadHistory row for each
// field a person can write whose value changed (the fields Salesforce maintains, such as
// IsConverted, have no history).
func (o *Org) changeLocked(id string, changes map[string]any, by string) {
	rec := o.leads[id]
	names := make([]string, 0, len(changes))
	for k := range changes {
		names = append(names, k)
	}
	slices.Sort(names) // history rows in a stable order
	for _, k := range names {
		f, tracked := objects["lead"].field(k)
		if old := rec[k]; tracked && f.writable && fmt.Sprint(old) != fmt.Sprint(changes[k]) {
			o.historyLocked(id, k, old, changes[k], by)
		}
		rec[k] = changes[k]
	}
	rec["LastModifiedDate"], rec["LastModifiedById"] = o.nowLocked().Format(sfTime), by
}

// historyLocked writes one LeadHistory row, unless history tracking is off.
func (o *Org) historyLocked(leadID, field string, old, new any, by string) {
	if o.historyOff {
		return
	}
	n := len(o.history) + 1
	o.history = append(o.history, map[string]any{
		"Id": recordid.To18(fmt.Sprintf("0175g%010d", n)), "LeadId": leadID, "Field": field,
		"OldValue": old, "NewValue": new, "DataType": historyDataType(field),
		"CreatedDate": o.nowLocked().Format(sfTime), "CreatedById": by, "IsDeleted": false,
	})
}

func historyDataType(field string) string {
	if f, ok := objects["lead"].field(field); ok {
		switch f.kind {
		case "picklist":
			return "DynamicEnum"
		case "double", "currency", "percent":
			return "Currency"
		case "boolean":
			return "Boolean"
		case "date":
			return "Date"
		}
		return "Text"
	}
	return "" // "created" and "leadConverted" rows carry no values
}

// SetHistoryTracking switches field history tracking on Lead (on by default). While off,
// changes write no LeadHistory rows, as in an org where nobody enabled it.
func (o *Org) SetHistoryTracking(on bool) { o.set(func() { o.historyOff = !on }) }

// AddLead stores a lead as if user had created it (UserID is the signed-in clerk), without
// a request, and returns its id. fields are Lead fields; unknown or invalid ones are
// stored as given, so tests can seed any shape quickly.
func (o *Org) AddLead(fields map[string]any, user string) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	rec := make(map[string]any, len(fields))
	for k, v := range fields {
		rec[k] = v
	}
	if rec["Status"] == nil {
		rec["Status"] = "New"
	}
	return o.insertLocked(rec, user)
}

// SetStatusByMazo changes a lead's Status as Mazo's credit analyst (MazoUserName) does
// when working it, one second after any change before it. It reports whether the lead
// exists.
func (o *Org) SetStatusByMazo(id, status string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, ok := o.leads[id]; !ok {
		return false
	}
	o.clock += time.Second
	o.changeLocked(id, map[string]any{"Status": status}, MazoUserID)
	return true
}

// Conversion is what converting a lead made: the account, contact and opportunity.
type Conversion struct {
	AccountID, ContactID, OpportunityID string
}

// ConvertLead converts a lead as Mazo does once the financing goes ahead: IsConverted,
// ConvertedDate (today), the new account, contact and opportunity, Status "Qualified", and
// a leadConverted history row. Updates of the lead then answer CANNOT_UPDATE_CONVERTED_LEAD.
// ok is false when there is no such lead or it was converted already.
func (o *Org) ConvertLead(id string) (c Conversion, ok bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	rec, found := o.leads[id]
	if !found || rec["IsConverted"] == true {
		return c, false
	}
	o.clock += time.Second
	n := strings.TrimLeft(id[5:15], "0")
	c = Conversion{AccountID: recordid.To18("0015g" + fmt.Sprintf("%010s", n)),
		ContactID: recordid.To18("0035g" + fmt.Sprintf("%010s", n)), OpportunityID: recordid.To18("0065g" + fmt.Sprintf("%010s", n))}
	o.changeLocked(id, map[string]any{"Status": "Qualified", "IsConverted": true,
		"ConvertedDate": o.nowLocked().Format("2006-01-02"), "ConvertedAccountId": c.AccountID,
		"ConvertedContactId": c.ContactID, "ConvertedOpportunityId": c.OpportunityID}, MazoUserID)
	o.historyLocked(id, "leadConverted", nil, nil, MazoUserID)
	return c, true
}

// getRecord answers GET sobjects/OBJECT/ID for the objects other than Lead (User, for the
// Salesforce CLI's sign-in; LeadHistory, Organization).
func (o *Org) getRecord(w http.ResponseWriter, r *http.Request, version, object, id string) {
	ob := objects[strings.ToLower(object)]
	if ob == nil || ob.name != object {
		writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
		return
	}
	names, ok := fieldList(w, r, ob)
	if !ok {
		return
	}
	o.mu.Lock()
	rows := ob.rows(o)
	o.mu.Unlock()
	for _, row := range rows {
		if rowID, _ := row["Id"].(string); id != "" && (rowID == id || len(id) == 15 && rowID[:15] == id) {
			out := map[string]any{"attributes": objectAttributes(ob.name, version, rowID)}
			for _, f := range ob.fields {
				if names == nil || slices.Contains(names, f.name) {
					out[f.name] = row[f.name]
				}
			}
			writeJSON(w, http.StatusOK, out)
			return
		}
	}
	writeErrors(w, http.StatusNotFound, apiErr("NOT_FOUND", "The requested resource does not exist"))
}
