package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// visibleButton finds, under o, the shown button labelled text (nil if none).
func visibleButton(o fyne.CanvasObject, text string) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	if b, ok := o.(*widget.Button); ok && b.Text == text {
		return b
	}
	if b, ok := o.(*focusButton); ok && b.Text == text {
		return &b.Button
	}
	if b, ok := o.(*dialogButton); ok && b.Text == text {
		return &b.Button
	}
	for _, child := range childrenOf(o) {
		if b := visibleButton(child, text); b != nil {
			return b
		}
	}
	return nil
}

// visibleText reports whether a shown label or rich text under o contains text.
func visibleText(o fyne.CanvasObject, text string) bool {
	if o == nil || !o.Visible() {
		return false
	}
	switch w := o.(type) {
	case *widget.Label:
		return strings.Contains(w.Text, text)
	case *widget.RichText:
		return strings.Contains(w.String(), text)
	case *widget.Check:
		return strings.Contains(w.Text, text)
	case *canvas.Text:
		return strings.Contains(w.Text, text)
	}
	for _, child := range childrenOf(o) {
		if visibleText(child, text) {
			return true
		}
	}
	return false
}

// dialogs counts the dialogs shown over the window.
func (h *harness) dialogs() int { return len(h.u.win.Canvas().Overlays().List()) }

// answer taps the button labelled text in the topmost dialog, as a person clicks it.
func (h *harness) answer(text string) {
	h.t.Helper()
	top := h.u.win.Canvas().Overlays().Top()
	b := visibleButton(top, text)
	if b == nil {
		h.t.Fatalf("the top dialog has no %q button", text)
	}
	test.Tap(b)
	h.u.jobs.drain()
}

// selectedTab is the label of the tab shown.
func (h *harness) selectedTab() string { return h.u.tabs.Selected().Text }

// shortcut sends a keyboard shortcut as the desktop driver does: the window's menu takes it first.
func (h *harness) shortcut(key fyne.KeyName, mods fyne.KeyModifier) {
	h.t.Helper()
	s := &desktop.CustomShortcut{KeyName: key, Modifier: mods}
	for _, m := range h.u.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == s.ShortcutName() {
				i.Action()
				h.u.jobs.drain()
				return
			}
		}
	}
	h.t.Fatalf("no menu item answers %s", s.ShortcutName())
}

// key sends a key that no widget takes (nothing focused, or a dialog on top) to the window.
func (h *harness) key(name fyne.KeyName) {
	h.u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: name})
	h.u.jobs.drain()
}

// childrenOf is what o draws inside it: a container's objects, a widget's renderer's.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case fyne.Widget:
		return test.WidgetRenderer(c).Objects()
	}
	return nil
}
