package lead

import (
	"slices"
	"strconv"
	"time"
)

// Choices are the values each picklist offers, by API name: the org's describe values when
// signed in. A picklist they leave out offers its catalogue Values.
type Choices map[string][]string

// For returns the values the field called name offers: its Choices, else the catalogue's
// (nil for a field that is no picklist).
func (c Choices) For(name string) []string {
	if v := c[name]; len(v) > 0 {
		return v
	}
	f, _ := ByName(name)
	return f.Values
}

// Settle writes one typed value as the form does when its box is left: a picklist's text
// becomes the value of choices it stands for (Choose: "llc" → "LLC", "leasing" → "Equipment
// Leasing"); any other field is tidied (Tidy). Text that fits nothing stays as typed, for the
// check to refuse with nothing lost.
func Settle(name, typed string, choices []string) string {
	if f, _ := ByName(name); f.Kind == Picklist {
		if v, ok := Choose(typed, choices); ok {
			return v
		}
		return typed
	}
	return Tidy(name, typed)
}

// CheckField returns the problem shown beside one field, or "" when there is none: a
// picklist must hold one of choices (CheckChoice), and every field passes Check. now is the
// moment owners' ages are measured at.
func CheckField(name, value string, choices []string, now time.Time) string {
	if msg := CheckChoice(value, choices); msg != "" {
		return msg
	}
	return Check(name, value, now)
}

// PrepareNew makes a new lead's typed values ready to send as the window's New lead does on
// Submit: every value settled (Settle), then checked as a whole (CheckNew: required fields,
// the Dealer ID, the owners' shares together) and each picklist against its choices in use.
// It returns the settled values, and the problems by API name (nil when everything passes).
// Payload then builds what is sent.
func PrepareNew(typed Values, choices Choices, now time.Time) (Values, Problems) {
	v := settleAll(typed, choices)
	problems := CheckNew(v, now)
	for name, value := range v {
		if msg := CheckField(name, value, choices.For(name), now); msg != "" && problems[name] == "" {
			if problems == nil {
				problems = Problems{}
			}
			problems[name] = msg
		}
	}
	return v, problems
}

// PrepareChanges makes changes to an existing lead ready to send: the fields given, and only
// those, settled (Settle) and checked each on its own (CheckField; an empty value clears a
// field, so a required one is refused), with the owners' shares checked together when both
// are given. It returns the settled changes and the problems by API name (nil when every
// change passes). ChangePayload then builds what is sent.
func PrepareChanges(typed Values, choices Choices, now time.Time) (Values, Problems) {
	v := settleAll(typed, choices)
	problems := Problems{}
	for name, value := range v {
		if msg := CheckField(name, value, choices.For(name), now); msg != "" {
			problems[name] = msg
		}
	}
	_, first := v[ownershipFields[0]]
	_, second := v[ownershipFields[1]]
	if first && second {
		for name, msg := range CheckAcross(v) {
			if problems[name] == "" {
				problems[name] = msg
			}
		}
	}
	if len(problems) == 0 {
		return v, nil
	}
	return v, problems
}

func settleAll(typed Values, choices Choices) Values {
	v := Values{}
	for name, value := range typed {
		v[name] = Settle(name, value, choices.For(name))
	}
	return v
}

// ChangePayload builds the body of an update from changes PrepareChanges passed: each field
// converted by Value (an empty one is null, which clears it). A value given to any of Owner
// 2's fields makes the lead one of two owners (Owners__c "2"), as adding the second owner in
// the window does.
func ChangePayload(changes Values) map[string]any {
	out := map[string]any{}
	for name, typed := range changes {
		out[name] = Value(name, typed)
	}
	if OwnerCount(changes) == 2 {
		out["Owners__c"] = strconv.Itoa(2)
	}
	return out
}

// LabelAndName names a field for a line of text: "Legal entity type (Legal_Entity_Type__c)", or
// the API name alone for a field the catalogue does not have.
func LabelAndName(name string) string {
	if f, ok := ByName(name); ok {
		return f.Label + " (" + f.Name + ")"
	}
	return name
}

// Lines are problems as lines of text, one a field in the form's order (fields the catalogue
// does not have last, by name), each naming its field by label and API name:
// "Legal entity type (Legal_Entity_Type__c): Choose one of: Corporation, …".
func (p Problems) Lines() []string {
	var lines []string
	seen := map[string]bool{}
	for _, f := range Fields {
		if msg := p[f.Name]; msg != "" {
			lines = append(lines, LabelAndName(f.Name)+": "+msg)
			seen[f.Name] = true
		}
	}
	var rest []string
	for name, msg := range p {
		if !seen[name] && msg != "" {
			rest = append(rest, LabelAndName(name)+": "+msg)
		}
	}
	slices.Sort(rest)
	return append(lines, rest...)
}
