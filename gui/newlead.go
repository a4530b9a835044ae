package gui

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
)

// newLeadHost is what New lead asks of the window.
type newLeadHost interface {
	attachmentsHost // the Attachments card's files
	formHost        // the form's window, clock and questions
	call(what string, action func(context.Context, *sfclient.Client) error, done func(error))
	signInOr(then, abandoned func())
	ready() bool
	now() time.Time
	currentProfile() *sfclient.Profile
	currentSettings() sfclient.Settings
	noteSlot(tab int) *fyne.Container
	showDialog(d dialog.Dialog, enter, esc func())
	confirmDestructive(title, text, action string, do func())
	scheduleDraft()
	dropDraft(kind string)
	rememberLead(id string, fields map[string]any, edited bool)
	reloadOutbox()
	openInEdit(id string)
	openInEditWithFiles(id string, files []outbox.Document)
	openInBrowser(raw string)
	clipboard() fyne.Clipboard
	toast(text string)
}

var _ newLeadHost = (*UI)(nil)

// newLeadPanel is the New lead tab: the form scrolls between a banner at the top, which
// shows the lead just created, and an action bar at the bottom that never scrolls away.
type newLeadPanel struct {
	u        newLeadHost
	form     *leadForm
	terms    *widget.Check
	termsErr *widget.Label
	submitB  *widget.Button
	clearB   *widget.Button
	// attention says in the action bar, where the clerk looks after Ctrl+S, how many fields
	// stopped the lead (counting), or that it was not sent for want of a sign-in.
	attention *widget.Label
	counting  bool
	// banner is the lead just created, with what can be done with it, until the next submit
	// or Clear form.
	banner *fyne.Container
	lastID string
	// defaults are the dealer's defaults last put into the form (takeDefaults): a field
	// still holding one was not changed by the clerk.
	defaults map[string]string
	// submission is the id of the lead being typed, fixed at its first submit, so that sending
	// the same lead again after a failure can be recognised.
	submission string
	// uncertain: an earlier attempt of this submission may have reached Salesforce.
	uncertain  bool
	sendAnyway *widget.Button // in the duplicates dialog, when the rule allows saving
	// duplicateRows is the duplicates dialog's table (name, company, id, actions).
	duplicateRows *fyne.Container
	files         *attachmentList   // sent right after the lead is created
	actions       fyne.CanvasObject // the bar under the form: terms, Submit, Clear
	content       fyne.CanvasObject
}

func newNewLeadPanel(u newLeadHost) *newLeadPanel {
	p := &newLeadPanel{u: u, form: newLeadForm(u)}
	p.form.rules = lead.CheckNew // a new lead also needs the Dealer ID
	p.form.onChange = func() {
		u.scheduleDraft()
		p.recount()
	}
	p.files = newAttachmentList(u)
	p.files.reveal = p.form.reveal // Add files… and the rows, when Tab reaches them
	p.files.onChange = u.scheduleDraft
	p.form.appendCard(widget.NewCard("Attachments", "",
		container.NewVBox(wrapped(attachmentsHelp), p.files.list, p.files.refusals, container.NewHBox(p.files.addB))))
	p.terms = widget.NewCheck("I/we have read and agree to", func(bool) {
		p.showTermsProblem(false)
		p.recount()
	})
	termsLink := widget.NewHyperlink("these terms", nil)
	termsLink.OnTapped = func() { p.openTerms() }
	p.termsErr = widget.NewLabel("The applicant must agree to the terms before the lead is sent.")
	p.termsErr.Importance = widget.DangerImportance
	p.termsErr.Hide()
	p.submitB = widget.NewButton("Submit lead", p.submit)
	p.submitB.Importance = widget.HighImportance
	p.clearB = widget.NewButton("Clear form", func() {
		u.confirmDestructive("Clear the form?", "Remove everything typed in this lead?", "Clear form", func() {
			p.reset()
			p.form.focusFirst()
		})
	})
	p.attention = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.attention.Importance = widget.DangerImportance
	p.attention.Hide()
	p.banner = container.NewVBox()
	// The box's key is said beside it: the menu and Ctrl+/ list it too.
	termsKey := widget.NewLabel("(" + shortcutText(termsShortcut) + ")")
	p.attention.Wrapping = fyne.TextWrapWord
	// One line (the terms, then the buttons, a confirmation in the room left), so that the
	// form keeps the height; what a submit has to say takes lines under it, only while said.
	p.actions = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, container.NewHBox(plainTick(p.terms), termsLink, termsKey, p.submitB, p.clearB), nil, u.noteSlot(tabNew)),
		p.termsErr, p.attention)
	// Objects in reading order, which is also the Tab order: banner, form, action bar.
	p.content = unmeasured(layout.NewBorderLayout(p.banner, p.actions, nil, nil), p.banner, p.form.view, p.actions)
	return p
}

