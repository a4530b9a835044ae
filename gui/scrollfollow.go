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
// as well (a field's section heading), as long as the rest still fits.
func reveal(s *container.Scroll, from, obj, below fyne.CanvasObject) {
	if fyne.CurrentApp().Driver().CanvasForObject(obj) == nil {
		return // not on screen
	}
	d := fyne.CurrentApp().Driver()
	layOut(s)
	margin := lineHeight() + 2*theme.Padding() // a line, the gap a box puts before it, and air
	origin := d.AbsolutePositionForObject(s.Content).Y
	y := d.AbsolutePositionForObject(obj).Y - origin
	top, bottom := y-margin, y+obj.Size().Height+margin
	if below != nil {
		bottom = max(bottom, d.AbsolutePositionForObject(below).Y-origin+below.Size().Height+theme.Padding())
	}
	view := s.Size().Height
	if from != nil {
		if t := d.AbsolutePositionForObject(from).Y - origin - theme.Padding(); t < top && bottom-t <= view {
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
