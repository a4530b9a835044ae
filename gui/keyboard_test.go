package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// keystroke is one step of a person at the keyboard: the field the cursor should be in, and
// what they type there ("" types nothing: the box was filled in from Settings).
type keystroke struct{ field, typed string }

// wholeApplication is a two-owner application in reading order, every picklist typed by
// the start of its value, phones and amounts as people type them.
var wholeApplication = []keystroke{
	{"FirstName", "Dana"}, {"LastName", "Whitfield"}, {"Title", "Owner"}, {"Phone", "512 555 0142"},
	{"Email", "dana@whitfield.example"}, {"Website", "www.whitfield.example"},
	{"Company", "Whitfield Excavation"}, {"What_Company_Does__c", "Site prep and excavation"},
	{"Legal_Entity_Type__c", "llc"}, {"Federal_Tax_ID__c", "74-1234567"}, {"Years_In_Business__c", "12"},
	{"AnnualRevenue", "$1,850,000"}, {"Street", "4100 Ranch Rd"}, {"City", "Austin"}, {"State", "tx"},
	{"PostalCode", "78744"}, {"Country", "United States"}, {"Description", "Referred by the Round Rock yard."},
	{"First_Name1__c", "Dana"}, {"Last_Name1__c", "Whitfield"}, {"Title1__c", "President"}, {"Phone1__c", "1-512-555-0143"},
	{"SSN1__c", "123-45-6789"}, {"Birthday1__c", "04/12/1975"}, {"Ownership1__c", "60"},
	{"Street1__c", "12 Oak Hollow"}, {"City2__c", "Austin"}, {"State2__c", "TX"}, {"Zip2__c", "78745"},
	{"fold", " "}, // Space opens Owner 2
	{"First_Name2__c", "Lee"}, {"Last_Name2__c", "Whitfield"}, {"Title2__c", "Vice President"}, {"Phone2__c", "(512) 555-0144"},
	{"SSN2__c", "234-56-7890"}, {"Birthday2__c", "09/30/1978"}, {"Ownership2__c", "40"},
	{"Street2__c", "12 Oak Hollow"}, {"City2_2__c", "Austin"}, {"State2_2__c", "TX"}, {"Zip2_2__c", "78745"},
	{"Financing_Type__c", "equipment f"}, {"Amount_Requested__c", "245,000"}, {"Year__c", "2024"},
	{"Make__c", "Caterpillar"}, {"Model__c", "320 GC"}, {"TBD__c", "Thumb attachment"}, {"Time_Frame__c", "wi"},
	{"Use_of_funds__c", "Second excavator for a new contract"},
	{"Dealer_ID__c", ""}, {"Account__c", ""}, {"OwnerId", ""}, {"Lead_Type__c", ""}, {"Status", ""},
	{"Follow_Up__c", "Call Mon"},
}

