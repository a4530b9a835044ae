package recent_test

import (
	"testing"
	"time"

	"leaddesk/sfclient/recent"
	"leaddesk/sfclient/vault"
)

func openVault(t *testing.T) *vault.Vault {
	t.Helper()
	v, err := vault.Open(t.TempDir(), vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "recent test passphrase", nil }})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAnEditThatCarriesNoNamesKeepsTheNamesAlreadyKnown(t *testing.T) {
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		edit        recent.Lead
		wantCompany string
		wantName    string
	}{
		{"only the phone changed", recent.Lead{ID: "00Q5g0000000001EAA", Kind: recent.Edited, At: at}, "Gonzalez Excavating LLC", "Maria Gonzalez"},
		{"the company was renamed", recent.Lead{ID: "00Q5g0000000001EAA", Company: "Gonzalez Earthworks", Kind: recent.Edited, At: at}, "Gonzalez Earthworks", "Maria Gonzalez"},
		{"another lead", recent.Lead{ID: "00Q5g0000000002EAA", Kind: recent.Edited, At: at}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := openVault(t)
			created := recent.Lead{ID: "00Q5g0000000001EAA", Company: "Gonzalez Excavating LLC", Name: "Maria Gonzalez", Kind: recent.Created, At: at}
			if err := recent.Remember(v, created); err != nil {
				t.Fatal(err)
			}
			if err := recent.Remember(v, tt.edit); err != nil {
				t.Fatal(err)
			}
			list, err := recent.List(v)
			if err != nil {
				t.Fatal(err)
			}
			if list[0].ID != tt.edit.ID || list[0].Kind != recent.Edited || list[0].Company != tt.wantCompany || list[0].Name != tt.wantName {
				t.Fatalf("first entry %+v, want %q / %q", list[0], tt.wantCompany, tt.wantName)
			}
		})
	}
}
