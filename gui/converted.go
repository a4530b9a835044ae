package gui

import (
	"fyne.io/fyne/v2"

	"leaddesk/sfclient"
)

// This file keeps a converted lead read-only in Edit lead: Mazo turned it into an account and
// an opportunity, and Salesforce refuses any change to it.

// showConversion makes the form read-only, saying since when, if rec was converted; any other
// lead is editable.
func (p *editPanel) showConversion(rec sfclient.Record) {
	converted, day := rec.Converted()
	if !converted {
		p.unlock()
		return
	}
	when := "Converted by Mazo"
	if day != "" {
		when += " on " + usDate(day)
	}
	p.lock(when + "; it can no longer be changed here.")
}

// lock makes the form read-only, with why under the lead's name, and Save unavailable.
func (p *editPanel) lock(why string) {
	p.readOnly = why
	for _, in := range p.form.inputs {
		if w, ok := in.focusable().(fyne.Disableable); ok && !w.Disabled() {
			w.Disable()
			p.locked = append(p.locked, w)
		}
	}
	p.saveB.Disable()
	p.showHeading()
}

// unlock gives the form back the fields lock made read-only.
func (p *editPanel) unlock() {
	for _, w := range p.locked {
		w.Enable()
	}
	p.locked, p.readOnly = nil, ""
}
