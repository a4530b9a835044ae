package gui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/outbox"
)

// attachmentsHost is what an attachment list asks of the window.
type attachmentsHost interface {
	worker() *worker
	window() fyne.Window
	currentClient() *sfclient.Client
	showError(err error)
	showDialog(d dialog.Dialog, enter, esc func()) // Add a file, and Fyne's file dialog
	sessionEnded(err error, retry func())
}

var _ attachmentsHost = (*UI)(nil)

// attachmentList is the Attachments area of New lead and Edit lead: the files chosen for a
// lead, each with its document type, Remove, and while it uploads a progress bar with
// Cancel. Files are checked (kind, size, content) as they are added; a refused file is said
// in one sentence and not listed.
type attachmentList struct {
	u        attachmentsHost
	rows     []*attachmentRow
	list     *fyne.Container
	refusals *widget.Label // why the last files added were not listed
	addB     *focusButton
	// onChange runs after rows are added or removed (Edit lead enables Upload).
	onChange func()
	// reveal scrolls the form the list sits in so that a widget of the list which got the
	// keyboard is in view. Nil means nothing scrolls.
	reveal func(fyne.CanvasObject)
}

// attachmentRow is one file waiting to be attached.
type attachmentRow struct {
	file    attach.File
	docType *picklist
	status  *widget.Label // cancelled, refused, or why the type is needed
	bar     *widget.ProgressBar
	cancelB *widget.Button
	removeB *focusButton
	view    fyne.CanvasObject
	cancel  context.CancelFunc // set while the file is being sent
}

// attachmentsHelp is the line under the area's title.
var attachmentsHelp = "Driver's licence, bank statements, the equipment quote… " + kindsList() +
	", up to " + attach.HumanSize(attach.MaxSize) + " each. Add them here or drop them on the window."

func kindsList() string {
	var names []string
	for _, k := range attach.Kinds {
		names = append(names, strings.ToUpper(strings.TrimPrefix(k.Extensions[0], ".")))
	}
	return strings.Join(names, ", ")
}

func newAttachmentList(u attachmentsHost) *attachmentList {
	a := &attachmentList{u: u, list: container.NewVBox()}
	a.refusals = wrapped("")
	a.refusals.Importance = widget.DangerImportance
	a.refusals.Hide()
	a.addB = newFocusButton("Add files…", a.choose)
	a.addB.Icon = theme.FileIcon()
	a.addB.onFocus = a.follow(a.addB)
	return a
}

// follow is what o runs when the keyboard reaches it: o is brought into view.
func (a *attachmentList) follow(o fyne.CanvasObject) func() {
	return func() {
		if a.reveal != nil {
			a.reveal(o)
		}
	}
}

// appendCard adds a card below the form's sections, inside its scroll and last in its Tab
// order. It is called while the form is built, before it is first laid out, so it lays out
// nothing itself.
func (f *leadForm) appendCard(card fyne.CanvasObject) {
	box := f.content.(*fyne.Container)
	box.Objects = append(box.Objects, card)
}

// checkedFile is one file as add found it: ready, or refused with a sentence.
type checkedFile struct {
	file    attach.File
	refusal string
	missing bool // refused because there is no file at that place (attach.ErrNotFound)
}

// add checks the files (off the UI goroutine: it reads their first bytes) and lists those
// that may be attached. Each refused one gets one sentence under the list; a file already
// listed is not listed twice.
func (a *attachmentList) add(uris []fyne.URI) {
	a.check(uris, func(checked []checkedFile) { a.listChecked(checked) })
}

// listChecked lists the files checked that may be attached, says under the list why any
// other was not listed, and returns the rows added.
func (a *attachmentList) listChecked(checked []checkedFile) []*attachmentRow {
	var refused []string
	var added []*attachmentRow
	for _, c := range checked {
		if r, refusal := a.accept(c); refusal != "" {
			refused = append(refused, refusal)
		} else {
			added = append(added, r)
		}
	}
	a.refusals.SetText(strings.Join(refused, "\n"))
	a.refusals.Hidden = len(refused) == 0
	a.refusals.Refresh()
	a.changed()
	return added
}

