package gui

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/recordid"
)

// editHost is what Edit lead (with its History and Documents) asks of the window.
type editHost interface {
	callHost        // loading, saving and History run behind the progress dialog
	attachmentsHost // the Documents area's files
	formHost        // the form's window, clock and questions
	now() time.Time
	currentProfile() *sfclient.Profile
	ready() bool
	show(tab int)
	ensure(tab int)
	noteSlot(tab int) *fyne.Container
	showDialog(d dialog.Dialog, enter, esc func())
	toast(text string)
	noteError(sentence string)
	scheduleDraft()
	dropDraft(kind string)
	rememberLead(id string, fields map[string]any, edited bool)
	reloadOutbox()
	leadCache(c *sfclient.Client) *sfclient.LeadCache
	openInBrowser(raw string)
	typedKey(k *fyne.KeyEvent) // Enter and Esc for the topmost dialog
	signInOr(then, abandoned func())
}

var _ editHost = (*UI)(nil)

// editPanel is the Edit lead tab: load a lead by id or link, change it, save only what changed.
type editPanel struct {
	u        editHost
	idEntry  *widget.Entry
	idErr    *widget.Label
	form     *leadForm
	heading  *widget.Label
	saveB    *widget.Button
	barNote  *widget.Label // beside Save: a load that did not happen (editnote.go)
	loadedID string
	loaded   lead.Values
	since    time.Time // the lead's LastModifiedDate when loaded; zero when it could not be read
	sinceErr error     // why since is zero
	// afterSave runs once the save under way and the uploads after it succeed (leaving after
	// "Save" was chosen).
	afterSave func()
	leaving   dialog.Dialog // the Save / Discard / Stay question (editleave.go), while it is shown
	conflict  *dialog.ConfirmDialog
	choices   map[string]*dialogChoice // the conflict question's, by field
	docs      *leadDocuments           // the lead's attachments (documents.go)
	describe  *sfclient.Describe       // the org's, applied to the form once it is built
	content   fyne.CanvasObject
	historyB  *widget.Button // History, once a lead is loaded (history.go)
	// ownerID is the loaded lead's owner; ownerNames the owners' names the org has said, by
	// id (editowner.go).
	ownerID    string
	ownerNames map[string]string
	// readOnly says why the loaded lead cannot be changed (Mazo converted it); empty when it
	// can. locked are the inputs made read-only for it (converted.go).
	readOnly string
	locked   []fyne.Disableable
}

// build makes the tab's widgets, the first time it is shown (see UI.ensure).
func (p *editPanel) build() fyne.CanvasObject {
	u := p.u
	p.form = newLeadForm(u)
	p.idEntry = widget.NewEntry()
	p.idEntry.SetPlaceHolder("Lead id (00Q…) or a Salesforce link")
	p.idEntry.OnSubmitted = func(string) { p.load() }
	p.idErr = widget.NewLabel("")
	p.idErr.Importance = widget.DangerImportance
	p.idErr.Hide()
	load := widget.NewButton("Load", p.load)
	p.heading = widget.NewLabel(editIntro)
	p.heading.Wrapping = fyne.TextWrapWord
	p.saveB = widget.NewButton("Save changes", p.save)
	p.saveB.Importance = widget.HighImportance
	p.saveB.Disable()
	p.form.onChange = p.markEdits
	p.docs = newLeadDocuments(p)
	p.form.appendCard(p.docs.content)
	p.barNote = newBarNote()
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Lead"), load, p.idEntry), p.idErr, p.heading)
	bar := container.NewBorder(nil, nil, container.NewHBox(p.saveB, p.historyButton(), p.barNote), nil, u.noteSlot(tabEdit))
	// Objects in reading order, which is also the Tab order: the id box and Load, the form,
	// then Save changes and History.
	p.content = container.New(layout.NewBorderLayout(top, bar, nil, nil), top, p.form.view, bar)
	p.form.view.Hide() // no lead yet: nothing to type into, so nothing typed here is lost
	if p.describe != nil {
		p.applyDescribe(p.describe)
	}
	return p.content
}

