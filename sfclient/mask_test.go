package sfclient

import (
	"strings"
	"testing"
)

func TestMaskSensitiveHidesEveryShapeOfSSNAndDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"value 123-45-6789 too long", "value ***-**-**** too long"},
		{"123-45-6789x", "***-**-****x"},
		{"123.45.6789", "***-**-****"},
		{"SSN_123-45-6789", "SSN_***-**-****"},
		{"123 45 6789", "***-**-****"},
		{"123456789", "***-**-****"},
		{"555-55-55555", "***-**-****"},
		{"born 05.01.1980.", "born **/**/****."},
		{"born Jan 5, 1980", "born **/**/****"},
		{"born January 5th 1980!", "born **/**/****!"},
		{"born 5 Jan 1980", "born **/**/****"},
		{"1980-01-05", "**/**/****"},
		{"DOB_01/05/80", "DOB_**/**/****"},
		{"value 1955-13-05 is not a date", "value **/**/**** is not a date"},
		{"1980-01-05T00:00:00.000+0000", "**/**/****T00:00:00.000+0000"},
		// What must stay readable.
		{"Required fields are missing: [LastName]", "Required fields are missing: [LastName]"},
		{"lead 00Q5Y00001AbCdEUAV not found", "lead 00Q5Y00001AbCdEUAV not found"},
		{"api-usage=25/15000", "api-usage=25/15000"},
		{"POST http://127.0.0.1:8080/services/data/v62.0/sobjects/Lead", "POST http://127.0.0.1:8080/services/data/v62.0/sobjects/Lead"},
		{"May the lead be sent", "May the lead be sent"},
	} {
		if got := MaskSensitive(tc.in); got != tc.want {
			t.Errorf("MaskSensitive(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzMaskSensitive(f *testing.F) {
	for _, s := range []string{"123-45-6789x", "123.45.6789", "SSN_123-45-6789", "05.01.1980", "Jan 5, 1980", "1980-01-05", "a 1 2 3 4 5 6 7 8 9 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := MaskSensitive(s)
		if nineDigits.MatchString(out) || numericDate.MatchString(out) || wordDate.MatchString(out) {
			t.Fatalf("MaskSensitive(%q) = %q still holds a sensitive shape", s, out)
		}
		if again := MaskSensitive(out); again != out {
			t.Fatalf("masking twice changed %q to %q", out, again)
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("lines changed: %q", out)
		}
	})
}
