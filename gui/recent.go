package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/recent"
)

// recentPanel lists the leads created or edited on this computer, newest first; a click opens
// one in the edit panel. The list is built the first time the tab is shown: its monospace ids
// would otherwise load a second set of fonts at start-up (about 8 MiB) for a tab many never open.
type recentPanel struct {
	u       *UI
	leads   []recent.Lead
	list    *widget.List // nil until the tab is first shown
	content *fyne.Container
}

func newRecentPanel(u *UI) *recentPanel {
	p := &recentPanel{u: u}
	intro := wrapped("Leads created or edited on this computer, newest first. Click one to open it.")
	p.content = container.NewBorder(intro, nil, nil, nil)
	return p
}

// shown builds the list on the tab's first showing.
func (p *recentPanel) shown() {
	if p.list != nil {
		return
	}
	p.list = widget.NewList(func() int { return len(p.leads) },
		func() fyne.CanvasObject {
			id := widget.NewLabelWithStyle("00Q000000000000AAA", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
			return container.NewBorder(nil, nil, id, widget.NewLabel("01/01/2026 00:00 · created"), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := p.leads[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(joinNonEmpty(l.Company, "·", l.Name))
			row.Objects[1].(*widget.Label).SetText(l.ID)
			row.Objects[2].(*widget.Label).SetText(l.At.Local().Format("01/02/2006 15:04") + " · " + l.Kind)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.UnselectAll()
		p.u.edit.open(p.leads[i].ID)
	}
	p.content.Add(p.list)
}

func (p *recentPanel) reload() {
	if p.u.profile == nil {
		return
	}
	v := p.u.profile.Vault
	runThen(&p.u.jobs, context.Background(), func(context.Context) ([]recent.Lead, error) {
		return recent.List(v)
	}, func(leads []recent.Lead, err error) {
		if err == nil {
			p.leads = leads
			if p.list != nil {
				p.list.Refresh()
			}
		}
	})
}
