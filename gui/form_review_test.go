package gui

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// Tests of what a keyboard-only usability test of the New lead form found (issue #9).

// tabUntil presses Tab until done says the keyboard is where the person wanted it.
func (h *harness) tabUntil(what string, done func() bool) {
	h.t.Helper()
	for range 120 {
		if done() {
			return
		}
		h.tab()
	}
	h.t.Fatalf("Tab never reached %s", what)
}

// tabTo presses Tab until the keyboard is in the New lead field named.
func (h *harness) tabTo(field string) {
	h.t.Helper()
	h.tabUntil(field, func() bool { return h.fieldWithKeyboard() == field })
}

// retype replaces what the focused box holds, as Ctrl+A and typing do.
func (h *harness) retype(s string) {
	h.focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(h.focused(), s)
}

// fillWithABadOwner2SSN types the minimal lead into New lead with a second owner whose SSN
// is too short.
func (h *harness) fillWithABadOwner2SSN() {
	values := map[string]string{"First_Name2__c": "Lee", "Last_Name2__c": "Whitfield", "SSN2__c": "123"}
	for k, v := range minimal {
		values[k] = v
	}
	h.fill(h.u.newLead.form, values)
}

// inView reports whether o lies wholly inside the New lead form's visible part.
func (h *harness) inView(o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	view := h.u.newLead.form.view
	top := d.AbsolutePositionForObject(view).Y
	y := d.AbsolutePositionForObject(o).Y
	return y >= top && y+o.Size().Height <= top+view.Size().Height
}

func TestTabbingThroughAnEmptyFormSaysNothingIsMissing(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	h.tabTo("Follow_Up__c") // past every field, Last name and Company among them
	h.tab()
	if n := form.problemCount(); n != 0 {
		t.Fatalf("passing through an empty form marked %d fields, e.g. Last name: %q", n, form.inputs["LastName"].problem.Text)
	}
	form.focusFirst()
	h.tabTo("LastName")
	test.Type(h.focused(), "W")
	h.press(fyne.KeyBackspace)
	h.tab()
	if got := form.inputs["LastName"].problem.Text; got != "Last name is required." {
		t.Fatalf("a last name typed and rubbed out says %q, want that it is required", got)
	}
}

func TestTheSharesTotalStaysSaidWhileOverOneHundredAndGoesWhenFixed(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	own2 := form.inputs["Ownership2__c"]
	h.tabTo("Ownership1__c")
	test.Type(h.focused(), "70")
	h.tabTo("fold")
	h.space()
	h.tabTo("Ownership2__c")
	test.Type(h.focused(), "40")
	h.tab()
	if !strings.Contains(own2.problem.Text, "110%") {
		t.Fatalf("leaving Owner 2's share at 70 %% + 40 %% says %q", own2.problem.Text)
	}
	h.ctrlS() // the keyboard goes to the first problem, Last name
	h.tabTo("Ownership2__c")
	h.tab() // through it, unchanged
	if !own2.showsProblem() || !strings.Contains(own2.problem.Text, "110%") {
		t.Fatalf("tabbing through Owner 2's share, still 110 %%, left %q beside it", own2.problem.Text)
	}
	form.focus(form.inputs["Ownership1__c"])
	h.retype("60")
	h.tab()
	if own2.problem.Visible() {
		t.Fatalf("shares of 60 %% + 40 %% still say %q", own2.problem.Text)
	}
}

func TestTheAttentionCountFallsAsEachFieldIsFixed(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	p := h.u.newLead
	h.fill(p.form, map[string]string{"FirstName": "Dana", "Company": "Whitfield Excavation", "Phone": "512", "Email": "dana@"})
	h.ctrlS() // Last name, Phone, Email and the terms
	count := func(want string) {
		t.Helper()
		if got := p.attention.Text; !p.attention.Visible() || got != want {
			t.Fatalf("the action bar says %q (shown: %v), want %q", got, p.attention.Visible(), want)
		}
	}
	count("4 fields need attention")
	test.Type(h.focused(), "Whitfield") // the keyboard is in Last name
	count("3 fields need attention")
	h.tabTo("Phone")
	h.retype("512 555 0142")
	h.tab()
	count("2 fields need attention")
	h.tabTo("Email")
	h.retype("dana@whitfield.example")
	h.tab()
	count("1 field needs attention")
	h.tabUntil("the terms box", func() bool { return h.canvas().Focused() == fyne.Focusable(p.terms) })
	h.space()
	if p.attention.Visible() {
		t.Fatalf("with nothing left to fix the action bar still says %q", p.attention.Text)
	}
}

