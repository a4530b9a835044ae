package gui

import (
	"fmt"
	"strings"
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

// typeThenOpenList tabs to a picklist, types there and opens its list with F4.
func (h *harness) typeThenOpenList(field, typed string) {
	h.t.Helper()
	h.tabTo(field)
	test.Type(h.focused(), typed)
	h.press(fyne.KeyF4)
	h.openList()
}

func TestF4OpensTheListAndEscClosesItLeavingTheValueAndTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.typeThenOpenList("Legal_Entity_Type__c", "llc")
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

func TestListTopOpensUnderTheBoxOrAboveItWhenThereIsNoRoomUnder(t *testing.T) {
	for _, c := range []struct {
		name                                  string
		boxTop, boxHeight, list, window, want float32
	}{
		{"room under", 100, 36, 200, 600, 136},
		{"just fits under", 364, 36, 200, 600, 400},
		{"no room under", 500, 36, 200, 600, 300},
		{"no room on either side: under, scrolling", 150, 36, 500, 600, 186},
		{"exactly the room above", 200, 36, 200, 300, 0},
	} {
		if got := listTop(c.boxTop, c.boxHeight, c.list, c.window); got != c.want {
			t.Errorf("%s: listTop = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAPicklistsListOpensNextToItsBoxNeverOverIt(t *testing.T) {
	for _, c := range []struct {
		window     fyne.Size
		atBottom   bool // the box scrolled to the bottom of the visible form, else to its top
		wantAbove  bool
		field, how string
	}{
		{fyne.NewSize(800, 600), false, false, "Legal_Entity_Type__c", "F4"},
		{fyne.NewSize(800, 600), true, true, "Legal_Entity_Type__c", "F4"},
		{fyne.NewSize(800, 600), true, true, "Time_Frame__c", "Alt+Down"},
		{fyne.NewSize(1600, 1200), false, false, "Time_Frame__c", "Alt+Down"},
		{fyne.NewSize(1600, 1200), true, true, "Lead_Type__c", "F4"},
	} {
		h := newHarness(t, sftest.Options{})
		h.u.win.Resize(c.window)
		form := h.u.newLead.form
		h.tabTo(c.field)
		box := form.inputs[c.field].pick
		// As the wheel may leave it: the box at the top of the form's view, or at its bottom.
		y, _ := offsetWithin(form.view.Content, box)
		if c.atBottom {
			y += box.Size().Height - form.view.Size().Height + 2
		}
		form.view.ScrollToOffset(fyne.NewPos(0, y-2))
		if c.how == "F4" {
			h.press(fyne.KeyF4)
		} else {
			h.focused().(fyne.Shortcutable).TypedShortcut(showListShortcut)
		}
		menu := h.openList()
		boxTop := fyne.CurrentApp().Driver().AbsolutePositionForObject(box).Y
		boxBottom := boxTop + box.Size().Height
		top, bottom := menu.Position().Y, menu.Position().Y+menu.Size().Height
		where := fmt.Sprintf("%s in a %v window (at the bottom: %v), opened with %s", c.field, c.window, c.atBottom, c.how)
		switch {
		case top < boxBottom && bottom > boxTop:
			t.Errorf("%s: the list (%v–%v) covers its box (%v–%v)", where, top, bottom, boxTop, boxBottom)
		case c.wantAbove && bottom > boxTop:
			t.Errorf("%s: the list opened under the box with no room there", where)
		case !c.wantAbove && top < boxBottom:
			t.Errorf("%s: the list opened above the box with room under it", where)
		case bottom > h.canvas().Size().Height:
			t.Errorf("%s: the list runs off the window", where)
		}
		if len(menu.Items) != len(box.options) {
			t.Errorf("%s: the list shows %d values", where, len(menu.Items))
		}
	}
}

func TestTheListOpensOnTheValueTheTypedTextStandsFor(t *testing.T) {
	for _, c := range []struct{ field, typed, want string }{
		{"Legal_Entity_Type__c", "so", "Sole Proprietorship"},
		{"Financing_Type__c", "capital", "Working Capital"}, // a word of the value
	} {
		h := newHarness(t, sftest.Options{})
		h.typeThenOpenList(c.field, c.typed)
		h.press(fyne.KeyReturn)
		if got := h.u.newLead.form.inputs[c.field].text(); got != c.want {
			t.Errorf("%q, F4, Enter chose %q, want %q", c.typed, got, c.want)
		}
	}
}

func TestLeasingAndTabInFinancingTypeStoresEquipmentLeasing(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	h.tabTo("Financing_Type__c")
	test.Type(h.focused(), "leasing")
	in := h.u.newLead.form.inputs["Financing_Type__c"]
	if !strings.Contains(in.problem.Text, "“Equipment Leasing”") {
		t.Fatalf("while typing, the line under the box says %q", in.problem.Text)
	}
	h.tab()
	if in.text() != "Equipment Leasing" || in.showsProblem() {
		t.Fatalf("leasing + Tab gave %q (%q)", in.text(), in.problem.Text)
	}
	test.Tap(h.u.newLead.terms)
	h.ctrlS()
	ids := h.org.LeadIDs()
	if len(ids) != 1 {
		t.Fatalf("%d leads stored (%s; %s)", len(ids), h.u.lastError, h.u.newLead.attention.Text)
	}
	if got := h.org.Lead(ids[0])["Financing_Type__c"]; got != "Equipment Leasing" {
		t.Fatalf("the org stored Financing_Type__c = %#v", got)
	}
}

func TestTextFittingTheWordsOfSeveralValuesIsRefusedNamingThem(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.tabTo("Lead_Type__c")
	h.retype("lead")
	in := h.u.newLead.form.inputs["Lead_Type__c"]
	if !strings.Contains(in.problem.Text, "Vendor Lead or Dealer Lead") {
		t.Fatalf("while typing, the line under the box says %q", in.problem.Text)
	}
	h.tab()
	if in.text() != "lead" || !in.showsProblem() || !strings.Contains(in.problem.Text, "could be Vendor Lead or Dealer Lead") {
		t.Fatalf("lead + Tab left %q, beside it %q", in.text(), in.problem.Text)
	}
	test.FocusPrevious(h.canvas())
	h.retype("lead")
	h.press(fyne.KeyDown)
	if in.text() != "Vendor Lead" {
		t.Fatalf("Down from \"lead\" gave %q, want the first value it fits", in.text())
	}
	h.retype("lead")
	h.press(fyne.KeyF4)
	h.press(fyne.KeyDown) // from Vendor Lead, highlighted as the list opens
	h.press(fyne.KeyReturn)
	if in.text() != "Dealer Lead" {
		t.Fatalf("\"lead\", F4, Down, Enter chose %q", in.text())
	}
}
