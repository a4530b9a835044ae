package lead

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)

func TestCheckCatchesWhatSalesforceWouldRefuseOrMazoCannotUse(t *testing.T) {
	tests := []struct {
		field, value string
		ok           bool
	}{
		{"LastName", "", false},
		{"LastName", "Jimjo", true},
		{"FirstName", "", true},
		{"Email", "jimmy@jimjo.example", true},
		{"Email", "jimmy@jimjo", false},
		{"Email", "Jimmy <jimmy@jimjo.example>", false},
		{"Phone", "(555) 555-0100", true},
		{"Phone", "013-345-6789", true},
		{"Phone", "+1 555 555 0100", true},
		{"Phone", "555-0100", false},
		{"Phone", "call me", false},
		{"SSN1__c", "555-55-5555", true},
		{"SSN1__c", "555555555", true},
		{"SSN1__c", "555-55-555", false},
		{"SSN1__c", "000-12-3456", false},
		{"SSN2__c", "923-45-6789", false},
		{"Federal_Tax_ID__c", "55-5555555", true},
		{"Federal_Tax_ID__c", "5-55555555", false},
		{"PostalCode", "78736", true},
		{"PostalCode", "78736-1234", true},
		{"Zip2__c", "7873", false},
		{"Zip2_2__c", "78736-12", false},
		{"State", "tx", true},
		{"State2__c", "Texas", false},
		{"State2_2__c", "ZZ", false},
		{"Birthday1__c", "05/05/1955", true},
		{"Birthday1__c", "1955-05-05", true},
		{"Birthday1__c", "02/30/1980", false},
		{"Birthday1__c", "11/23/2008", false}, // 17 today
		{"Birthday2__c", "11/22/2008", true},  // 18 today
		{"Birthday2__c", "01/01/2030", false},
		{"Ownership1__c", "100", true},
		{"Ownership1__c", "101", false},
		{"Ownership1__c", "-1", false},
		{"AnnualRevenue", "$600,000", true},
		{"AnnualRevenue", "six hundred", false},
		{"Amount_Requested__c", "9825.50", true},
		{"Years_In_Business__c", "4", true},
		{"Years_In_Business__c", "4.5", false},
		{"Year__c", "2023", true},
		{"Year__c", "23", false},
		{"Status", "Maybe", false},
		{"Company", strings.Repeat("x", 256), false},
	}
	for _, tt := range tests {
		msg := Check(tt.field, tt.value, now)
		if (msg == "") != tt.ok {
			t.Errorf("Check(%s, %q) = %q, want ok=%v", tt.field, tt.value, msg, tt.ok)
		}
		if strings.Contains(msg, tt.value) && tt.value != "" {
			t.Errorf("message %q repeats the value", msg)
		}
	}
}

func TestOwnersSharesMayNotPassOneHundred(t *testing.T) {
	v := Values{"LastName": "A", "Company": "B", "Ownership1__c": "60", "Ownership2__c": "50"}
	p := CheckAll(v, now)
	if !strings.Contains(p["Ownership2__c"], "110") {
		t.Fatalf("problems = %v", p)
	}
	v["Ownership2__c"] = "40"
	if p := CheckAll(v, now); p != nil {
		t.Fatalf("problems = %v", p)
	}
}

func TestTheSharesTotalIsCheckedOnItsOwnForAFormToSayAsFieldsAreLeft(t *testing.T) {
	tests := []struct {
		own1, own2 string
		want       string // "" means no problem
	}{
		{"70", "40", "110%"},
		{"70%", "30.5", "100.5%"},
		{"60", "40", ""},
		{"100", "", ""},
		{"", "", ""},
		{"abc", "90", ""}, // Check says what is wrong with the share itself
		{"70", "140", ""},
	}
	for _, tt := range tests {
		p := CheckAcross(Values{"Ownership1__c": tt.own1, "Ownership2__c": tt.own2})
		got := p["Ownership2__c"]
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) || len(p) > 1 {
			t.Errorf("CheckAcross(%q, %q) = %v, want a total of %q beside Owner 2's share", tt.own1, tt.own2, p, tt.want)
		}
	}
	for name, spans := range map[string]bool{"Ownership1__c": true, "Ownership2__c": true, "LastName": false, "SSN1__c": false} {
		if SpansFields(name) != spans {
			t.Errorf("SpansFields(%s) = %v, want %v", name, !spans, spans)
		}
	}
}

