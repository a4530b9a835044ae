package gui

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/recordid"
)

// editPanel is the Edit lead tab: load a lead by id or link, change it, save only what changed.
type editPanel struct {
	u        *UI
	idEntry  *widget.Entry
	idErr    *widget.Label
	form     *leadForm
	heading  *widget.Label
	saveB    *widget.Button
	loadedID string
	loaded   lead.Values
	since    time.Time // the lead's LastModifiedDate when loaded
	conflict *dialog.ConfirmDialog
	choices  map[string]*widget.RadioGroup
	content  fyne.CanvasObject
}

func newEditPanel(u *UI) *editPanel {
	p := &editPanel{u: u, form: newLeadForm(u.opts.Now)}
	p.idEntry = widget.NewEntry()
	p.idEntry.SetPlaceHolder("Lead id (00Q…) or a Salesforce link")
	p.idEntry.OnSubmitted = func(string) { p.load() }
	p.idErr = widget.NewLabel("")
	p.idErr.Importance = widget.DangerImportance
	p.idErr.Hide()
	load := widget.NewButton("Load", p.load)
	p.heading = widget.NewLabel("Enter the id Mazo sent you, or paste the lead's Salesforce address, then press Enter.")
	p.heading.Wrapping = fyne.TextWrapWord
	p.saveB = widget.NewButton("Save changes", p.save)
	p.saveB.Importance = widget.HighImportance
	p.saveB.Disable()
	p.form.onChange = p.markEdits
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Lead"), load, p.idEntry), p.idErr, p.heading)
	p.content = container.NewBorder(top, container.NewHBox(p.saveB), nil, nil,
		p.form.view)
	return p
}

// dirty reports unsaved changes.
func (p *editPanel) dirty() bool {
	return p.loadedID != "" && len(lead.Changes(p.loaded, p.form.values())) > 0
}

// markEdits tags each changed field and enables Save only when something changed.
func (p *editPanel) markEdits() {
	if p.loadedID == "" {
		return
	}
	changes := lead.Changes(p.loaded, p.form.values())
	for name, in := range p.form.inputs {
		_, changed := changes[name]
		in.showEdited(changed)
	}
	p.u.scheduleDraft()
	if len(changes) > 0 {
		p.saveB.Enable()
	} else {
		p.saveB.Disable()
	}
}

// openWithChanges loads the lead and puts changes (from the outbox) on top, marked as edits.
func (p *editPanel) openWithChanges(id string, changes lead.Values) {
	p.u.show(tabEdit)
	p.idEntry.SetText(id)
	p.read(id, "Loading the lead…", func(rec sfclient.Record) {
		p.show(id, rec)
		typed := lead.Values{}
		for k, v := range p.loaded {
			typed[k] = v
		}
		for k, v := range changes {
			typed[k] = v
		}
		p.form.setValues(typed)
		p.markEdits()
	})
}

// open shows the Edit tab and loads id, asking first when edits would be lost.
func (p *editPanel) open(id string) {
	p.u.show(tabEdit)
	p.idEntry.SetText(id)
	p.load()
}

func (p *editPanel) load() {
	id, err := recordid.ParseLead(p.idEntry.Text)
	if err != nil {
		p.idErr.SetText(sfclient.Explain(err))
		p.idErr.Show()
		return
	}
	p.idErr.Hide()
	p.idEntry.SetText(id)
	if p.dirty() && id != p.loadedID {
		dialog.ShowConfirm("Unsaved changes", "Your changes to "+p.loadedID+" are not saved. Load the other lead and drop them?", func(ok bool) {
			if ok {
				p.fetch(id)
			}
		}, p.u.win)
		return
	}
	p.fetch(id)
}

func (p *editPanel) fetch(id string) {
	p.read(id, "Loading the lead…", func(rec sfclient.Record) { p.show(id, rec) })
}

// read loads the whole lead behind the progress dialog and hands it to then; errors are shown.
func (p *editPanel) read(id, what string, then func(sfclient.Record)) {
	var rec sfclient.Record
	p.u.call(what, func(ctx context.Context, c *sfclient.Client) error {
		var err error
		rec, err = c.GetLead(ctx, id, nil)
		return err
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		then(rec)
	})
}

