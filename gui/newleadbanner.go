package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/outbox"
)

// created shows the new lead in a banner at the top, empties the form for the next one and
// puts the keyboard back in its first field, scrolled to the top of the form's view. The banner stays while the next lead is typed,
// until it is submitted or the form cleared; Copy id says "Copied" in the action bar.
func (p *newLeadPanel) created(id string, res outbox.Result, documents int) {
	p.lastID = id
	company := p.form.inputs["Company"].text()
	leftover, _ := p.files.documents() // cancelled or refused: offered to Edit lead
	p.reset()
	instance := ""
	if p.u.currentClient() != nil {
		instance = p.u.currentClient().Session().InstanceURL
	}
	// In the text colour: the green is the banner's own, and green text on it is hard to read.
	title := widget.NewLabelWithStyle("✓ Lead created for "+company, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord // never cut short: a long name takes a second line
	// Not selectable: a selectable label is a Tab stop that shows no focus, and all a key could
	// do there (Ctrl+A, Ctrl+C) Copy id does in one press.
	idLabel := widget.NewLabelWithStyle(id, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	background := canvas.NewRectangle(theme.Color(theme.ColorNameSuccess))
	background.FillColor = withAlpha(background.FillColor, 0x30)
	background.CornerRadius = theme.InputRadiusSize()
	actions := container.NewHBox(idLabel,
		widget.NewButton("Copy id", func() {
			p.u.clipboard().SetContent(id)
			p.u.toast("Copied " + id)
		}),
		widget.NewButton("Open in Salesforce", func() { p.u.openInBrowser(instance + "/" + id) }),
		widget.NewButton("Edit this lead", func() { p.u.openInEditWithFiles(id, leftover) }))
	// One line when the company's name fits beside the id and the buttons; otherwise the name
	// wraps above them. The documents line under it hides itself when there are none.
	p.showBanner(container.NewStack(background, container.NewVBox(
		container.New(&bannerLayout{title: title}, title, actions),
		p.documentsLine(res, documents, leftover))))
	p.form.focusFirstRow() // the banner above stands where the first heading was: more fields show
}

// showBanner puts b (nil: nothing) at the top of the tab, above the form, and lays the tab
// out at once: the banner's height depends on the width it is given (bannerLayout), and the
// form below is scrolled to right after.
func (p *newLeadPanel) showBanner(b fyne.CanvasObject) {
	p.banner.RemoveAll()
	if b != nil {
		p.banner.Add(b)
	}
	p.layOut()
	p.content.Refresh()
}

// bannerLayout lays out the success banner's title (a wrapping label) and its id and buttons
// (actions): on one line, the title first, when the title fits beside them; else the title
// on its own lines, wrapped, and the actions under it. Neither is ever cut short, and the
// banner is never wider than its actions, so a long company name cannot widen the window.
type bannerLayout struct {
	title *widget.Label
	width float32 // as last laid out; 0 before
}

// fitsOneLine reports whether the title fits beside actions in width.
func (l *bannerLayout) fitsOneLine(width float32, actions fyne.CanvasObject) bool {
	line := fyne.MeasureText(l.title.Text, theme.TextSize(), l.title.TextStyle).Width + 2*theme.InnerPadding()
	return line+theme.Padding()+actions.MinSize().Width <= width
}

func (l *bannerLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	actions := objects[1]
	l.width = size.Width
	a := actions.MinSize()
	if l.fitsOneLine(size.Width, actions) {
		l.title.Resize(fyne.NewSize(size.Width-a.Width-theme.Padding(), a.Height))
		l.title.Move(fyne.NewPos(0, 0))
		actions.Resize(a)
		actions.Move(fyne.NewPos(size.Width-a.Width, 0))
		return
	}
	l.title.Resize(fyne.NewSize(size.Width, l.title.MinSize().Height))
	h := l.title.MinSize().Height // its lines at this width
	l.title.Resize(fyne.NewSize(size.Width, h))
	l.title.Move(fyne.NewPos(0, 0))
	actions.Resize(a)
	actions.Move(fyne.NewPos(0, h))
}

func (l *bannerLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a := objects[1].MinSize()
	if l.width == 0 || l.fitsOneLine(l.width, objects[1]) {
		return a
	}
	return fyne.NewSize(a.Width, l.title.MinSize().Height+a.Height)
}

// withAlpha is c made partly transparent, for a tinted background behind text.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
