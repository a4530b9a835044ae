package recordid

import (
	"errors"
	"strings"
	"testing"
)

func TestParseLead(t *testing.T) {
	const full = "00Q4X00001vhja5UAA"
	tests := []struct {
		name, in, want string
	}{
		{"15 characters gain the checksum", "00Q4X00001vhja5", full},
		{"18 characters stay", full, full},
		{"checksum is case-insensitive", "00Q4X00001vhja5uaa", full},
		{"spaces are trimmed", "  00Q4X00001vhja5 \n", full},
		{"lightning link", "https://mazo.lightning.force.com/lightning/r/Lead/00Q4X00001vhja5UAA/view", full},
		{"classic link", "https://mazo.my.salesforce.com/00Q4X00001vhja5", full},
		{"classic link with query", "https://na1.salesforce.com/00Q4X00001vhja5?srPos=0", full},
		{"id parameter", "https://x.example/apex/page?id=00Q4X00001vhja5", full},
		// "00QAB": upper-case at 2,3,4 -> 0b11100 = 28 -> '2'; "CDEFG", "HIJKL": 31 -> '5'.
		{"upper-case chunks", "00QABCDEFGHIJKL", "00QABCDEFGHIJKL255"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLead(tt.in)
			if err != nil || got != tt.want {
				t.Fatalf("ParseLead(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestChecksumMatchesSalesforcesPublishedExample(t *testing.T) {
	// The example Salesforce's own documentation uses for the 15 -> 18 conversion.
	if got := "001A0000006Vm9r" + checksum("001A0000006Vm9r"); got != "001A0000006Vm9rIAC" {
		t.Fatalf("got %s, want 001A0000006Vm9rIAC", got)
	}
}

func TestParseLeadRefusesWhatIsNotALeadID(t *testing.T) {
	for _, in := range []string{
		"",
		"00Q4X00001vhja",     // 14
		"00Q4X00001vhja5UA",  // 17
		"00Q4X00001vhja5UAB", // wrong checksum
		"0014X00001vhja5",    // an Account
		"00Q4X00001vh-a5",    // punctuation
		"https://mazo.lightning.force.com/lightning/o/Lead/list", // no id
		"https://x/%zz",
		"00Q4X00001vhja5ÜAA",
	} {
		if got, err := ParseLead(in); !errors.Is(err, ErrBad) {
			t.Errorf("ParseLead(%q) = %q, %v; want ErrBad", in, got, err)
		}
	}
	for in, want := range map[string]string{
		"x":                "this one has 1 character",
		"00Q4X00001vhja":   "this one has 14 characters",
		"00Q4X00001vhjäaa": "this one has 16 characters", // counted as a person counts, not in bytes
	} {
		if _, err := ParseLead(in); err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("ParseLead(%q): %v; want it to end %q", in, err, want)
		}
	}
}

func FuzzParseLead(f *testing.F) {
	for _, s := range []string{"00Q4X00001vhja5", "00Q4X00001vhja5UAA", "https://a/lightning/r/Lead/00Q4X00001vhja5UAA/view", "/?id=", "00Q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		id, err := ParseLead(in)
		if err != nil {
			if !errors.Is(err, ErrBad) {
				t.Fatalf("error does not wrap ErrBad: %v", err)
			}
			return
		}
		if len(id) != 18 || !strings.HasPrefix(id, LeadPrefix) {
			t.Fatalf("ParseLead(%q) = %q: not an 18-character Lead id", in, id)
		}
		if again, err := ParseLead(id); err != nil || again != id {
			t.Fatalf("the 18-character form %q does not parse to itself: %q, %v", id, again, err)
		}
	})
}
