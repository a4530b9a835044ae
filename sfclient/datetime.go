package sfclient

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNoDateTime is returned by ParseDateTime for an empty value.
var ErrNoDateTime = errors.New("no date-time")

// dateTimeLayouts are the forms a Salesforce date-time comes in. Go's parser accepts a
// fractional second after the seconds even where the layout has none, so ".000" is optional.
var dateTimeLayouts = []string{
	"2006-01-02T15:04:05Z0700",  // 2026-11-30T10:00:00.000+0000 (the REST API), or …Z
	"2006-01-02T15:04:05Z07:00", // RFC 3339: …+05:30 or …Z
}

// ParseDateTime reads a Salesforce date-time (LastModifiedDate, CreatedDate) in any of the
// forms Salesforce and its proxies send: 2026-11-30T10:00:00.000+0000,
// 2026-11-30T10:00:00Z, 2026-11-30T10:00:00.000Z, 2026-11-30T15:30:00+05:30. An empty value
// is ErrNoDateTime; anything else unreadable is an error that quotes it.
func ParseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ErrNoDateTime
	}
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("read the date-time %q: not a Salesforce date-time", s)
}
