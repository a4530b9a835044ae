package attach

import (
	"path/filepath"
	"strings"
	"unicode"
)

// typeWords are the words in a file's name that say what the document is. Each word stands for
// one type only; a name holding words of two types says nothing for sure.
var typeWords = map[string]DocType{
	"licence": DriversLicence, "license": DriversLicence, "licenses": DriversLicence, "licences": DriversLicence,
	"dl": DriversLicence, "id": DriversLicence, "driver": DriversLicence, "drivers": DriversLicence,
	"bank": BankStatement, "statement": BankStatement, "statements": BankStatement, "stmt": BankStatement,
	"void": VoidedCheck, "voided": VoidedCheck, "cheque": VoidedCheck,
	"quote": EquipmentQuote, "quotes": EquipmentQuote, "quotation": EquipmentQuote, "invoice": EquipmentQuote, "invoices": EquipmentQuote,
	"1040": TaxReturn, "1065": TaxReturn, "1120": TaxReturn,
}

// typeStems are words that say the type inside a longer run of letters too, as in
// "driverslicense" or "BankStatementMarch".
var typeStems = map[string]DocType{
	"license": DriversLicence, "licence": DriversLicence, "statement": BankStatement,
	"invoice": EquipmentQuote, "quote": EquipmentQuote, "taxreturn": TaxReturn,
}

// GuessType is the document type a file's name clearly says — "quote" or "invoice" an
// equipment quote, "bank" or "statement" a bank statement, "license" or "id" a driver's
// licence, "voided" a voided check, "tax return" or a tax form's number a tax return — and
// false when the name says none of them, or words of two types. Only the base name counts,
// without its extension; case and separators do not matter.
func GuessType(fileName string) (DocType, bool) {
	base := filepath.Base(strings.ReplaceAll(fileName, `\`, "/"))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	words := nameWords(base)
	found := map[DocType]bool{}
	for _, w := range words {
		if t, ok := typeWords[w]; ok {
			found[t] = true
		}
	}
	joined := strings.Join(words, "")
	for stem, t := range typeStems {
		if strings.Contains(joined, stem) {
			found[t] = true
		}
	}
	if len(found) != 1 {
		return "", false
	}
	for t := range found {
		return t, true
	}
	return "", false
}

// nameWords splits a file name into lower-case words at anything that is not a letter or a
// digit, between letters and digits, and where a lower-case letter meets a capital
// ("BankStatement" is "bank", "statement").
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case len(cur) > 0 && (unicode.IsDigit(r) != unicode.IsDigit(prev) || unicode.IsUpper(r) && unicode.IsLower(prev)):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return words
}