func (p *editPanel) show(id string, rec sfclient.Record) {
	v := lead.Values{}
	for _, f := range lead.Fields {
		if s := lead.Display(f.Name, rec[f.Name]); s != "" {
			v[f.Name] = s
		}
	}
	p.since, _ = rec.LastModified()
	p.loadedID, p.loaded = id, v
	p.form.setValues(v)
	p.heading.SetText(joinNonEmpty(v["FirstName"], v["LastName"]) + " · " + v["Company"] + " · last changed " + p.since.Local().Format("01/02/2006 15:04"))
	p.markEdits()
}

// save sends only the changed fields, guarded by the LastModifiedDate seen at load.
func (p *editPanel) save() {
	if p.loadedID == "" || !p.dirty() {
		return
	}
	if !p.form.check() {
		return
	}
	p.send(lead.Changes(p.loaded, p.form.values()), p.since)
}

func (p *editPanel) send(changes map[string]any, since time.Time) {
	if !p.u.ready() {
		return
	}
	req := outbox.ChangeRequest{LeadID: p.loadedID, Changes: changes, Since: since}
	box, now := outbox.Open(p.u.profile.Vault), p.u.opts.Now()
	var kept outbox.Entry
	p.u.call("Saving…", func(ctx context.Context, c *sfclient.Client) error {
		var err error
		kept, err = box.Change(ctx, c, req, now)
		return err
	}, func(err error) {
		var api *sfclient.APIError
		switch {
		case kept.ID != "":
			p.loaded = p.form.values() // safe in the outbox: no longer unsaved here
			p.markEdits()
			p.u.outbox.reload()
			p.u.showError(&notice{"The change could not reach Salesforce (" + strings.TrimSuffix(kept.Reason, ".") +
				"). It is kept in the Outbox and is sent by itself as soon as Salesforce answers."})
		case errors.As(err, &api) && api.Status == http.StatusPreconditionFailed:
			p.showConflict(changes)
		case err != nil:
			p.form.markRefused(err)
			p.u.showError(err)
		default:
			p.u.rememberLead(p.loadedID, lead.Payload(p.form.values(), lead.Submission{}), true)
			p.u.dropDraft(drafts.Edit)
			p.saved()
		}
	})
}

func (p *editPanel) saved() {
	id := p.loadedID
	p.loaded = p.form.values() // so a reload failure does not count as unsaved
	p.fetch(id)
	p.u.toast("Saved")
}

// showConflict reads the lead again and shows, field by field, Salesforce's value beside the
// person's, letting them keep theirs or take the server's before saving again.
func (p *editPanel) showConflict(mine map[string]any) {
	p.read(p.loadedID, "Someone else changed this lead; reading their version…", func(rec sfclient.Record) {
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
		grid.Add(widget.NewLabel(f.Label))
		grid.Add(widget.NewLabel(orDash(server)))
		grid.Add(widget.NewLabel(orDash(yours)))
		grid.Add(choice)
	}
	intro := wrapped("Someone changed this lead in Salesforce after you opened it. For each field you edited, choose which value to keep; fields you did not edit keep their new values from Salesforce.")
	p.conflict = dialog.NewCustomConfirm("Changed by someone else", "Save my choices", "Cancel", container.NewVBox(intro, grid), func(ok bool) {
		if ok {
			p.resolve(rec, mine)
		}
	}, p.u.win)
	p.conflict.Resize(fyne.NewSize(760, 160+40*float32(len(names))))
	p.conflict.Show()
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
	if changes := lead.Changes(p.loaded, keep); len(changes) > 0 {
		p.send(changes, p.since)
	}
}

// confirmLeave warns when the person leaves the tab with unsaved changes; the edits stay.
func (p *editPanel) confirmLeave() {
	dialog.ShowConfirm("Unsaved changes", "The lead you were editing has unsaved changes. Go back and save them?", func(back bool) {
		if back {
			p.u.show(tabEdit)
		}
	}, p.u.win)
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// mask hides all but the last four characters of a sensitive value.
func mask(s string) string {
	if len(s) <= 4 {
		return orDash(s)
	}
	return "•••" + s[len(s)-4:]
}