// stored is what the stand-in org must hold for wholeApplication, field by field.
var stored = map[string]any{
	"FirstName": "Dana", "LastName": "Whitfield", "Title": "Owner", "Phone": "(512) 555-0142",
	"Email": "dana@whitfield.example", "Website": "www.whitfield.example", "Company": "Whitfield Excavation",
	"What_Company_Does__c": "Site prep and excavation", "Legal_Entity_Type__c": "LLC", "Federal_Tax_ID__c": "74-1234567",
	"Years_In_Business__c": 12.0, "AnnualRevenue": 1850000.0, "Street": "4100 Ranch Rd", "City": "Austin", "State": "TX",
	"PostalCode": "78744", "Country": "United States", "Description": "Referred by the Round Rock yard.",
	"First_Name1__c": "Dana", "Last_Name1__c": "Whitfield", "Title1__c": "President", "Phone1__c": "(512) 555-0143",
	"SSN1__c": "123-45-6789", "Birthday1__c": "1975-04-12", "Ownership1__c": 60.0, "Street1__c": "12 Oak Hollow",
	"City2__c": "Austin", "State2__c": "TX", "Zip2__c": "78745",
	"First_Name2__c": "Lee", "Last_Name2__c": "Whitfield", "Title2__c": "Vice President", "Phone2__c": "(512) 555-0144",
	"SSN2__c": "234-56-7890", "Birthday2__c": "1978-09-30", "Ownership2__c": 40.0, "Street2__c": "12 Oak Hollow",
	"City2_2__c": "Austin", "State2_2__c": "TX", "Zip2_2__c": "78745",
	"Financing_Type__c": "Equipment Financing", "Amount_Requested__c": 245000.0, "Year__c": "2024", "Make__c": "Caterpillar",
	"Model__c": "320 GC", "TBD__c": "Thumb attachment", "Time_Frame__c": "Within 30 days",
	"Use_of_funds__c": "Second excavator for a new contract",
	"Dealer_ID__c":    "0015Y00002aYV9NQAW", "Account__c": "0015Y00002aYV9NQAW", "OwnerId": "0055Y00000EVoLvQAL",
	"Lead_Type__c": "Vendor Lead", "Status": "New", "Follow_Up__c": "Call Mon", "Owners__c": "2",
	"View_Terms__c": lead.TermsAccepted,
}

func (h *harness) canvas() fyne.Canvas { return h.u.win.Canvas() }

// focused is the object with the keyboard; the test fails when nothing has it.
func (h *harness) focused() fyne.Focusable {
	h.t.Helper()
	f := h.canvas().Focused()
	if f == nil {
		h.t.Fatal("nothing has the keyboard")
	}
	return f
}

// press sends one key to whatever has the keyboard.
func (h *harness) press(key fyne.KeyName) { h.focused().TypedKey(&fyne.KeyEvent{Name: key}) }

// space is the space bar, which a window delivers both as a key and as a character; the
// character goes to whatever has the keyboard after the key (nothing, when the key opened a
// dialog).
func (h *harness) space() {
	h.press(fyne.KeySpace)
	if f := h.canvas().Focused(); f != nil {
		f.TypedRune(' ')
	}
}

// tab is the Tab key: the window moves the keyboard on.
func (h *harness) tab() { test.FocusNext(h.canvas()) }

// ctrlS runs what the window's menu binds to Ctrl/Cmd+S.
func (h *harness) ctrlS() {
	h.t.Helper()
	for _, m := range h.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut == saveShortcut {
				it.Action()
				h.u.jobs.drain()
				return
			}
		}
	}
	h.t.Fatal("no menu item is bound to Ctrl+S")
}

// fieldWithKeyboard names the New lead field that has the keyboard ("fold" for Owner 2's
// header, "" for anything else).
func (h *harness) fieldWithKeyboard() string {
	f := h.canvas().Focused()
	form := h.u.newLead.form
	if f == fyne.Focusable(form.owner2.header) {
		return "fold"
	}
	for name, in := range form.inputs {
		if in.focusable() == f {
			return name
		}
	}
	return ""
}

// typeApplication types strokes with the keyboard alone, checking before each that the
// cursor is in the field a person would expect.
func (h *harness) typeApplication(strokes []keystroke) {
	h.t.Helper()
	for _, s := range strokes {
		if got := h.fieldWithKeyboard(); got != s.field {
			h.t.Fatalf("the keyboard is in %q, want %q: values would land in the wrong field", got, s.field)
		}
		switch {
		case s.field == "fold":
			h.space()
		case s.typed != "":
			test.Type(h.focused(), s.typed)
		}
		h.tab()
	}
}