// editIntro is the line above an empty Edit lead tab, whose form is hidden until a lead loads.
const editIntro = "No lead is loaded. Type or paste a lead id above (the 00Q… id Mazo sent you, or the lead's Salesforce address) and press Enter."

// dirty reports unsaved changes (none on a lead that can no longer be changed).
func (p *editPanel) dirty() bool {
	return p.form != nil && p.loadedID != "" && p.readOnly == "" && len(lead.Changes(p.loaded, p.form.values())) > 0
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
	p.showOwner()
	p.u.scheduleDraft()
	if len(changes) > 0 && p.barNote.Text == nothingToSave {
		p.barNote.Hide() // there is something to save now
	}
	if len(changes) > 0 && p.readOnly == "" {
		p.saveB.Enable()
	} else {
		p.saveB.Disable()
	}
}

// openWithChanges loads the lead and puts changes (from the outbox) on top, marked as edits,
// with the keyboard in the first changed field, ready to correct it.
func (p *editPanel) openWithChanges(id string, changes lead.Values) {
	p.u.show(tabEdit)
	p.idEntry.SetText(id)
	p.read(id, "Loading the lead…", func(err error) { p.loadFailed(id, err) }, func(rec sfclient.Record) {
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
		p.form.focusFirstOf(lead.Changes(p.loaded, p.form.values()))
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
		if !p.dirty() { // nothing unsaved: show no lead rather than another one under this id
			p.clear()
		}
		return
	}
	p.idErr.Hide()
	p.barNote.Hide()
	p.idEntry.SetText(id)
	if p.unsaved() && id != p.loadedID {
		p.askBeforeLoading(id)
		return
	}
	p.fetchToEdit(id)
}

// fetchToEdit loads id and puts the keyboard in its first field, ready for the edit.
func (p *editPanel) fetchToEdit(id string) {
	if p.u.currentClient() == nil { // a sign-in given up leaves the lead on screen as it was
		p.u.signInOr(func() { p.fetchToEdit(id) }, p.notLoaded)
		return
	}
	p.read(id, "Loading the lead…", func(err error) { p.loadFailed(id, err) }, func(rec sfclient.Record) {
		p.show(id, rec)
		p.form.focusFirst()
	})
}

// read loads the whole lead behind the progress dialog and hands it to then. An error goes
// to failed, which says it on the tab; with failed nil it is shown in a dialog.
func (p *editPanel) read(id, what string, failed func(error), then func(sfclient.Record)) {
	callThen(p.u, what, func(ctx context.Context, c *sfclient.Client) (sfclient.Record, error) {
		return c.GetLead(ctx, id, nil)
	}, func(rec sfclient.Record, err error) {
		switch {
		case err != nil && failed != nil:
			failed(err)
		case err != nil:
			p.u.showError(err)
		default:
			then(rec)
		}
	})
}

// loadFailed empties the tab, so no other lead's values stand under the id asked for, and says
// why under the id box, where the clerk typed it (one place: no dialog as well).
func (p *editPanel) loadFailed(id string, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	p.clear()
	p.idErr.SetText("Lead " + id + " was not loaded: " + sfclient.Explain(err))
	p.idErr.Show()
	p.u.noteError(p.idErr.Text)
	p.u.window().Canvas().Focus(p.idEntry)
}

// clear empties the tab: no lead loaded, nothing to save.
func (p *editPanel) clear() {
	if p.form == nil {
		return // never shown: nothing to empty
	}
	p.loadedID, p.loaded, p.since, p.sinceErr, p.ownerID = "", nil, time.Time{}, nil, ""
	p.form.setValues(nil)
	p.unlock()
	p.heading.SetText(editIntro)
	p.saveB.Disable()
	p.docs.clear()
	p.historyB.Disable()
	p.form.view.Hide()
}

// valuesOf is rec as the form shows it: only the form's fields (those the app sets itself are
// never "edited"), empty ones left out.
func (p *editPanel) valuesOf(rec sfclient.Record) lead.Values {
	v := lead.Values{}
	for _, f := range lead.Fields {
		if _, shown := p.form.inputs[f.Name]; !shown {
			continue
		}
		if s := lead.Display(f.Name, rec[f.Name]); s != "" {
			v[f.Name] = s
		}
	}
	return v
}

func (p *editPanel) show(id string, rec sfclient.Record) {
	v := p.valuesOf(rec)
	p.since, p.sinceErr = rec.LastModified()
	another := id != p.loadedID
	p.loadedID, p.loaded = id, v
	p.barNote.Hide()
	p.docs.loaded(id, another)
	p.form.view.Show()
	p.form.setValues(v)
	p.showConversion(rec)
	p.showHeading()
	p.readOwner(id, rec)
	p.markEdits()
	p.historyB.Enable()
}

// showHeading names the loaded lead and says when it last changed in Salesforce.
func (p *editPanel) showHeading() {
	changed := "last changed: unknown (Salesforce's time could not be read)"
	if !p.since.IsZero() {
		changed = "last changed " + p.since.Local().Format("01/02/2006 15:04")
	}
	p.heading.SetText(joinNonEmpty(p.loaded["FirstName"], p.loaded["LastName"]) + " · " + orDash(p.loaded["Company"]) + " · " + changed)
	if p.readOnly != "" {
		p.heading.SetText(p.heading.Text + "\n" + p.readOnly)
	}
}

// noLeadToSave is what Ctrl+S says on Edit lead before a lead is loaded.
const noLeadToSave = "There is no lead to save yet: type or paste a lead id above and press Enter."

// unguarded is the refusal to save a lead whose last-changed time could not be read: without
// it Salesforce cannot refuse a save over someone else's newer changes.
func unguarded(cause error) error {
	return &message{title: "Not saved", cause: cause, sentence: "Lead Desk could not read when this lead last changed in Salesforce, so saving now could overwrite someone else's newer changes; nothing was sent. Your edits stay here: load the lead again to retry, and tell support if this keeps happening."}
}

// nothingToSave is what Ctrl+S says in the action bar of a loaded lead with no change and
// no file waiting.
const nothingToSave = "Nothing to save: no field was changed and no file waits to be uploaded."

// save is Save changes and Ctrl+S: it sends only the changed fields, guarded by the
// LastModifiedDate seen at load, then uploads the files listed in Attachments; with no field
// changed it only uploads them. afterSave runs once all of it went through.
func (p *editPanel) save() {
	then := p.afterSave // kept only for a save that is sent
	p.afterSave = nil
	if p.loadedID == "" {
		p.idErr.SetText(noLeadToSave)
		p.idErr.Show()
		p.u.window().Canvas().Focus(p.idEntry)
		return
	}
	if p.waitingFiles() > 0 {
		if _, ok := p.docs.files.documents(); !ok {
			return // a file's type is missing: its row says so and has the keyboard
		}
	}
	if !p.dirty() {
		if p.waitingFiles() > 0 {
			p.docs.uploadThen(then)
			return
		}
		p.barNote.SetText(nothingToSave)
		p.barNote.Show()
		return
	}
	if !p.form.check() {
		return
	}
	if p.since.IsZero() {
		p.u.showError(unguarded(p.sinceErr))
		return
	}
	p.afterSave = then
	p.send(lead.Changes(p.loaded, p.form.values()), p.since)
}

func (p *editPanel) send(changes map[string]any, since time.Time) {
	if !p.u.ready() {
		return
	}
	req := outbox.ChangeRequest{LeadID: p.loadedID, Changes: changes, Since: since}
	box, now := outbox.Open(p.u.currentProfile().Vault), p.u.now()
	callThen(p.u, "Saving…", func(ctx context.Context, c *sfclient.Client) (outbox.Entry, error) {
		return box.Change(ctx, c, req, now)
	}, func(kept outbox.Entry, err error) {
		var api *sfclient.APIError
		then := p.afterSave
		p.afterSave = nil
		switch {
		case kept.ID != "":
			p.loaded = p.form.values() // safe in the outbox: no longer unsaved here
			p.markEdits()
			p.u.reloadOutbox()
			p.u.showError(&message{title: "Kept in the Outbox", sentence: "The change could not reach Salesforce (" + strings.TrimSuffix(kept.Reason, ".") +
				"). It is kept in the Outbox and is sent by itself as soon as Salesforce answers."})
		case errors.As(err, &api) && api.Status == http.StatusPreconditionFailed:
			p.showConflict(changes)
		case errors.Is(err, sfclient.ErrLeadConverted): // converted since it was loaded
			p.lock(sfclient.Explain(err))
			p.u.showError(err)
		case err != nil:
			p.form.markRefused(err)
			p.u.showError(err)
		default:
			p.u.rememberLead(p.loadedID, lead.Payload(p.form.values(), lead.Submission{}), true)
			p.u.dropDraft(drafts.Edit)
			p.saved(then)
		}
	})
}

// saved reads the lead back (its new LastModifiedDate guards the next save), then uploads the
// files waiting, then runs then (when not nil), in that order: a lead loaded by then is never
// replaced by the reading back of this one.
func (p *editPanel) saved(then func()) {
	id := p.loadedID
	p.loaded = p.form.values() // so a reload failure does not count as unsaved
	p.read(id, "Loading the lead…", func(err error) { p.loadFailed(id, err) }, func(rec sfclient.Record) {
		p.show(id, rec)
		switch {
		case p.waitingFiles() > 0:
			p.docs.uploadThen(then)
		case then != nil:
			then()
		}
	})
	p.u.toast("Saved") // once the reading back is under way, which would take it away
}

// applyDescribe takes the org's labels and picklists, and shows the fields the org does not
// let this user change as read-only.
func (p *editPanel) applyDescribe(d *sfclient.Describe) {
	p.describe = d
	if p.form == nil {
		return // applied when the tab is built
	}
	p.form.applyDescribe(d)
	for name, in := range p.form.inputs {
		df, ok := d.Field(name)
		w, canDisable := in.focusable().(fyne.Disableable)
		if !ok || !canDisable {
			continue
		}
		if df.Updateable {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if p.readOnly != "" {
		p.lock(p.readOnly)
	}
}

// draft is the unsaved edit with the files listed for Upload, or nil when there is neither.
func (p *editPanel) draft(now time.Time) *drafts.Draft {
	if p.form == nil || p.loadedID == "" {
		return nil // the tab is not built yet, or no lead is loaded
	}
	files := p.docs.files.files()
	if !p.dirty() && len(files) == 0 {
		return nil
	}
	return &drafts.Draft{Values: p.form.values(), LeadID: p.loadedID, Loaded: p.loaded, Since: p.since, Files: files, Saved: now}
}

// restoreDraft brings back an edit left unsaved when the window last closed.
func (p *editPanel) restoreDraft(d drafts.Draft) {
	p.u.ensure(tabEdit)
	p.loadedID, p.loaded, p.since, p.sinceErr = d.LeadID, d.Loaded, d.Since, nil
	if d.Since.IsZero() {
		p.sinceErr = sfclient.ErrNoDateTime
	}
	p.idEntry.SetText(d.LeadID)
	p.form.view.Show()
	p.form.setValues(d.Values)
	p.showHeading()
	p.markEdits()
	p.historyB.Enable()
	p.readOwner(d.LeadID, sfclient.Record{"OwnerId": d.Loaded["OwnerId"]})
	p.docs.loaded(d.LeadID, true) // what is attached already, as after a load
	p.docs.files.restore(d.Files)
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
