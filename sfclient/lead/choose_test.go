package lead

import (
	"slices"
	"strings"
	"testing"
)

var (
	entity    = []string{"Corporation", "S Corporation", "LLC", "Partnership", "Sole Proprietorship", "Non-Profit"}
	financing = []string{"Equipment Financing", "Equipment Leasing", "Working Capital", "Line of Credit"}
	leadTypes = []string{"Vendor Lead", "Dealer Lead", "Direct"}
	frames    = []string{"ASAP", "Within 30 days", "30-60 days", "60-90 days", "90+ days"}
)

func TestChooseTakesAPicklistValueByCaseInsensitivePrefixThenByTheStartOfOneOfItsWords(t *testing.T) {
	tests := []struct {
		typed   string
		options []string
		want    string
		ok      bool
	}{
		{"llc", entity, "LLC", true},
		{"LLC", entity, "LLC", true},
		{"co", entity, "Corporation", true}, // the whole value's start wins over "S Corporation"'s word
		{"s", entity, "S Corporation", true},
		{"s corp", entity, "S Corporation", true},
		{"so", entity, "Sole Proprietorship", true},
		{"  non-profit ", entity, "Non-Profit", true},
		{"profit", entity, "Non-Profit", true}, // a word after a hyphen
		{"Corp", entity, "Corporation", true},
		{"prop", entity, "Sole Proprietorship", true},
		{"Inc", entity, "", false},
		{"", entity, "", false},
		{"   ", entity, "", false},
		{"leasing", financing, "Equipment Leasing", true},
		{"lea", financing, "Equipment Leasing", true},
		{"LEASING", financing, "Equipment Leasing", true},
		{"working capital", financing, "Working Capital", true},
		{"capital", financing, "Working Capital", true},
		{"credit", financing, "Line of Credit", true},
		{"of credit", financing, "Line of Credit", true},
		{"fin", financing, "Equipment Financing", true},
		{"e", financing, "Equipment Financing", true}, // whole-value starts: the first of them
		{"ing", financing, "", false},                 // inside a word is no start
		{"lead", leadTypes, "", false},                // Vendor Lead or Dealer Lead: refused
		{"days", frames, "", false},
		{"30", frames, "30-60 days", true}, // the whole value's start wins over "Within 30 days"
		{"60", frames, "60-90 days", true},
		{"90", frames, "90+ days", true},
	}
	for _, tt := range tests {
		got, ok := Choose(tt.typed, tt.options)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Choose(%q) = %q, %v; want %q, %v", tt.typed, got, ok, tt.want, tt.ok)
		}
	}
	if got, _ := Choose("s corporation", []string{"S", "S Corporation"}); got != "S Corporation" {
		t.Errorf("an exact match should win over an earlier prefix match, got %q", got)
	}
}

func TestAmbiguousNamesTheValuesWhoseWordsTheTextBegins(t *testing.T) {
	tests := []struct {
		typed   string
		options []string
		want    []string
	}{
		{"lead", leadTypes, []string{"Vendor Lead", "Dealer Lead"}},
		{"Days", frames, []string{"Within 30 days", "30-60 days", "60-90 days", "90+ days"}},
		{"leasing", financing, nil}, // one value: Choose takes it
		{"e", financing, nil},       // whole-value starts: Choose takes the first
		{"inc", entity, nil},        // none
		{"", entity, nil},
	}
	for _, tt := range tests {
		if got := Ambiguous(tt.typed, tt.options); !slices.Equal(got, tt.want) {
			t.Errorf("Ambiguous(%q) = %q, want %q", tt.typed, got, tt.want)
		}
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
	if msg := CheckChoice("lead", leadTypes); !strings.Contains(msg, "could be Vendor Lead or Dealer Lead") {
		t.Errorf("ambiguous text not refused with its candidates named: %q", msg)
	}
}

func FuzzChoose(f *testing.F) {
	for _, s := range []string{"llc", "co", "", " ", "S Corp", "\x00", "leasing", "lea", "working capital", "lead", "-", "profit", "é"} {
		f.Add(s)
	}
	options := slices.Concat(entity, financing, leadTypes, frames)
	f.Fuzz(func(t *testing.T, typed string) {
		got, ok := Choose(typed, options)
		if ok && CheckChoice(got, options) != "" {
			t.Fatalf("Choose(%q) = %q, which is not an option", typed, got)
		}
		if !ok && got != "" {
			t.Fatalf("Choose(%q) found nothing but returned %q", typed, got)
		}
		if several := Ambiguous(typed, options); several != nil && (ok || len(several) < 2) {
			t.Fatalf("Choose(%q) = %q, %v although Ambiguous names %q", typed, got, ok, several)
		}
		if ok && !strings.Contains(strings.ToLower(got), strings.ToLower(strings.TrimSpace(typed))) {
			t.Fatalf("Choose(%q) = %q, which does not hold the text", typed, got)
		}
	})
}
