package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// This file is Edit lead's History: what changed in the loaded lead, when and by whom, read
// with one request when asked for (and from the cache while fresh).

// showHistory reads the loaded lead's history behind the progress dialog and shows it.
func (p *editPanel) showHistory() {
	id := p.loadedID
	if id == "" {
		return
	}
	cacheFor := p.u.leadCache
	callThen(p.u, "Reading the lead's history…", func(ctx context.Context, c *sfclient.Client) (sfclient.History, error) {
		return cacheFor(c).History(ctx, id)
	}, func(h sfclient.History, err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.historyDialog(h)
	})
}

func (p *editPanel) historyDialog(h sfclient.History) {
	lines := container.NewVBox()
	if !h.Tracked {
		lines.Add(wrapped("Field history is not turned on for this org, so only two dates are known: created " +
			when(h.Created) + ", last changed " + when(h.LastModified) + ". Mazo's Salesforce admin can turn on field history for Leads."))
	}
	for _, e := range h.Entries {
		lines.Add(bold(when(e.At) + " · " + orDash(e.By)))
		lines.Add(wrapped(historyChange(e)))
	}
	who := joinNonEmpty(p.loaded["FirstName"], p.loaded["LastName"])
	if company := p.loaded["Company"]; company != "" {
		who = joinNonEmpty(who, "·", company)
	}
	d := dialog.NewCustom("History of "+orDash(who), "Close", container.NewVScroll(lines), p.u.window())
	d.Resize(fyne.NewSize(620, 440))
	p.u.showDialog(d, d.Hide, nil)
}

// historyChange says what one history entry changed: "Status: Working → Qualified".
func historyChange(e sfclient.HistoryEntry) string {
	switch e.Field {
	case "created":
		return "Created the lead"
	case "leadConverted":
		return "Converted the lead"
	}
	label := e.Field
	if f, ok := lead.ByName(e.Field); ok {
		label = f.Label
	}
	return label + ": " + historyValue(e.Field, e.OldValue) + " → " + historyValue(e.Field, e.NewValue)
}

// historyValue shows a history value as the form would; masked values stay masked.
func historyValue(field string, v any) string {
	if s, ok := v.(string); ok && s == sfclient.Masked {
		return s
	}
	return orDash(lead.Display(field, v))
}

// when is a moment as the window writes it, or "unknown".
func when(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Local().Format("01/02/2006 15:04")
}

// historyButton is Edit lead's History button, available once a lead is loaded.
func (p *editPanel) historyButton() *widget.Button {
	p.historyB = widget.NewButton("History", p.showHistory)
	p.historyB.Disable()
	return p.historyB
}
