package sftest

import (
	"context"
	"time"
)

// DemoStatusStep is how often the demo's moving lead takes its next status when Play is
// given zero.
const DemoStatusStep = 45 * time.Second

// demoLeads are the dealer's leads a demo org starts with, oldest first.
var demoLeads = []map[string]any{
	{"FirstName": "Maria", "LastName": "Alvarez", "Company": "Alvarez Landscaping LLC", "Status": "Qualified", "Amount_Requested__c": 48500.0,
		"Year__c": "2022", "Make__c": "Bobcat", "Model__c": "T66", "Email": "maria@alvarezlandscaping.example", "Phone": "512-555-0142"},
	{"FirstName": "Dwayne", "LastName": "Carter", "Company": "Carter Excavation Inc", "Status": "Working", "Amount_Requested__c": 185000.0,
		"Year__c": "2021", "Make__c": "Caterpillar", "Model__c": "320", "Email": "dcarter@carterexcavation.example", "Phone": "737-555-0199"},
	{"FirstName": "Priya", "LastName": "Natarajan", "Company": "Hill Country Paving", "Status": "Nurturing", "Amount_Requested__c": 92000.0,
		"Year__c": "2019", "Make__c": "Volvo", "Model__c": "DD25B", "Email": "priya@hcpaving.example", "Phone": "830-555-0117"},
	{"FirstName": "Tom", "LastName": "Becker", "Company": "Becker Farms", "Status": "Unqualified", "Amount_Requested__c": 310000.0,
		"Year__c": "2023", "Make__c": "John Deere", "Model__c": "8R 410", "Email": "tom@beckerfarms.example", "Phone": "254-555-0160"},
}

// demoMover is the lead that moves through statuses while a demo runs.
var demoMover = map[string]any{"FirstName": "Jimmy", "LastName": "Jimjo", "Company": "Jimjo Jimmy Jo", "Status": "New",
	"Amount_Requested__c": 65000.0, "Year__c": "2020", "Make__c": "Kubota", "Model__c": "KX080", "Email": "jimmy@jimjo.example", "Phone": "013-345-6789"}

// SeedDemo stores the demo dealer's leads, a day or more old, one of them converted, and
// returns the id of the lead Play moves, created now. It sets the clock back to date the
// leads, then forward to now again. An org that holds leads already (a demo kept from an
// earlier run) is left as it is, and moving is "".
func (o *Org) SeedDemo(dealerID string) (moving string) {
	if len(o.LeadIDs()) > 0 {
		return ""
	}
	o.Advance(-time.Duration(len(demoLeads)) * 26 * time.Hour)
	for i, fields := range demoLeads {
		f := map[string]any{"Dealer_ID__c": dealerID, "Lead_Type__c": "Vendor Lead"}
		for k, v := range fields {
			f[k] = v
		}
		id := o.AddLead(f, []string{UserID, MazoUserID}[i%2])
		if i == 0 {
			o.ConvertLead(id)
		}
		o.Advance(26 * time.Hour)
	}
	f := map[string]any{"Dealer_ID__c": dealerID, "Lead_Type__c": "Vendor Lead"}
	for k, v := range demoMover {
		f[k] = v
	}
	return o.AddLead(f, UserID)
}

// Play moves a lead through Mazo's statuses, New → Working → Qualified and then converted,
// one step every step (zero means DemoStatusStep), so a demo shows status changes arriving.
// It returns when the lead is converted or ctx ends, and at once when id is "".
func (o *Org) Play(ctx context.Context, id string, step time.Duration) {
	if id == "" {
		return
	}
	if step <= 0 {
		step = DemoStatusStep
	}
	t := time.NewTicker(step)
	defer t.Stop()
	for _, status := range []string{"Working", "Qualified", ""} {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if status == "" {
			o.ConvertLead(id)
			return
		}
		o.SetStatusByMazo(id, status)
	}
}
