package sfclient

import (
	"errors"
	"testing"
	"time"
)

func TestParseDateTimeReadsEveryFormSalesforceSends(t *testing.T) {
	want := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Time
	}{
		{"2026-11-30T10:00:00.000+0000", want},
		{"2026-11-30T10:00:00.000Z", want},
		{"2026-11-30T10:00:00Z", want},
		{"2026-11-30T10:00:00+0000", want},
		{"2026-11-30T15:30:00+05:30", want},
		{"2026-11-30T15:30:00.000+0530", want},
		{"2026-11-30T05:00:00.000-0500", want},
		{" 2026-11-30T10:00:00.000+0000\n", want},
		{"2026-11-30T10:00:00.250Z", want.Add(250 * time.Millisecond)},
	}
	for _, c := range cases {
		got, err := ParseDateTime(c.in)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseDateTime(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestParseDateTimeRefusesWhatIsNotADateTime(t *testing.T) {
	for _, in := range []string{"2026-11-30", "11/30/2026 10:00", "2026-11-30T10:00:00", "2026-13-30T10:00:00Z", "yesterday"} {
		if _, err := ParseDateTime(in); err == nil {
			t.Errorf("ParseDateTime(%q) took it", in)
		}
	}
	if _, err := ParseDateTime(""); !errors.Is(err, ErrNoDateTime) {
		t.Errorf("empty value: %v, want ErrNoDateTime", err)
	}
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2026-11-30T10:00:00.000+0000", "2026-11-30T10:00:00Z", "2026-11-30T15:30:00+05:30", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDateTime(s)
		if err != nil {
			return
		}
		// What was read once reads the same in Salesforce's own form.
		again, err := ParseDateTime(got.Format("2006-01-02T15:04:05.000000000-0700"))
		if err != nil || !again.Equal(got) {
			t.Fatalf("%q read as %v, which does not read back (%v, %v)", s, got, again, err)
		}
	})
}
