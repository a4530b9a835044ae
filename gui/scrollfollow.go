package gui

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newFollowScroll is the vertical scroll a long form sits in. With reveal called as each
// field gains focus, it keeps the focused field in view as the person tabs (Fyne's scroll
// does not follow focus: fyne-io/fyne#3029), and it scrolls with the wheel wherever the
// pointer is (an Entry's own inner scroller otherwise takes the wheel and barely moves:
// fyne-io/fyne#1939), three lines a notch (wheelStep).
func newFollowScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(nil)
	s.Content = unmeasured(layout.NewStackLayout(), content, &wheelCatcher{target: s})
	return s
}

// reveal scrolls s as little as needed for obj to be in view with a margin of one line of
// text above and below it: a hint or problem that appears under a field then shows without
// another scroll. When below is not nil, its bottom is kept in view too (a field's row with
// a problem already shown under it). When from is not nil, the view reaches up to from's top
// as well (a field's section heading), as long as the rest still fits. An obj not shown in
// s's content (hidden, or in a closed fold) scrolls nothing.
//
// Positions are found by walking down s's content, not asked of the driver: a desktop driver
// knows where an object is only once a frame has drawn it, so a field just shown (in a fold
// Space has just opened, or far down a form never scrolled to) would be found nowhere.
func reveal(s *container.Scroll, from, obj, below fyne.CanvasObject) {
	layOut(s)
	y, ok := offsetWithin(s.Content, obj)
	if !ok {
		return // not shown
	}
	margin := lineHeight() + 2*theme.Padding() // a line, the gap a box puts before it, and air
	top, bottom := y-margin, y+obj.Size().Height+margin
	if by, ok := offsetWithin(s.Content, below); ok {
		bottom = max(bottom, by+below.Size().Height+theme.Padding())
	}
	view := s.Size().Height
	if fy, ok := offsetWithin(s.Content, from); ok {
		if t := fy - theme.Padding(); t < top && bottom-t <= view {
			top = t
		}
	}
	offset := s.Offset.Y
	switch {
	case top < offset:
		offset = top
	case bottom > offset+view:
		offset = min(bottom-view, top) // a field taller than the view shows its top
	default:
		return
	}
	if offset < 0 {
		offset = 0
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, offset))
}

// offsetWithin is how far below root's top obj is, found by walking down from root through
// the containers and cards the forms are built of; false when obj is nil, hidden, or not
// among what root shows.
func offsetWithin(root, obj fyne.CanvasObject) (float32, bool) {
	if obj == nil || root == nil || !root.Visible() {
		return 0, false
	}
	if root == obj {
		return 0, true
	}
	var children []fyne.CanvasObject
	switch r := root.(type) {
	case *fyne.Container:
		children = r.Objects
	case *widget.Card:
		children = []fyne.CanvasObject{r.Content}
	}
	for _, c := range children {
		if y, ok := offsetWithin(c, obj); ok {
			return c.Position().Y + y, true
		}
	}
	return 0, false
}

// lineHeight is the height of one line of a label, padding included.
func lineHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
}

// layOut brings the form's layout up to date now rather than at the next frame: a check
// shown as the last field was left, or a section just opened, moves what follows it.
func layOut(s *container.Scroll) {
	min := s.Content.MinSize()
	size := fyne.NewSize(fyne.Max(s.Size().Width, min.Width), fyne.Max(s.Size().Height, min.Height))
	if s.Content.Size() != size {
		s.Content.Resize(size)
	}
}

// wheelCatcher lies over the whole form and hands every wheel turn to the form's scroll, a
// notch moving it wheelLines lines (wheelStep). It takes nothing else: taps, hovering,
// dragging and focus reach the fields under it, because Fyne gives each kind of event to the
// topmost object that handles that kind.
type wheelCatcher struct {
	widget.BaseWidget
	target fyne.Scrollable
}

// CreateRenderer draws nothing.
func (w *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	w.ExtendBaseWidget(w)
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled scrolls the target by wheelStep of the turn.
func (w *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) {
	turned := *ev
	turned.Scrolled.DY = wheelStep(ev.Scrolled.DY)
	w.target.Scrolled(&turned)
}

// withWheel is shown (a widget.List, or a widget extending list) with a wheelCatcher over it,
// so a notch moves list as far as it moves a form (the list's own scroll moves a notch's 25
// pixels, less than a row).
func withWheel(shown fyne.CanvasObject, list *widget.List) fyne.CanvasObject {
	return container.NewStack(shown, &wheelCatcher{target: listWheel{list}})
}

// listWheel scrolls a widget.List, which keeps its scroll to itself, by a wheel's turn.
type listWheel struct{ list *widget.List }

// Scrolled moves the list by the turn: a turn towards the person (negative DY) shows what is below.
func (l listWheel) Scrolled(ev *fyne.ScrollEvent) {
	l.list.ScrollToOffset(l.list.GetScrollOffset() - ev.Scrolled.DY)
}

// wheelLines is how far one notch of a mouse wheel scrolls, in lines of text: three, as
// Windows, GNOME and KDE applications scroll by default.
const wheelLines = 3

// driverNotch is the delta Fyne's desktop driver reports for one notch of a mouse wheel. GLFW
// reports a notch as an offset of 1 on X11 (buttons 4 and 5) and on Windows (WM_MOUSEWHEEL's
// 120 divided by WHEEL_DELTA, so a precision touchpad's smaller steps are fractions of it),
// and Fyne multiplies that by 25 (fyne.io/fyne/v2/internal/driver/glfw, scroll_speed_default.go;
// a burst of 10 notches or more in one event is multiplied by a further 125). A notch is thus
// 25 pixels, less than one line of a form.
const driverNotch = 25

// wheelStep is how far a wheel's vertical delta dy, as the driver reports it, scrolls a form
// or list: wheelLines lines of text a notch, fractions of a notch in proportion. On macOS the
// driver passes a trackpad's and a mouse's own pixel deltas on (Fyne multiplies by 10 there,
// scroll_speed_darwin.go), already the distance the system means, so they are kept as they are.
func wheelStep(dy float32) float32 {
	if runtime.GOOS == "darwin" {
		return dy
	}
	return dy / driverNotch * wheelLines * lineHeight()
}

// focusButton is a Button that says when focus arrives, so the form can bring it into view.
type focusButton struct {
	widget.Button
	focusNotice
}

func newFocusButton(text string, tapped func()) *focusButton {
	b := &focusButton{}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained shows the focus and reports it.
func (b *focusButton) FocusGained() { b.Button.FocusGained(); b.arrived() }
