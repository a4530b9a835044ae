package gui

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
