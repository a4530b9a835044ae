package gui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/recent"
)

// DefaultLeadsRefresh is how often the My leads list is read again while the window is open,
// when Options.LeadsRefresh is zero.
const DefaultLeadsRefresh = 3 * time.Minute

// myLeadsHost is what My leads (with its rows, leadrows.go) asks of the window.
type myLeadsHost interface {
	worker() *worker
	window() fyne.Window
	windowOptions() Options
	currentClient() *sfclient.Client
	currentProfile() *sfclient.Profile
	currentSettings() sfclient.Settings
	outboxEntries() []outbox.Entry
	notify(n *fyne.Notification)
	show(tab int)
	openInEdit(id string)
}

var _ myLeadsHost = (*UI)(nil)

// myLeadsPanel is the My leads tab: the dealer's leads from Salesforce, newest change first,
// with the leads still waiting in the Outbox on top. Nothing is read before the tab is first
// shown (start-up stays quick); then it is read again on demand and every few minutes while the
// window is open, through a cache so switching tabs costs no request. A lead whose status
// changed since the clerk last saw it is marked until it is opened; a change found while the
// window is open is also a desktop notification.
type myLeadsPanel struct {
	u myLeadsHost

	cacheMu sync.Mutex // the cache is also asked from worker goroutines (History)
	cache   *sfclient.LeadCache
	seenMu  sync.Mutex // one MarkSeen at a time: each reads, adds to and writes the record

	leads     []sfclient.LeadSummary // Salesforce's answer shown; nil until one arrived
	searching string                 // the search whose answer is shown; "" for the list
	local     []recent.Lead          // leads made or edited here, shown while Salesforce's list is not
	seen      map[string]string      // the status the clerk last saw, per lead; nil until read
	known     map[string]string      // each lead's status at the previous list, for notifications
	rows      []leadRow              // what the list shows, in order
	selected  int                    // the selected row, -1 for none
	loading   int                    // requests under way
	running   context.Context        // the requests under way; ends with cancel
	cancel    context.CancelFunc     // stops the requests under way (Cancel, Esc)

	list    *leadList // nil until the tab is first shown
	status  *widget.Select
	days    *widget.Select
	search  *searchEntry
	note    *widget.Label
	bar     *fyne.Container // spinner and Cancel, while reading
	spinner *widget.ProgressBarInfinite
	content *fyne.Container

	ctx  context.Context // ends when the window closes: the refresh timer and requests stop
	stop context.CancelFunc
}

// Filter choices: every status, and how far back a change counts.
const anyStatus = "Any status"

var dayChoices = []string{"Any time", "Last 1 day", "Last 7 days", "Last 30 days", "Last 90 days"}

func newMyLeadsPanel(u myLeadsHost) *myLeadsPanel {
	p := &myLeadsPanel{u: u, selected: -1}
	p.ctx, p.stop = context.WithCancel(context.Background())
	p.content = container.NewStack() // filled on the first showing
	return p
}

// shown builds the list on the tab's first showing and reads the leads (from the cache while
// its answer is fresh). The window then gives the search box the keyboard (focusStart): what
// is typed is searched for with Enter, and Down moves into the list, where the arrows and
// Enter open a lead.
func (p *myLeadsPanel) shown() {
	if p.list == nil {
		p.build()
		p.u.worker().everyUntil(p.ctx, p.u.windowOptions().LeadsRefresh, DefaultLeadsRefresh, p.refresh)
	}
	p.load()
}

// focusStart puts the keyboard in the search box.
func (p *myLeadsPanel) focusStart() { p.focusSearch() }

// focusSearch puts the keyboard in the search box (Ctrl/Cmd+F), its text selected so that
// typing replaces the last search.
func (p *myLeadsPanel) focusSearch() {
	if p.list == nil {
		p.u.window().Canvas().Unfocus()
		return
	}
	p.u.window().Canvas().Focus(p.search)
	p.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// intoList is Down in the search box: the list takes the keyboard with its first lead selected
// (or the one selected before).
func (p *myLeadsPanel) intoList() {
	p.u.window().Canvas().Focus(p.list)
	if p.selected < 0 {
		p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
}

func (p *myLeadsPanel) build() {
	statuses := []string{anyStatus}
	if f, ok := lead.ByName("Status"); ok {
		statuses = append(statuses, f.Values...)
	}
	p.status = widget.NewSelect(statuses, func(string) { p.load() })
	p.status.SetSelectedIndex(0)
	p.days = widget.NewSelect(dayChoices, func(string) { p.load() })
	p.days.SetSelectedIndex(0)
	p.search = newSearchEntry()
	p.search.SetPlaceHolder("Search by name, company, e-mail or phone, or paste an id or link")
	p.search.OnSubmitted = p.find
	p.search.onDown, p.search.onRefresh = p.intoList, p.refresh
	refresh := widget.NewButton("Refresh", p.refresh)
	p.note = wrapped("")
	p.spinner = widget.NewProgressBarInfinite()
	p.bar = container.NewBorder(nil, nil, nil, widget.NewButton("Cancel", p.stopLoading), p.spinner)
	p.bar.Hide()
	p.list = newLeadList(p)
	choices := container.NewHBox(p.status, p.days)
	// Objects in reading order, the Tab order: the choices, the search box, Refresh.
	filters := container.New(layout.NewBorderLayout(nil, nil, choices, refresh), choices, p.search, refresh)
	intro := wrapped("The dealer's leads in Salesforce, the most recently changed first. Double-click a lead, or select it and press Enter, to open it.")
	top := container.NewVBox(intro, filters, p.bar, p.note)
	p.content.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, withWheel(p.list, &p.list.List))}
	p.content.Refresh()
	p.redraw()
}

