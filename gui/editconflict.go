package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// showConflict reads the lead again. Fields only the person changed are saved as typed and
// fields only Salesforce changed keep Salesforce's value, without a question; fields both
// changed are shown, Salesforce's value beside the person's, to keep either before saving.
func (p *editPanel) showConflict(mine map[string]any) {
	p.read(p.loadedID, "Someone else changed this lead; reading their version…", nil, func(rec sfclient.Record) {
		both := lead.Conflicts(p.loaded, p.valuesOf(rec), p.form.values())
		p.choices = map[string]*dialogChoice{}
		if len(both) == 0 {
			p.resolve(rec, mine)
			return
		}
		p.conflictDialog(rec, mine, both)
	})
}

// conflictDialog asks, for each field in both, which value to keep. Enter (also while a
// choice has the keyboard) is "Save my choices"; Esc cancels, leaving the edits unsaved.
func (p *editPanel) conflictDialog(rec sfclient.Record, mine map[string]any, both []string) {
	typed := p.form.values()
	grid := container.NewGridWithColumns(4, bold("Field"), bold("In Salesforce now"), bold("Yours"), bold("Keep"))
	for _, n := range both {
		f, _ := lead.ByName(n)
		server, yours := lead.Display(n, rec[n]), typed[n]
		if f.Sensitive {
			server, yours = mask(server), mask(yours)
		}
		choice := newDialogChoice([]string{"Yours", "Theirs"}, "Yours", p.u.typedKey)
		p.choices[n] = choice
		for _, cell := range []fyne.CanvasObject{widget.NewLabel(f.Label), widget.NewLabel(orDash(server)), widget.NewLabel(orDash(yours)), choice} {
			grid.Add(container.NewPadded(cell)) // air between the columns
		}
	}
	intro := wrapped("Someone changed these fields in Salesforce after you opened the lead, and you changed them too. For each, choose which value to keep; your other edits are saved and Salesforce's other changes are kept.")
	p.conflict = dialog.NewCustomConfirm("Changed by someone else", "Save my choices", "Cancel", container.NewVBox(intro, grid), func(ok bool) {
		if ok {
			p.resolve(rec, mine)
		}
	}, p.u.window())
	p.conflict.Resize(fyne.NewSize(760, 160+48*float32(len(both))))
	p.u.showDialog(p.conflict, p.conflict.Confirm, nil) // Enter saves the choices
}

// resolve adopts the server's version, re-applies the person's edits (but those where they
// chose Salesforce's value), and saves them against the server's new LastModifiedDate.
func (p *editPanel) resolve(rec sfclient.Record, mine map[string]any) {
	typed := p.form.values()
	p.show(p.loadedID, rec)
	keep := lead.Values{}
	for k, v := range p.loaded {
		keep[k] = v
	}
	for n := range mine {
		if choice, asked := p.choices[n]; !asked || choice.Selected == "Yours" {
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
