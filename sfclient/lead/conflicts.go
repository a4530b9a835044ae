package lead

import "sort"

// Conflicts lists, sorted, the fields a save cannot settle alone: the person changed them
// since the load (typed differs from loaded) and Salesforce changed them too (now differs from
// loaded), to a value other than the person's. Values are compared by meaning, as Changes
// compares them ("25,000" equals 25000). A field only one side changed is no conflict: the
// person's edit is simply saved, Salesforce's change simply kept.
func Conflicts(loaded, now, typed Values) []string {
	var out []string
	for _, f := range Fields {
		before, theirs, mine := normalized(f.Name, loaded[f.Name]), normalized(f.Name, now[f.Name]), normalized(f.Name, typed[f.Name])
		if mine != before && theirs != before && theirs != mine {
			out = append(out, f.Name)
		}
	}
	sort.Strings(out)
	return out
}
