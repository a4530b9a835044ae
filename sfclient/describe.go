package sfclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"

	"leaddesk/sfclient/atomicfile"
)

// Describe is the part of the Lead describe Lead Desk uses.
type Describe struct {
	Fields []DescribeField `json:"fields"`
}

// DescribeField is one field of the describe result.
type DescribeField struct {
	Name               string          `json:"name"`
	Label              string          `json:"label"`
	Type               string          `json:"type"`
	Length             int             `json:"length"`
	Nillable           bool            `json:"nillable"`
	Createable         bool            `json:"createable"`
	Updateable         bool            `json:"updateable"`
	RestrictedPicklist bool            `json:"restrictedPicklist"`
	PicklistValues     []PicklistValue `json:"picklistValues"`
}

// PicklistValue is one choice of a picklist field.
type PicklistValue struct {
	Value        string `json:"value"`
	Label        string `json:"label"`
	Active       bool   `json:"active"`
	DefaultValue bool   `json:"defaultValue"`
}

// Field returns the described field called name, if the org has it.
func (d *Describe) Field(name string) (DescribeField, bool) {
	for _, f := range d.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return DescribeField{}, false
}

// describeCache is the file format of the describe cache (not secret: field metadata).
type describeCache struct {
	Instance     string    `json:"instance"`
	Version      string    `json:"version"`
	LastModified string    `json:"last_modified"`
	Checked      time.Time `json:"checked"`
	Describe     Describe  `json:"describe"`
}

// DescribeLead returns the Lead describe. With a disk cache (ClientOptions.CachePath) for
// this instance and version, it asks with If-Modified-Since and uses the cached copy on 304;
// a damaged cache file is ignored and replaced.
func (c *Client) DescribeLead(ctx context.Context) (*Describe, error) {
	sess := c.Session()
	var cached describeCache
	haveCache := false
	if c.opts.CachePath != "" {
		if data, err := os.ReadFile(c.opts.CachePath); err == nil && json.Unmarshal(data, &cached) == nil &&
			cached.Instance == sess.InstanceURL && cached.Version == c.version() && cached.LastModified != "" {
			haveCache = true
		}
	}
	r := request{method: http.MethodGet, path: "/sobjects/Lead/describe", out: &cached.Describe}
	if haveCache {
		r.header = http.Header{"If-Modified-Since": {cached.LastModified}}
	}
	fresh := cached.Describe
	r.out = &fresh
	_, h, err := c.do(ctx, r)
	switch {
	case errors.Is(err, errNotModified) && haveCache:
		return &cached.Describe, nil
	case err != nil:
		return nil, fmt.Errorf("read the Lead fields: %w", err)
	}
	if c.opts.CachePath != "" && h.Get("Last-Modified") != "" {
		entry := describeCache{Instance: sess.InstanceURL, Version: c.version(), LastModified: h.Get("Last-Modified"), Checked: time.Now(), Describe: fresh}
		if data, err := json.Marshal(entry); err == nil {
			atomicfile.Write(c.opts.CachePath, data, 0o600) // a cache that cannot be written is only slower
		}
	}
	return &fresh, nil
}