// toggleTerms ticks the terms box, or unticks it, as Space on it would (Ctrl/Cmd+T).
func (p *newLeadPanel) toggleTerms() { p.terms.SetChecked(!p.terms.Checked) }

// focusStart puts the keyboard in the first field, the form scrolled to its top.
func (p *newLeadPanel) focusStart() { p.form.focusFirst() }

// acceptDroppedFiles lists files dropped on the window in the Attachments card.
func (p *newLeadPanel) acceptDroppedFiles(uris []fyne.URI) bool {
	p.files.add(uris)
	return true
}

// applyDescribe takes the org's labels and picklists (see leadForm.applyDescribe).
func (p *newLeadPanel) applyDescribe(d *sfclient.Describe) { p.form.applyDescribe(d) }

func (p *newLeadPanel) openTerms() {
	if p.u.currentSettings().TermsURL == "" {
		p.u.showError(&sfclient.SettingsError{Setting: "The terms page", Problem: "is not set; enter the address Mazo gave you in Settings"})
		return
	}
	p.u.openInBrowser(p.u.currentSettings().TermsURL)
}

// takeDefaults makes st's defaults (Settings.NewLeadDefaults: the dealer's ids, lead type
// and status) those of the lead being typed. A field the clerk has not typed in, still empty
// or still holding the default it was given, takes the new default at once; a field the
// clerk changed keeps the clerk's value. The window calls it whenever the settings in force
// change: loaded, saved in Settings, or brought by a sign-in.
func (p *newLeadPanel) takeDefaults(st sfclient.Settings) {
	next := st.NewLeadDefaults()
	for name, v := range next {
		in := p.form.inputs[name]
		if in == nil || in.touched {
			continue
		}
		if t := in.text(); t == "" || t == p.defaults[name] {
			in.setText(v)
		}
	}
	p.defaults = next
}

func (p *newLeadPanel) reset() {
	p.showBanner(nil)
	p.form.setValues(nil)
	p.terms.SetChecked(false)
	p.showTermsProblem(false)
	p.unsay()
	p.submission, p.uncertain = "", false
	p.files.clear()
	p.takeDefaults(p.u.currentSettings())
}

// submit checks the form, then creates the lead. Nothing is sent (or queued) until every
// check passes; until then the action bar says how many fields need attention and the
// keyboard is in the first of them.
func (p *newLeadPanel) submit() {
	p.showBanner(nil) // the last lead's banner would read as this one's outcome
	if !p.u.ready() {
		return // settings, the Dealer ID among them, are not read yet
	}
	p.form.tidyAll()
	p.showTermsProblem(!p.terms.Checked) // first: the form's view shrinks before a problem is scrolled to
	n := p.form.checkAll()
	if !p.terms.Checked {
		if n == 0 {
			p.u.window().Canvas().Focus(p.terms)
		}
		n++
	}
	if n > 0 {
		p.say(needAttention(n), true)
		return
	}
	p.unsay()
	p.send(false)
}

// showTermsProblem shows or hides, under the action bar's line, the line saying the terms
// must be agreed to (see changeBar).
func (p *newLeadPanel) showTermsProblem(show bool) {
	if p.termsErr.Visible() != show {
		p.changeBar(func() { p.termsErr.Hidden = !show })
	}
}

// say puts sentence in the action bar, under its line; counting says it is the count of
// fields that stopped a submit, which recount keeps up to date (see changeBar).
func (p *newLeadPanel) say(sentence string, counting bool) {
	p.counting = counting
	p.changeBar(func() {
		p.attention.Text = sentence
		p.attention.Hidden = false
	})
}

// unsay takes away what say put in the action bar.
func (p *newLeadPanel) unsay() {
	if p.attention.Visible() {
		p.changeBar(func() { p.attention.Hidden = true })
	}
}

// changeBar runs change, which shows, hides or rewords lines of the action bar, then lays
// the tab out again at once, so the form's view above the bar shrinks (or grows) now, before
// anything is scrolled to; as the bar grows, the form scrolls by as much, so what was at the
// bottom of its view (Add files…, the form's last stop) stays wholly in view rather than
// being cut off.
func (p *newLeadPanel) changeBar(change func()) {
	before := p.actions.MinSize().Height
	change()
	p.termsErr.Refresh()
	p.attention.Refresh()
	p.layOut()
	if grew := p.actions.MinSize().Height - before; grew > 0 {
		v := p.form.view
		v.ScrollToOffset(fyne.NewPos(v.Offset.X, v.Offset.Y+grew))
	}
}

