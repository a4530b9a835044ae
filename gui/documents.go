package gui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/outbox"
)

// leadDocuments is the Attachments card of Edit lead: what is attached to the loaded lead in
// Salesforce, newest first, and the files being added to it, sent with Upload.
type leadDocuments struct {
	p        *editPanel
	files    *attachmentList
	attached *fyne.Container
	heading  *widget.Label
	uploadB  *focusButton
	// pendingFor and pending are files handed over by New lead (an upload cancelled after its
	// lead was created), listed once that lead is loaded here.
	pendingFor string
	pending    []outbox.Document
	busy       bool // an Upload is under way
	// afterUpload runs once the upload under way has left no file on the list (leaving after
	// "Save" was chosen); nil means nothing runs.
	afterUpload func()
	content     fyne.CanvasObject
}

func newLeadDocuments(p *editPanel) *leadDocuments {
	d := &leadDocuments{p: p, files: newAttachmentList(p.u), attached: container.NewVBox()}
	d.heading = wrapped("")
	d.files.reveal = p.form.reveal // Add files… and the rows, when Tab reaches them
	d.uploadB = newFocusButton("Upload", d.upload)
	d.uploadB.Icon = theme.UploadIcon()
	d.uploadB.onFocus = d.files.follow(d.uploadB)
	d.uploadB.Importance = widget.HighImportance
	d.uploadB.Disable()
	d.files.onChange = func() {
		d.enableUpload()
		d.p.u.scheduleDraft() // the draft keeps the files listed
	}
	d.content = widget.NewCard("Attachments", "", container.NewVBox(wrapped(attachmentsHelp),
		d.heading, d.attached, widget.NewSeparator(),
		d.files.list, d.files.refusals, container.NewHBox(d.files.addB, d.uploadB)))
	return d
}

func (d *leadDocuments) enableUpload() {
	if d.p.loadedID != "" && len(d.files.rows) > 0 && !d.busy {
		d.uploadB.Enable()
	} else {
		d.uploadB.Disable()
	}
}

// loaded follows the lead shown: another lead drops the files added for the last one and
// lists its own documents (one request); the same lead, reloaded after a save, keeps both.
func (d *leadDocuments) loaded(id string, changed bool) {
	if changed {
		d.files.clear()
		d.list(id)
	}
	if d.pendingFor == id {
		for _, doc := range d.pending {
			d.files.addRow(doc.File, doc.Type)
		}
		d.pendingFor, d.pending = "", nil
	}
	d.enableUpload()
}

// clear shows no lead's documents.
func (d *leadDocuments) clear() {
	d.files.clear()
	d.attached.RemoveAll()
	d.heading.SetText("")
	d.enableUpload()
}

// list reads the lead's documents (off the UI goroutine) and shows them.
func (d *leadDocuments) list(id string) {
	c := d.p.u.currentClient()
	if c == nil {
		return
	}
	d.heading.SetText("Reading the lead's documents…")
	runThen(d.p.u.worker(), context.Background(), func(ctx context.Context) ([]sfclient.Document, error) {
		return c.ListFiles(ctx, id)
	}, func(docs []sfclient.Document, err error) {
		if id != d.p.loadedID {
			return // another lead was loaded meanwhile
		}
		d.show(docs, err)
	})
}

