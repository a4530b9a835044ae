package gui

import (
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
// fyne-io/fyne#1939).
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

// wheelCatcher lies over the whole form and hands every wheel turn to the form's scroll.
// It takes nothing else: taps, hovering, dragging and focus reach the fields under it,
// because Fyne gives each kind of event to the topmost object that handles that kind.
type wheelCatcher struct {
	widget.BaseWidget
	target fyne.Scrollable
}

// CreateRenderer draws nothing.
func (w *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	w.ExtendBaseWidget(w)
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled scrolls the form.
func (w *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { w.target.Scrolled(ev) }

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
