package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// Results where the clerk looks, and no bad data: what a submit shows, and what it refuses.

func TestPhonesAmountsAndYearsAreTidiedWhenLeavingTheField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	for name, c := range map[string]struct{ typed, want string }{
		"Phone": {"512 555 0142", "(512) 555-0142"}, "Phone1__c": {"15125550143", "(512) 555-0143"},
		"AnnualRevenue": {"$1,850,000.00", "1850000"}, "Years_In_Business__c": {"12.0", "12"},
		"Ownership1__c": {"60%", "60"}, "Phone2__c": {"555 0142", "555 0142"},
	} {
		form.focus(form.inputs[name])
		test.Type(h.focused(), c.typed)
		h.tab()
		if got := form.inputs[name].text(); got != c.want {
			t.Errorf("%s: typed %q, shows %q after leaving, want %q", name, c.typed, got, c.want)
		}
	}
	if !form.inputs["Phone2__c"].problem.Visible() {
		t.Error("a 7-digit phone is kept without a word beside it")
	}
}

func TestEmptyBoxesShowExamplesNotValues(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	for name, in := range h.u.newLead.form.inputs {
		if in.entry == nil || in.entry.PlaceHolder == "" {
			continue
		}
		if p := in.entry.PlaceHolder; !strings.Contains(p, "e.g.") && !strings.Contains(p, "Settings") {
			t.Errorf("%s shows %q, which reads like a filled-in value", name, p)
		}
	}
	if p := h.u.newLead.form.inputs["State"].entry.PlaceHolder; p != "e.g. TX" {
		t.Errorf("State shows %q", p)
	}
}

func TestSuccessShowsABannerAtTheTopAndTheNextSubmitRemovesIt(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.submitMinimal()
	id := h.u.newLead.lastID
	text := strings.Join(labelsIn(h.u.newLead.banner), " | ")
	for _, want := range []string{"Jimjo Jimmy Jo", id, "Copy id", "Open in Salesforce", "Edit this lead"} {
		if id == "" || !strings.Contains(text, want) {
			t.Fatalf("banner %q lacks %q", text, want)
		}
	}
	if h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("after success the keyboard is in %q", h.fieldWithKeyboard())
	}
	h.ctrlS() // an empty form: refused
	if len(h.u.newLead.banner.Objects) != 0 {
		t.Fatal("the old banner stays under a refused submit")
	}
}

func TestARefusedSubmitFocusesTheFirstProblemAndCountsThemInTheActionBar(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, map[string]string{"Company": "Jimjo Jimmy Jo", "Email": "jimmy@", "SSN2__c": "12"})
	h.ctrlS()
	if got := h.u.newLead.attention.Text; !h.u.newLead.attention.Visible() || got != "5 fields need attention" {
		t.Fatalf("action bar says %q", got) // last name, e-mail, SSN 2, Owner 2's last name, terms
	}
	if h.fieldWithKeyboard() != "LastName" {
		t.Fatalf("the keyboard is in %q, not the first problem", h.fieldWithKeyboard())
	}
	if len(h.posts()) != 0 {
		t.Fatal("a refused lead was sent")
	}
}

func TestAnUntickedTermsBoxAloneIsSaidAndFocused(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	h.ctrlS()
	if got := h.u.newLead.attention.Text; got != "1 field needs attention" || !h.u.newLead.termsErr.Visible() {
		t.Fatalf("action bar says %q", got)
	}
	if h.focused() != fyne.Focusable(h.u.newLead.terms) {
		t.Fatal("the keyboard is not in the terms box")
	}
}

