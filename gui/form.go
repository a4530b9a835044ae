package gui

import (
	"errors"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// input is one field of the lead form: its widget, the line under it for problems, and the
// check that runs when the person leaves it.
type input struct {
	field   lead.Field
	label   *widget.Label
	entry   *leaveEntry         // text fields
	choice  *widget.SelectEntry // picklists
	options []string            // the picklist's choices in use
	problem *widget.Label
}

func (in *input) text() string {
	if in.choice != nil {
		return in.choice.Text
	}
	return in.entry.Text
}

func (in *input) setText(s string) {
	if in.choice != nil {
		in.choice.SetText(s)
		return
	}
	in.entry.SetText(s)
}

func (in *input) focusable() fyne.Focusable {
	if in.choice != nil {
		return in.choice
	}
	return in.entry
}

// showProblem puts msg under the field ("" clears it).
func (in *input) showProblem(msg string) {
	in.problem.Importance = widget.DangerImportance
	in.problem.SetText(msg)
	if msg == "" {
		in.problem.Hide()
	} else {
		in.problem.Show()
	}
}

// editedMark is what an edited field of a loaded lead shows under it.
const editedMark = "Edited"

// showEdited marks the field as changed since load (a problem, when there is one, wins).
func (in *input) showEdited(edited bool) {
	isMark := in.problem.Text == editedMark
	switch {
	case edited && (!in.problem.Visible() || isMark):
		in.problem.Importance = widget.WarningImportance
		in.problem.SetText(editedMark)
		in.problem.Show()
	case !edited && isMark:
		in.showProblem("")
	}
}

// leaveEntry is an Entry that reports when focus leaves it, so a field is checked as the
// person moves on rather than on every key.
type leaveEntry struct {
	widget.Entry
	onLeave func()
}

func newLeaveEntry(password bool) *leaveEntry {
	e := &leaveEntry{}
	e.Password = password
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost runs the check after Entry's own handling.
func (e *leaveEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// leadForm is Mazo's Lead as a sectioned form, shared by New lead and Edit lead.
type leadForm struct {
	inputs   map[string]*input
	order    []*input
	owner2   *widget.Accordion
	content  fyne.CanvasObject
	onChange func()
	now      func() time.Time
}

var placeholders = map[string]string{
	"Phone": "(512) 867-5309", "Phone1__c": "(512) 867-5309", "Phone2__c": "(512) 867-5309",
	"Email": "name@company.com", "Website": "www.company.com",
	"SSN1__c": "123-45-6789", "SSN2__c": "123-45-6789",
	"Birthday1__c": "MM/DD/YYYY", "Birthday2__c": "MM/DD/YYYY",
	"Federal_Tax_ID__c": "12-3456789", "State": "TX", "State2__c": "TX", "State2_2__c": "TX",
	"PostalCode": "78736", "Zip2__c": "78736", "Zip2_2__c": "78736",
	"AnnualRevenue": "$", "Amount_Requested__c": "$", "Ownership1__c": "%", "Ownership2__c": "%",
	"Year__c": "YYYY", "Dealer_ID__c": "from Settings", "Account__c": "from Settings", "OwnerId": "from Settings",
}

// newLeadForm builds the sections of DESIGN.md §6; Owner 2 is folded until needed.
func newLeadForm(now func() time.Time) *leadForm {
	f := &leadForm{inputs: map[string]*input{}, now: now}
	sections := map[lead.Section]*fyne.Container{}
	var sectionOrder []lead.Section
	for _, fld := range lead.Fields {
		if fld.Section == lead.SetByApp || fld.Kind == lead.Boolean {
			continue
		}
		in := &input{field: fld, problem: widget.NewLabel("")}
		in.problem.Importance = widget.DangerImportance
		in.problem.Wrapping = fyne.TextWrapWord
		in.problem.Hide()
		if fld.Kind == lead.Picklist {
			in.choice = widget.NewSelectEntry(fld.Values)
			in.options = fld.Values
			in.choice.OnChanged = func(string) { f.changed(in) }
		} else {
			in.entry = newLeaveEntry(fld.Sensitive && strings.HasPrefix(fld.Name, "SSN"))
			in.entry.PlaceHolder = placeholders[fld.Name]
			if fld.Kind == lead.TextArea && fld.Length > 255 {
				in.entry.MultiLine = true
				in.entry.Wrapping = fyne.TextWrapWord
				in.entry.SetMinRowsVisible(3)
			}
			in.entry.onLeave = func() {
				in.showProblem(lead.Check(fld.Name, in.entry.Text, f.now()))
				if f.onChange != nil {
					f.onChange() // the edit panel puts its "Edited" mark back
				}
			}
			in.entry.OnChanged = func(string) { f.changed(in) }
		}
		label := fld.Label
		if fld.Required {
			label += " *"
		}
		form, ok := sections[fld.Section]
		if !ok {
			form = container.New(layout.NewFormLayout())
			sections[fld.Section] = form
			sectionOrder = append(sectionOrder, fld.Section)
		}
		var w fyne.CanvasObject = in.entry
		if in.choice != nil {
			w = in.choice
		}
		labelBox, labelWidget := fieldLabel(label)
		in.label = labelWidget
		form.Add(labelBox)
		form.Add(container.NewVBox(w, in.problem))
		f.inputs[fld.Name] = in
		f.order = append(f.order, in)
	}
	var parts []fyne.CanvasObject
	for _, s := range sectionOrder {
		if s == lead.Owner2 {
			f.owner2 = widget.NewAccordion(widget.NewAccordionItem("Owner 2 (only if there is a second owner)", sections[s]))
			parts = append(parts, f.owner2)
			continue
		}
		parts = append(parts, widget.NewCard(string(s), "", sections[s]))
	}
	f.content = container.NewVBox(parts...)
	return f
}

// labelWidth is the one label column every section shares, so labels line up down the form.
const labelWidth = 200

// fieldLabel is a right-aligned label of the shared column width.
func fieldLabel(text string) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(labelWidth, 0))
	return container.NewStack(spacer, l), l
}

// settingLabel is a fieldLabel for a form whose labels never change.
func settingLabel(text string) fyne.CanvasObject {
	box, _ := fieldLabel(text)
	return box
}

func (f *leadForm) changed(in *input) {
	if in.problem.Visible() && in.problem.Text != editedMark { // a shown problem clears once fixed
		in.showProblem(lead.Check(in.field.Name, in.text(), f.now()))
	}
	if f.onChange != nil {
		f.onChange()
	}
}

// values reads what is typed.
func (f *leadForm) values() lead.Values {
	v := lead.Values{}
	for name, in := range f.inputs {
		if t := in.text(); strings.TrimSpace(t) != "" {
			v[name] = t
		}
	}
	return v
}

// setValues replaces every field (missing ones are cleared) and clears the problems.
func (f *leadForm) setValues(v lead.Values) {
	for name, in := range f.inputs {
		in.setText(v[name])
		in.showProblem("")
	}
	if f.owner2 != nil {
		if lead.OwnerCount(v) == 2 {
			f.owner2.Open(0)
		} else {
			f.owner2.Close(0)
		}
	}
}

// check shows every problem at once and reports whether there were none.
func (f *leadForm) check() bool {
	problems := lead.CheckAll(f.values(), f.now())
	for name, in := range f.inputs {
		in.showProblem(problems[name])
	}
	if f.owner2 != nil && hasOwner2Problem(problems) {
		f.owner2.Open(0)
	}
	return problems == nil
}

func hasOwner2Problem(p lead.Problems) bool {
	for name := range p {
		if fld, _ := lead.ByName(name); fld.Section == lead.Owner2 {
			return true
		}
	}
	return false
}

// markRefused shows Salesforce's refusal beside the fields it names.
func (f *leadForm) markRefused(err error) {
	var api *sfclient.APIError
	if !errors.As(err, &api) {
		return
	}
	for _, name := range api.AllFields() {
		if in, ok := f.inputs[name]; ok {
			in.showProblem("Salesforce refused this value: " + sfclient.MaskSensitive(api.Message))
		}
	}
}

// applyDescribe takes labels and picklist values from the org when signed in: the org's
// describe wins over the built-in catalogue.
func (f *leadForm) applyDescribe(d *sfclient.Describe) {
	for name, in := range f.inputs {
		df, ok := d.Field(name)
		if !ok {
			continue
		}
		if df.Label != "" {
			label := df.Label
			if in.field.Required {
				label += " *"
			}
			in.label.SetText(label)
		}
		if in.choice == nil {
			continue
		}
		var values []string
		for _, p := range df.PicklistValues {
			if p.Active {
				values = append(values, p.Value)
			}
		}
		if len(values) > 0 {
			in.options = values
			in.choice.SetOptions(values)
		}
	}
}
