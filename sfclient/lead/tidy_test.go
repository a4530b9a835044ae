package lead

import (
	"strings"
	"testing"
	"time"
)

func TestTidyWritesEachFieldTheWayMazoKeepsIt(t *testing.T) {
	tests := []struct{ field, typed, want string }{
		{"Phone", "512 555 0142", "(512) 555-0142"},
		{"Phone", "5125550142", "(512) 555-0142"},
		{"Phone1__c", "+1 512-555-0142", "(512) 555-0142"},
		{"Phone2__c", "1 (512) 555.0142", "(512) 555-0142"},
		{"Phone", "555-0142", "555-0142"},           // too short: kept for the check to point out
		{"Phone", "call me", "call me"},             // not a phone: kept as typed
		{"Phone", "2512 555 0142", "2512 555 0142"}, // 11 digits not starting with 1
		{"AnnualRevenue", "$600,000", "600000"},
		{"Amount_Requested__c", " 9,825.50 ", "9825.5"},
		{"Amount_Requested__c", "nine grand", "nine grand"},
		{"Amount_Requested__c", "-5", "-5"},
		{"Ownership1__c", "50%", "50"},
		{"Ownership2__c", "33.50", "33.5"},
		{"Years_In_Business__c", "4.0", "4"},
		{"Years_In_Business__c", "4.5", "4.5"},
		{"Year__c", "2,023", "2023"},
		{"State", "tx", "TX"},
		{"State2__c", " Tx ", "TX"},
		{"State2_2__c", "Texas", "Texas"}, // not a code: kept for the check to point out
		{"Federal_Tax_ID__c", "123456789", "12-3456789"},
		{"Federal_Tax_ID__c", " 12 3456789 ", "12-3456789"},
		{"Federal_Tax_ID__c", "12-345678", "12-345678"}, // 8 digits: kept for the check
		{"Federal_Tax_ID__c", "EIN 123456789", "EIN 123456789"},
		{"SSN1__c", "123456789", "123-45-6789"},
		{"SSN2__c", "123 45 6789", "123-45-6789"},
		{"SSN1__c", "12345678", "12345678"},
		{"PostalCode", "787361234", "78736-1234"},
		{"Zip2__c", " 78736 ", "78736"},
		{"Zip2_2__c", "78736-1234", "78736-1234"},
		{"PostalCode", "7873", "7873"},
		{"Birthday1__c", "5/31/1970", "05/31/1970"},
		{"Birthday2__c", "1970-05-31", "05/31/1970"},
		{"Birthday1__c", "03141979", "03/14/1979"},   // the 8 digits alone, as phones and SSNs are typed
		{"Birthday1__c", "13141979", "13141979"},     // no 13th month: kept for the check
		{"Birthday1__c", "02/30/1970", "02/30/1970"}, // no such day: kept for the check
		{"Company", " Jimjo  ", " Jimjo  "},          // other fields are not touched
		{"Phone", "", ""},
		{"NoSuchField__c", "512 555 0142", "512 555 0142"},
	}
	for _, tt := range tests {
		if got := Tidy(tt.field, tt.typed); got != tt.want {
			t.Errorf("Tidy(%s, %q) = %q, want %q", tt.field, tt.typed, got, tt.want)
		}
	}
}

func TestTidiedValuesPassTheirCheckAndSendTheSameValue(t *testing.T) {
	for _, c := range []struct{ field, typed string }{
		{"Phone", "512 555 0142"}, {"AnnualRevenue", "$600,000"}, {"Year__c", "2,023"}, {"Ownership1__c", "50%"}, {"State", "tx"},
		{"Federal_Tax_ID__c", "123456789"}, {"SSN1__c", "123456789"}, {"PostalCode", "787361234"}, {"Birthday1__c", "5/31/1970"},
	} {
		tidy := Tidy(c.field, c.typed)
		if msg := Check(c.field, tidy, now); msg != "" {
			t.Errorf("%s %q tidied to %q, which fails its check: %s", c.field, c.typed, tidy, msg)
		}
		if Check(c.field, c.typed, now) == "" && c.field != "Phone" && normalized(c.field, tidy) != normalized(c.field, c.typed) {
			t.Errorf("%s: tidying %q changed what is sent", c.field, c.typed)
		}
	}
}

