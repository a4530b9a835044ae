package sftest

import (
	"strings"

	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/recordid"
)

// This file is the table of objects the org's queries can read. Each object names its
// fields (with Salesforce's types, for filters and column metadata), its relationships and
// where its rows come from. Adding an object (ContentDocumentLink, say) is one more entry
// in objects: a field list and a rows function.

// fieldDef is one queryable field.
type fieldDef struct {
	name   string
	kind   string // Salesforce's type: id, string, picklist, double, currency, boolean, datetime, date, reference, …
	custom bool
	// relationship, for a reference field, is the name a path uses to reach the record it
	// points at (OwnerId → Owner), and target is that record's object.
	relationship, target string
	// writable is false for fields only Salesforce sets (Id, CreatedDate, …).
	writable bool
}

// object is one queryable sObject.
type object struct {
	name      string
	keyPrefix string
	fields    []fieldDef
	// rows returns the object's records, field names to values, in their natural order.
	// It is called with the org's lock held and must return copies.
	rows func(o *Org) []map[string]any
}

// field finds a field by name, case-insensitively, as SOQL does.
func (ob *object) field(name string) (fieldDef, bool) {
	for _, f := range ob.fields {
		if strings.EqualFold(f.name, name) {
			return f, true
		}
	}
	return fieldDef{}, false
}

// relationship finds the reference field whose relationship name is rel (Owner, CreatedBy).
func (ob *object) relationship(rel string) (fieldDef, bool) {
	for _, f := range ob.fields {
		if f.relationship != "" && strings.EqualFold(f.relationship, rel) {
			return f, true
		}
	}
	return fieldDef{}, false
}

// objects are the sObjects queries can name, by lower-case name.
var objects = map[string]*object{}

func register(ob *object) { objects[strings.ToLower(ob.name)] = ob }

func init() {
	register(&object{name: "Lead", keyPrefix: "00Q", fields: leadFields(), rows: (*Org).leadRows})
	register(&object{name: "LeadHistory", keyPrefix: "017", rows: (*Org).historyRows, fields: []fieldDef{
		{name: "Id", kind: "id"},
		{name: "LeadId", kind: "reference", relationship: "Lead", target: "Lead"},
		{name: "Field", kind: "picklist"},
		{name: "OldValue", kind: "anyType"},
		{name: "NewValue", kind: "anyType"},
		{name: "DataType", kind: "picklist"},
		{name: "CreatedDate", kind: "datetime"},
		{name: "CreatedById", kind: "reference", relationship: "CreatedBy", target: "User"},
		{name: "IsDeleted", kind: "boolean"},
	}})
	register(&object{name: "User", keyPrefix: "005", rows: (*Org).userRows, fields: []fieldDef{
		{name: "Id", kind: "id"},
		{name: "Username", kind: "string"},
		{name: "Name", kind: "string"},
		{name: "FirstName", kind: "string"},
		{name: "LastName", kind: "string"},
		{name: "Email", kind: "email"},
		{name: "IsActive", kind: "boolean"},
		{name: "UserType", kind: "picklist"},
		{name: "TimeZoneSidKey", kind: "picklist"},
		{name: "LanguageLocaleKey", kind: "picklist"},
		{name: "LocaleSidKey", kind: "picklist"},
		{name: "CompanyName", kind: "string"},
	}})
	register(&object{name: "Organization", keyPrefix: "00D", rows: (*Org).organizationRows, fields: []fieldDef{
		{name: "Id", kind: "id"},
		{name: "Name", kind: "string"},
		{name: "InstanceName", kind: "string"},
		{name: "IsSandbox", kind: "boolean"},
		{name: "TrialExpirationDate", kind: "datetime"},
		{name: "NamespacePrefix", kind: "string"},
		{name: "OrganizationType", kind: "picklist"},
		{name: "DefaultLocaleSidKey", kind: "picklist"},
		{name: "TimeZoneSidKey", kind: "picklist"},
	}})
}

