package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/drafts"
)

// Work in Edit lead that is not in Salesforce yet — changed fields, files listed in
// Attachments and not uploaded — is never left behind without a question: leaving the tab,
// quitting and loading another lead ask first.

// waitingFiles counts the files listed in Attachments and not uploaded yet.
func (p *editPanel) waitingFiles() int {
	if p.form == nil || p.loadedID == "" {
		return 0
	}
	return len(p.docs.files.rows)
}

// unsaved reports changed fields or files waiting to be uploaded.
func (p *editPanel) unsaved() bool { return p.dirty() || p.waitingFiles() > 0 }

// whatIsUnsaved says what would be lost: "Your changes to Jimmy Jimjo (Jimjo Jimmy Jo) are not
// saved yet.", with the files waiting, or only those.
func (p *editPanel) whatIsUnsaved() string {
	files := ""
	if n := p.waitingFiles(); n > 0 {
		verb := " is"
		if n > 1 {
			verb = " are"
		}
		files = countDocuments(n) + " listed in Attachments" + verb + " not uploaded yet"
	}
	switch {
	case p.dirty() && files != "":
		return "Your changes to " + p.loadedName() + " are not saved yet, and " + files + "."
	case files != "":
		return "For " + p.loadedName() + ", " + files + "."
	}
	return "Your changes to " + p.loadedName() + " are not saved yet."
}

// saveQuestion is the question asked before unsaved work would be left: its title, its three
// answers and what follows each.
type saveQuestion struct {
	title, save, discard, stay string // the title and the buttons' labels
	then                       func() // after Save went through, or after Discard
	stayed                     func() // after the way back (the button, or Esc); nil does nothing
}

// askBeforeLeaving asks, once, what to do with unsaved work before the person leaves the tab
// or the window: Save (then leave, if the save and the uploads go through), Discard (then
// leave) or Stay.
func (p *editPanel) askBeforeLeaving(leave func()) {
	p.ask(saveQuestion{title: "Save your changes to this lead?", save: "Save", discard: "Discard", stay: "Stay", then: leave})
}

// askBeforeLoading asks, once, what to do with unsaved work before lead id replaces the one
// loaded: Save, then load; Discard and load; or Cancel, which puts the loaded lead's id back
// in the id box, so the box and the form name the same lead.
func (p *editPanel) askBeforeLoading(id string) {
	p.ask(saveQuestion{title: "Save your changes before loading another lead?", save: "Save, then load", discard: "Discard and load", stay: "Cancel",
		then: func() { p.fetchToEdit(id) },
		stayed: func() {
			p.idEntry.SetText(p.loadedID)
			p.u.window().Canvas().Focus(p.idEntry)
		}})
}

// ask shows q unless a question is shown already. Save is the default (Enter); Esc is the way
// back.
func (p *editPanel) ask(q saveQuestion) {
	if p.leaving != nil {
		return // already asking
	}
	var d *dialog.CustomDialog
	answer := func(then func()) func() {
		return func() {
			d.Hide()
			p.leaving = nil
			if then != nil {
				then()
			}
		}
	}
	save := widget.NewButton(q.save, answer(func() {
		p.afterSave = q.then
		p.save()
	}))
	save.Importance = widget.HighImportance
	discard := widget.NewButton(q.discard, answer(func() {
		p.discard()
		q.then()
	}))
	stay := widget.NewButton(q.stay, answer(q.stayed))
	d = dialog.NewCustomWithoutButtons(q.title, wrapped(p.whatIsUnsaved()), p.u.window())
	d.SetButtons([]fyne.CanvasObject{stay, discard, save})
	d.Resize(fyne.NewSize(520, 180))
	p.leaving = d
	p.u.showDialog(d, save.OnTapped, stay.OnTapped)
}

// discard drops the unsaved work: the form shows the lead as loaded, and the files waiting
// are taken off the list.
func (p *editPanel) discard() {
	p.form.setValues(p.loaded)
	p.docs.files.clear()
	p.markEdits()
	p.u.dropDraft(drafts.Edit)
}