func TestAWholeApplicationTypedWithTabReachesTheOrgFieldByField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()                    // a click on the header's Sign in button, which then hides
	h.u.newLead.form.focusFirst() // and a click back into the first field
	h.typeApplication(wholeApplication)
	if h.focused() != fyne.Focusable(h.u.newLead.files.addB) {
		t.Fatalf("after the last field the keyboard is not on Attachments' Add files…")
	}
	h.tab()
	if h.focused() != fyne.Focusable(h.u.newLead.terms) {
		t.Fatalf("after Add files… the keyboard is not in the terms box")
	}
	h.space()
	h.ctrlS()
	ids := h.org.LeadIDs()
	if len(ids) != 1 {
		for name, in := range h.u.newLead.form.inputs {
			if in.problem.Visible() {
				t.Errorf("%s: %s", name, in.problem.Text)
			}
		}
		t.Fatalf("%d leads stored, want 1 (%s; %s)", len(ids), h.u.lastError, h.u.newLead.attention.Text)
	}
	rec := h.org.Lead(ids[0])
	for name, want := range stored {
		if rec[name] != want {
			t.Errorf("stored %s = %#v, want %#v", name, rec[name], want)
		}
	}
	if h.fieldWithKeyboard() != "FirstName" {
		t.Errorf("after the lead was sent the keyboard is in %q, not the first field", h.fieldWithKeyboard())
	}
}

func TestTheFirstFieldHasTheKeyboardWhenTheWindowOpens(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	if h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("the keyboard is in %q at start", h.fieldWithKeyboard())
	}
}

func TestTabStopsAfterTheFormAreAddFilesTheTermsBoxThenTheButtons(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.newLead.form.focus(h.u.newLead.form.inputs["Follow_Up__c"])
	h.tab()
	if h.focused() != fyne.Focusable(h.u.newLead.files.addB) {
		t.Fatal("Tab after the last field does not reach Attachments' Add files…")
	}
	h.tab()
	if h.focused() != fyne.Focusable(h.u.newLead.terms) {
		t.Fatal("Tab after Add files… does not reach the terms box")
	}
	h.tab() // the "these terms" link
	h.tab()
	if h.focused() != fyne.Focusable(h.u.newLead.submitB) {
		t.Fatal("the Submit button does not follow the terms")
	}
}

func TestShiftTabGoesBackOneFieldAtATimeOverPicklistsAndTheFold(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	form.focus(form.inputs["Financing_Type__c"])
	for _, want := range []string{"fold", "Zip2__c", "State2__c"} {
		test.FocusPrevious(h.canvas())
		if got := h.fieldWithKeyboard(); got != want {
			t.Fatalf("Shift+Tab went to %q, want %q", got, want)
		}
	}
	form.focus(form.inputs["Years_In_Business__c"])
	for _, want := range []string{"Federal_Tax_ID__c", "Legal_Entity_Type__c", "What_Company_Does__c"} {
		test.FocusPrevious(h.canvas())
		if got := h.fieldWithKeyboard(); got != want {
			t.Fatalf("Shift+Tab went to %q, want %q", got, want)
		}
	}
}

func TestTabLeavesTheMultiLineDescription(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	form.focus(form.inputs["Description"])
	test.Type(h.focused(), "Two lines\nof notes")
	tabbable, ok := h.focused().(fyne.Tabbable)
	if !ok || tabbable.AcceptsTab() {
		t.Fatal("the Description box keeps the Tab key for itself")
	}
	h.tab()
	if h.fieldWithKeyboard() != "First_Name1__c" {
		t.Fatalf("Tab from Description went to %q", h.fieldWithKeyboard())
	}
	if got := form.inputs["Description"].text(); got != "Two lines\nof notes" {
		t.Fatalf("Description = %q", got)
	}
}

