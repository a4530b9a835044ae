package gui

import (
	"testing"

	"leaddesk/sfclient/sftest"
)

func TestEditLeadShowsTheOwnersNameUnderTheOwnersID(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	id := h.org.AddLead(map[string]any{"LastName": "Baker", "Company": "Baker Co"}, sftest.MazoUserID)
	h.load(id)
	owner := h.u.edit.form.inputs["OwnerId"]
	if owner.text() != sftest.MazoUserID {
		t.Fatalf("the Lead owner box holds %q, want the owner's id", owner.text())
	}
	if !owner.problem.Visible() || owner.problem.Text != "Owner: "+sftest.MazoUserName {
		t.Fatalf("under the Lead owner box: %q, want the owner's name", owner.problem.Text)
	}
	h.u.edit.form.focus(owner) // the keyboard passes through the box
	h.tab()
	if !owner.problem.Visible() || owner.problem.Text != "Owner: "+sftest.MazoUserName {
		t.Fatalf("after Tab through the box the line under it says %q", owner.problem.Text)
	}
	h.u.edit.form.focus(owner)
	h.retype(sftest.UserID) // another owner, by id
	h.tab()
	if owner.problem.Text != editedMark {
		t.Fatalf("a changed owner shows %q under it, want the Edited mark", owner.problem.Text)
	}
}