// typeNext puts the keyboard in the Type box of row (a file just added with Add files…),
// brought into view, so that the type typed next is the file's.
func (a *attachmentList) typeNext(r *attachmentRow) {
	a.u.window().Canvas().Focus(r.docType)
	a.follow(r.docType)()
}

// check reads the files off the UI goroutine (the kind and size checks of sfclient/attach) and
// hands them back to then, in the same order, each ready or refused with a sentence.
func (a *attachmentList) check(uris []fyne.URI, then func([]checkedFile)) {
	runThen(a.u.worker(), context.Background(), func(context.Context) ([]checkedFile, error) {
		var out []checkedFile
		for _, uri := range uris {
			if uri.Scheme() != "file" {
				out = append(out, checkedFile{refusal: uri.Name() + " is not a file on this computer; save it to a folder first, then add it."})
				continue
			}
			f, err := attach.CheckFile(uri.Path())
			if err != nil {
				out = append(out, checkedFile{refusal: sfclient.Explain(err), missing: errors.Is(err, attach.ErrNotFound)})
				continue
			}
			out = append(out, checkedFile{file: f})
		}
		return out, nil
	}, func(checked []checkedFile, _ error) { then(checked) })
}

// accept lists a checked file under the type its name clearly says (attach.GuessType), else
// Other, or says in one sentence why it is not listed (refused by the checks, or listed
// already). Callers run changed once they are done.
func (a *attachmentList) accept(c checkedFile) (row *attachmentRow, refusal string) {
	switch {
	case c.refusal != "":
		return nil, c.refusal
	case a.listed(c.file.Path):
		return nil, c.file.Name + " is already in the list."
	}
	t, ok := attach.GuessType(c.file.Name)
	if !ok {
		t = attach.Other
	}
	return a.addRow(c.file, t), ""
}

func (a *attachmentList) listed(path string) bool {
	return slices.ContainsFunc(a.rows, func(r *attachmentRow) bool { return r.file.Path == path })
}

// typeNames are the document types as the picker lists them.
func typeNames() []string {
	names := make([]string, len(attach.Types))
	for i, t := range attach.Types {
		names[i] = string(t)
	}
	return names
}

// typeBoxWidth is the width of a file's Type box, the same in every row: the widest document
// type shows in it in full, with the ▾ beside it. A picklist, like any Fyne box, is otherwise
// as narrow as a few letters ("Othe"), whatever it holds.
func typeBoxWidth(c fyne.Canvas) float32 {
	probe := newPicklist(c, nil)
	probe.Scroll = fyne.ScrollNone // as wide as its text, to measure it
	width := float32(0)
	for _, name := range typeNames() {
		probe.SetText(name)
		width = max(width, probe.MinSize().Width)
	}
	return width
}

// addRow lists a checked file under the document type t and returns its row.
func (a *attachmentList) addRow(f attach.File, t attach.DocType) *attachmentRow {
	r := &attachmentRow{file: f, docType: newPicklist(a.u.window().Canvas(), typeNames())}
	r.docType.SetText(string(t))
	r.docType.onLeave = a.changed // the draft keeps the type chosen
	r.status = wrapped("")
	r.status.Hide()
	r.bar = widget.NewProgressBar()
	r.cancelB = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if r.cancel != nil {
			r.cancel()
		}
	})
	r.removeB = newFocusButton("Remove", func() { a.remove(r) })
	r.removeB.Icon = theme.DeleteIcon()
	r.docType.onFocus = a.follow(r.docType)
	r.removeB.onFocus = a.follow(r.removeB)
	r.bar.Hide()
	r.cancelB.Hide()
	name := widget.NewLabel(f.Name + " · " + attach.HumanSize(f.Size))
	name.Truncation = fyne.TextTruncateEllipsis
	typeBox := container.NewGridWrap(fyne.NewSize(typeBoxWidth(a.u.window().Canvas()), r.docType.MinSize().Height), r.docType)
	line := container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Type"), typeBox, r.cancelB, r.removeB), name)
	r.view = container.NewVBox(line, r.bar, r.status)
	a.rows = append(a.rows, r)
	a.list.Add(r.view)
	return r
}