// options are the list's filters as chosen.
func (p *myLeadsPanel) options() sfclient.ListOptions {
	opts := sfclient.ListOptions{DealerID: p.u.currentSettings().DealerID}
	if s := p.status.Selected; s != anyStatus {
		opts.Status = s
	}
	if i := p.days.SelectedIndex(); i > 0 {
		opts.ChangedWithinDays, _ = strconv.Atoi(strings.Fields(dayChoices[i])[1])
	}
	return opts
}

// cacheFor is the lead cache in front of client, made again when the client changes (another
// sign-in). It may be called from any goroutine.
func (p *myLeadsPanel) cacheFor(c *sfclient.Client) *sfclient.LeadCache {
	p.cacheMu.Lock()
	defer p.cacheMu.Unlock()
	if p.cache == nil || p.cache.Client != c {
		p.cache = sfclient.NewLeadCache(c, 0)
	}
	return p.cache
}

// changed forgets Salesforce's answers after the clerk created or saved a lead, and reads
// what this computer remembers again.
func (p *myLeadsPanel) changed() {
	p.forget()
	p.reloadLocal()
}

// forget drops the cache's answers, so the next read asks Salesforce.
func (p *myLeadsPanel) forget() {
	p.cacheMu.Lock()
	defer p.cacheMu.Unlock()
	if p.cache != nil {
		p.cache.Forget()
	}
}

// refresh is the Refresh button, F5, Ctrl/Cmd+R and the timer: read Salesforce again.
func (p *myLeadsPanel) refresh() {
	if p.list == nil {
		return
	}
	p.forget()
	p.load()
}

// signedIn reads the list once a session exists, if the tab was shown already.
func (p *myLeadsPanel) signedIn() {
	if p.list != nil {
		p.load()
	}
}

// find is Enter in the search box: the leads matching the text, or the list again when the
// box is empty.
func (p *myLeadsPanel) find(text string) {
	p.searching = strings.TrimSpace(text)
	p.load()
}

// stopLoading is Cancel beside the bar, and Esc in the list: stop reading; the rows shown stay.
func (p *myLeadsPanel) stopLoading() {
	if p.loading > 0 {
		p.cancel()
	}
}

// listed is what one load brought: the leads and, the first time, what the clerk last saw.
type listed struct {
	leads []sfclient.LeadSummary
	seen  map[string]string
}

// load reads the list or the search shown, off the UI goroutine; a bar shows while it runs and
// the previous rows stay until the answer replaces them.
func (p *myLeadsPanel) load() {
	if p.list == nil {
		return
	}
	c := p.u.currentClient()
	if c == nil {
		p.note.SetText("Sign in to see the dealer's leads from Salesforce. Until then, the leads made or edited on this computer are listed.")
		p.redraw()
		return
	}
	cache, opts, text, profile, needSeen := p.cacheFor(c), p.options(), p.searching, p.u.currentProfile(), p.seen == nil
	if p.loading == 0 {
		var ctx context.Context
		ctx, p.cancel = context.WithCancel(p.ctx)
		p.running = ctx
	}
	p.loading++
	p.bar.Show()
	p.spinner.Start()
	runThen(p.u.worker(), p.running, func(ctx context.Context) (listed, error) {
		var got listed
		var err error
		if text != "" {
			got.leads, err = cache.Search(ctx, text)
		} else {
			got.leads, err = cache.List(ctx, opts)
		}
		if err == nil && needSeen && profile != nil {
			got.seen, err = profile.LastSeen()
		}
		return got, err
	}, func(got listed, err error) {
		if p.loading--; p.loading == 0 {
			p.bar.Hide()
			stopSpinner(p.spinner)
			p.cancel()
		}
		if text != p.searching || opts != p.options() {
			return // the clerk asked for something else meanwhile; its own answer follows
		}
		p.show(got, text, err)
	})
}

