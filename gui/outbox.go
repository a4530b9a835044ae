package gui

import (
	"context"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
)

// Automatic retry: first after DefaultRetryEvery, doubling after each failed round up to
// maxRetryEvery, back to the start once everything is sent.
const (
	DefaultRetryEvery = 30 * time.Second
	maxRetryEvery     = 10 * time.Minute
)

// outboxHost is what the Outbox asks of the window.
type outboxHost interface {
	callHost // Send runs behind the progress dialog
	window() fyne.Window
	ready() bool
	now() time.Time
	windowOptions() Options
	currentProfile() *sfclient.Profile
	noteSlot(tab int) *fyne.Container
	show(tab int)
	showWaiting(n int)
	toast(text string)
	confirmDestructive(title, text, action string, do func())
	showError(err error)
	rememberLead(id string, fields map[string]any, edited bool)
	redrawMyLeads()
	openInEdit(id string)
	openInEditWithChanges(id string, changes lead.Values)
	reopenInNewLead(values lead.Values, submission string, uncertain bool)
}

var _ outboxHost = (*UI)(nil)

// outboxPanel lists what could not reach Salesforce yet.
type outboxPanel struct {
	u       outboxHost
	entries []outbox.Entry
	list    *fyne.Container
	empty   *widget.Label // shown only when nothing waits
	sendB   *widget.Button
	content fyne.CanvasObject
	wait    time.Duration // current automatic retry interval
	due     time.Time
	retry   *time.Timer // the next automatic look at the outbox; nil while nothing waits
}

// build makes the tab's widgets, the first time it is shown (see UI.ensure).
func (p *outboxPanel) build() fyne.CanvasObject {
	p.list = container.NewVBox()
	// Only what sfclient/outbox keeps: the window keeps no lead for want of a sign-in (it asks
	// for one), only files whose upload a lost session stopped.
	p.empty = wrapped("Nothing is waiting. A lead or change that cannot reach Salesforce (no internet, Salesforce down or busy) waits here, encrypted, " +
		"and is sent by itself when Salesforce answers again; so do files whose upload stopped when the session ended. " +
		"A lead sent from this window while you are signed out does not come here: it stays in its form until you sign in and send it again.")
	p.sendB = widget.NewButton("Send all now", func() { p.sendAll(true) })
	p.sendB.Importance = widget.HighImportance
	p.sendB.Disable()
	p.content = container.NewBorder(container.NewVBox(p.empty, container.NewBorder(nil, nil, p.sendB, nil, p.u.noteSlot(tabOutbox))), nil, nil, nil,
		container.NewVScroll(p.list))
	p.render()
	return p.content
}

// focusStart puts the keyboard on Send all now when there is something to send; otherwise
// nothing on the tab takes it.
func (p *outboxPanel) focusStart() {
	if p.sendB.Disabled() {
		p.u.window().Canvas().Unfocus()
		return
	}
	p.u.window().Canvas().Focus(p.sendB)
}

// waiting is a copy of what waits in the Outbox, as last read.
func (p *outboxPanel) waiting() []outbox.Entry { return slices.Clone(p.entries) }

// reload reads the outbox (off the UI goroutine) and redraws the list and the header count.
func (p *outboxPanel) reload() {
	if p.u.currentProfile() == nil {
		return
	}
	box := outbox.Open(p.u.currentProfile().Vault)
	runThen(p.u.worker(), context.Background(), func(context.Context) ([]outbox.Entry, error) {
		return box.List()
	}, func(entries []outbox.Entry, err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.show(entries)
	})
}

// show keeps the entries, counts them in the header and, once the tab is built, lists them.
func (p *outboxPanel) show(entries []outbox.Entry) {
	p.entries = entries
	p.arm()
	p.u.showWaiting(len(entries))
	p.u.redrawMyLeads() // leads waiting here are marked there
	if p.list != nil {
		p.render()
	}
}

func (p *outboxPanel) render() {
	p.list.Objects = nil
	for _, e := range p.entries {
		p.list.Add(p.row(e))
	}
	p.list.Refresh()
	if len(p.entries) == 0 {
		p.empty.Show()
		p.sendB.Disable()
	} else {
		p.empty.Hide()
		p.sendB.Enable()
	}
}

func (p *outboxPanel) row(e outbox.Entry) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(e.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	when := widget.NewLabelWithStyle(fmt.Sprintf("Waiting since %s · %d attempt(s)", e.Queued.Local().Format("01/02/2006 15:04"), e.Attempts),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true}) // secondary, but at full contrast
	reason := wrapped(e.Reason)
	reason.Importance = widget.WarningImportance
	retry := widget.NewButton("Retry", func() { p.send(e.ID) })
	open := widget.NewButton("Open", func() { p.open(e) })
	discard := widget.NewButton("Discard", func() { p.confirmDiscard(e) })
	discard.Importance = widget.DangerImportance
	actions := container.NewHBox(retry, open, discard)
	if len(e.Files) > 0 {
		actions.Objects[1] = p.openFiles(e) // documents are not put back in a form: Retry sends them
	}
	return widget.NewCard("", "", container.NewVBox(title, reason, when, waitingFiles(e), actions))
}

