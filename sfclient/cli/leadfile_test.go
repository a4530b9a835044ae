package cli_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/sftest"
)

// asTyped is an application written as a clerk types it into the window: picklists by a word
// in lower case, a state in lower case, digits without dashes, a birthday and an amount as
// the window takes them, and a second owner.
const asTyped = `{"LastName":"Jimjo","Company":"Jimjo Jimmy Jo","Email":"jimmy@jimjo.example",
	"Legal_Entity_Type__c":"llc","Financing_Type__c":"Leasing","Time_Frame__c":"asap","State":"tx",
	"Phone":"5125550144","Federal_Tax_ID__c":"123456789","Last_Name1__c":"Jimjo","SSN1__c":"123456789","Birthday1__c":"04/05/1981",
	"Amount_Requested__c":"95,000","AnnualRevenue":600000,"Years_In_Business__c":"4",
	"First_Name2__c":"Lee","Last_Name2__c":"Whitfield","Ownership1__c":"60%","Ownership2__c":40}`

func TestLeadCreateTidiesChoosesAndAddsWhatTheWindowAdds(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	code, out, errOut := d.run(asTyped, "lead", "create", "--file", "-", "--terms-accepted")
	rec := d.org.Lead(lastLine(out))
	if code != 0 || rec == nil {
		t.Fatalf("create: exit %d, %s%s", code, out, errOut)
	}
	want := map[string]string{
		"Legal_Entity_Type__c": "LLC", "Financing_Type__c": "Equipment Leasing", "Time_Frame__c": "ASAP", "State": "TX",
		"Phone": "(512) 555-0144", "Federal_Tax_ID__c": "12-3456789", "SSN1__c": "123-45-6789", "Birthday1__c": "1981-04-05",
		"Amount_Requested__c": "95000", "AnnualRevenue": "600000", "Years_In_Business__c": "4", "Ownership1__c": "60", "Ownership2__c": "40",
		"View_Terms__c": lead.TermsAccepted, "Owners__c": "2", "Dealer_ID__c": testDealerID, "Lead_Type__c": "Vendor Lead", "Status": "New",
	}
	for name, v := range want {
		if got := fmt.Sprint(rec[name]); got != v {
			t.Errorf("stored %s = %q, want %q", name, got, v)
		}
	}
	if uid, _ := rec["WordPress_UniqueID__c"].(string); !strings.HasPrefix(uid, "ld-") {
		t.Errorf("no submission id: %v", rec["WordPress_UniqueID__c"])
	}
	if at, _ := rec["Date_and_Time__c"].(string); len(at) != len(lead.DateTimeLayout) {
		t.Errorf("Date_and_Time__c = %v", rec["Date_and_Time__c"])
	}
	if strings.Contains(errOut, "123456789") || strings.Contains(out, "123-45-6789") {
		t.Error("the SSN was printed")
	}
}

func TestARefusedFileSaysEachProblemByLabelAndAPINameAndSendsAndKeepsNothing(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	d.org.ResetLog()
	file := `{"LastName":"Jimjo","Company":"Jimjo Jimmy Jo","Email":"jimmy@jimjo","Legal_Entity_Type__c":"Inc",
		"Lead_Type__c":"lead","SSN1__c":"98765","Birthday1__c":"02/30/1981","Amount_Requested__c":"lots",
		"Owners__c":"1","Favourite_Colour__c":"red","Title":["Owner"]}`
	code, out, errOut := d.run(file, "lead", "create", "--file", "-")
	want := []string{
		"Title (Title): Write one value here, as text or a number.",
		"Email (Email): Enter an e-mail address like name@company.com.",
		"Legal entity type (Legal_Entity_Type__c): Choose one of: Corporation, S Corporation, LLC, Partnership, Sole Proprietorship, Non-Profit.",
		"Last name (Last_Name1__c): Enter this owner's last name, or remove the owner's other details.",
		"SSN (SSN1__c): An SSN has 9 digits, written 123-45-6789.",
		"Date of birth (Birthday1__c): Enter a real date as MM/DD/YYYY.",
		"Amount requested (Amount_Requested__c): Enter an amount in dollars, e.g. 25,000.",
		"Lead type (Lead_Type__c): “lead” could be Vendor Lead or Dealer Lead. Choose one of: Vendor Lead, Dealer Lead, Direct.",
		"Terms accepted (View_Terms__c): The applicant must agree to the terms before the lead is sent; once they have, add --terms-accepted (or put \"View_Terms__c\": true in the file).",
		"Number of owners (Owners__c): Lead Desk sets this field itself; remove it from the file.",
		"Favourite_Colour__c: Lead Desk does not send this field; check the API name against the list in \"leaddesk lead create --help\", or remove it.",
		"Nothing was sent; correct the input and run the command again.",
	}
	if got := strings.Split(strings.TrimSpace(errOut), "\n"); code != 1 || out != "" || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errOut, strings.Join(want, "\n"))
	}
	if strings.Contains(errOut, "98765") || strings.Contains(errOut, "1981") || strings.Contains(errOut, "marked") {
		t.Errorf("a secret or the window's words about marked fields were printed: %s", errOut)
	}
	if n := d.org.Count(http.MethodPost, "/services/data"); n != 0 {
		t.Fatalf("%d requests reached the org", n)
	}
	if ids := d.outboxIDs(); len(ids) != 0 {
		t.Fatalf("the refused lead waits in the outbox: %v", ids)
	}
}

