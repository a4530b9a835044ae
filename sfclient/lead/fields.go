// Package lead describes Mazo Capital Solutions' Lead: every field the guide names, with its
// form label, section, Salesforce type, length and picklist values. The stand-in org serves
// this catalogue as its describe result; the form falls back to it when not signed in.
//
// It never imports Fyne or the rest of sfclient.
package lead

// Kind is a field's Salesforce type, as describe names it.
type Kind string

// The kinds Mazo's Lead uses.
const (
	Text     Kind = "string"
	TextArea Kind = "textarea"
	Email    Kind = "email"
	Phone    Kind = "phone"
	URL      Kind = "url"
	Picklist Kind = "picklist"
	Currency Kind = "currency"
	Number   Kind = "double"
	Percent  Kind = "percent"
	Date     Kind = "date"
	Boolean  Kind = "boolean"
	Ref      Kind = "reference"
)

// Section groups fields on the form.
type Section string

// The form's sections, in order.
const (
	Contact   Section = "Contact"
	Business  Section = "Business"
	Owner1    Section = "Owner 1"
	Owner2    Section = "Owner 2"
	Financing Section = "Financing"
	Dealer    Section = "Dealer"
	SetByApp  Section = "Set by the app"
)

// Field is one Lead field.
type Field struct {
	Name     string // API name, e.g. First_Name1__c
	Label    string // form label
	Section  Section
	Kind     Kind
	Length   int      // for text kinds; 0 otherwise
	Required bool     // required by Salesforce itself
	Values   []string // picklist values, the first being the default where one applies
	// Restricted picklists refuse values not in Values.
	Restricted bool
	// Sensitive fields (SSNs, birthdays) are never logged.
	Sensitive bool
	// Format is the shape Mazo needs beyond the Salesforce type (an SSN, a state code…);
	// empty means the kind alone decides.
	Format Format
	// Example is what the empty box shows, worded as an example ("e.g. TX") so that it is
	// never mistaken for a filled-in value; empty means none.
	Example string
}

// Format is a field's expected shape where its Salesforce type does not say enough: checks,
// conversion for sending and tidying as the person leaves the box all follow it.
type Format string

// The formats Mazo's Lead uses.
const (
	SSN        Format = "ssn"         // 123-45-6789, masked on screen
	EIN        Format = "ein"         // 12-3456789
	StateCode  Format = "state"       // two-letter US state code
	ZIP        Format = "zip"         // 5 or 9 digits
	WholeYears Format = "whole-years" // a whole number of years, 0 to 200
	ModelYear  Format = "model-year"  // a four-digit year, 1950 to next year + 1
	BirthDate  Format = "birth-date"  // a real date, the owner at least 18 on it
)