func (p *myLeadsPanel) show(got listed, text string, err error) {
	switch {
	case errors.Is(err, context.Canceled):
		p.note.SetText("Stopped. Press Refresh to read the leads from Salesforce again.")
		return
	case errors.Is(err, sfclient.ErrSignInRequired):
		p.note.SetText("Your Salesforce session has ended: sign in again to see the dealer's leads.")
		return
	case err != nil:
		p.note.SetText(sfclient.Explain(err))
		return
	}
	if got.seen != nil && p.seen == nil {
		p.seen = got.seen
	}
	if text == "" {
		p.notifyChanges(got.leads)
	}
	p.leads = got.leads
	p.markNewAsSeen(got.leads)
	p.redraw()
	p.note.SetText(p.summary(text))
}

// summary is the line above the list: how many leads, and of what.
func (p *myLeadsPanel) summary(text string) string {
	n := len(p.leads)
	switch {
	case text != "" && n == 0:
		return "No lead matches “" + text + "”. Empty the search box and press Enter to see the whole list again."
	case text != "":
		return plural(n, "lead matches", "leads match") + " “" + text + "”. Empty the search box and press Enter to see the whole list again."
	case n == 0:
		return "No leads of this dealer in Salesforce for these filters."
	}
	return plural(n, "lead", "leads") + ", the most recently changed first."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// notifyChanges sends a desktop notification for each lead whose status changed since the
// previous list was read while the window was open (one notification when many changed).
func (p *myLeadsPanel) notifyChanges(leads []sfclient.LeadSummary) {
	var changes []sfclient.StatusChange
	if p.known != nil {
		changes = sfclient.StatusChanges(leads, p.known)
	}
	if p.known == nil {
		p.known = map[string]string{}
	}
	for _, l := range leads {
		p.known[l.ID] = l.Status
	}
	switch {
	case len(changes) == 1:
		l := changes[0].Lead
		p.u.notify(fyne.NewNotification("Lead status changed",
			summaryName(l)+" is now "+l.Status+" (was "+changes[0].Was+")."))
	case len(changes) > 1:
		p.u.notify(fyne.NewNotification("Lead statuses changed",
			fmt.Sprintf("%d leads changed status; open My leads to see which.", len(changes))))
	}
}

// markNewAsSeen records the status of leads the clerk never saw before: they are new to the
// list, not changed. Leads seen before keep the status last seen until they are opened.
func (p *myLeadsPanel) markNewAsSeen(leads []sfclient.LeadSummary) {
	if p.seen == nil {
		return
	}
	var fresh []sfclient.LeadSummary
	for _, l := range leads {
		if _, ok := p.seen[l.ID]; !ok {
			p.seen[l.ID] = l.Status
			fresh = append(fresh, l)
		}
	}
	p.remember(fresh)
}

// remember stores, in the encrypted profile, that the clerk saw these leads' statuses.
func (p *myLeadsPanel) remember(leads []sfclient.LeadSummary) {
	profile := p.u.currentProfile()
	if len(leads) == 0 || profile == nil {
		return
	}
	p.u.worker().run(context.Background(), func(context.Context) error {
		p.seenMu.Lock()
		defer p.seenMu.Unlock()
		return profile.MarkSeen(leads...)
	}, func(err error) {
		if err != nil {
			fyne.LogError("remember the lead statuses seen", err) // they are marked again next time
		}
	})
}

// open opens a row: a lead in Edit lead (its new status now counts as seen), a lead still
// waiting to be sent in the Outbox.
func (p *myLeadsPanel) open(i int) {
	if i < 0 || i >= len(p.rows) {
		return
	}
	r := p.rows[i]
	if r.waiting {
		p.u.show(tabOutbox)
		return
	}
	if r.was != "" && p.seen != nil {
		p.seen[r.lead.ID] = r.lead.Status
		p.remember([]sfclient.LeadSummary{r.lead})
		p.redraw()
	}
	p.u.openInEdit(r.lead.ID)
}

// reloadLocal reads the leads made or edited on this computer (off the UI goroutine).
func (p *myLeadsPanel) reloadLocal() {
	if p.u.currentProfile() == nil {
		return
	}
	v := p.u.currentProfile().Vault
	runThen(p.u.worker(), context.Background(), func(context.Context) ([]recent.Lead, error) {
		return recent.List(v)
	}, func(leads []recent.Lead, err error) {
		if err == nil {
			p.local = leads
			p.redraw()
		}
	})
}

// reset forgets every lead shown and seen, and reads them afresh if the tab was shown: after
// the demo's data was deleted, or a sign-in as someone else.
func (p *myLeadsPanel) reset() {
	p.changed()
	p.leads, p.local, p.seen, p.known, p.searching = nil, nil, nil, nil, ""
	if p.list != nil {
		p.search.SetText("")
	}
	p.redraw()
	p.load()
}
