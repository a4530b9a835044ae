package gui

import (
	"strings"

	"leaddesk/sfclient/lead"
)

// leadName names a lead as a clerk knows it: "Maria Gonzalez (Gonzalez Excavating LLC)", the
// contact or the company alone when only one is filled in, "" when neither is.
func leadName(v lead.Values) string {
	person := joinNonEmpty(v["FirstName"], v["LastName"])
	company := strings.TrimSpace(v["Company"])
	switch {
	case person != "" && company != "":
		return person + " (" + company + ")"
	case person != "":
		return person
	default:
		return company
	}
}

// nameOrID is leadName, or "lead <id>" for a lead with neither contact nor company.
func nameOrID(v lead.Values, id string) string {
	if n := leadName(v); n != "" {
		return n
	}
	return "lead " + id
}

// loadedName names the lead loaded in Edit lead.
func (p *editPanel) loadedName() string { return nameOrID(p.loaded, p.loadedID) }

// newDraftName names a New lead draft by its contact or company, as far as they were typed.
func newDraftName(v lead.Values) string {
	if n := leadName(v); n != "" {
		return "The lead you were typing for " + n
	}
	return "The new lead you were typing"
}