// layOut lays the tab out now rather than at the next frame. Twice: the banner's and the
// bar's wrapping lines are given their width by the first pass, their height at that width
// by the second.
func (p *newLeadPanel) layOut() {
	tab := p.content.(*fyne.Container)
	for range 2 {
		tab.Layout.Layout(tab.Objects, tab.Size())
	}
}

// recount updates the action bar's count, once a submit was refused, as fields are fixed
// (or newly found wrong); at nothing left it goes.
func (p *newLeadPanel) recount() {
	if !p.attention.Visible() || !p.counting {
		return
	}
	n := p.form.problemCount()
	if p.termsErr.Visible() {
		n++
	}
	if n == 0 {
		p.unsay()
		return
	}
	p.say(needAttention(n), true)
}

// notSent says in the action bar that the lead was not sent: the sign-in it waited for was
// cancelled or failed. The form keeps everything, and the keyboard goes back to was (nil:
// where it is), where it was when Ctrl+S was pressed.
func (p *newLeadPanel) notSent(was fyne.Focusable) {
	p.say("Not sent: sign in to send this lead ("+shortcutText(saveShortcut)+" again).", false)
	if was != nil {
		p.u.window().Canvas().Focus(was)
	}
}

// needAttention is the action bar's count of fields that stopped a submit.
func needAttention(n int) string {
	if n == 1 {
		return "1 field needs attention"
	}
	return fmt.Sprintf("%d fields need attention", n)
}

func (p *newLeadPanel) send(allowDuplicates bool) {
	if !p.u.ready() || p.submitB.Disabled() { // disabled: the last lead's files are on their way
		return
	}
	docs, ok := p.files.documents()
	if !ok {
		return
	}
	if p.u.currentClient() == nil {
		was := p.u.window().Canvas().Focused()
		p.u.signInOr(func() { p.send(allowDuplicates) }, func() { p.notSent(was) })
		return
	}
	if p.submission == "" {
		p.submission = lead.NewSubmissionID()
	}
	req := outbox.CreateRequest{
		Fields:        lead.Payload(p.form.values(), lead.Submission{TermsAccepted: true, At: p.u.now(), ID: p.submission}),
		Options:       sfclient.CreateOptions{AllowDuplicates: allowDuplicates},
		MayHaveLanded: p.uncertain,
		// Documents may be on their way when the session dies: they wait in the Outbox then,
		// rather than the lead being sent a second time after the sign-in.
		KeepWhenSignedOut: len(docs) > 0,
	}
	box, now := outbox.Open(p.u.currentProfile().Vault).OnProgress(p.files.reporter()), p.u.now()
	var res outbox.Result
	action := func(ctx context.Context, c *sfclient.Client) error {
		res = box.CreateWithDocuments(ctx, c, req, docs, now)
		if res.LeadID != "" {
			return nil // the lead exists; what became of its documents is in res
		}
		return res.Err
	}
	outcome := func(err error) {
		var api *sfclient.APIError
		switch {
		case res.LeadID == "" && res.Kept:
			kept := res.Entry
			p.reset()
			p.form.focusFirst()
			p.u.dropDraft(drafts.NewLead)
			p.u.reloadOutbox()
			p.u.showError(&notice{"The lead could not reach Salesforce (" + strings.TrimSuffix(kept.Reason, ".") +
				"). It is kept, encrypted, in the Outbox" + withDocuments(len(kept.Files)) + " and is sent by itself as soon as Salesforce answers; you can type the next lead."})
		case errors.As(err, &api) && api.Duplicates != nil:
			p.lookAtDuplicates(api)
		case err != nil:
			if sfclient.MayHaveLanded(err) {
				p.uncertain = true // look it up by its submission id before sending it again
			}
			p.form.markRefused(err)
			p.u.showError(err)
		default:
			p.u.rememberLead(res.LeadID, req.Fields, false)
			p.u.dropDraft(drafts.NewLead)
			p.created(res.LeadID, res, len(docs))
		}
	}
	if len(docs) == 0 {
		p.u.call("Sending the lead to Salesforce…", action, outcome)
		return
	}
	// With documents, each file shows its own progress and Cancel instead of the modal.
	p.submitB.Disable()
	var leadErr error
	p.files.send(slices.Clone(p.files.rows), func(ctx context.Context, c *sfclient.Client) outbox.Result {
		leadErr = action(ctx, c)
		r := res
		if r.LeadID == "" && !r.Kept && !errors.Is(leadErr, context.Canceled) {
			r.Err = nil // the lead's own refusal is said once, by outcome, not under each file
		}
		return r
	}, func(r outbox.Result) {
		p.submitB.Enable()
		if res.Kept {
			p.u.reloadOutbox()
		}
		if leadErr == nil && res.LeadID == "" {
			leadErr = r.Err // the session was lost before anything was sent
		}
		outcome(leadErr)
	})
}

