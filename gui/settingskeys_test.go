package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// inSettingsView reports whether o is wholly inside the part of Settings shown.
func (h *harness) inSettingsView(o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	view := h.u.settings.view
	top := d.AbsolutePositionForObject(view).Y
	y := d.AbsolutePositionForObject(o).Y
	return y >= top && y+o.Size().Height <= top+view.Size().Height
}

// onScreen reports whether o is wholly inside the window.
func (h *harness) onScreen(o fyne.CanvasObject) bool {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size := h.canvas().Size()
	return o.Visible() && p.Y >= 0 && p.Y+o.Size().Height <= size.Height && p.X+o.Size().Width <= size.Width
}

func TestSettingsAt800By600FollowTheKeyboardAndKeepSaveAndTestInView(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	save := visibleButton(h.u.settings.content, "Save settings")
	testB := visibleButton(h.u.settings.content, "Test connection")
	if save == nil || testB == nil {
		t.Fatal("Settings shows no Save settings or Test connection button")
	}
	for f, n := fyne.Focusable(nil), 0; f != fyne.Focusable(testB); n++ { // every stop, to the last button
		if n > 30 {
			t.Fatal("Tab never reached Test connection")
		}
		h.tab()
		f = h.canvas().Focused()
		o, ok := f.(fyne.CanvasObject)
		if !ok {
			t.Fatal("a Tab left nothing with the keyboard")
		}
		if f != fyne.Focusable(save) && f != fyne.Focusable(testB) && !h.inSettingsView(o) {
			t.Fatalf("%T has the keyboard but is scrolled out of view", f)
		}
		if !h.onScreen(save) || !h.onScreen(testB) {
			t.Fatal("Save settings or Test connection scrolled out of the window")
		}
	}
	if h.u.settings.view.Offset.Y == 0 {
		t.Fatal("Settings never scrolled to follow the keyboard")
	}
	before := h.u.settings.view.Offset.Y
	over := h.u.settings.clientID
	test.Scroll(h.canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(over).AddXY(5, 5), 0, 120)
	if h.u.settings.view.Offset.Y >= before {
		t.Fatal("the wheel over a box does not scroll Settings")
	}
}

func TestSettingsLeadTypeIsOneTabStopAndTakesItsValueByPrefix(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	h.canvas().Focus(h.u.settings.owner)
	h.tab()
	if h.focused() != h.u.settings.leadType {
		t.Fatalf("Tab after Lead owner reached %T, not Lead type", h.focused())
	}
	h.u.settings.leadType.SetText("")
	h.typeHere("dea")
	h.tab()
	if h.focused() != h.u.settings.termsURL {
		t.Fatalf("the second Tab from Lead type stopped on %T, not Terms page", h.focused())
	}
	if got := h.u.settings.leadType.Text; got != "Dealer Lead" {
		t.Fatalf("typing %q in Lead type left %q", "dea", got)
	}
}

// settingsHeadingInView reports whether the first card's heading (Connection) and the first
// choice are wholly in the part of Settings shown.
func (h *harness) settingsHeadingInView() bool {
	p := h.u.settings
	y, ok := offsetWithin(p.view.Content, p.cards[0])
	return ok && y >= p.view.Offset.Y && h.inSettingsView(p.loginKind)
}

func TestSettingsAt800By600OpenOnTheirFirstHeadingEvenAfterTabbingToTheEnd(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	if !h.settingsHeadingInView() {
		t.Fatalf("Settings open scrolled to %v, the Connection heading cut off", h.u.settings.view.Offset)
	}
	onForget := func() bool {
		b, ok := h.canvas().Focused().(*focusButton)
		return ok && b.Text == "Forget everything on this computer"
	}
	h.tabUntil("Forget everything", onForget)
	if h.u.settings.view.Offset.Y == 0 {
		t.Fatal("Tab to the last button did not scroll Settings")
	}
	for _, back := range []func(){
		func() { h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault) }, // Ctrl+5 on Settings: back to its start
		func() {
			h.tabUntil("Forget everything", onForget)
			h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault)
			h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
		},
	} {
		back()
		if h.canvas().Focused() != fyne.Focusable(h.u.settings.loginKind) || !h.settingsHeadingInView() {
			t.Fatalf("Settings shown again scrolled to %v with %T focused: the Connection heading cut off", h.u.settings.view.Offset, h.canvas().Focused())
		}
	}
}

func TestShiftTabBackToACardsFirstFieldShowsTheCardsHeading(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	p := h.u.settings
	h.tabUntil("Test connection", func() bool {
		b, ok := h.canvas().Focused().(*widget.Button)
		return ok && b.Text == "Test connection"
	})
	for h.canvas().Focused() != fyne.Focusable(p.dealerID) {
		test.FocusPrevious(h.canvas())
	}
	y, _ := offsetWithin(p.view.Content, p.cards[1])
	if y < p.view.Offset.Y || !h.inSettingsView(p.dealerID) {
		t.Fatalf("Shift+Tab to Dealer ID shows it without its Dealer heading (heading at %v, view from %v)", y, p.view.Offset.Y)
	}
}

// Settings' Salesforce choice opens its list with the keys the form's picklists take.
func TestTheSalesforceChoiceOpensItsListWithF4AndAltDownAsPicklistsDo(t *testing.T) {
	for _, key := range []string{"F4", "Alt+Down"} {
		t.Run(key, func(t *testing.T) {
			h := newHarness(t, sftest.Options{})
			h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
			if h.focused() != fyne.Focusable(h.u.settings.loginKind) {
				t.Fatal("Ctrl+5 did not put the keyboard on the Salesforce choice")
			}
			if key == "F4" {
				h.press(fyne.KeyF4)
			} else {
				h.focused().(fyne.Shortcutable).TypedShortcut(showListShortcut)
			}
			if h.canvas().Overlays().Top() == nil {
				t.Fatalf("%s did not open the list", key)
			}
		})
	}
}