// Fields is Mazo's Lead, in form order.
var Fields = []Field{
	{Name: "FirstName", Label: "First name", Section: Contact, Kind: Text, Length: 40},
	{Name: "LastName", Label: "Last name", Section: Contact, Kind: Text, Length: 80, Required: true},
	{Name: "Title", Label: "Title", Section: Contact, Kind: Text, Length: 128},
	{Name: "Phone", Label: "Phone", Section: Contact, Kind: Phone, Length: 40, Example: "e.g. (512) 555-0142"},
	{Name: "Email", Label: "Email", Section: Contact, Kind: Email, Length: 80, Example: "e.g. name@company.com"},
	{Name: "Website", Label: "Website", Section: Contact, Kind: URL, Length: 255, Example: "e.g. www.company.com"},

	{Name: "Company", Label: "Company", Section: Business, Kind: Text, Length: 255, Required: true},
	{Name: "What_Company_Does__c", Label: "What the company does", Section: Business, Kind: TextArea, Length: 255},
	{Name: "Legal_Entity_Type__c", Label: "Legal entity type", Section: Business, Kind: Picklist,
		Values: []string{"Corporation", "S Corporation", "LLC", "Partnership", "Sole Proprietorship", "Non-Profit"}},
	{Name: "Federal_Tax_ID__c", Label: "Federal tax ID (EIN)", Section: Business, Kind: Text, Length: 10, Format: EIN, Example: "e.g. 12-3456789"},
	{Name: "Years_In_Business__c", Label: "Years in business", Section: Business, Kind: Number, Format: WholeYears, Example: "e.g. 4"},
	{Name: "AnnualRevenue", Label: "Annual revenue", Section: Business, Kind: Currency, Example: "e.g. 600,000"},
	{Name: "Street", Label: "Street", Section: Business, Kind: TextArea, Length: 255},
	{Name: "City", Label: "City", Section: Business, Kind: Text, Length: 40},
	{Name: "State", Label: "State", Section: Business, Kind: Text, Length: 80, Format: StateCode, Example: "e.g. TX"},
	{Name: "PostalCode", Label: "ZIP", Section: Business, Kind: Text, Length: 20, Format: ZIP, Example: "e.g. 78736"},
	{Name: "Country", Label: "Country", Section: Business, Kind: Text, Length: 80},
	{Name: "Description", Label: "Description", Section: Business, Kind: TextArea, Length: 32000},

	{Name: "First_Name1__c", Label: "First name", Section: Owner1, Kind: Text, Length: 40},
	{Name: "Last_Name1__c", Label: "Last name", Section: Owner1, Kind: Text, Length: 80},
	{Name: "Title1__c", Label: "Title", Section: Owner1, Kind: Text, Length: 80},
	{Name: "Phone1__c", Label: "Phone", Section: Owner1, Kind: Phone, Length: 40, Example: "e.g. (512) 555-0142"},
	{Name: "SSN1__c", Label: "SSN", Section: Owner1, Kind: Text, Length: 11, Sensitive: true, Format: SSN, Example: "e.g. 123-45-6789"},
	{Name: "Birthday1__c", Label: "Date of birth", Section: Owner1, Kind: Date, Sensitive: true, Format: BirthDate, Example: "MM/DD/YYYY, e.g. 05/31/1970"},
	{Name: "Ownership1__c", Label: "Ownership %", Section: Owner1, Kind: Percent, Example: "e.g. 50"},
	{Name: "Street1__c", Label: "Home street", Section: Owner1, Kind: Text, Length: 255},
	{Name: "City2__c", Label: "Home city", Section: Owner1, Kind: Text, Length: 40},
	{Name: "State2__c", Label: "Home state", Section: Owner1, Kind: Text, Length: 2, Format: StateCode, Example: "e.g. TX"},
	{Name: "Zip2__c", Label: "Home ZIP", Section: Owner1, Kind: Text, Length: 10, Format: ZIP, Example: "e.g. 78736"},

	{Name: "First_Name2__c", Label: "First name", Section: Owner2, Kind: Text, Length: 40},
	{Name: "Last_Name2__c", Label: "Last name", Section: Owner2, Kind: Text, Length: 80},
	{Name: "Title2__c", Label: "Title", Section: Owner2, Kind: Text, Length: 80},
	{Name: "Phone2__c", Label: "Phone", Section: Owner2, Kind: Phone, Length: 40, Example: "e.g. (512) 555-0142"},
	{Name: "SSN2__c", Label: "SSN", Section: Owner2, Kind: Text, Length: 11, Sensitive: true, Format: SSN, Example: "e.g. 123-45-6789"},
	{Name: "Birthday2__c", Label: "Date of birth", Section: Owner2, Kind: Date, Sensitive: true, Format: BirthDate, Example: "MM/DD/YYYY, e.g. 05/31/1970"},
	{Name: "Ownership2__c", Label: "Ownership %", Section: Owner2, Kind: Percent, Example: "e.g. 50"},
	{Name: "Street2__c", Label: "Home street", Section: Owner2, Kind: Text, Length: 255},
	{Name: "City2_2__c", Label: "Home city", Section: Owner2, Kind: Text, Length: 40},
	{Name: "State2_2__c", Label: "Home state", Section: Owner2, Kind: Text, Length: 2, Format: StateCode, Example: "e.g. TX"},
	{Name: "Zip2_2__c", Label: "Home ZIP", Section: Owner2, Kind: Text, Length: 10, Format: ZIP, Example: "e.g. 78736"},

	{Name: "Financing_Type__c", Label: "Financing type", Section: Financing, Kind: Picklist,
		Values: []string{"Equipment Financing", "Equipment Leasing", "Working Capital", "Line of Credit"}},
	{Name: "Amount_Requested__c", Label: "Amount requested", Section: Financing, Kind: Currency, Example: "e.g. 25,000"},
	{Name: "Year__c", Label: "Equipment year", Section: Financing, Kind: Text, Length: 4, Format: ModelYear, Example: "e.g. 2023"},
	{Name: "Make__c", Label: "Make", Section: Financing, Kind: Text, Length: 80},
	{Name: "Model__c", Label: "Model", Section: Financing, Kind: Text, Length: 80},
	{Name: "TBD__c", Label: "Equipment to be decided", Section: Financing, Kind: Text, Length: 255,
		Example: "e.g. a mini excavator, 3–5 tons; model not chosen yet"},
	{Name: "Time_Frame__c", Label: "Time frame", Section: Financing, Kind: Picklist,
		Values: []string{"ASAP", "Within 30 days", "30-60 days", "60-90 days", "90+ days"}},
	{Name: "Use_of_funds__c", Label: "Use of funds", Section: Financing, Kind: TextArea, Length: 255},

	// The dealer's ids are filled in from Settings; the examples are the guide's.
	{Name: "Dealer_ID__c", Label: "Dealer ID", Section: Dealer, Kind: Text, Length: 18, Example: "e.g. 0015Y00002aYV9NQAW, or set it in Settings"},
	{Name: "Account__c", Label: "Account", Section: Dealer, Kind: Ref, Length: 18, Example: "e.g. 0015Y00002aYV9NQAW, or set it in Settings"},
	{Name: "OwnerId", Label: "Lead owner", Section: Dealer, Kind: Ref, Length: 18, Example: "e.g. 0055Y00000EVoLvQAL, or set it in Settings"},
	{Name: "Lead_Type__c", Label: "Lead type", Section: Dealer, Kind: Picklist,
		Values: []string{"Vendor Lead", "Dealer Lead", "Direct"}},
	{Name: "Status", Label: "Status", Section: Dealer, Kind: Picklist, Restricted: true,
		Values: []string{"New", "Working", "Nurturing", "Qualified", "Unqualified"}},
	// Follow_Up__c: the guide's only example sends "1", a short text, not a date; an org whose
	// describe says otherwise wins (labels and picklists come from describe when signed in).
	{Name: "Follow_Up__c", Label: "Follow up", Section: Dealer, Kind: Text, Length: 10, Example: "e.g. 1; leave it empty unless Mazo asked for it"},
	{Name: "IsUnreadByOwner", Label: "Unread by owner", Section: Dealer, Kind: Boolean},

	{Name: "View_Terms__c", Label: "Terms accepted", Section: SetByApp, Kind: Text, Length: 255},
	{Name: "Date_and_Time__c", Label: "Submitted at", Section: SetByApp, Kind: Text, Length: 30},
	{Name: "WordPress_UniqueID__c", Label: "Submission id", Section: SetByApp, Kind: Text, Length: 64},
	{Name: "Owners__c", Label: "Number of owners", Section: SetByApp, Kind: Text, Length: 1},
	{Name: "Applicant_IP_Address__c", Label: "Applicant IP address", Section: SetByApp, Kind: Text, Length: 45},
}

// TermsAccepted is the exact value View_Terms__c carries when the person ticks the box.
const TermsAccepted = "I/we have read and agree to these terms"

// ByName returns the field called name (an API name) and whether it exists.
func ByName(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
