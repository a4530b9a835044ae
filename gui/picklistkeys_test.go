package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// openList is the list open over the window; the test fails when none is.
func (h *harness) openList() *widget.PopUpMenu {
	h.t.Helper()
	menu := findPopUpMenu(h.canvas().Overlays().Top())
	if menu == nil {
		h.t.Fatal("no list is open")
	}
	return menu
}

func TestAltDownOpensAPicklistsListWhereArrowsAndEnterPick(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.tabTo("Time_Frame__c")
	in := h.u.newLead.form.inputs["Time_Frame__c"]
	// Alt+Down: no menu item takes it, so the window gives it to the box with the keyboard.
	h.focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	if n := len(h.openList().Items); n != len(in.pick.options) {
		t.Fatalf("the list shows %d values, want %d", n, len(in.pick.options))
	}
	h.press(fyne.KeyDown) // from ASAP, highlighted as the list opens
	h.press(fyne.KeyDown)
	h.press(fyne.KeyReturn)
	if h.dialogs() != 0 {
		t.Fatal("Enter did not close the list")
	}
	if in.text() != in.pick.options[2] || h.fieldWithKeyboard() != "Time_Frame__c" {
		t.Fatalf("Down twice and Enter gave %q, keyboard in %q; want %q in Time frame", in.text(), h.fieldWithKeyboard(), in.pick.options[2])
	}
}

func TestF4OpensTheListAndEscClosesItLeavingTheValueAndTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.tabTo("Legal_Entity_Type__c")
	test.Type(h.focused(), "llc")
	h.press(fyne.KeyF4)
	h.openList()
	h.press(fyne.KeyDown)
	h.press(fyne.KeyEscape)
	if h.dialogs() != 0 {
		t.Fatal("Esc did not close the list")
	}
	if got := h.u.newLead.form.inputs["Legal_Entity_Type__c"].text(); got != "llc" || h.fieldWithKeyboard() != "Legal_Entity_Type__c" {
		t.Fatalf("after Esc the box holds %q and the keyboard is in %q", got, h.fieldWithKeyboard())
	}
}

func TestSpaceInAnEmptyPicklistOpensTheListInsteadOfTypingASpace(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.tabTo("Time_Frame__c")
	h.space()
	h.openList()
	h.press(fyne.KeyReturn) // the first value, highlighted
	in := h.u.newLead.form.inputs["Time_Frame__c"]
	if in.text() != in.pick.options[0] {
		t.Fatalf("Space then Enter gave %q, want %q", in.text(), in.pick.options[0])
	}
	h.tabTo("Legal_Entity_Type__c") // round the form again
	test.Type(h.focused(), "s")
	h.space() // not empty: a space, as in "S Corporation"
	test.Type(h.focused(), "c")
	h.tab()
	if got := h.u.newLead.form.inputs["Legal_Entity_Type__c"].text(); got != "S Corporation" || h.dialogs() != 0 {
		t.Fatalf("s, Space, c gave %q (%d lists open)", got, h.dialogs())
	}
}
