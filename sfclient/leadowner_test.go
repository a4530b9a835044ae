package sfclient_test

import (
	"errors"
	"testing"

	"leaddesk/sfclient/recordid"
	"leaddesk/sfclient/sftest"
)

func TestLeadOwnerNameIsTheOwnersNameReadInOneQuery(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	mine := f.org.AddLead(map[string]any{"LastName": "Able", "Company": "Able Co"}, sftest.UserID)
	mazos := f.org.AddLead(map[string]any{"LastName": "Baker", "Company": "Baker Co"}, sftest.MazoUserID)
	f.org.ResetLog()
	for id, want := range map[string]string{mine: sftest.DisplayName, mazos: sftest.MazoUserName} {
		name, err := f.client.LeadOwnerName(ctx, id)
		if err != nil || name != want {
			t.Errorf("LeadOwnerName(%s) = %q, %v; want %q", id, name, err, want)
		}
	}
	if n := len(f.org.Requests()); n != 2 {
		t.Fatalf("two owners cost %d requests, want one each", n)
	}
}

func TestLeadOwnerNameRefusesABadIDBeforeAnyRequest(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.ResetLog()
	if _, err := f.client.LeadOwnerName(ctx, "0015Y00002aYV9NQAW"); !errors.Is(err, recordid.ErrBad) {
		t.Fatalf("err = %v, want recordid.ErrBad", err)
	}
	if n := len(f.org.Requests()); n != 0 {
		t.Fatalf("a bad id cost %d requests", n)
	}
}
