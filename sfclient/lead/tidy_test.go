package lead

import (
	"strings"
	"testing"
)

func TestTidyWritesPhonesAmountsAndYearsTheWayMazoKeepsThem(t *testing.T) {
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
		{"State2_2__c", "Texas", "Texas"},   // not a code: kept for the check to point out
		{"Company", " Jimjo  ", " Jimjo  "}, // other fields are not touched
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

func TestChooseTakesAPicklistValueByCaseInsensitivePrefix(t *testing.T) {
	entity := []string{"Corporation", "S Corporation", "LLC", "Partnership", "Sole Proprietorship", "Non-Profit"}
	tests := []struct {
		typed, want string
		ok          bool
	}{
		{"llc", "LLC", true},
		{"LLC", "LLC", true},
		{"co", "Corporation", true},
		{"s", "S Corporation", true},
		{"so", "Sole Proprietorship", true},
		{"  non-profit ", "Non-Profit", true},
		{"Corp", "Corporation", true},
		{"Inc", "", false},
		{"", "", false},
		{"   ", "", false},
	}
	for _, tt := range tests {
		got, ok := Choose(tt.typed, entity)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Choose(%q) = %q, %v; want %q, %v", tt.typed, got, ok, tt.want, tt.ok)
		}
	}
	if got, _ := Choose("s corporation", []string{"S", "S Corporation"}); got != "S Corporation" {
		t.Errorf("an exact match should win over an earlier prefix match, got %q", got)
	}
}

func TestCheckChoiceRefusesAnythingOutsideTheList(t *testing.T) {
	options := []string{"ASAP", "Within 30 days"}
	if msg := CheckChoice("ASAP", options); msg != "" {
		t.Errorf("a listed value refused: %s", msg)
	}
	if msg := CheckChoice("", options); msg != "" {
		t.Errorf("an empty picklist refused: %s", msg)
	}
	if msg := CheckChoice("soon", options); !strings.Contains(msg, "ASAP, Within 30 days") {
		t.Errorf("free text not refused with the choices named: %q", msg)
	}
	if msg := CheckChoice("asap", options); msg == "" {
		t.Error("a value in the wrong case is not a value of the list")
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

func FuzzChoose(f *testing.F) {
	for _, s := range []string{"llc", "co", "", " ", "S Corp", "\x00"} {
		f.Add(s)
	}
	options := []string{"Corporation", "S Corporation", "LLC"}
	f.Fuzz(func(t *testing.T, typed string) {
		got, ok := Choose(typed, options)
		if ok && CheckChoice(got, options) != "" {
			t.Fatalf("Choose(%q) = %q, which is not an option", typed, got)
		}
		if !ok && got != "" {
			t.Fatalf("Choose(%q) found nothing but returned %q", typed, got)
		}
	})
}
