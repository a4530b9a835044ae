package gui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// focusedDialogButton is the label of the dialog button with the keyboard, "" when none has it.
func (h *harness) focusedDialogButton() string {
	if b, ok := h.canvas().Focused().(*dialogButton); ok {
		return b.Text
	}
	return ""
}

// openForget opens Settings' "Forget everything on this computer?" question.
func (h *harness) openForget() {
	h.t.Helper()
	h.shortcut(fyne.Key5, fyne.KeyModifierShortcutDefault)
	test.Tap(visibleButton(h.u.settings.content, "Forget everything on this computer"))
	if !h.topSays("Forget everything on this computer?") {
		h.t.Fatal("Forget everything did not ask")
	}
}

func TestADestructiveQuestionOpensWithCancelFocusedAndHighlightedAndEnterCancels(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.openForget()
	if got := h.focusedDialogButton(); got != "Cancel" {
		t.Fatalf("the question opens with %q focused, want Cancel", got)
	}
	top := h.u.win.Canvas().Overlays().Top()
	if b := visibleButton(top, "Forget everything"); b == nil || b.Importance == widget.HighImportance {
		t.Fatal("deleting is the highlighted default")
	}
	if b := visibleButton(top, "Cancel"); b == nil || b.Importance != widget.HighImportance {
		t.Fatal("Cancel, the default, is not highlighted")
	}
	h.press(fyne.KeyReturn) // to the focused button, as the window sends it
	if h.dialogs() != 0 || h.u.client == nil {
		t.Fatal("Enter on the focused default did not cancel, or it deleted")
	}
}

func TestDialogsOpenWithTheButtonEnterPressesFocused(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.showError(&sfclient.SettingsError{Setting: "The terms page", Problem: "is not set"})
	if got := h.focusedDialogButton(); got != "OK" {
		t.Fatalf("an error opens with %q focused, want OK", got)
	}
	h.press(fyne.KeyReturn)
	if h.dialogs() != 0 {
		t.Fatal("Enter on OK did not close the error")
	}
	h.editWithKeyboardAt()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault) // leaving Edit lead with edits asks
	if got := h.focusedDialogButton(); got != "Save" {
		t.Fatalf("Save / Discard / Stay opens with %q focused, want Save", got)
	}
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if h.dialogs() != 0 || len(h.patches()) != 1 {
		t.Fatalf("Enter on the focused Save: %d dialogs, %d saves", h.dialogs(), len(h.patches()))
	}
}

// rowOf is the container that holds b: a dialog's row of buttons, with the gaps between them
// where a focus ring round b is drawn.
func rowOf(top fyne.CanvasObject, b *dialogButton) *fyne.Container {
	for _, c := range containersIn(top) {
		if slices.Contains(c.Objects, fyne.CanvasObject(b)) {
			return c
		}
	}
	return nil
}

func TestTheFocusedDialogButtonStandsOutAtThreeToOneInLightAndDark(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.openForget()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		h.u.app.Settings().SetTheme(variantTheme{withStrongFocus(theme.DefaultTheme()), v})
		for _, name := range []string{"Cancel", "Forget everything"} { // blue and grey
			var b *dialogButton
			for _, d := range dialogButtonsIn(h.u.win.Canvas().Overlays().Top()) {
				if d.Text == name {
					b = d
				}
			}
			if b == nil {
				t.Fatalf("no %s button", name)
			}
			h.canvas().Focus(nil)
			before := h.canvas().Capture()
			h.canvas().Focus(b)
			if got := strongestChange(before, h.canvas().Capture(), rowOf(h.u.win.Canvas().Overlays().Top(), b)); got < 3 {
				t.Errorf("variant %v: focus on %s changes it by a contrast of only %.2f:1, want at least 3", v, name, got)
			}
		}
	}
}