func TestClearFormEmptiesItAndPutsTheKeyboardInTheFirstField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.fill(h.u.newLead.form, minimal)
	h.u.newLead.form.focus(h.u.newLead.form.inputs["Email"])
	test.Tap(h.u.newLead.clearB)
	h.key(fyne.KeyReturn) // Enter keeps what was typed: clearing is never the default
	if h.u.newLead.form.inputs["Company"].text() == "" || h.canvas().Overlays().Top() != nil {
		t.Fatal("Enter at the Clear form question cleared the form, or left the question up")
	}
	test.Tap(h.u.newLead.clearB)
	yes := findButton(h.canvas().Overlays().Top(), "Clear form")
	if yes == nil {
		t.Fatal("Clear form did not ask first")
	}
	test.Tap(yes)
	if h.u.newLead.form.inputs["Company"].text() != "" || h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("after Clear: company %q, keyboard in %q", h.u.newLead.form.inputs["Company"].text(), h.fieldWithKeyboard())
	}
}

func TestALeadWithoutADealerIDIsNeitherSentNorQueued(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	st := h.u.cfg
	st.DealerID = ""
	if err := sfclient.SaveSettings(h.home, st); err != nil {
		t.Fatal(err)
	}
	h.u.cfg = st
	h.signIn()
	h.u.newLead.reset()
	h.fill(h.u.newLead.form, minimal)
	test.Tap(h.u.newLead.terms)
	h.ctrlS()
	dealer := h.u.newLead.form.inputs["Dealer_ID__c"]
	if !dealer.problem.Visible() || !strings.Contains(dealer.problem.Text, "Settings") {
		t.Fatalf("beside Dealer ID: %q", dealer.problem.Text)
	}
	if h.fieldWithKeyboard() != "Dealer_ID__c" {
		t.Fatalf("the keyboard is in %q", h.fieldWithKeyboard())
	}
	if len(h.posts()) != 0 || len(h.u.outbox.entries) != 0 {
		t.Fatal("a lead without a Dealer ID was sent or queued")
	}
}

func TestCtrlSFromInsideAPhoneBoxSendsItTidied(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	test.Tap(h.u.newLead.terms)
	form := h.u.newLead.form
	form.inputs["Phone"].setText("")
	form.focus(form.inputs["Phone"])
	test.Type(h.focused(), "512 555 0142")
	h.ctrlS() // without leaving the box
	posts := h.posts()
	if len(posts) != 1 {
		t.Fatalf("%d creates (%s)", len(posts), h.u.lastError)
	}
	if got := decode(t, posts[0].Body)["Phone"]; got != "(512) 555-0142" {
		t.Fatalf("sent Phone = %v", got)
	}
}

// objectsUnder is o and every object drawn under it, in drawing order.
func objectsUnder(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		children = w.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(w).Objects()
	}
	for _, c := range children {
		out = append(out, objectsUnder(c)...)
	}
	return out
}

// labelsIn is the text of every label and button under o, in order.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range objectsUnder(o) {
		switch w := obj.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
	}
	return out
}

// findButton is the button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, obj := range objectsUnder(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
		if b, ok := obj.(*dialogButton); ok && b.Text == text { // a dialog's (dialogchoice.go)
			return &b.Button
		}
	}
	return nil
}

func TestEINZIPSSNAndDatesAreShownAsTheyWillBeSentOnceTheBoxIsLeft(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	form := h.u.newLead.form
	for name, c := range map[string]struct{ typed, want string }{
		"Federal_Tax_ID__c": {"741234567", "74-1234567"}, "PostalCode": {"787361234", "78736-1234"},
		"State": {"tx", "TX"}, "SSN1__c": {"123 45 6789", "123-45-6789"}, "Birthday1__c": {"5/31/1970", "05/31/1970"},
		"Year__c": {"2,023", "2023"}, "Amount_Requested__c": {"$25,000", "25000"},
	} {
		form.focus(form.inputs[name])
		test.Type(h.focused(), c.typed)
		if got := form.inputs[name].text(); got != c.typed {
			t.Errorf("%s: typed %q, but the box shows %q while it has the keyboard", name, c.typed, got)
		}
		h.tab()
		if got := form.inputs[name].text(); got != c.want {
			t.Errorf("%s: typed %q, shows %q after Tab, want %q", name, c.typed, got, c.want)
		}
	}
}