func TestDownAfterTypingAPrefixGoesOnFromTheValueItStandsFor(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	entity := h.u.newLead.form.inputs["Legal_Entity_Type__c"]
	h.tabTo("Legal_Entity_Type__c")
	test.Type(h.focused(), "S") // stands for S Corporation
	h.press(fyne.KeyDown)
	if entity.text() != "Sole Proprietorship" {
		t.Fatalf("S then Down gave %q, want the next value starting with S", entity.text())
	}
	h.press(fyne.KeyDown)
	if entity.text() != "Non-Profit" {
		t.Fatalf("Down from Sole Proprietorship gave %q", entity.text())
	}
	test.Type(h.focused(), "p")
	h.press(fyne.KeyUp)
	if entity.text() != "LLC" {
		t.Fatalf("P then Up gave %q, want the value before Partnership", entity.text())
	}
}

func TestTheBannerIsOneLineAndStaysWhileTheNextLeadIsTyped(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	p := h.u.newLead
	h.submitMinimal()
	if !visibleText(p.banner, "Lead created for") || !visibleText(p.banner, p.lastID) {
		t.Fatal("no banner with the company and the id after a lead was created")
	}
	row := widget.NewButton("Edit this lead", nil).MinSize().Height
	if got := p.banner.MinSize().Height; got > row+2*theme.Padding() {
		t.Fatalf("the banner takes %v px of the form's height, more than one row of buttons (%v)", got, row)
	}
	if h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("after the lead was created the keyboard is in %q", h.fieldWithKeyboard())
	}
	test.Type(h.focused(), "D")
	if !visibleText(p.banner, p.lastID) {
		t.Fatal("the last lead's banner went when the next lead was typed")
	}
}

func TestTheSSNDigitsShowAndHideFromTheKeyboard(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	ssn := h.u.newLead.form.inputs["SSN1__c"]
	h.tabTo("SSN1__c")
	if !ssn.problem.Visible() || !strings.Contains(ssn.problem.Text, "Ctrl+Shift+H") {
		t.Fatalf("the SSN box does not say how to show its digits (under it: %q)", ssn.problem.Text)
	}
	test.Type(h.focused(), "123-45-6789")
	press := func() { // as the window does: the menu first, then the box with the keyboard
		for _, m := range h.u.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == revealShortcut.ShortcutName() {
					t.Fatalf("the menu item %q takes the SSN's shortcut", it.Label)
				}
			}
		}
		h.focused().(fyne.Shortcutable).TypedShortcut(revealShortcut)
	}
	if !ssn.entry.Password {
		t.Fatal("the SSN is shown before it was asked for")
	}
	press()
	if ssn.entry.Password || h.fieldWithKeyboard() != "SSN1__c" {
		t.Fatalf("Ctrl+Shift+H did not show the digits (masked: %v) or took the keyboard away", ssn.entry.Password)
	}
	press()
	if !ssn.entry.Password {
		t.Fatal("Ctrl+Shift+H again did not hide the digits")
	}
	if ssn.text() != "123-45-6789" {
		t.Fatalf("the SSN became %q", ssn.text())
	}
	// Shown digits are hidden again once the keyboard leaves the box: a clerk's screen is
	// seen by whoever walks past.
	press()
	h.tab()
	if !ssn.entry.Password {
		t.Fatal("the SSN's digits stayed shown after Tab left the box")
	}
}

