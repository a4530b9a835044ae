package gui

import "fyne.io/fyne/v2/widget"

// focusSelect is a Select that says when the keyboard arrives, so the panel it sits in can
// bring it into view (Fyne's scroll does not follow focus: fyne-io/fyne#3029).
type focusSelect struct {
	widget.Select
	onFocus func() // nil means nothing runs
}

func newFocusSelect(options []string, changed func(string)) *focusSelect {
	s := &focusSelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained shows the focus and reports it.
func (s *focusSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

// focusCheck is a Check that says when the keyboard arrives, as focusSelect does.
type focusCheck struct {
	widget.Check
	onFocus func() // nil means nothing runs
}

func newFocusCheck(label string, changed func(bool)) *focusCheck {
	c := &focusCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained shows the focus and reports it.
func (c *focusCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus()
	}
}
