package gui

import (
	"context"

	"leaddesk/sfclient"
)

// The Lead owner box of Edit lead holds the owner's id, which is what Salesforce keeps and what
// a change sends; the owner's name, which a clerk knows, is shown under it once the org has
// said it (one query per owner, remembered for the session's next leads).

// ownerLine is what the line under the Lead owner box says for an owner's name.
func ownerLine(name string) string { return "Owner: " + name }

// readOwner notes the owner of lead id as rec has it and, unless known already, asks the org
// for the owner's name off the UI goroutine. Without the name the box shows the id alone.
func (p *editPanel) readOwner(id string, rec sfclient.Record) {
	p.ownerID, _ = rec["OwnerId"].(string)
	p.showOwner()
	ownerID, c := p.ownerID, p.u.currentClient()
	if _, known := p.ownerNames[ownerID]; known || ownerID == "" || c == nil {
		return
	}
	runThen(p.u.worker(), context.Background(), func(ctx context.Context) (string, error) {
		return c.LeadOwnerName(ctx, id)
	}, func(name string, err error) {
		if err != nil {
			return // the id stays, as Salesforce keeps it; nothing else needs the name
		}
		if p.ownerNames == nil {
			p.ownerNames = map[string]string{}
		}
		p.ownerNames[ownerID] = name
		if p.loadedID == id {
			p.showOwner()
		}
	})
}

// showOwner puts the owner's name under the Lead owner box while the box holds that owner's
// id and shows no problem or "Edited" mark, which win.
func (p *editPanel) showOwner() {
	in := p.form.inputs["OwnerId"]
	if in == nil {
		return
	}
	name := p.ownerNames[p.ownerID]
	showing := in.problem.Visible() && in.problem.Text == ownerLine(name)
	switch {
	case name == "" || in.text() != p.ownerID:
		if showing {
			in.showProblem("")
		}
	case !in.problem.Visible():
		in.showHint(ownerLine(name))
	}
}