func TestAJumpToAProblemShowsItsSectionHeadingAndTheLineUnderIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	p := h.u.newLead
	h.fillWithABadOwner2SSN()
	h.ctrlS()
	ssn2 := p.form.inputs["SSN2__c"]
	if h.fieldWithKeyboard() != "SSN2__c" {
		t.Fatalf("Ctrl+S took the keyboard to %q, not the bad SSN", h.fieldWithKeyboard())
	}
	if !h.inView(p.form.owner2.header) || !h.inView(ssn2.problem) {
		t.Fatalf("after the jump: Owner 2's heading in view %v, the SSN's problem line in view %v",
			h.inView(p.form.owner2.header), h.inView(ssn2.problem))
	}
}

func TestTabToTheBottomEdgeKeepsRoomForTheHintUnderTheField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.win.Resize(fyne.NewSize(800, 600))
	form := h.u.newLead.form
	for _, name := range []string{"Legal_Entity_Type__c", "SSN1__c", "Financing_Type__c", "Time_Frame__c"} {
		in := form.inputs[name]
		h.tabTo(name)
		offset := form.view.Offset.Y
		test.Type(h.focused(), "w") // a hint appears under it
		if !in.problem.Visible() {
			t.Fatalf("%s: nothing said under it after typing", name)
		}
		if !h.inView(in.problem) {
			t.Fatalf("%s: the line under the field is out of view", name)
		}
		if form.view.Offset.Y != offset {
			t.Fatalf("%s: the form jumped as the hint appeared: no room was kept for it on arrival (%v -> %v)", name, offset, form.view.Offset.Y)
		}
	}
}

// variantTheme answers th's colours in one variant, as a system set to light or dark does.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, 1 (same) to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// strongestChange is the highest contrast between the two images over the area of o.
func strongestChange(before, after image.Image, o fyne.CanvasObject) float64 {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	best := 1.0
	for y := int(pos.Y); y < int(pos.Y+o.Size().Height); y++ {
		for x := int(pos.X); x < int(pos.X+o.Size().Width); x++ {
			if b, a := before.At(x, y), after.At(x, y); b != a {
				best = max(best, contrast(b, a))
			}
		}
	}
	return best
}

func TestFocusOnButtonsAndTheTermsBoxIsPlainToSeeInLightAndDark(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	p := h.u.newLead
	if _, ok := h.u.app.Settings().Theme().(focusTheme); !ok {
		t.Fatal("the window does not use the theme with the stronger focus colour")
	}
	// Fyne's default colours, as a desktop has them, with the focus colour the window adds.
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		h.u.app.Settings().SetTheme(variantTheme{withStrongFocus(theme.DefaultTheme()), v})
		for _, c := range []struct {
			name string
			obj  interface {
				fyne.Focusable
				fyne.CanvasObject
			}
		}{{"the terms box", p.terms}, {"Submit lead", p.submitB}, {"Clear form", p.clearB}} {
			p.form.focusFirst()
			before := h.canvas().Capture()
			h.tabUntil(c.name, func() bool { return h.canvas().Focused() == fyne.Focusable(c.obj) })
			after := h.canvas().Capture()
			if got := strongestChange(before, after, c.obj); got < 1.45 {
				t.Errorf("variant %v: focus on %s changes its colours by a contrast of only %.2f:1", v, c.name, got)
			}
		}
	}
}

// A second owner given only a first name was sent as a two-owner lead with nobody named.
func TestASecondOwnerWithOnlyAFirstNameIsRefusedAtItsLastName(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	values := map[string]string{"First_Name2__c": "Rosa"}
	for k, v := range minimal {
		values[k] = v
	}
	h.fill(h.u.newLead.form, values)
	h.u.newLead.terms.SetChecked(true)
	h.ctrlS()
	if n := len(h.org.LeadIDs()); n != 0 {
		t.Fatalf("the org holds %d leads, want none", n)
	}
	last := h.u.newLead.form.inputs["Last_Name2__c"]
	if !last.showsProblem() || last.problem.Text != lead.NoOwnerLastName {
		t.Errorf("Owner 2's last name says %q, want %q", last.problem.Text, lead.NoOwnerLastName)
	}
	if h.focused() != last.focusable() {
		t.Errorf("the keyboard is in %q, want Owner 2's last name", h.fieldWithKeyboard())
	}
}
