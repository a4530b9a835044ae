package cli

import (
	"encoding/json"
	"strings"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// The command line's own words for what the window says beside its terms box and Dealer ID.
const (
	termsNeeded = `The applicant must agree to the terms before the lead is sent; once they have, add --terms-accepted (or put "View_Terms__c": true in the file).`
	termsValue  = `Write true here once the applicant has agreed to the terms, or leave it out and add --terms-accepted.`
	noDealerID  = `Mazo credits your dealership only through its Dealer ID: set it once with "leaddesk settings --dealer-id 001…" (or put Dealer_ID__c in the file).`
	notSent     = `Lead Desk does not send this field; check the API name against the list in "leaddesk lead create --help", or remove it.`
	setByApp    = "Lead Desk sets this field itself; remove it from the file."
	notOneValue = "Write one value here, as text or a number."
)

// leadFile is a fields file read as the window's form would hold it: each Lead field's text,
// whether the file says the applicant agreed to the terms, and what no form field could hold.
type leadFile struct {
	values   lead.Values
	terms    bool
	problems lead.Problems
}

// readLeadFile turns a fields file's JSON object into a form's values. Numbers keep the text
// they were written with; null is an empty field (which clears it in an update). Fields Lead
// Desk does not send, values no box could hold, and fields the app sets itself are problems,
// by API name. creating allows View_Terms__c (true, or lead.TermsAccepted's exact words).
func readLeadFile(fields map[string]any, creating bool) leadFile {
	lf := leadFile{values: lead.Values{}, problems: lead.Problems{}}
	for name, raw := range fields {
		f, known := lead.ByName(name)
		switch {
		case !known:
			lf.problems[name] = notSent
		case name == "View_Terms__c" && creating:
			switch raw {
			case true, lead.TermsAccepted:
				lf.terms = true
			case false, nil:
			default:
				lf.problems[name] = termsValue
			}
		case f.Section == lead.SetByApp:
			lf.problems[name] = setByApp
		default:
			text, ok := fieldText(raw)
			switch {
			case !ok:
				lf.problems[name] = notOneValue
			case text != "" || !creating: // an empty field is nothing to a new lead
				lf.values[name] = text
			}
		}
	}
	return lf
}

// fieldText is what a box would hold for a JSON value: strings and numbers as written, true
// and false as words, null as nothing; false for lists and objects.
func fieldText(raw any) (string, bool) {
	switch v := raw.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		if v {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// refused is a file the checks stopped: one line a problem, naming the field by its label and
// API name in the window's words, then what to do. Nothing was sent or kept.
func refused(problems lead.Problems, file string) error {
	if file == "-" {
		file = "the input"
	}
	lines := append(problems.Lines(), "Nothing was sent; correct "+file+" and run the command again.")
	return &plainError{strings.Join(lines, "\n")}
}

// merge adds to problems those of more that problems does not name yet.
func merge(problems, more lead.Problems) lead.Problems {
	for name, msg := range more {
		if problems == nil {
			problems = lead.Problems{}
		}
		if problems[name] == "" {
			problems[name] = msg
		}
	}
	return problems
}

// fillDealerDefaults puts the fields a new lead starts with (see
// sfclient.Settings.NewLeadDefaults) where the file gave none, as the window fills its empty
// boxes.
func fillDealerDefaults(v lead.Values, st sfclient.Settings) {
	for name, d := range st.NewLeadDefaults() {
		if strings.TrimSpace(v[name]) == "" && d != "" {
			v[name] = d
		}
	}
}

// fieldList names, by section, the fields a file may give: the catalogue's, less those Lead
// Desk sets itself.
func fieldList() string {
	var b strings.Builder
	b.WriteString("Fields F may give (API names), by the window's sections:")
	var section lead.Section
	for _, f := range lead.Fields {
		if f.Section == lead.SetByApp {
			continue
		}
		if f.Section != section {
			section = f.Section
			b.WriteString("\n  " + string(section) + ":")
		}
		b.WriteString(" " + f.Name)
	}
	return b.String()
}
