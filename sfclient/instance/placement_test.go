package instance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestTheWindowPlacementIsRememberedAcrossStarts(t *testing.T) {
	dir := t.TempDir()
	if _, ok := LoadPlacement(dir); ok {
		t.Fatal("a placement was found before any was saved")
	}
	want := Placement{Width: 812, Height: 640, Position: &Point{X: -1280, Y: 91}}
	if err := SavePlacement(dir, want); err != nil {
		t.Fatal(err)
	}
	got, ok := LoadPlacement(dir)
	if !ok || got.Width != 812 || got.Height != 640 || got.Position == nil || *got.Position != *want.Position {
		t.Fatalf("read back %+v (position %v), %v", got, got.Position, ok)
	}
}

func TestAWindowFileFromBeforePositionsWereKeptStillGivesTheSize(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, placementFile), []byte(`{"width":812,"height":640}`+"\n"), 0o600)
	got, ok := LoadPlacement(dir)
	if !ok || got.Width != 812 || got.Height != 640 || got.Position != nil {
		t.Fatalf("an old file read as %+v, %v", got, ok)
	}
}

func TestADamagedWindowFileIsIgnored(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, placementFile), []byte(`{"width":812,"height":640,"position":{"x":"left"}}`), 0o600)
	if got, ok := LoadPlacement(dir); ok {
		t.Fatalf("a damaged file read as %+v", got)
	}
}

func TestParsePlacement(t *testing.T) {
	for _, c := range []struct {
		name, raw string
		ok        bool
		pos       *Point
	}{
		{"size and position", `{"width":900,"height":760,"position":{"x":137,"y":91}}`, true, &Point{137, 91}},
		{"size only (older files)", `{"width":900,"height":760}`, true, nil},
		{"a screen left of and above the primary", `{"width":900,"height":760,"position":{"x":-1920,"y":-200}}`, true, &Point{-1920, -200}},
		{"position at the origin is kept", `{"width":900,"height":760,"position":{"x":0,"y":0}}`, true, &Point{0, 0}},
		{"null position", `{"width":900,"height":760,"position":null}`, true, nil},
		{"unknown fields are ignored", `{"width":900,"height":760,"maximised":true}`, true, nil},
		{"empty", ``, false, nil},
		{"cut short", `{"width":900,"hei`, false, nil},
		{"not an object", `[900,760]`, false, nil},
		{"no height", `{"width":800}`, false, nil},
		{"negative width", `{"width":-1,"height":600}`, false, nil},
		{"zero height", `{"width":800,"height":0}`, false, nil},
		{"wider than any screen system", `{"width":1e9,"height":600}`, false, nil},
		{"too big for a float32", `{"width":1e39,"height":600}`, false, nil},
		{"position as text", `{"width":900,"height":760,"position":{"x":"137","y":91}}`, false, nil},
		{"fractional position", `{"width":900,"height":760,"position":{"x":13.5,"y":91}}`, false, nil},
		{"position far beyond any desktop", `{"width":900,"height":760,"position":{"x":9000000000,"y":0}}`, false, nil},
		{"the most negative integer", `{"width":900,"height":760,"position":{"x":-9223372036854775808,"y":0}}`, false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParsePlacement([]byte(c.raw))
			if (err == nil) != c.ok {
				t.Fatalf("%q: error %v, want ok=%v", c.raw, err, c.ok)
			}
			if !c.ok {
				if p != (Placement{}) {
					t.Fatalf("%q: a refused file gave %+v", c.raw, p)
				}
				return
			}
			if (p.Position == nil) != (c.pos == nil) || (c.pos != nil && *p.Position != *c.pos) {
				t.Fatalf("%q: position %v, want %v", c.raw, p.Position, c.pos)
			}
		})
	}
}