func TestALeadIsSentOnlyWhenTheFileOrAFlagSaysTheTermsWereAccepted(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	minimal := `{"LastName":"Jimjo","Company":"Jimjo Jimmy Jo"%s}`
	for _, c := range []struct {
		name, extra string
		flags       []string
		sent        bool
		words       string
	}{
		{"nothing said", "", nil, false, "add --terms-accepted"},
		{"the file says false", `,"View_Terms__c":false`, nil, false, "add --terms-accepted"},
		{"the file says something else", `,"View_Terms__c":"yes"`, nil, false, "Write true here once the applicant has agreed"},
		{"the flag", "", []string{"--terms-accepted"}, true, ""},
		{"the file says true", `,"View_Terms__c":true`, nil, true, ""},
		{"the file holds the words Lead Desk sends", `,"View_Terms__c":"` + lead.TermsAccepted + `"`, nil, true, ""},
	} {
		before := len(d.org.LeadIDs())
		code, out, errOut := d.run(fmt.Sprintf(minimal, c.extra), append([]string{"lead", "create", "--file", "-"}, c.flags...)...)
		switch {
		case c.sent && (code != 0 || fmt.Sprint(d.org.Lead(lastLine(out))["View_Terms__c"]) != lead.TermsAccepted):
			t.Errorf("%s: exit %d, %s", c.name, code, errOut)
		case !c.sent && (code != 1 || !strings.Contains(errOut, "Terms accepted (View_Terms__c): ") || !strings.Contains(errOut, c.words) || len(d.org.LeadIDs()) != before):
			t.Errorf("%s: exit %d, %s", c.name, code, errOut)
		}
	}
}

func TestLeadUpdateTidiesAndChecksTheGivenFieldsAndCountsASecondOwner(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	_, out, _ := d.run(jimjo, "lead", "create", "--file", "-")
	id := lastLine(out)
	code, _, errOut := d.run(`{"State":"tx","Legal_Entity_Type__c":"s corp","Financing_Type__c":"working capital","First_Name2__c":"Lee","Phone2__c":"1-512-555-0199"}`,
		"lead", "update", id, "--file", "-")
	rec := d.org.Lead(id)
	want := map[string]string{"State": "TX", "Legal_Entity_Type__c": "S Corporation", "Financing_Type__c": "Working Capital",
		"Phone2__c": "(512) 555-0199", "Owners__c": "2", "LastName": "Jimjo"}
	for name, v := range want {
		if got := fmt.Sprint(rec[name]); code != 0 || got != v {
			t.Errorf("stored %s = %q, want %q (exit %d, %s)", name, got, v, code, errOut)
		}
	}

	d.org.ResetLog()
	code, _, errOut = d.run(`{"LastName":null,"Email":"jimmy@","Owners__c":"1"}`, "lead", "update", id, "--file", "-")
	lines := []string{
		"Last name (LastName): Last name is required.",
		"Email (Email): Enter an e-mail address like name@company.com.",
		"Number of owners (Owners__c): Lead Desk sets this field itself; remove it from the file.",
		"Nothing was sent; correct the input and run the command again.",
	}
	if code != 1 || strings.TrimSpace(errOut) != strings.Join(lines, "\n") {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if n := d.org.Count(http.MethodPatch, "/services/data"); n != 0 || len(d.outboxIDs()) != 0 {
		t.Fatalf("a refused change was sent (%d PATCHes) or kept", n)
	}
}

func TestTheLeadTypeSettingTakesAValueAsTheFormsBoxDoes(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	if code, _, errOut := d.run("", "settings", "--lead-type", "dealer"); code != 0 || d.settings().LeadType != "Dealer Lead" {
		t.Fatalf("--lead-type dealer: exit %d %s, kept %q", code, errOut, d.settings().LeadType)
	}
}

func TestLeadCreateHelpSaysHowToAcceptTheTermsAndListsTheFields(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	code, out, _ := d.run("", "lead", "create", "--help")
	for _, words := range []string{"--terms-accepted", `"View_Terms__c": true`, "Financing_Type__c", "SSN2__c", "Owners__c follows the owners given"} {
		if code != 0 || !strings.Contains(out, words) {
			t.Errorf("lead create --help (exit %d) does not say %q", code, words)
		}
	}
}
