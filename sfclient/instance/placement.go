package instance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"leaddesk/sfclient/atomicfile"
)

// placementFile holds the window's size and position in the profile folder. Files written
// before positions were kept hold only the size; they still load.
const placementFile = "window.json"

// maxSide bounds a saved width or height (X11's own limit); maxCoord bounds a saved position.
// A file past them is damaged, not a window.
const (
	maxSide  = 32767
	maxCoord = 1 << 20
)

// Placement is the window as it last closed.
type Placement struct {
	// Width and Height are in Fyne's device-independent units.
	Width  float32 `json:"width"`
	Height float32 `json:"height"`
	// Position is the top-left corner of the window's content in the desktop's screen
	// coordinates (those of the platform's window system: pixels on Windows and X11, points on
	// macOS). Nil when it is not known: a file from before positions were kept, or a window
	// system that cannot tell.
	Position *Point `json:"position,omitempty"`
}

// Point is a place on the desktop, in screen coordinates. Negative values are real: a screen
// left of or above the primary one.
type Point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// ParsePlacement reads a saved placement. Every error says what is wrong with the file; the
// window then opens at its defaults.
func ParsePlacement(raw []byte) (Placement, error) {
	var p Placement
	if err := json.Unmarshal(raw, &p); err != nil {
		return Placement{}, fmt.Errorf("read the window's placement: %w", err)
	}
	if !(p.Width > 0 && p.Width <= maxSide && p.Height > 0 && p.Height <= maxSide) {
		return Placement{}, fmt.Errorf("the saved window size %vx%v is not a window's", p.Width, p.Height)
	}
	if pos := p.Position; pos != nil && !(within(pos.X, maxCoord) && within(pos.Y, maxCoord)) {
		return Placement{}, fmt.Errorf("the saved window position %d,%d is on no desktop", pos.X, pos.Y)
	}
	return p, nil
}

// LoadPlacement reads the placement the window had when it last closed in the profile folder
// dir; ok is false when none was saved or the file cannot be read or is damaged (the window
// then opens at its default size, where the platform puts it).
func LoadPlacement(dir string) (p Placement, ok bool) {
	raw, err := os.ReadFile(filepath.Join(dir, placementFile))
	if err != nil {
		return Placement{}, false
	}
	p, err = ParsePlacement(raw)
	return p, err == nil
}

// SavePlacement remembers the window's placement in the profile folder dir for the next
// start, replacing the file atomically.
func SavePlacement(dir string, p Placement) error {
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode the window's placement: %w", err)
	}
	return atomicfile.Write(filepath.Join(dir, placementFile), append(data, '\n'), 0o600)
}

// Rect is a rectangle in the desktop's screen coordinates: a window's frame or a screen's
// work area (the screen less the task bar, dock or menu bar).
type Rect struct{ X, Y, Width, Height int }

// grip is how much of a window's top edge, where its title bar is grabbed, must be on a
// screen for the window to be moved with the mouse.
const grip = 100

// usable is false for a rectangle with no area, or so far out that it is on no desktop (and
// its sums could overflow).
func (r Rect) usable() bool {
	return r.Width > 0 && r.Height > 0 && r.Width <= 2*maxCoord && r.Height <= 2*maxCoord &&
		within(r.X, 2*maxCoord) && within(r.Y, 2*maxCoord)
}

// intersect is the part of r inside o; its Width or Height is zero or less when they do not
// meet.
func (r Rect) intersect(o Rect) Rect {
	x0, y0 := max(r.X, o.X), max(r.Y, o.Y)
	x1, y1 := min(r.X+r.Width, o.X+o.Width), min(r.Y+r.Height, o.Y+o.Height)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// OnScreen reports whether a window whose frame is at frame is usable on the screens whose work
// areas are given: more than half of it is on them, and its top edge lies on one of them for
// at least 100 units (or its whole width, when narrower), so it can be grabbed and moved.
// Screens that overlap (mirrored displays) are counted once. With no screens, or a frame with
// no area, it is false: the window is then left where the platform puts it.
func OnScreen(frame Rect, workAreas []Rect) bool {
	if !frame.usable() {
		return false
	}
	var parts []Rect
	grabbable := false
	for _, a := range workAreas {
		if !a.usable() {
			continue
		}
		part := frame.intersect(a)
		if part.Width <= 0 || part.Height <= 0 {
			continue
		}
		parts = append(parts, part)
		if part.Y == frame.Y && part.Width >= min(grip, frame.Width) {
			grabbable = true
		}
	}
	return grabbable && 2*unionArea(parts) > int64(frame.Width)*int64(frame.Height)
}

// unionArea is the area covered by rects, overlaps counted once. There are as many rectangles
// as screens, so cutting the plane along every edge and testing each cell is cheap.
func unionArea(rects []Rect) int64 {
	var xs, ys []int
	for _, r := range rects {
		xs = append(xs, r.X, r.X+r.Width)
		ys = append(ys, r.Y, r.Y+r.Height)
	}
	var area int64
	for _, x := range edges(xs) {
		for _, y := range edges(ys) {
			for _, r := range rects {
				if x[0] >= r.X && x[1] <= r.X+r.Width && y[0] >= r.Y && y[1] <= r.Y+r.Height {
					area += int64(x[1]-x[0]) * int64(y[1]-y[0])
					break
				}
			}
		}
	}
	return area
}

// edges sorts cuts and returns the spans between neighbouring distinct ones.
func edges(cuts []int) [][2]int {
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	spans := make([][2]int, 0, len(cuts))
	for i := 1; i < len(cuts); i++ {
		spans = append(spans, [2]int{cuts[i-1], cuts[i]})
	}
	return spans
}

// within reports whether n lies in -limit…limit.
func within(n, limit int) bool { return n >= -limit && n <= limit }
