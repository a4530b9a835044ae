package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// typeSecondOwner opens Owner 2 with Space from its header, types the second owner's names
// and goes back to the header with Shift+Tab.
func (h *harness) typeSecondOwner() {
	h.t.Helper()
	h.u.newLead.form.focusFirst()
	h.tabTo("fold")
	h.space()
	h.tab()
	test.Type(h.focused(), "Ann")
	h.tab()
	test.Type(h.focused(), "Hartley")
	h.tab()
	for h.fieldWithKeyboard() != "fold" {
		test.FocusPrevious(h.canvas())
	}
}

// tickTermsAndSend ticks the terms box from the keyboard and presses Ctrl+S.
func (h *harness) tickTermsAndSend() {
	h.t.Helper()
	h.tabUntil("the terms box", func() bool { return h.canvas().Focused() == fyne.Focusable(h.u.newLead.terms) })
	h.space()
	h.ctrlS()
	if len(h.org.LeadIDs()) != 1 {
		h.t.Fatalf("%d leads stored (%s; %s)", len(h.org.LeadIDs()), h.u.lastError, h.u.newLead.attention.Text)
	}
}

// dialogButton is the button labelled text in the topmost dialog; the test fails without one.
func (h *harness) dialogButton(text string) *widget.Button {
	h.t.Helper()
	b := visibleButton(h.canvas().Overlays().Top(), text)
	if b == nil {
		h.t.Fatalf("the top dialog has no %q button", text)
	}
	return b
}

func secondOwnerFields(rec map[string]any) []string {
	var out []string
	for _, f := range lead.Fields {
		if f.Section == lead.Owner2 && rec[f.Name] != nil {
			out = append(out, f.Name)
		}
	}
	return out
}

// foldFilledOwner2 is a signed-in New lead with the minimal lead and a second owner's
// names typed, and Space pressed on Owner 2's header to fold it; the test fails unless that
// asks whether to remove the second owner's details.
func foldFilledOwner2(t *testing.T) *harness {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.fill(h.u.newLead.form, minimal)
	h.typeSecondOwner()
	h.space()
	if top := h.canvas().Overlays().Top(); top == nil || !visibleText(top, removeOwner2Question) {
		t.Fatal("folding an Owner 2 that holds names asked nothing")
	}
	return h
}

func TestFoldingOwner2AndRemovingItsDetailsSendsOneOwner(t *testing.T) {
	h := foldFilledOwner2(t)
	remove := h.dialogButton("Remove")
	if remove.Importance == widget.HighImportance || remove.Importance == widget.DangerImportance {
		t.Error("Remove, which loses what was typed, is highlighted")
	}
	h.tabUntil("Remove", func() bool { return h.focusedButton() == remove.Text }) // showDialog swaps in a dialogButton
	h.space()
	form := h.u.newLead.form
	if form.owner2.open || h.dialogs() != 0 {
		t.Fatal("after Remove, Owner 2 is not folded")
	}
	if form.inputs["First_Name2__c"].text() != "" {
		t.Fatalf("after Remove, Owner 2's first name still holds %q", form.inputs["First_Name2__c"].text())
	}
	h.tickTermsAndSend()
	rec := h.org.Lead(h.org.LeadIDs()[0])
	if got := secondOwnerFields(rec); len(got) != 0 {
		t.Errorf("a removed second owner reached Salesforce: %v", got)
	}
	if rec["Owners__c"] != "1" {
		t.Errorf("Owners__c = %#v, want \"1\"", rec["Owners__c"])
	}
}

func TestEnterKeepsTheSecondOwnerOpenAndItIsSent(t *testing.T) {
	h := foldFilledOwner2(t)
	h.key(fyne.KeyReturn) // the default answer
	if h.dialogs() != 0 || !h.u.newLead.form.owner2.open {
		t.Fatal("Enter did not keep Owner 2 open")
	}
	if h.fieldWithKeyboard() != "fold" {
		t.Errorf("after Keep the keyboard is in %q, not on Owner 2's header", h.fieldWithKeyboard())
	}
	h.tickTermsAndSend()
	rec := h.org.Lead(h.org.LeadIDs()[0])
	if rec["First_Name2__c"] != "Ann" || rec["Last_Name2__c"] != "Hartley" || rec["Owners__c"] != "2" {
		t.Errorf("the kept second owner was sent as %v %v, Owners__c %v", rec["First_Name2__c"], rec["Last_Name2__c"], rec["Owners__c"])
	}
}

func TestAnEmptyOwner2FoldsWithoutAsking(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.tabTo("fold")
	h.space()
	h.space()
	if h.dialogs() != 0 || h.u.newLead.form.owner2.open {
		t.Fatal("an empty Owner 2 did not simply fold again")
	}
	if strings.Contains(h.u.newLead.form.owner2.header.Text, "holds") {
		t.Errorf("the header of an empty Owner 2 says %q", h.u.newLead.form.owner2.header.Text)
	}
}

// twoOwnerLead creates a lead with a second owner in the org, as Mazo would hold it.
func (h *harness) twoOwnerLead() string {
	h.t.Helper()
	id, err := h.u.client.CreateLead(context.Background(), map[string]any{"LastName": "Hartley", "Company": "Hartley Grading",
		"First_Name1__c": "Bo", "Ownership1__c": 80.0, "First_Name2__c": "Ann", "Last_Name2__c": "Hartley", "Ownership2__c": 20.0,
		"Owners__c": "2"}, sfclient.CreateOptions{})
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

func TestRemovingTheSecondOwnerInEditLeadClearsItInSalesforce(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.twoOwnerLead()
	h.load(id)
	form := h.u.edit.form
	if !form.owner2.open {
		t.Fatal("a lead with a second owner opened with Owner 2 folded")
	}
	h.tabUntil("Owner 2's header", func() bool { return h.canvas().Focused() == fyne.Focusable(form.owner2.header) })
	h.space()
	remove := h.dialogButton("Remove")
	h.tabUntil("Remove", func() bool { return h.focusedButton() == remove.Text }) // showDialog swaps in a dialogButton
	h.space()
	h.ctrlS()
	rec := h.org.Lead(id)
	for _, name := range []string{"First_Name2__c", "Last_Name2__c", "Ownership2__c"} {
		if v := rec[name]; v != nil && v != "" {
			t.Errorf("after removing the second owner Salesforce still holds %s = %#v", name, v)
		}
	}
	if rec["Owners__c"] != "1" || rec["First_Name1__c"] != "Bo" {
		t.Errorf("after removing the second owner: Owners__c %#v, First_Name1__c %#v", rec["Owners__c"], rec["First_Name1__c"])
	}
}

func TestAReadOnlyOwner2FoldsWithoutAskingAndSaysItHoldsDetails(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.twoOwnerLead()
	h.org.ConvertLead(id)
	h.load(id)
	header := h.u.edit.form.owner2.header
	h.tabUntil("Owner 2's header", func() bool { return h.canvas().Focused() == fyne.Focusable(header) })
	h.space()
	if h.dialogs() != 0 || h.u.edit.form.owner2.open {
		t.Fatal("a converted lead's Owner 2 did not simply fold")
	}
	if !strings.Contains(header.Text, "holds details") {
		t.Errorf("the folded header of an Owner 2 with values says only %q", header.Text)
	}
	if h.u.edit.form.inputs["First_Name2__c"].text() != "Ann" {
		t.Error("folding a read-only Owner 2 removed its values")
	}
}
