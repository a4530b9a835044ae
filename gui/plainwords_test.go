package gui

import (
	"strings"
	"testing"

	"leaddesk/sfclient/sftest"
)

func TestSettingsLeadOwnerAndFollowUpSayWhatToTypeInAClerksWords(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.show(tabSettings)
	if p := h.u.settings.owner.PlaceHolder; !strings.Contains(p, "user id Mazo gave you") {
		t.Errorf("Settings' Lead owner box shows %q, not what to type", p)
	}
	if p := h.u.newLead.form.inputs["Follow_Up__c"].entry.PlaceHolder; strings.Contains(p, "guide") || !strings.Contains(p, "unless Mazo asked") {
		t.Errorf("Follow up shows %q, not when to fill it in", p)
	}
}
