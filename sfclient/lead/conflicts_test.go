package lead

import (
	"slices"
	"testing"
)

func TestConflictsAreOnlyFieldsBothSidesChangedDifferently(t *testing.T) {
	loaded := Values{"FirstName": "Maria", "Phone": "(512) 555-0100", "City": "Austin", "AnnualRevenue": "25000"}
	cases := []struct {
		name       string
		now, typed Values
		want       []string
	}{
		{"only Salesforce changed the phone; I changed the first name",
			Values{"FirstName": "Maria", "Phone": "(512) 555-0199", "City": "Austin", "AnnualRevenue": "25000"},
			Values{"FirstName": "Mariah", "Phone": "(512) 555-0100", "City": "Austin", "AnnualRevenue": "25000"}, nil},
		{"both changed the phone",
			Values{"FirstName": "Maria", "Phone": "(512) 555-0199", "City": "Austin", "AnnualRevenue": "25000"},
			Values{"FirstName": "Maria", "Phone": "(512) 555-0222", "City": "Austin", "AnnualRevenue": "25000"}, []string{"Phone"}},
		{"both changed the phone to the same number",
			Values{"FirstName": "Maria", "Phone": "(512) 555-0199", "City": "Austin", "AnnualRevenue": "25000"},
			Values{"FirstName": "Maria", "Phone": "512-555-0199", "City": "Austin", "AnnualRevenue": "25000"}, nil},
		{"Salesforce cleared the city I changed; I retyped the amount the same",
			Values{"FirstName": "Maria", "Phone": "(512) 555-0100", "AnnualRevenue": "25000"},
			Values{"FirstName": "Maria", "Phone": "(512) 555-0100", "City": "Round Rock", "AnnualRevenue": "25,000"}, []string{"City"}},
		{"both changed two fields, listed in order",
			Values{"FirstName": "Marie", "Phone": "(512) 555-0199", "City": "Austin", "AnnualRevenue": "25000"},
			Values{"FirstName": "Mary", "Phone": "(512) 555-0222", "City": "Austin", "AnnualRevenue": "25000"}, []string{"FirstName", "Phone"}},
		{"nothing changed anywhere", loaded, loaded, nil},
	}
	for _, c := range cases {
		if got := Conflicts(loaded, c.now, c.typed); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