func TestAPicklistTakesItsValueByPrefixArrowsAndEnter(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	entity := form.inputs["Legal_Entity_Type__c"]
	form.focus(entity)
	test.Type(h.focused(), "ll")
	if !entity.problem.Visible() || !strings.Contains(entity.problem.Text, "“LLC”") {
		t.Fatalf("while typing, the line under the box says %q", entity.problem.Text)
	}
	test.Type(h.focused(), "c")
	h.tab()
	if entity.text() != "LLC" || entity.problem.Visible() {
		t.Fatalf("llc became %q (%q)", entity.text(), entity.problem.Text)
	}
	test.FocusPrevious(h.canvas())
	h.press(fyne.KeyDown)
	if entity.text() != "Partnership" {
		t.Fatalf("Down from LLC gave %q", entity.text())
	}
	h.press(fyne.KeyUp)
	h.press(fyne.KeyUp)
	if entity.text() != "S Corporation" {
		t.Fatalf("Up twice from Partnership gave %q", entity.text())
	}
	test.Type(h.focused(), "non") // the first key replaces the value
	h.press(fyne.KeyReturn)
	if entity.text() != "Non-Profit" || h.fieldWithKeyboard() != "Legal_Entity_Type__c" {
		t.Fatalf("Enter after non gave %q", entity.text())
	}
}

func TestAPicklistRefusesTextOutsideItsListAndKeepsIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	form := h.u.newLead.form
	entity := form.inputs["Legal_Entity_Type__c"]
	form.focus(entity)
	test.Type(h.focused(), "Corp Inc")
	h.tab()
	if !entity.problem.Visible() || !strings.Contains(entity.problem.Text, "LLC") {
		t.Fatalf("free text not refused beside the field: %q", entity.problem.Text)
	}
	test.Tap(h.u.newLead.terms)
	h.ctrlS()
	if n := len(h.posts()); n != 0 {
		t.Fatalf("%d creates sent with a value outside the list", n)
	}
	if entity.text() != "Corp Inc" || h.fieldWithKeyboard() != "Legal_Entity_Type__c" {
		t.Fatalf("typed text %q lost, or the keyboard (%q) not taken to the problem", entity.text(), h.fieldWithKeyboard())
	}
}

func TestTheFormScrollsToTheFocusedFieldAndTheWheelWorksOverInputs(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	form := h.u.newLead.form
	d := fyne.CurrentApp().Driver()
	visible := func(o fyne.CanvasObject) bool {
		top := d.AbsolutePositionForObject(form.view).Y
		y := d.AbsolutePositionForObject(o).Y
		return y >= top && y+o.Size().Height <= top+form.view.Size().Height
	}
	var last *input
	for range 30 { // well past the first screenful
		h.tab()
		if in := form.inputs[h.fieldWithKeyboard()]; in != nil {
			if !visible(in.row) {
				t.Fatalf("%s has the keyboard but is off-screen", in.field.Name)
			}
			last = in
		}
	}
	if form.view.Offset.Y == 0 {
		t.Fatal("the form never scrolled")
	}
	before := form.view.Offset.Y
	over := last.focusable().(fyne.CanvasObject)
	test.Scroll(h.canvas(), d.AbsolutePositionForObject(over).AddXY(5, 5), 0, 120)
	if form.view.Offset.Y >= before {
		t.Fatalf("the wheel over an input did not scroll the form up (offset %v, was %v)", form.view.Offset.Y, before)
	}
}

func TestThePicklistArrowOpensTheListForTheMouse(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	in := form.inputs["Time_Frame__c"]
	form.focus(in)
	test.Tap(in.pick.ActionItem.(fyne.Tappable))
	menu := findPopUpMenu(h.canvas().Overlays().Top())
	if menu == nil || len(menu.Items) != len(in.pick.options) {
		t.Fatalf("the ▾ did not open the list (%T)", h.canvas().Overlays().Top())
	}
	test.Tap(menu.Items[1].(fyne.Tappable))
	if in.text() != "Within 30 days" || h.fieldWithKeyboard() != "Time_Frame__c" {
		t.Fatalf("chose %q; keyboard in %q", in.text(), h.fieldWithKeyboard())
	}
}

// findPopUpMenu is the pop-up menu drawn under o, or nil.
func findPopUpMenu(o fyne.CanvasObject) *widget.PopUpMenu {
	for _, obj := range objectsUnder(o) {
		if m, ok := obj.(*widget.PopUpMenu); ok {
			return m
		}
	}
	return nil
}
