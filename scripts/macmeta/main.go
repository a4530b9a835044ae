// Command macmeta checks, on Linux, the metadata of the macOS .app that `fyne package -os
// darwin` writes: the Info.plist keys a Mac reads before it runs a line of our code (bundle
// id, version and build, executable, icon, minimum macOS, the high-resolution flag) against
// FyneApp.toml, and the icon file. scripts/macos-metadata-check builds the .app and runs it.
//
// Usage: macmeta -app "Lead Desk.app" -meta FyneApp.toml -exe leaddesk [-set KEY=VALUE]…
//
// Each -set is a `plutil -replace KEY -string VALUE` line from the README's macOS commands,
// applied to the plist read before it is checked, so what is checked is the .app as it will
// be signed. It prints one line per key and exits 1 when any is wrong, saying which and why.
// It never imports Fyne.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// minimumMacOS is the oldest macOS that programs built by this Go toolchain run on (Go 1.25
// and newer need macOS 12 Monterey; the linker stamps 12.0 into every darwin binary). An
// Info.plist claiming less lets an older Mac start the app only to see it crash.
const minimumMacOS = "12.0"

// sets collects repeated -set KEY=VALUE flags.
type sets map[string]string

func (s sets) String() string { return fmt.Sprint(map[string]string(s)) }

func (s sets) Set(kv string) error {
	k, v, ok := strings.Cut(kv, "=")
	if !ok || k == "" {
		return fmt.Errorf("-set wants KEY=VALUE, not %q", kv)
	}
	s[k] = v
	return nil
}