func TestANewLeadWithoutADealerIDIsRefusedWithAPointerToSettings(t *testing.T) {
	v := Values{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo"}
	p := CheckNew(v, now)
	if !strings.Contains(p["Dealer_ID__c"], "Settings") || len(p) != 1 {
		t.Fatalf("problems = %v", p)
	}
	v["Dealer_ID__c"] = "0015Y00002aYV9NQAW"
	if p := CheckNew(v, now); p != nil {
		t.Fatalf("problems with a dealer id: %v", p)
	}
	if p := CheckAll(Values{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo"}, now); p != nil {
		t.Fatalf("an existing lead without a dealer id must stay editable: %v", p)
	}
}

func FuzzTidy(f *testing.F) {
	for _, s := range []string{"512 555 0142", "+1 (512) 555-0142", "$600,000.00", "50%", "2,023", "", "1e400", "-0", "tx", " ny "} {
		f.Add("Phone", s)
		f.Add("AnnualRevenue", s)
		f.Add("Ownership1__c", s)
		f.Add("Year__c", s)
		f.Add("State", s)
	}
	for _, s := range []string{"123456789", "12-3456789", "12 345 6789", "787361234", "78736-1234", "5/31/1970", "1970-05-31", "02/30/1970"} {
		f.Add("Federal_Tax_ID__c", s)
		f.Add("SSN1__c", s)
		f.Add("PostalCode", s)
		f.Add("Birthday1__c", s)
	}
	f.Fuzz(func(t *testing.T, field, typed string) {
		tidy := Tidy(field, typed)
		if Tidy(field, tidy) != tidy {
			t.Fatalf("Tidy is not stable: %q → %q → %q", typed, tidy, Tidy(field, tidy))
		}
		if Check(field, typed, now) == "" && Check(field, tidy, now) != "" {
			t.Fatalf("tidying the valid %q gave the invalid %q", typed, tidy)
		}
	})
}

func TestEveryValueIsSentAsTheTidiedBoxShowsIt(t *testing.T) {
	for _, f := range Fields {
		for _, typed := range []string{"512 555 0142", "123456789", "787361234", "5/31/1970", "$600,000", "tx", "2,023", "50%"} {
			if a, b := normalized(f.Name, typed), normalized(f.Name, Tidy(f.Name, typed)); a != b {
				t.Errorf("%s: %q is sent as %s, but its tidied box %q as %s", f.Name, typed, a, Tidy(f.Name, typed), b)
			}
		}
	}
}

// An owner with details but no last name would reach Mazo as an owner nobody can name: a
// second owner given only "Rosa" was sent as a two-owner lead.
func TestANewLeadsOwnerWithAnyDetailNeedsALastName(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	base := Values{"LastName": "Gomez", "Company": "Gomez Grading", "Dealer_ID__c": "0015Y00002aYV9NQAW"}
	for _, tt := range []struct {
		name  string
		more  Values
		wants string // the field that must carry NoOwnerLastName; "" for none
	}{
		{"no owners", nil, ""},
		{"owner 2 with only a first name", Values{"First_Name2__c": "Rosa"}, "Last_Name2__c"},
		{"owner 1 with only a share", Values{"Ownership1__c": "60"}, "Last_Name1__c"},
		{"owner 2 named", Values{"First_Name2__c": "Rosa", "Last_Name2__c": "Diaz"}, ""},
		{"owner 2 with a last name alone", Values{"Last_Name2__c": "Diaz"}, ""},
		{"owner 2 emptied to spaces", Values{"First_Name2__c": "  "}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := Values{}
			for k, x := range base {
				v[k] = x
			}
			for k, x := range tt.more {
				v[k] = x
			}
			problems := CheckNew(v, now)
			for _, last := range []string{"Last_Name1__c", "Last_Name2__c"} {
				got := problems[last] == NoOwnerLastName
				if want := last == tt.wants; got != want {
					t.Errorf("%s: NoOwnerLastName said %v, want %v (problems %v)", last, got, want, problems)
				}
			}
		})
	}
}