// maxShownDuplicates bounds how many matching leads are read and listed.
const maxShownDuplicates = 5

// lookAtDuplicates reads the name and company of the leads Salesforce matched, then lists them.
func (p *newLeadPanel) lookAtDuplicates(api *sfclient.APIError) {
	ids := api.Duplicates.MatchIDs
	if len(ids) > maxShownDuplicates {
		ids = ids[:maxShownDuplicates]
	}
	records := make([]sfclient.Record, len(ids))
	p.u.call("Looking at the matching leads…", func(ctx context.Context, c *sfclient.Client) error {
		for i, id := range ids {
			rec, err := c.GetLead(ctx, id, []string{"FirstName", "LastName", "Company"})
			if err != nil {
				return err
			}
			records[i] = rec
		}
		return nil
	}, func(err error) {
		if err != nil {
			records = make([]sfclient.Record, len(ids)) // show the ids alone
		}
		p.showDuplicates(api, ids, records)
	})
}

// showDuplicates lists the leads Salesforce matched; when its rule allows, the person may
// send this one anyway.
func (p *newLeadPanel) showDuplicates(api *sfclient.APIError, ids []string, records []sfclient.Record) {
	list := container.NewVBox(wrapped(sfclient.Explain(api)))
	var d dialog.Dialog
	instance := ""
	if p.u.currentClient() != nil {
		instance = p.u.currentClient().Session().InstanceURL
	}
	grid := container.NewGridWithColumns(4, bold("Name"), bold("Company"), bold("Id"), widget.NewLabel(""))
	for i, id := range ids {
		rec := records[i]
		grid.Add(widget.NewLabel(orDash(joinNonEmpty(lead.Display("FirstName", rec["FirstName"]), lead.Display("LastName", rec["LastName"])))))
		grid.Add(widget.NewLabel(orDash(lead.Display("Company", rec["Company"]))))
		grid.Add(widget.NewLabelWithStyle(id, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
		grid.Add(container.NewHBox(
			widget.NewButton("Edit it instead", func() { d.Hide(); p.u.openInEdit(id) }),
			widget.NewButton("Open in Salesforce", func() { p.u.openInBrowser(instance + "/" + id) })))
	}
	list.Add(grid)
	p.duplicateRows = grid
	back := widget.NewButton("Go back", func() { d.Hide() })
	back.Importance = widget.HighImportance // the default; sending anyway is a deliberate choice
	buttons := container.NewHBox(back)
	p.sendAnyway = nil
	if api.Duplicates.AllowSave {
		p.sendAnyway = widget.NewButton("Send anyway", func() { d.Hide(); p.send(true) })
		p.sendAnyway.Importance = widget.WarningImportance
		buttons.Add(p.sendAnyway)
	}
	list.Add(buttons)
	d = dialog.NewCustomWithoutButtons("Possible duplicate", list, p.u.window())
	p.u.showDialog(d, d.Hide, nil) // Enter and Esc: Go back; sending anyway is a deliberate choice
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// reopen puts a lead back into the form to be corrected and sent again as the same
// submission; uncertain says an earlier attempt may have reached Salesforce.
func (p *newLeadPanel) reopen(values lead.Values, submission string, uncertain bool) {
	p.form.setValues(values)
	p.submission, p.uncertain = submission, uncertain
}

// draft is the lead as typed with the files listed, or nil when nothing beyond the dealer's
// defaults was typed and no file is listed.
func (p *newLeadPanel) draft(now time.Time) *drafts.Draft {
	v, files := p.form.values(), p.files.files()
	if !typedSomething(v) && len(files) == 0 {
		return nil
	}
	return &drafts.Draft{Values: v, Terms: p.terms.Checked, Submission: p.submission, Files: files, Saved: now}
}

// restoreDraft brings back a lead typed before the window last closed.
func (p *newLeadPanel) restoreDraft(d drafts.Draft) {
	p.reopen(d.Values, d.Submission, d.Submission != "") // it may have been sent just before
	p.terms.SetChecked(d.Terms)
	p.files.restore(d.Files)
}
