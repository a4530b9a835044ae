package gui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/outbox"
)

// This file draws My leads' rows: which rows there are, how one reads, and the list that
// scrolls through thousands of them (only the rows on screen exist as widgets).

// leadRow is one line of My leads.
type leadRow struct {
	lead    sfclient.LeadSummary
	waiting bool   // a new lead still in the Outbox: no Salesforce id yet
	local   bool   // remembered on this computer, shown while Salesforce's list is not
	was     string // the status the clerk last saw, when it has changed since
}

// redraw rebuilds the rows from the Outbox, the local leads and Salesforce's answer.
func (p *myLeadsPanel) redraw() {
	if p.list == nil {
		return
	}
	var rows []leadRow
	unfiltered := p.searching == "" && p.options().Status == ""
	if unfiltered {
		for _, e := range p.u.outboxEntries() {
			if e.Action == outbox.Create {
				rows = append(rows, leadRow{lead: waitingSummary(e), waiting: true})
			}
		}
	}
	if p.leads == nil && unfiltered {
		for _, l := range p.local {
			rows = append(rows, leadRow{lead: sfclient.LeadSummary{ID: l.ID, Name: l.Name, Company: l.Company, LastModified: l.At}, local: true})
		}
	}
	for _, l := range p.leads {
		r := leadRow{lead: l}
		if was, ok := p.seen[l.ID]; ok && was != l.Status {
			r.was = was
		}
		rows = append(rows, r)
	}
	p.rows = rows
	if p.selected >= len(rows) {
		p.selected = -1
		p.list.UnselectAll()
	}
	p.list.Refresh()
}

// waitingSummary is a lead waiting in the Outbox, as the list shows it.
func waitingSummary(e outbox.Entry) sfclient.LeadSummary {
	text := func(name string) string {
		if v, ok := e.Fields[name]; ok && v != nil {
			return fmt.Sprint(v)
		}
		return ""
	}
	s := sfclient.LeadSummary{ID: e.LeadID, Name: joinNonEmpty(text("FirstName"), text("LastName")), Company: text("Company"),
		Year: text("Year__c"), Make: text("Make__c"), Model: text("Model__c"), Created: e.Queued}
	if amount, err := strconv.ParseFloat(strings.ReplaceAll(text("Amount_Requested__c"), ",", ""), 64); err == nil {
		s.AmountRequested = &amount
	}
	return s
}

// summaryName is "Name · Company", or whichever is known.
func summaryName(l sfclient.LeadSummary) string {
	if l.Name == "" || l.Company == "" {
		return orDash(l.Name + l.Company)
	}
	return l.Name + " · " + l.Company
}

// statusText is the row's status column, and how loudly it should read.
func (r leadRow) statusText() (string, widget.Importance) {
	switch {
	case r.waiting:
		return "waiting to be sent", widget.WarningImportance
	case r.local:
		return "made on this computer", widget.LowImportance
	case r.lead.IsConverted:
		return "● Converted " + usDate(r.lead.ConvertedDate), widget.SuccessImportance
	case r.was != "":
		return "● " + r.lead.Status + " (was " + r.was + ")", widget.HighImportance
	}
	return r.lead.Status, widget.MediumImportance
}

// details is the row's second line: amount, equipment, created and last changed.
func (r leadRow) details() string {
	l := r.lead
	var parts []string
	if l.AmountRequested != nil {
		parts = append(parts, dollars(*l.AmountRequested))
	}
	if e := l.Equipment(); e != "" {
		parts = append(parts, e)
	}
	if !l.Created.IsZero() {
		parts = append(parts, "created "+l.Created.Local().Format("01/02/2006"))
	}
	if !l.LastModified.IsZero() && !r.waiting {
		parts = append(parts, "changed "+l.LastModified.Local().Format("01/02/2006 15:04"))
	}
	return orDash(strings.Join(parts, " · "))
}

// dollars writes an amount as $12,345 (cents only when there are some).
func dollars(v float64) string {
	whole := strconv.FormatFloat(v, 'f', 2, 64)
	whole, cents, _ := strings.Cut(whole, ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if cents == "00" {
		return sign + "$" + whole
	}
	return sign + "$" + whole + "." + cents
}

// usDate turns Salesforce's YYYY-MM-DD into MM/DD/YYYY; anything else is kept as given.
func usDate(day string) string {
	if t, err := time.Parse("2006-01-02", day); err == nil {
		return t.Format("01/02/2006")
	}
	return day
}

// leadList is My leads' list: widget.List, whose Up and Down move the selection and whose
// Enter opens the selected lead.
type leadList struct {
	widget.List
	p *myLeadsPanel
}

func newLeadList(p *myLeadsPanel) *leadList {
	l := &leadList{p: p}
	l.Length = func() int { return len(p.rows) }
	l.CreateItem = func() fyne.CanvasObject { return newLeadRowView(p) }
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*leadRowView).show(i, p.rows[i]) }
	l.OnSelected = func(i widget.ListItemID) { p.selected = i }
	l.OnUnselected = func(widget.ListItemID) { p.selected = -1 }
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves the selection with Up and Down, opens it with Enter, reads the leads again
// with F5 and stops reading them with Esc.
func (l *leadList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.p.open(l.p.selected)
	case fyne.KeyDown, fyne.KeyUp:
		next := l.p.selected + 1
		if k.Name == fyne.KeyUp {
			next = l.p.selected - 1
		}
		if next >= 0 && next < len(l.p.rows) {
			if l.p.selected >= 0 {
				l.List.TypedKey(k) // the keyboard highlight (on the first row at first) follows
			}
			l.Select(next) // scrolls to it
		}
	case fyne.KeyF5:
		l.p.refresh()
	case fyne.KeyEscape:
		l.p.stopLoading()
	default:
		l.List.TypedKey(k)
	}
}

// leadRowView draws one row; a click selects it, a double-click opens it.
type leadRowView struct {
	widget.BaseWidget
	p       *myLeadsPanel
	id      int
	name    *widget.Label
	status  *widget.Label
	details *widget.Label
}

func newLeadRowView(p *myLeadsPanel) *leadRowView {
	r := &leadRowView{p: p, name: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		status: widget.NewLabel(""), details: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.details.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *leadRowView) show(i int, row leadRow) {
	r.id = i
	r.name.SetText(summaryName(row.lead))
	text, importance := row.statusText()
	r.status.Importance = importance
	r.status.TextStyle.Bold = row.was != ""
	r.status.SetText(text)
	r.details.SetText(row.details())
}

// CreateRenderer lays the row out as two lines: name and status, then the details.
func (r *leadRowView) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), // labels bring their own padding
		container.NewBorder(nil, nil, nil, r.status, r.name), r.details)
	return widget.NewSimpleRenderer(lines)
}

// Tapped selects the row, as a click on any list row does.
func (r *leadRowView) Tapped(*fyne.PointEvent) { r.p.list.Select(r.id) }

// DoubleTapped opens the row's lead.
func (r *leadRowView) DoubleTapped(*fyne.PointEvent) {
	r.p.list.Select(r.id)
	r.p.open(r.id)
}
