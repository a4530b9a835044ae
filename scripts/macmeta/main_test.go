package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const fyneAppTOML = `[Details]
Icon = "assets/icon.png"
Name = "Lead Desk"
ID = "com.mazocapital.leaddesk"
Version = "0.1.0"
Build = 7
`

// fynePlist is what fyne.io/tools v1.7.2's darwin template writes for fyneAppTOML.
const fynePlist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleName</key>
	<string>Lead Desk</string>
	<key>CFBundleExecutable</key>
	<string>leaddesk</string>
	<key>CFBundleIdentifier</key>
	<string>com.mazocapital.leaddesk</string>
	<key>CFBundleIconFile</key>
	<string>icon.icns</string>
	<key>CFBundleShortVersionString</key>
	<string>0.1.0</string>
	<key>CFBundleSupportedPlatforms</key>
	<array>
		<string>MacOSX</string>
	</array>
	<key>CFBundleVersion</key>
	<string>7</string>
	<key>NSHighResolutionCapable</key>
	<true/>
	<key>CFBundlePackageType</key>
	<string>APPL</string>
	<key>LSApplicationCategoryType</key>
	<string>public.app-category.</string>
	<key>LSMinimumSystemVersion</key>
	<string>10.11</string>
</dict>
</plist>
`

// readmeFixes are the README's plutil lines as scripts/macos-metadata-check passes them.
var readmeFixes = sets{"LSMinimumSystemVersion": "12.0", "LSApplicationCategoryType": "public.app-category.business"}

// writeApp lays out a .app as `fyne package -os darwin` does and returns its path and the
// FyneApp.toml beside it.
func writeApp(t *testing.T, plist string) (app, meta string) {
	t.Helper()
	dir := t.TempDir()
	app = filepath.Join(dir, "Lead Desk.app")
	for _, sub := range []string{"MacOS", "Resources"} {
		if err := os.MkdirAll(filepath.Join(app, "Contents", sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	icns := append([]byte("icns\x00\x00\x00\x10"), make([]byte, 8)...)
	files := map[string][]byte{
		"Contents/Info.plist":          []byte(plist),
		"Contents/MacOS/leaddesk":      []byte("#!/bin/sh\n"),
		"Contents/Resources/icon.icns": icns,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(app, name), data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	meta = filepath.Join(dir, "FyneApp.toml")
	if err := os.WriteFile(meta, []byte(fyneAppTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	return app, meta
}

func TestFynesPlistNeedsOnlyTheMinimumMacOSAndTheCategoryFixed(t *testing.T) {
	app, meta := writeApp(t, fynePlist)
	problems, err := run(io.Discard, app, meta, "leaddesk", sets{})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 || !strings.Contains(problems[0], "LSMinimumSystemVersion is 10.11") ||
		!strings.Contains(problems[1], "LSApplicationCategoryType") {
		t.Fatalf("problems = %q, want the minimum macOS and the empty category", problems)
	}
}

func TestTheReadmesPlutilLinesMakeThePlistRight(t *testing.T) {
	app, meta := writeApp(t, fynePlist)
	problems, err := run(io.Discard, app, meta, "leaddesk", readmeFixes)
	if err != nil || len(problems) != 0 {
		t.Fatalf("problems = %q, err = %v; want none", problems, err)
	}
}

func TestEachKeyThatDisagreesWithFyneAppTomlIsNamed(t *testing.T) {
	cases := map[string]struct{ from, to string }{
		"CFBundleIdentifier":         {"com.mazocapital.leaddesk", "com.example.leaddesk"},
		"CFBundleShortVersionString": {"<string>0.1.0</string>", "<string>0.0.1</string>"},
		"CFBundleVersion":            {"<string>7</string>", "<string>1</string>"},
		"CFBundleExecutable":         {"<string>leaddesk</string>", "<string>wt-msi</string>"},
		"NSHighResolutionCapable":    {"<true/>", "<false/>"},
	}
	for key, c := range cases {
		t.Run(key, func(t *testing.T) {
			app, meta := writeApp(t, strings.Replace(fynePlist, c.from, c.to, 1))
			problems, err := run(io.Discard, app, meta, "leaddesk", readmeFixes)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) == 0 || !strings.Contains(problems[0], key) {
				t.Fatalf("problems = %q, want one naming %s", problems, key)
			}
		})
	}
}

func TestAMissingKeyIsNamed(t *testing.T) {
	plist := strings.Replace(fynePlist, "<key>NSHighResolutionCapable</key>\n\t<true/>", "", 1)
	app, meta := writeApp(t, plist)
	problems, _ := run(io.Discard, app, meta, "leaddesk", readmeFixes)
	if len(problems) != 1 || !strings.Contains(problems[0], "has no NSHighResolutionCapable") {
		t.Fatalf("problems = %q, want the missing high-resolution flag", problems)
	}
}

func TestAMissingExecutableOrBadIconIsNamed(t *testing.T) {
	app, meta := writeApp(t, fynePlist)
	if err := os.Remove(filepath.Join(app, "Contents", "MacOS", "leaddesk")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(app, "Contents", "Resources", "icon.icns"), []byte("PNG"), 0o644); err != nil {
		t.Fatal(err)
	}
	problems, _ := run(io.Discard, app, meta, "leaddesk", readmeFixes)
	if len(problems) != 2 || !strings.Contains(problems[0], "MacOS/leaddesk is missing") ||
		!strings.Contains(problems[1], "not an icns file") {
		t.Fatalf("problems = %q, want the missing executable and the bad icon", problems)
	}
}

func TestPlistValuesAreReadWithTheirTypes(t *testing.T) {
	cases := []struct {
		name, body string
		want       any
	}{
		{"string", "<string>a &amp; b</string>", "a & b"},
		{"true", "<true/>", true},
		{"false", "<false></false>", false},
		{"integer", "<integer> 42 </integer>", int64(42)},
		{"real", "<real>1.5</real>", 1.5},
		{"array", "<array><string>x</string><integer>1</integer></array>", []any{"x", int64(1)}},
		{"dict", "<dict><key>k</key><string>v</string></dict>", map[string]any{"k": "v"}},
		{"empty string", "<string/>", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parsePlist([]byte(`<plist><dict><key>K</key>` + c.body + `</dict></plist>`))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got["K"], c.want) {
				t.Fatalf("K = %#v, want %#v", got["K"], c.want)
			}
		})
	}
}

func TestMalformedPlistsAreRefusedWithAReason(t *testing.T) {
	cases := map[string]struct{ doc, says string }{
		"empty":           {"", "not a property list"},
		"not xml":         {"CFBundleName=Lead Desk", "not a property list"},
		"top-level array": {"<plist><array/></plist>", "not a <dict>"},
		"value first":     {"<plist><dict><string>x</string></dict></plist>", "where a <key> belongs"},
		"key alone":       {"<plist><dict><key>K</key></dict></plist>", `"K" has no value`},
		"unknown element": {"<plist><dict><key>K</key><blob/></dict></plist>", "unknown element <blob>"},
		"bad integer":     {"<plist><dict><key>K</key><integer>x</integer></dict></plist>", `key "K"`},
		"unclosed":        {"<plist><dict><key>K</key><string>v</string>", "unfinished <dict>"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parsePlist([]byte(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("err = %v, want one saying %q", err, c.says)
			}
		})
	}
}

func FuzzParsePlist(f *testing.F) {
	f.Add([]byte(fynePlist))
	f.Add([]byte("<plist><dict><key>K</key><array><dict/></array></dict></plist>"))
	f.Add([]byte("<plist><dict><key>K</key>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parsePlist(data)
		if err == nil && m == nil {
			t.Fatal("no error and no dict")
		}
	})
}

func TestVersionsCompareNumerically(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"10.11", "12.0", -1},
		{"12", "12.0", 0},
		{"12.0.1", "12.0", 1},
		{"13.0", "12.9", 1},
		{"10.x", "12.0", -1},
		{"", "12.0", -1},
	}
	for _, c := range cases {
		if got := compareVersions(c.a, c.b); got != c.want {
			t.Errorf("compareVersions(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestAnIcnsHeaderMustMatchTheFileSize(t *testing.T) {
	cases := map[string]struct {
		data []byte
		ok   bool
	}{
		"right":     {[]byte("icns\x00\x00\x00\x08"), true},
		"too short": {[]byte("icns"), false},
		"png":       {[]byte("\x89PNG\r\n\x1a\n"), false},
		"truncated": {[]byte("icns\x00\x00\x01\x00rest"), false},
	}
	for name, c := range cases {
		if err := checkICNS(c.data); (err == nil) != c.ok {
			t.Errorf("%s: err = %v, want ok = %v", name, err, c.ok)
		}
	}
}
