package lead

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPrepareNewSettlesEveryValueAsLeavingItsBoxDoes(t *testing.T) {
	typed := Values{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo", "Dealer_ID__c": "0015Y00002aYV9NQAW",
		"Legal_Entity_Type__c": "llc", "Financing_Type__c": "leasing", "State": "tx", "Last_Name1__c": "Jimjo", "SSN1__c": "123456789",
		"Phone": "5125550144", "Birthday1__c": "04/05/1981", "Amount_Requested__c": "95,000"}
	v, problems := PrepareNew(typed, nil, now)
	if problems != nil {
		t.Fatalf("problems: %v", problems)
	}
	want := Values{"Legal_Entity_Type__c": "LLC", "Financing_Type__c": "Equipment Leasing", "State": "TX", "SSN1__c": "123-45-6789",
		"Phone": "(512) 555-0144", "Birthday1__c": "04/05/1981", "Amount_Requested__c": "95000"}
	for name, w := range want {
		if v[name] != w {
			t.Errorf("%s settled to %q, want %q", name, v[name], w)
		}
	}
	if typed["State"] != "tx" {
		t.Error("the typed values were changed in place")
	}
}

func TestPrepareNewFindsWhatTheFormWouldMark(t *testing.T) {
	_, problems := PrepareNew(Values{"Company": "Jimjo Jimmy Jo", "Legal_Entity_Type__c": "Corp Inc", "Lead_Type__c": "lead",
		"Ownership1__c": "60", "Ownership2__c": "50"}, Choices{"Legal_Entity_Type__c": {"LLC", "Trust"}}, now)
	want := map[string]string{
		"LastName":             "Last name is required.",
		"Dealer_ID__c":         NoDealerID,
		"Legal_Entity_Type__c": "Choose one of: LLC, Trust.", // the org's values win over the catalogue's
		"Lead_Type__c":         "“lead” could be Vendor Lead or Dealer Lead. Choose one of: Vendor Lead, Dealer Lead, Direct.",
		"Ownership2__c":        "The owners' shares add up to 110%; at most 100%.",
		"Last_Name1__c":        NoOwnerLastName, // shares given, nobody named
		"Last_Name2__c":        NoOwnerLastName,
	}
	if len(problems) != len(want) {
		t.Errorf("problems = %v", problems)
	}
	for name, w := range want {
		if problems[name] != w {
			t.Errorf("%s: %q, want %q", name, problems[name], w)
		}
	}
}

func TestPrepareChangesChecksOnlyTheFieldsGiven(t *testing.T) {
	tests := []struct {
		name    string
		changes Values
		want    Problems
	}{
		{"a tidy change", Values{"State": "tx", "Phone": "512 555 0144"}, nil},
		{"a cleared optional field", Values{"Title": ""}, nil},
		{"a cleared required field", Values{"Company": ""}, Problems{"Company": "Company is required."}},
		{"one share alone is no total", Values{"Ownership2__c": "90"}, nil},
		{"both shares", Values{"Ownership1__c": "90", "Ownership2__c": "20"}, Problems{"Ownership2__c": "The owners' shares add up to 110%; at most 100%."}},
		{"free text in a picklist", Values{"Time_Frame__c": "soon"}, Problems{"Time_Frame__c": "Choose one of: ASAP, Within 30 days, 30-60 days, 60-90 days, 90+ days."}},
	}
	for _, tt := range tests {
		_, got := PrepareChanges(tt.changes, nil, now)
		if len(got) != len(tt.want) {
			t.Errorf("%s: problems %v, want %v", tt.name, got, tt.want)
		}
		for name, w := range tt.want {
			if got[name] != w {
				t.Errorf("%s: %s %q, want %q", tt.name, name, got[name], w)
			}
		}
	}
}

func TestChangePayloadClearsEmptyFieldsAndCountsASecondOwner(t *testing.T) {
	got := ChangePayload(Values{"Title": "", "State": "TX", "First_Name2__c": "Lee"})
	if got["Title"] != nil || got["State"] != "TX" || got["Owners__c"] != "2" || len(got) != 4 {
		t.Fatalf("payload = %v", got)
	}
	if got := ChangePayload(Values{"Title": "Owner"}); len(got) != 1 {
		t.Fatalf("a change without Owner 2 set Owners__c: %v", got)
	}
}

func TestProblemLinesFollowTheFormsOrderAndNameLabelAndAPIName(t *testing.T) {
	got := Problems{"Zz__c": "Unknown.", "Email": "Bad e-mail.", "FirstName": "Too long.", "Aa__c": "Unknown too."}.Lines()
	want := []string{"First name (FirstName): Too long.", "Email (Email): Bad e-mail.", "Aa__c: Unknown too.", "Zz__c: Unknown."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("lines:\n%s", strings.Join(got, "\n"))
	}
}

func FuzzPrepareNew(f *testing.F) {
	for _, s := range []string{"llc", "leasing", "tx", "123456789", "5125550144", "04/05/1981", "95,000", "", "\x00", "lead", "1e400", "NaN", "Inf", "50%"} {
		f.Add("Legal_Entity_Type__c", s)
		f.Add("Financing_Type__c", s)
		f.Add("SSN1__c", s)
		f.Add("Birthday1__c", s)
		f.Add("Amount_Requested__c", s)
		f.Add("IsUnreadByOwner", s)
		f.Add("Ownership1__c", s)
	}
	f.Fuzz(func(t *testing.T, field, typed string) {
		v, problems := PrepareNew(Values{"LastName": "L", "Company": "C", "Dealer_ID__c": "D", field: typed}, nil, now)
		if problems[field] == "" {
			if again, _ := PrepareNew(v, nil, now); again[field] != v[field] {
				t.Fatalf("settling %q is not stable: %q, then %q", typed, v[field], again[field])
			}
		}
		if problems != nil {
			return
		}
		if _, err := json.Marshal(Payload(v, Submission{TermsAccepted: true, At: now, ID: "ld-1"})); err != nil {
			t.Fatalf("%s = %q passed the checks but cannot be sent: %v", field, typed, err)
		}
		if fld, ok := ByName(field); ok && fld.Kind == Picklist && v[field] != "" && CheckChoice(v[field], fld.Values) != "" {
			t.Fatalf("%s: %q passed as %q, which is not a value of the list", field, typed, v[field])
		}
	})
}

func TestNumbersJSONCannotCarryAreRefusedBeforeSending(t *testing.T) {
	for _, field := range []string{"Amount_Requested__c", "AnnualRevenue", "Ownership1__c"} {
		for _, typed := range []string{"NaN", "Inf", "-Infinity", "1e400"} {
			if Check(field, typed, now) == "" {
				t.Errorf("%s = %q passed the check", field, typed)
			}
		}
	}
}