// leadSystemFields are the Lead fields Salesforce maintains itself; the catalogue in
// sfclient/lead holds the ones a person writes.
var leadSystemFields = []fieldDef{
	{name: "Id", kind: "id"},
	{name: "Name", kind: "string"},
	{name: "CreatedDate", kind: "datetime"},
	{name: "CreatedById", kind: "reference", relationship: "CreatedBy", target: "User"},
	{name: "LastModifiedDate", kind: "datetime"},
	{name: "LastModifiedById", kind: "reference", relationship: "LastModifiedBy", target: "User"},
	{name: "IsConverted", kind: "boolean"},
	{name: "ConvertedDate", kind: "date"},
	{name: "ConvertedAccountId", kind: "reference"},
	{name: "ConvertedContactId", kind: "reference"},
	{name: "ConvertedOpportunityId", kind: "reference"},
}

func leadFields() []fieldDef {
	fields := append([]fieldDef(nil), leadSystemFields...)
	for _, f := range lead.Fields {
		d := fieldDef{name: f.Name, kind: string(f.Kind), custom: strings.HasSuffix(f.Name, "__c"), writable: true}
		if f.Name == "OwnerId" {
			d.relationship, d.target = "Owner", "User"
		}
		fields = append(fields, d)
	}
	return fields
}

// leadRows copies every lead with its computed Name, in creation order.
func (o *Org) leadRows() []map[string]any {
	rows := make([]map[string]any, 0, len(o.order))
	for _, id := range o.order {
		rows = append(rows, leadRow(o.leads[id]))
	}
	return rows
}

// leadRow is a copy of a stored lead with the fields Salesforce computes.
func leadRow(rec map[string]any) map[string]any {
	row := make(map[string]any, len(rec)+1)
	for k, v := range rec {
		row[k] = v
	}
	first, _ := rec["FirstName"].(string)
	last, _ := rec["LastName"].(string)
	row["Name"] = strings.TrimSpace(first + " " + last)
	return row
}

func (o *Org) historyRows() []map[string]any {
	rows := make([]map[string]any, 0, len(o.history))
	for _, h := range o.history {
		row := make(map[string]any, len(h))
		for k, v := range h {
			row[k] = v
		}
		rows = append(rows, row)
	}
	return rows
}

func (o *Org) userRows() []map[string]any {
	var rows []map[string]any
	for _, u := range orgUsers {
		first, last, _ := strings.Cut(u.name, " ")
		rows = append(rows, map[string]any{"Id": u.id, "Username": u.username, "Name": u.name, "FirstName": first,
			"LastName": last, "Email": u.username, "IsActive": true, "UserType": "Standard", "TimeZoneSidKey": "America/Chicago",
			"LanguageLocaleKey": "en_US", "LocaleSidKey": "en_US", "CompanyName": u.company})
	}
	return rows
}

func (o *Org) organizationRows() []map[string]any {
	return []map[string]any{{"Id": OrgID, "Name": OrgName, "InstanceName": "LOCAL", "IsSandbox": false,
		"TrialExpirationDate": nil, "NamespacePrefix": nil, "OrganizationType": "Enterprise Edition",
		"DefaultLocaleSidKey": "en_US", "TimeZoneSidKey": "America/Chicago"}}
}

// The org's users: the dealer's clerk who signs in, and Mazo's staff who work the leads.
const (
	OrgName         = "Mazo Capital Solutions (demo)"
	MazoUserName    = "Morgan Mazo"
	MazoUsername    = "morgan.mazo@mazocapital.example"
	OtherClerkName  = "Riley Other"
	otherClerkLogin = "riley.other@dealer.example"
)

// Ids of the other users: Mazo's credit analyst, and a clerk of another dealer.
var (
	MazoUserID   = recordid.To18("0055Y00000EVoM0")
	OtherClerkID = recordid.To18("0055Y00000EVoM5")
)

type orgUser struct{ id, username, name, company string }

var orgUsers = []orgUser{
	{UserID, Username, DisplayName, "Dealer"},
	{MazoUserID, MazoUsername, MazoUserName, "Mazo Capital Solutions"},
	{OtherClerkID, otherClerkLogin, OtherClerkName, "Another dealer"},
	{OtherUser.ID, OtherUser.Username, OtherUser.Name, "Dealer"},
}
