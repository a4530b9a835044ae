package gui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// showConflict reads the lead again and shows, field by field, Salesforce's value beside the
// person's, letting them keep theirs or take the server's before saving again.
func (p *editPanel) showConflict(mine map[string]any) {
	p.read(p.loadedID, "Someone else changed this lead; reading their version…", nil, func(rec sfclient.Record) {
		p.conflictDialog(rec, mine)
	})
}

func (p *editPanel) conflictDialog(rec sfclient.Record, mine map[string]any) {
	typed := p.form.values()
	names := make([]string, 0, len(mine))
	for n := range mine {
		names = append(names, n)
	}
	sort.Strings(names)
	grid := container.NewGridWithColumns(4, bold("Field"), bold("In Salesforce now"), bold("Yours"), bold("Keep"))
	p.choices = map[string]*widget.RadioGroup{}
	for _, n := range names {
		f, _ := lead.ByName(n)
		server, yours := lead.Display(n, rec[n]), typed[n]
		if f.Sensitive {
			server, yours = mask(server), mask(yours)
		}
		choice := widget.NewRadioGroup([]string{"Yours", "Theirs"}, nil)
		choice.Horizontal = true
		choice.SetSelected("Yours")
		p.choices[n] = choice
		for _, cell := range []fyne.CanvasObject{widget.NewLabel(f.Label), widget.NewLabel(orDash(server)), widget.NewLabel(orDash(yours)), choice} {
			grid.Add(container.NewPadded(cell)) // air between the columns
		}
	}
	intro := wrapped("Someone changed this lead in Salesforce after you opened it. For each field you edited, choose which value to keep; fields you did not edit keep their new values from Salesforce.")
	p.conflict = dialog.NewCustomConfirm("Changed by someone else", "Save my choices", "Cancel", container.NewVBox(intro, grid), func(ok bool) {
		if ok {
			p.resolve(rec, mine)
		}
	}, p.u.window())
	p.conflict.Resize(fyne.NewSize(760, 160+48*float32(len(names))))
	p.u.showDialog(p.conflict, p.conflict.Confirm, nil) // Enter saves the choices
}

// resolve adopts the server's version, re-applies the edits the person keeps, and saves them
// against the server's new LastModifiedDate.
func (p *editPanel) resolve(rec sfclient.Record, mine map[string]any) {
	typed := p.form.values()
	p.show(p.loadedID, rec)
	keep := lead.Values{}
	for k, v := range p.loaded {
		keep[k] = v
	}
	for n, choice := range p.choices {
		if choice.Selected == "Yours" {
			keep[n] = typed[n]
		}
	}
	p.form.setValues(keep)
	p.markEdits()
	p.focusFirstOf(mine)
	if changes := lead.Changes(p.loaded, keep); len(changes) > 0 {
		p.send(changes, p.since)
		return
	}
	p.u.toast("Kept Salesforce's values") // nothing of yours left to send
}
