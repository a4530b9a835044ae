package attach

import (
	"slices"
	"testing"
)

func TestTheTypeIsGuessedOnlyWhereTheFileNameClearlySaysIt(t *testing.T) {
	for _, c := range []struct {
		name string
		want DocType // "" when nothing is guessed
	}{
		{"quote.pdf", EquipmentQuote},
		{"Caterpillar 320 Quote.pdf", EquipmentQuote},
		{"INVOICE-2291.pdf", EquipmentQuote},
		{"bank statement march.pdf", BankStatement},
		{"BankStatementMarch2026.pdf", BankStatement},
		{"chase_stmt_03.pdf", BankStatement},
		{"statements-q1.pdf", BankStatement},
		{"drivers_license_front.jpg", DriversLicence},
		{"driverslicense.jpg", DriversLicence},
		{"ID front.heic", DriversLicence},
		{"dl-back.png", DriversLicence},
		{"voided check.pdf", VoidedCheck},
		{"2024 tax return.pdf", TaxReturn},
		{"TaxReturn2024.pdf", TaxReturn},
		{"1040 2024.pdf", TaxReturn},
		{`C:\Users\dana\Documents\quote.pdf`, EquipmentQuote},
		{"/home/dana/bank/scan.pdf", ""}, // only the file's own name counts
		{"scan0001.pdf", ""},
		{"march.pdf", ""},
		{"trailer.pdf", ""},
		{"idea.pdf", ""},
		{"check.pdf", ""},                      // a credit check? not clearly a voided one
		{"bank statement and invoice.pdf", ""}, // two types: not clear
		{"", ""},
	} {
		got, ok := GuessType(c.name)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("GuessType(%q) = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}

func FuzzGuessType(f *testing.F) {
	for _, s := range []string{"quote.pdf", "BankStatement.pdf", "ID.jpg", "tax_return.pdf", "ÄÖÜ.pdf", "a\\b/c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got, ok := GuessType(name)
		if ok != (got != "") || ok && !slices.Contains(Types, got) {
			t.Fatalf("GuessType(%q) = %q, %v", name, got, ok)
		}
	})
}