// remove takes a file off the list (it was never sent, or it has been attached).
func (a *attachmentList) remove(r *attachmentRow) {
	a.rows = slices.DeleteFunc(a.rows, func(x *attachmentRow) bool { return x == r })
	a.list.Remove(r.view)
	a.changed()
}

// clear empties the list and its sentences.
func (a *attachmentList) clear() {
	a.rows = nil
	a.list.RemoveAll()
	a.refusals.Hide()
	a.changed()
}

// files is the list as a draft keeps it: each file's place, chosen type and size.
func (a *attachmentList) files() []drafts.File {
	var out []drafts.File
	for _, r := range a.rows {
		out = append(out, drafts.File{Path: r.file.Path, Type: r.chosenType(), Size: r.file.Size})
	}
	return out
}

// restore lists again the files a draft kept, each checked again (off the UI goroutine) as
// add checks it; a file gone or changed since is said in one sentence instead.
func (a *attachmentList) restore(files []drafts.File) {
	if len(files) == 0 {
		return
	}
	runThen(a.u.worker(), context.Background(), func(context.Context) ([]restoredFile, error) {
		return recheck(files), nil
	}, func(restored []restoredFile, _ error) { a.listRestored(restored) })
}

func (a *attachmentList) changed() {
	if a.onChange != nil {
		a.onChange()
	}
}

// documents is the listed files with their chosen types, or false when a type is not one
// of the list (that row says so and has the keyboard).
func (a *attachmentList) documents() ([]outbox.Document, bool) {
	var docs []outbox.Document
	for _, r := range a.rows {
		r.docType.settle()
		t := attach.DocType(r.docType.Text)
		if !slices.Contains(attach.Types, t) {
			r.say("Choose what this document is: type its first letters, or step through the list with ↑ ↓.", widget.DangerImportance)
			if c := a.u.window().Canvas(); c != nil {
				c.Focus(r.docType)
			}
			return nil, false
		}
		docs = append(docs, outbox.Document{File: r.file, Type: t})
	}
	return docs, true
}

// say shows a sentence under the row (empty hides it).
func (r *attachmentRow) say(text string, importance widget.Importance) {
	r.status.Importance = importance
	r.status.SetText(text)
	r.status.Hidden = text == ""
	r.status.Refresh()
}

// sending shows the row's progress bar and Cancel; cancel stops its upload.
func (r *attachmentRow) sending(cancel context.CancelFunc) {
	r.cancel = cancel
	r.say("", widget.MediumImportance)
	r.bar.SetValue(0)
	r.bar.Show()
	r.cancelB.Show()
	r.removeB.Hide()
	r.docType.Disable()
}

// stopped puts the row back as a file that can be sent again or removed.
func (r *attachmentRow) stopped() {
	r.cancel = nil
	r.bar.Hide()
	r.cancelB.Hide()
	r.removeB.Show()
	r.docType.Enable()
}

// title is the row's title in Salesforce, as the outbox names it.
func (r *attachmentRow) title() string {
	return attach.Title(attach.DocType(r.docType.Text), r.file.Name)
}

// rowFor finds the row of a file the outbox is sending.
func (a *attachmentList) rowFor(w outbox.WaitingFile) *attachmentRow {
	for _, r := range a.rows {
		if r.cancel != nil && r.file.Size == w.Size && r.title() == w.Title {
			return r
		}
	}
	return nil
}