// send retries one entry now.
func (p *outboxPanel) send(id string) {
	if !p.u.ready() {
		return
	}
	box := outbox.Open(p.u.currentProfile().Vault)
	callThen(p.u, "Sending…", func(ctx context.Context, c *sfclient.Client) (outbox.Result, error) {
		return box.Send(ctx, c, id, p.u.now()), nil
	}, func(r outbox.Result, _ error) {
		p.delivered([]outbox.Result{r}, true)
	})
}

// sendAll sends everything; loud reports failures in a dialog (a person asked), otherwise they
// only update the list. It reports whether it started (signed in, something waits).
func (p *outboxPanel) sendAll(loud bool) bool {
	if p.u.currentProfile() == nil || p.u.currentClient() == nil || len(p.entries) == 0 {
		return false
	}
	box, c := outbox.Open(p.u.currentProfile().Vault), p.u.currentClient()
	runThen(p.u.worker(), context.Background(), func(ctx context.Context) ([]outbox.Result, error) {
		return box.SendAll(ctx, c, p.u.now())
	}, func(results []outbox.Result, err error) {
		if err != nil && loud {
			p.u.showError(err)
		}
		p.delivered(results, loud)
	})
	return true
}

func (p *outboxPanel) delivered(results []outbox.Result, loud bool) {
	sent, failed := 0, 0
	for _, r := range results {
		if r.Err == nil {
			sent++
			p.u.rememberLead(r.LeadID, r.Entry.Fields, r.Entry.Action == outbox.Update)
		} else {
			failed++
			if loud {
				p.u.showError(r.Err)
			}
		}
	}
	if sent > 0 {
		p.u.toast(fmt.Sprintf("Sent %d from the outbox", sent))
	}
	p.wait = nextWait(p.wait, failed > 0)
	p.due = p.u.now().Add(p.wait)
	p.reload()
}

func nextWait(wait time.Duration, failed bool) time.Duration {
	switch {
	case !failed || wait == 0:
		return DefaultRetryEvery
	case wait*2 > maxRetryEvery:
		return maxRetryEvery
	}
	return wait * 2
}

// tick is the retry timer: it sends the outbox when its backoff has passed, and otherwise
// looks again later. A round that starts re-arms the timer when it is delivered (reload).
func (p *outboxPanel) tick() {
	p.retry = nil
	if len(p.entries) > 0 && !p.u.now().Before(p.due) && p.sendAll(false) {
		return
	}
	p.arm()
}

// arm sets the one timer that retries the outbox, only while something waits: an idle window
// does not wake up for an empty outbox. It fires when the backoff ends, and no sooner than
// Options.RetryCheck (zero means 5 s; negative means never: tests call tick themselves).
func (p *outboxPanel) arm() {
	if p.retry != nil {
		p.retry.Stop()
		p.retry = nil
	}
	check := p.u.windowOptions().RetryCheck
	if check < 0 || len(p.entries) == 0 {
		return
	}
	if check == 0 {
		check = 5 * time.Second
	}
	var t *time.Timer
	t = p.u.worker().after(max(p.due.Sub(p.u.now()), check), func() {
		if p.retry == t { // not a timer stopped after it had fired
			p.tick()
		}
	})
	p.retry = t
}

// open puts an entry back into a form to correct it; the entry is discarded once it is there.
func (p *outboxPanel) open(e outbox.Entry) {
	values := lead.Values{}
	for name, v := range e.Fields {
		if s := lead.Display(name, v); s != "" {
			values[name] = s
		}
	}
	if e.Action == outbox.Update {
		p.u.openInEditWithChanges(e.LeadID, values)
	} else {
		submission, _ := e.Fields["WordPress_UniqueID__c"].(string)
		p.u.reopenInNewLead(values, submission, e.Uncertain)
		p.u.show(tabNew)
	}
	p.discard(e.ID)
}

func (p *outboxPanel) confirmDiscard(e outbox.Entry) {
	p.u.confirmDestructive("Discard this entry?", "Discard the "+e.Label()+"? It will not be sent, and what was typed is gone.", "Discard",
		func() { p.discard(e.ID) })
}

func (p *outboxPanel) discard(id string) {
	if !p.u.ready() {
		return
	}
	box := outbox.Open(p.u.currentProfile().Vault)
	p.u.worker().run(context.Background(), func(context.Context) error { return box.Discard(id) }, func(err error) {
		if err != nil {
			p.u.showError(err)
		}
		p.reload()
	})
}