// show lists the attached documents, newest first.
func (d *leadDocuments) show(docs []sfclient.Document, err error) {
	d.attached.RemoveAll()
	switch {
	case err != nil:
		d.heading.SetText("The documents could not be listed: " + sfclient.Explain(err))
	case len(docs) == 0:
		d.heading.SetText("Nothing is attached to this lead yet.")
	default:
		d.heading.SetText("Attached in Salesforce (" + countDocuments(len(docs)) + ", newest first):")
	}
	for _, doc := range docs {
		title := widget.NewLabelWithStyle(doc.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		facts := []string{strings.ToUpper(orDash(doc.Extension)), attach.HumanSize(doc.Size)}
		if !doc.Created.IsZero() {
			facts = append(facts, doc.Created.Local().Format("01/02/2006 15:04"))
		}
		open := newFocusButton("Open in Salesforce", func() { d.p.u.openInBrowser(doc.URL) })
		open.Icon = theme.ComputerIcon()
		open.onFocus = d.files.follow(open)
		d.attached.Add(container.NewBorder(nil, nil, nil, container.NewCenter(open), container.NewVBox(title, widget.NewLabel(strings.Join(facts, " · ")))))
	}
	d.attached.Refresh()
}

// upload is the Upload button: uploadThen, with nothing after.
func (d *leadDocuments) upload() { d.uploadThen(nil) }

// uploadThen sends the listed files to the loaded lead, one at a time, so each file's Cancel
// stops that file only. What cannot be sent now waits in the Outbox with the lead. then (when
// not nil) runs once no file is left on the list: each was attached or waits in the Outbox.
func (d *leadDocuments) uploadThen(then func()) {
	if d.p.loadedID == "" || !d.p.u.ready() {
		return
	}
	docs, ok := d.files.documents()
	if !ok || len(docs) == 0 {
		return
	}
	if d.p.u.currentClient() == nil {
		d.p.u.signIn(func() { d.uploadThen(then) })
		return
	}
	d.busy = true
	d.uploadB.Disable()
	d.afterUpload = then
	d.uploadNext(d.p.loadedID, docs, nil)
}

// uploadNext sends docs[0], then the rest; said collects each outcome for the toast.
func (d *leadDocuments) uploadNext(id string, docs []outbox.Document, said []string) {
	if len(docs) == 0 || id != d.p.loadedID {
		d.finished(id, said)
		return
	}
	box := outbox.Open(d.p.u.currentProfile().Vault).OnProgress(d.files.reporter())
	req := outbox.AttachRequest{LeadID: id, Documents: docs[:1], KeepWhenSignedOut: true}
	now := d.p.u.now()
	rows := slices.DeleteFunc(slices.Clone(d.files.rows), func(r *attachmentRow) bool { return r.file.Path != docs[0].File.Path })
	if len(rows) == 0 { // removed while the files before it were sent
		d.uploadNext(id, docs[1:], said)
		return
	}
	d.files.send(rows, func(ctx context.Context, c *sfclient.Client) outbox.Result {
		return box.Attach(ctx, c, req, now)
	}, func(res outbox.Result) {
		if s := documentsOutcome(res, 1); s != "" && !errors.Is(res.Err, context.Canceled) {
			said = append(said, docs[0].File.Name+": "+s)
		}
		if res.Kept || errors.Is(res.Err, sfclient.ErrSignInRequired) {
			d.p.u.reloadOutbox()
		}
		d.uploadNext(id, docs[1:], said)
	})
}

// finished refreshes the list of attached documents, says what happened, and runs what was
// to follow the upload when no file is left on the list.
func (d *leadDocuments) finished(id string, said []string) {
	then := d.afterUpload
	d.busy, d.afterUpload = false, nil
	d.enableUpload()
	if id != d.p.loadedID {
		return
	}
	d.list(id)
	if len(said) > 0 {
		d.p.u.toast(strings.Join(said, " "))
	}
	if then != nil && len(d.files.rows) == 0 {
		then()
	}
}

// openWithFiles shows lead id in Edit lead with files already listed for Upload (New lead's
// documents that were not attached when the lead was created).
func (p *editPanel) openWithFiles(id string, files []outbox.Document) {
	p.u.ensure(tabEdit) // the tab may not have been shown yet
	p.docs.pendingFor, p.docs.pending = id, files
	if p.loadedID == id {
		p.u.show(tabEdit)
		p.docs.loaded(id, false)
		return
	}
	p.open(id)
}

// documentsLine is New lead's banner line about the lead's documents: how many were
// attached or wait in the Outbox, and what to do about those that were not.
func (p *newLeadPanel) documentsLine(res outbox.Result, asked int, leftover []outbox.Document) fyne.CanvasObject {
	line := documentsOutcome(res, asked)
	if len(leftover) > 0 {
		line += " Press Edit this lead to send " + pronoun(len(leftover)) + " again."
	}
	l := wrapped(strings.TrimSpace(line))
	l.Hidden = line == ""
	return l
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// withDocuments is " with its 2 documents" for a lead kept with files, else nothing.
func withDocuments(n int) string {
	if n == 0 {
		return ""
	}
	return " with its " + countDocuments(n)
}

// waitingFiles lists the documents an Outbox entry holds: name, size and state.
func waitingFiles(e outbox.Entry) fyne.CanvasObject {
	box := container.NewVBox()
	for _, f := range e.Files {
		state := "waiting"
		if f.Sending {
			state = "was being sent; Salesforce is checked for it before it is sent again"
		}
		box.Add(wrapped("• " + f.Title + " (" + f.Name + ", " + attach.HumanSize(f.Size) + ") — " + state))
	}
	box.Hidden = len(e.Files) == 0
	return box
}

// openFiles is the Open button of an entry with documents. Documents for an existing lead
// open that lead in Edit lead, the entry staying in the Outbox; a new lead with documents
// has nothing to open yet (the copies would be lost), so it is only retried or discarded.
func (p *outboxPanel) openFiles(e outbox.Entry) fyne.CanvasObject {
	if e.Action != outbox.Attach {
		return layout.NewSpacer()
	}
	return widget.NewButton("Open lead", func() { p.u.openInEdit(e.LeadID) })
}
