package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// parsePlist reads an XML property list whose top level is a dict, as Info.plist is, into
// key → value: string, bool, int64, float64, []any or map[string]any. Malformed XML, a top
// level that is not a dict, a key without a value or an unknown element is an error.
func parsePlist(data []byte) (map[string]any, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		start, err := nextStart(d)
		if err != nil {
			return nil, fmt.Errorf("not a property list: %w", err)
		}
		switch start.Name.Local {
		case "plist":
			continue
		case "dict":
			v, err := parseDict(d)
			if err != nil {
				return nil, err
			}
			return v, nil
		default:
			return nil, fmt.Errorf("the property list holds <%s>, not a <dict>", start.Name.Local)
		}
	}
}

// nextStart returns the next start element, skipping text, comments and directives.
func nextStart(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.EndElement:
			return xml.StartElement{}, errEnd
		}
	}
}

// errEnd is nextStart's answer when the enclosing element ends first.
var errEnd = errors.New("element ended")

func parseDict(d *xml.Decoder) (map[string]any, error) {
	m := map[string]any{}
	for {
		start, err := nextStart(d)
		if errors.Is(err, errEnd) {
			return m, nil
		}
		if err != nil {
			return nil, fmt.Errorf("unfinished <dict>: %w", err)
		}
		if start.Name.Local != "key" {
			return nil, fmt.Errorf("<dict> holds <%s> where a <key> belongs", start.Name.Local)
		}
		var key string
		if err := d.DecodeElement(&key, &start); err != nil {
			return nil, fmt.Errorf("reading a <key>: %w", err)
		}
		vstart, err := nextStart(d)
		if err != nil {
			return nil, fmt.Errorf("key %q has no value", key)
		}
		v, err := parseValue(d, vstart)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", key, err)
		}
		m[key] = v
	}
}

func parseArray(d *xml.Decoder) ([]any, error) {
	var a []any
	for {
		start, err := nextStart(d)
		if errors.Is(err, errEnd) {
			return a, nil
		}
		if err != nil {
			return nil, fmt.Errorf("unfinished <array>: %w", err)
		}
		v, err := parseValue(d, start)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
}

func parseValue(d *xml.Decoder, start xml.StartElement) (any, error) {
	switch start.Name.Local {
	case "dict":
		return parseDict(d)
	case "array":
		return parseArray(d)
	case "true", "false":
		if err := d.Skip(); err != nil {
			return nil, err
		}
		return start.Name.Local == "true", nil
	}
	var text string
	if err := d.DecodeElement(&text, &start); err != nil {
		return nil, err
	}
	switch start.Name.Local {
	case "string", "date", "data":
		return text, nil
	case "integer":
		return strconv.ParseInt(strings.TrimSpace(text), 10, 64)
	case "real":
		return strconv.ParseFloat(strings.TrimSpace(text), 64)
	}
	return nil, fmt.Errorf("unknown element <%s>", start.Name.Local)
}
