package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// focusNotice is what a widget that says when the keyboard arrives embeds, so the panel it
// sits in can bring it into view (Fyne's scroll does not follow focus: fyne-io/fyne#3029).
type focusNotice struct {
	onFocus func() // nil means nothing runs
}

// arrived runs onFocus, if set.
func (n *focusNotice) arrived() {
	if n.onFocus != nil {
		n.onFocus()
	}
}

// focusSelect is a Select that says when the keyboard arrives.
type focusSelect struct {
	widget.Select
	focusNotice
}

func newFocusSelect(options []string, changed func(string)) *focusSelect {
	s := &focusSelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained shows the focus and reports it.
func (s *focusSelect) FocusGained() { s.Select.FocusGained(); s.arrived() }

// TypedKey opens the list with F4 too, as the form's picklists do (Select opens it with Space,
// Up and Down).
func (s *focusSelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyF4 {
		k = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical}
	}
	s.Select.TypedKey(k)
}

// TypedShortcut opens the list with Alt+Down (showListShortcut), as the form's picklists do.
func (s *focusSelect) TypedShortcut(sc fyne.Shortcut) {
	if sc.ShortcutName() == showListShortcut.ShortcutName() {
		s.Select.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	}
}

// focusCheck is a Check that says when the keyboard arrives.
type focusCheck struct {
	widget.Check
	focusNotice
}

func newFocusCheck(label string, changed func(bool)) *focusCheck {
	c := &focusCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained shows the focus and reports it.
func (c *focusCheck) FocusGained() { c.Check.FocusGained(); c.arrived() }
