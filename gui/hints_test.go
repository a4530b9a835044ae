package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

func TestTheStateBoxShowsItsCodeInCapitalsOnceLeft(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.tabTo("State")
	test.Type(h.focused(), "tx")
	h.tab()
	if got := h.u.newLead.form.inputs["State"].text(); got != "TX" {
		t.Fatalf("after leaving State the box shows %q, want TX as it is sent", got)
	}
}

func TestLeadOwnerOnANewLeadShowsTheOwnerFromSettingsOrAnExample(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	owner := h.u.newLead.form.inputs["OwnerId"]
	if got := owner.text(); got != "0055Y00000EVoLvQAL" {
		t.Fatalf("Lead owner shows %q, not the owner from Settings", got)
	}
	st := h.u.currentSettings()
	st.OwnerID = ""
	h.u.useSettings(st)
	h.u.newLead.reset() // the next lead, with no owner in Settings
	if owner.text() != "" || !strings.HasPrefix(owner.entry.PlaceHolder, "e.g. ") {
		t.Fatalf("with no owner in Settings, Lead owner shows %q under the example %q", owner.text(), owner.entry.PlaceHolder)
	}
}

func TestEquipmentToBeDecidedAndFollowUpSayWhatToWrite(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	for _, name := range []string{"TBD__c", "Follow_Up__c"} {
		if ex := h.u.newLead.form.inputs[name].entry.PlaceHolder; !strings.HasPrefix(ex, "e.g. ") {
			t.Errorf("%s's empty box shows %q, not an example", name, ex)
		}
	}
}