func main() {
	app := flag.String("app", "", "the .app folder `fyne package -os darwin` wrote")
	meta := flag.String("meta", "FyneApp.toml", "the app metadata the .app must match")
	exe := flag.String("exe", "", "the executable name the Mac build gets (the module's last path element)")
	overrides := sets{}
	flag.Var(overrides, "set", "KEY=VALUE applied to the plist before checking (repeatable)")
	flag.Parse()
	if *app == "" || *exe == "" {
		fmt.Fprintln(os.Stderr, "usage: macmeta -app DIR.app -meta FyneApp.toml -exe NAME [-set KEY=VALUE]…")
		os.Exit(2)
	}
	problems, err := run(os.Stdout, *app, *meta, *exe, overrides)
	if err != nil {
		fmt.Fprintln(os.Stderr, "macmeta:", err)
		os.Exit(1)
	}
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "macmeta:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// appMeta is the part of FyneApp.toml the .app's metadata comes from.
type appMeta struct {
	Details struct {
		Name, ID, Version string
		Build             int
	}
}

// run reads the .app and the metadata, writes a line to w for each key that is right and
// returns what is wrong, one sentence each; err is set when a file cannot be read or parsed.
func run(w io.Writer, app, metaPath, exe string, overrides sets) (problems []string, err error) {
	var meta appMeta
	if _, err := toml.DecodeFile(metaPath, &meta); err != nil {
		return nil, fmt.Errorf("reading %s: %w", metaPath, err)
	}
	raw, err := os.ReadFile(filepath.Join(app, "Contents", "Info.plist"))
	if err != nil {
		return nil, fmt.Errorf("the .app has no Info.plist: %w", err)
	}
	plist, err := parsePlist(raw)
	if err != nil {
		return nil, fmt.Errorf("Contents/Info.plist: %w", err)
	}
	for k, v := range overrides {
		plist[k] = v
	}
	for _, c := range expectations(meta, exe) {
		got, ok := plist[c.key]
		if !ok {
			problems = append(problems, fmt.Sprintf("Info.plist has no %s (%s).", c.key, c.why))
			continue
		}
		if msg := c.check(got); msg != "" {
			problems = append(problems, fmt.Sprintf("Info.plist %s is %v: %s", c.key, got, msg))
			continue
		}
		fmt.Fprintf(w, "ok  %-28s %v\n", c.key, got)
	}
	problems = append(problems, checkFiles(w, app, plist)...)
	return problems, nil
}

// expectation is one Info.plist key and what it must hold.
type expectation struct {
	key, why string
	check    func(v any) string // "" when v is right, else why not
}

func equals(want any) func(any) string {
	return func(v any) string {
		if v != want {
			return fmt.Sprintf("want %v.", want)
		}
		return ""
	}
}

// expectations lists the keys a Mac reads from the .app, with FyneApp.toml's values.
func expectations(meta appMeta, exe string) []expectation {
	d := meta.Details
	return []expectation{
		{"CFBundleIdentifier", "the app's identity for Keychain, notarization and settings", equals(d.ID)},
		{"CFBundleName", "the name in the menu bar", equals(d.Name)},
		{"CFBundleExecutable", "the program Finder starts", equals(exe)},
		{"CFBundleShortVersionString", "the version About and Finder show", equals(d.Version)},
		{"CFBundleVersion", "the build number", equals(fmt.Sprint(d.Build))},
		{"CFBundlePackageType", "an application bundle", equals("APPL")},
		{"CFBundleIconFile", "the Dock and Finder icon", equals("icon.icns")},
		{"NSHighResolutionCapable", "sharp text on Retina screens", equals(true)},
		{"LSMinimumSystemVersion", "the oldest macOS allowed to open it", atLeastMacOS(minimumMacOS)},
		{"LSApplicationCategoryType", "the Finder and App Store category", func(v any) string {
			s, _ := v.(string)
			if name, ok := strings.CutPrefix(s, "public.app-category."); !ok || name == "" {
				return "want public.app-category.NAME; `fyne package` leaves NAME empty, set it with plutil."
			}
			return ""
		}},
	}
}

// atLeastMacOS accepts a version string no older than min.
func atLeastMacOS(min string) func(any) string {
	return func(v any) string {
		s, ok := v.(string)
		if !ok {
			return "want a version string."
		}
		if compareVersions(s, min) < 0 {
			return fmt.Sprintf("this Go toolchain's programs need macOS %s or newer; set %s with plutil.", min, min)
		}
		return ""
	}
}

// compareVersions compares dotted version numbers: -1, 0 or 1. A part that is not a number
// counts as 0, so "10.x" sorts before "12.0".
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		x, y := versionPart(as, i), versionPart(bs, i)
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func versionPart(parts []string, i int) int {
	if i >= len(parts) {
		return 0
	}
	n := 0
	for _, r := range parts[i] {
		if r < '0' || r > '9' || n > 1e6 {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// checkFiles checks that the executable and the icon the plist names are in the .app.
func checkFiles(w io.Writer, app string, plist map[string]any) []string {
	var problems []string
	if exe, ok := plist["CFBundleExecutable"].(string); ok {
		info, err := os.Stat(filepath.Join(app, "Contents", "MacOS", exe))
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("Contents/MacOS/%s is missing: %v.", exe, err))
		case info.Mode()&0o111 == 0:
			problems = append(problems, fmt.Sprintf("Contents/MacOS/%s is not executable.", exe))
		default:
			fmt.Fprintf(w, "ok  %-28s present and executable\n", "Contents/MacOS/"+exe)
		}
	}
	if icon, ok := plist["CFBundleIconFile"].(string); ok {
		data, err := os.ReadFile(filepath.Join(app, "Contents", "Resources", icon))
		if err == nil {
			err = checkICNS(data)
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("Contents/Resources/%s: %v.", icon, err))
		} else {
			fmt.Fprintf(w, "ok  %-28s an icns of %d bytes\n", "Contents/Resources/"+icon, len(data))
		}
	}
	return problems
}

// checkICNS checks an Apple icon file's header: the magic "icns" and the total length, big
// endian, equal to the file's size.
func checkICNS(data []byte) error {
	if len(data) < 8 || string(data[:4]) != "icns" {
		return errors.New("not an icns file")
	}
	n := int(data[4])<<24 | int(data[5])<<16 | int(data[6])<<8 | int(data[7])
	if n != len(data) {
		return fmt.Errorf("the icns header says %d bytes, the file has %d", n, len(data))
	}
	return nil
}
