package gui

import "fyne.io/fyne/v2"

// focusStart puts the keyboard in the Lead id box, where a lead is asked for.
func (p *editPanel) focusStart() { p.u.window().Canvas().Focus(p.idEntry) }

// acceptDroppedFiles lists files dropped on the window in the Attachments card of the lead
// loaded; with no lead loaded there is nothing to attach them to.
func (p *editPanel) acceptDroppedFiles(uris []fyne.URI) bool {
	if p.loadedID == "" {
		return false
	}
	p.docs.files.add(uris)
	return true
}

// focusFirstOf puts the keyboard in the first of the named fields, in the form's reading
// order: after the conflict question, the clerk is back where their edits were.
func (p *editPanel) focusFirstOf(names map[string]any) {
	for _, in := range p.form.order {
		if _, ok := names[in.field.Name]; ok {
			p.form.focus(in)
			return
		}
	}
}