// reporter is the outbox's progress callback for this list. It runs on the sending
// goroutine and passes a file's progress to the UI goroutine only when its whole percent
// changes, so a 25 MB file does not queue hundreds of redraws.
func (a *attachmentList) reporter() func(outbox.WaitingFile, int64, int64) {
	last := map[string]int64{} // used by the one sending goroutine only
	return func(w outbox.WaitingFile, sent, total int64) {
		if total <= 0 {
			return
		}
		pct := sent * 100 / total
		if seen, ok := last[w.ID]; ok && seen == pct {
			return
		}
		last[w.ID] = pct
		a.u.worker().post(func() {
			if r := a.rowFor(w); r != nil {
				r.bar.SetValue(float64(pct) / 100)
			}
		})
	}
}

// send runs action — an outbox send carrying the files of rows — with each of those rows
// showing its progress and a Cancel that stops the send, instead of the window's modal
// progress dialog; then the rows are settled and done gets the result. Callers ask for the
// sign-in first; a session lost since then ends here with sfclient.ErrNotSignedIn.
func (a *attachmentList) send(rows []*attachmentRow, action func(context.Context, *sfclient.Client) outbox.Result, done func(outbox.Result)) {
	if a.u.currentClient() == nil {
		res := outbox.Result{Err: sfclient.ErrNotSignedIn}
		a.settle(rows, res)
		done(res)
		return
	}
	c := a.u.currentClient()
	ctx, cancel := context.WithCancel(context.Background())
	for _, r := range rows {
		r.sending(cancel)
	}
	a.addB.Disable()
	runThen(a.u.worker(), ctx, func(ctx context.Context) (outbox.Result, error) {
		return action(ctx, c), nil
	}, func(res outbox.Result, _ error) {
		cancel()
		a.addB.Enable()
		a.settle(rows, res)
		if errors.Is(res.Err, sfclient.ErrSignInRequired) {
			a.u.sessionEnded(res.Err, nil)
		}
		done(res)
	})
}

// settle updates rows after a send: attached files and files now waiting in the Outbox
// leave the list; a cancelled or refused file stays, saying so, to be sent again.
func (a *attachmentList) settle(rows []*attachmentRow, res outbox.Result) {
	attached := map[string]int{}
	for _, up := range res.Uploaded {
		attached[up.Title]++
	}
	for _, r := range rows {
		r.stopped()
		switch {
		case attached[r.title()] > 0:
			attached[r.title()]--
			a.remove(r)
		case res.Kept:
			a.remove(r) // it waits, encrypted, in the Outbox
		case errors.Is(res.Err, context.Canceled):
			r.say("Upload cancelled; the file was not attached. It stays here to send again.", widget.WarningImportance)
		case res.Err != nil:
			r.say(sfclient.Explain(res.Err), widget.DangerImportance)
		}
	}
}

// documentsOutcome says in one sentence what happened to a lead's documents.
func documentsOutcome(res outbox.Result, asked int) string {
	n := len(res.Uploaded)
	var parts []string
	if n > 0 {
		parts = append(parts, countDocuments(n)+" attached")
	}
	switch rest := asked - n; {
	case rest == 0:
	case res.Kept:
		parts = append(parts, countDocuments(rest)+" waiting in the Outbox ("+strings.TrimSuffix(res.Entry.Reason, ".")+"), sent as soon as Salesforce answers")
	case errors.Is(res.Err, context.Canceled):
		parts = append(parts, countDocuments(rest)+" not attached (upload cancelled)")
	case res.Err != nil:
		parts = append(parts, countDocuments(rest)+" not attached: "+strings.TrimSuffix(sfclient.Explain(res.Err), "."))
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

func countDocuments(n int) string {
	if n == 1 {
		return "1 document"
	}
	return fmt.Sprintf("%d documents", n)
}

// dropped is the window's drop target: files dropped anywhere on the window go to the
// Attachments of the tab shown, New lead or Edit lead with a lead loaded (the panel's
// acceptDroppedFiles); elsewhere a sentence says where to drop them.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	if taker, ok := u.panelOf(u.tabs.Selected()).(fileTaker); ok && taker.acceptDroppedFiles(uris) {
		return
	}
	u.showError(&message{title: "Not attached", sentence: "Files dropped here are not attached to anything: drop them on New lead, or on a lead loaded in Edit lead."})
}
