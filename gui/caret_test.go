package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

// lastNameFilled is New lead with Jimjo typed in Last name and the keyboard back in First name.
func lastNameFilled(t *testing.T) (*harness, *input) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	h.fill(form, map[string]string{"LastName": "Jimjo", "Title": "Owner"})
	form.focusFirst()
	return h, form.inputs["LastName"]
}

func TestTabbingOrShiftTabbingIntoAFilledFieldSelectsItsTextSoTypingReplacesIt(t *testing.T) {
	for _, c := range []struct {
		keys  string
		reach func(h *harness)
	}{
		{"Tab from First name", func(h *harness) { h.tab() }},
		{"Shift+Tab twice from Phone", func(h *harness) { // past the filled Title
			h.tabTo("Phone")
			test.FocusPrevious(h.canvas())
			test.FocusPrevious(h.canvas())
		}},
	} {
		h, last := lastNameFilled(t)
		c.reach(h)
		if h.fieldWithKeyboard() != "LastName" {
			t.Fatalf("%s went to %q, not Last name", c.keys, h.fieldWithKeyboard())
		}
		test.Type(h.focused(), "Smith")
		if got := last.text(); got != "Smith" {
			t.Errorf("typing after %s into Last name (Jimjo) left %q, want Smith", c.keys, got)
		}
	}
}

func TestAClickInAFilledFieldPutsTheCaretWithoutSelecting(t *testing.T) {
	h, last := lastNameFilled(t)
	last.entry.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(2, 2)}, Button: desktop.MouseButtonPrimary})
	if h.fieldWithKeyboard() != "LastName" {
		t.Fatalf("a click in Last name left the keyboard in %q", h.fieldWithKeyboard())
	}
	test.Type(h.focused(), "x")
	if got := last.text(); got != "xJimjo" {
		t.Fatalf("typing after a click at the start of Jimjo gave %q, want xJimjo", got)
	}
}

func TestTheWindowComingBackLeavesTheCaretWhereItWas(t *testing.T) {
	h, last := lastNameFilled(t)
	h.tab()
	h.press(fyne.KeyEnd) // the caret after Jimjo, nothing selected
	last.entry.FocusLost()
	h.u.app.Lifecycle().(interface{ OnEnteredForeground() func() }).OnEnteredForeground()()
	last.entry.FocusGained() // the desktop driver, as the window is focused again
	test.Type(h.focused(), "o")
	if got := last.text(); got != "Jimjoo" {
		t.Fatalf("typing after Alt+Tab back gave %q, want Jimjoo", got)
	}
}

func TestTabbingIntoAFieldOfALoadedLeadReplacesItsValue(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.load(h.existingLead())
	form := h.u.edit.form
	if h.canvas().Focused() != form.inputs["FirstName"].focusable() {
		t.Fatal("the loaded lead's First name does not have the keyboard")
	}
	h.tab()
	test.Type(h.focused(), "Smith")
	if got := form.inputs["LastName"].text(); got != "Smith" {
		t.Fatalf("typing after Tab into the loaded Last name (Jimjo) left %q, want Smith", got)
	}
}