func TestPayloadMatchesTheGuidesShapes(t *testing.T) {
	v := Values{"FirstName": "Satisfied", "LastName": "Customer", "Company": "Example Inc.", "SSN1__c": "555555555",
		"Birthday1__c": "05/05/1955", "AnnualRevenue": "$600,000", "Ownership1__c": "100", "State": "tx",
		"Federal_Tax_ID__c": "555555555", "Years_In_Business__c": "1", "Title": "  "}
	at := time.Date(2022, 10, 27, 8, 39, 49, 0, time.Local)
	p := Payload(v, Submission{TermsAccepted: true, At: at, ID: "ld-1"})
	want := map[string]any{"SSN1__c": "555-55-5555", "Birthday1__c": "1955-05-05", "AnnualRevenue": json.Number("600000"),
		"Ownership1__c": json.Number("100"), "State": "TX", "Federal_Tax_ID__c": "55-5555555",
		"View_Terms__c": "I/we have read and agree to these terms", "Date_and_Time__c": "10/27/2022 - 08:39:49",
		"WordPress_UniqueID__c": "ld-1", "Owners__c": "1", "IsUnreadByOwner": true}
	for k, w := range want {
		if p[k] != w {
			t.Errorf("%s = %#v, want %#v", k, p[k], w)
		}
	}
	if _, ok := p["Title"]; ok {
		t.Error("a blank field was sent")
	}
	v["Last_Name2__c"] = "Partner"
	if Payload(v, Submission{At: at})["Owners__c"] != "2" {
		t.Error("a second owner was not counted")
	}
}

func TestChangesListOnlyWhatReallyChanged(t *testing.T) {
	loaded := Values{"Phone": "(555) 555-0100", "AnnualRevenue": "600000", "City": "Austin", "Birthday1__c": "05/05/1955"}
	typed := Values{"Phone": "(555) 555-0199", "AnnualRevenue": "$600,000", "City": "", "Birthday1__c": "1955-05-05"}
	got := Changes(loaded, typed)
	if len(got) != 2 || got["Phone"] != "(555) 555-0199" || got["City"] != nil {
		t.Fatalf("Changes = %#v, want the phone and the cleared city", got)
	}
	if _, ok := got["City"]; !ok {
		t.Fatal("clearing a field is a change")
	}
}

func TestChangesSetTheNumberOfOwnersWhenTheSecondOwnerComesOrGoes(t *testing.T) {
	one := Values{"First_Name1__c": "Ann"}
	two := Values{"First_Name1__c": "Ann", "First_Name2__c": "Lee", "Ownership2__c": "40"}
	for _, c := range []struct {
		name          string
		loaded, typed Values
		want          any
	}{
		{"second owner removed", two, one, "1"},
		{"second owner added", one, two, "2"},
		{"second owner kept", two, two, nil},
		{"still one owner", one, Values{"First_Name1__c": "Anne"}, nil},
	} {
		if got := Changes(c.loaded, c.typed)["Owners__c"]; got != c.want {
			t.Errorf("%s: Owners__c = %#v, want %#v", c.name, got, c.want)
		}
	}
}

func TestDisplayShowsWhatSalesforceReturnsAsTheFormWritesIt(t *testing.T) {
	if got := Display("Birthday1__c", "1955-05-05"); got != "05/05/1955" {
		t.Errorf("date = %q", got)
	}
	if got := Display("AnnualRevenue", 600000.0); got != "600000" {
		t.Errorf("money = %q", got)
	}
	if got := Display("Phone", nil); got != "" {
		t.Errorf("null = %q", got)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("SSN1__c", "555-55-5555")
	f.Add("Birthday1__c", "02/29/2000")
	f.Add("Email", "a@b.c")
	f.Add("AnnualRevenue", "$1,000")
	f.Fuzz(func(t *testing.T, name, value string) {
		Changes(Values{name: value}, Values{name: value + "1"}) // loaded values may be anything
		if Check(name, value, now) != "" {
			return
		}
		// A value that passes converts without panicking, and converts the same way twice.
		a, _ := json.Marshal(Value(name, value))
		b, _ := json.Marshal(Value(name, value))
		if string(a) != string(b) {
			t.Fatalf("unstable conversion of %q", value)
		}
	})
}

func FuzzCheckAcross(f *testing.F) {
	f.Add("70", "40")
	f.Add("100%", "0.5")
	f.Add("", "1e2")
	f.Fuzz(func(t *testing.T, own1, own2 string) {
		v := Values{"Ownership1__c": own1, "Ownership2__c": own2}
		p := CheckAcross(v)
		// The total is said only beside Owner 2's share, and only when both shares are
		// fine on their own; whatever CheckAcross finds, CheckAll says too.
		for name, msg := range p {
			if name != "Ownership2__c" || Check("Ownership1__c", own1, now) != "" || Check("Ownership2__c", own2, now) != "" {
				t.Fatalf("CheckAcross(%q, %q) = %v", own1, own2, p)
			}
			if all := CheckAll(v, now); all[name] != msg {
				t.Fatalf("CheckAll misses %q for %q, %q", msg, own1, own2)
			}
		}
	})
}

func TestEveryExampleReadsAsAnExampleAndTheUnclearFieldsHaveOne(t *testing.T) {
	for _, f := range Fields {
		if f.Example != "" && !strings.Contains(f.Example, "e.g. ") {
			t.Errorf("%s's example %q does not read as an example", f.Name, f.Example)
		}
	}
	for _, name := range []string{"TBD__c", "Follow_Up__c", "OwnerId", "Dealer_ID__c"} {
		if f, _ := ByName(name); f.Example == "" {
			t.Errorf("%s (%s) has no example of what to write", name, f.Label)
		}
	}
	f, _ := ByName("Follow_Up__c")
	if msg := Check(f.Name, "1", now); msg != "" { // the guide's value
		t.Errorf("the guide's Follow up value is refused: %s", msg)
	}
}