func FuzzParsePlacement(f *testing.F) {
	for _, seed := range []string{
		`{"width":900,"height":760,"position":{"x":137,"y":91}}`,
		`{"width":900,"height":760}`,
		`{"width":-1,"height":600}`,
		`{"width":900,"height":760,"position":{"x":-9223372036854775808,"y":0}}`,
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := ParsePlacement(raw)
		if err != nil {
			return
		}
		// What was accepted is a window, and it survives being saved and read again.
		if !(p.Width > 0 && p.Height > 0) {
			t.Fatalf("accepted a window of %vx%v", p.Width, p.Height)
		}
		again, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParsePlacement(again)
		if err != nil || back.Width != p.Width || back.Height != p.Height ||
			(back.Position == nil) != (p.Position == nil) || (p.Position != nil && *back.Position != *p.Position) {
			t.Fatalf("%q came back as %+v, %v", again, back, err)
		}
	})
}

// Screens for the on-screen checks: a laptop's 1920×1080 with a 40-unit task bar at the bottom,
// and a second screen left of it, taller and higher.
var (
	laptop = Rect{X: 0, Y: 0, Width: 1920, Height: 1040}
	leftOf = Rect{X: -2560, Y: -360, Width: 2560, Height: 1440}
)

func TestOnScreen(t *testing.T) {
	for _, c := range []struct {
		name    string
		frame   Rect
		screens []Rect
		want    bool
	}{
		{"well inside the laptop's screen", Rect{137, 91, 900, 760}, []Rect{laptop}, true},
		{"on the screen left of the primary (negative coordinates)", Rect{-2000, -300, 900, 760}, []Rect{laptop, leftOf}, true},
		{"that screen unplugged: off every screen", Rect{-2000, -300, 900, 760}, []Rect{laptop}, false},
		{"across both screens", Rect{-450, 100, 900, 760}, []Rect{laptop, leftOf}, true},
		{"half off the right edge, more than half on", Rect{1400, 100, 900, 760}, []Rect{laptop}, true},
		{"mostly off the right edge", Rect{1500, 100, 900, 760}, []Rect{laptop}, false},
		{"mostly below the task bar", Rect{100, 700, 900, 760}, []Rect{laptop}, false},
		{"title bar above the top of the screen", Rect{100, -20, 900, 760}, []Rect{laptop}, false},
		{"title bar under the task bar", Rect{100, 1045, 900, 760}, []Rect{laptop}, false},
		{"mostly on screens but only a sliver of the top edge", Rect{-850, 900, 900, 760}, []Rect{laptop, {-1000, 1040, 1000, 1000}}, false},
		{"the same window moved right: its top edge can be grabbed", Rect{-750, 900, 900, 760}, []Rect{laptop, {-1000, 1040, 1000, 1000}}, true},
		{"a narrow window wholly on screen", Rect{10, 10, 60, 40}, []Rect{laptop}, true},
		{"no screens connected", Rect{137, 91, 900, 760}, nil, false},
		{"a window with no area", Rect{137, 91, 0, 760}, []Rect{laptop}, false},
		{"a screen with no area is ignored", Rect{137, 91, 900, 760}, []Rect{{0, 0, 0, 0}}, false},
		{"mirrored screens are counted once", Rect{1500, 100, 900, 760}, []Rect{laptop, laptop, {0, 0, 1280, 1024}}, false},
		{"far beyond any desktop", Rect{1 << 40, 0, 900, 760}, []Rect{{1 << 40, 0, 1920, 1080}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := OnScreen(c.frame, c.screens); got != c.want {
				t.Fatalf("OnScreen(%v, %v) = %v, want %v", c.frame, c.screens, got, c.want)
			}
		})
	}
}

func FuzzOnScreen(f *testing.F) {
	f.Add(137, 91, 900, 760, 0, 0, 1920, 1040)
	f.Add(-2000, -300, 900, 760, -2560, -360, 2560, 1440)
	f.Fuzz(func(t *testing.T, x, y, w, h, ax, ay, aw, ah int) {
		frame, area := Rect{x, y, w, h}, Rect{ax, ay, aw, ah}
		one := OnScreen(frame, []Rect{area})
		// A screen counted twice changes nothing; a window wholly on one usable screen is on it.
		if OnScreen(frame, []Rect{area, area}) != one {
			t.Fatalf("a mirrored screen changed the answer for %v on %v", frame, area)
		}
		if frame.usable() && area.usable() && frame.intersect(area) == frame && !one {
			t.Fatalf("%v lies wholly on %v but was said to be off screen", frame, area)
		}
	})
}
