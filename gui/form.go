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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// formHost is what the lead form asks of the window it is shown in.
type formHost interface {
	window() fyne.Window
	now() time.Time
	confirmOrKeep(title, text, keep, action string, do func())
}

// leadForm is Mazo's Lead as a sectioned form, shared by New lead and Edit lead.
type leadForm struct {
	host   formHost
	inputs map[string]*input
	order  []*input // reading order, the Tab order
	// owner2 is Owner 2's section, folded while the lead has no second owner: folding it
	// removes what it holds (after asking), and nothing of a folded Owner 2 is sent.
	owner2 *fold
	// content is the form itself; view is the same in a scroll that follows focus.
	content fyne.CanvasObject
	view    *container.Scroll
	// held is what the window's first frame leaves out (holdBack).
	held heldBack
	// rules are the checks run before sending. Nil means lead.CheckAll.
	rules func(lead.Values, time.Time) lead.Problems
	// canvas is the window's, where the form is focused. It is given, not looked up: a
	// desktop driver knows an object's canvas only once a frame has drawn it, so a form
	// shown a moment ago (Edit lead's, when its first lead loads) would be found on none,
	// and the keyboard would stay where it was.
	canvas fyne.Canvas
	// onChange runs after any field changes or is left. Nil means nothing runs.
	onChange func()
	now      func() time.Time
}

// newLeadForm builds the form in the catalogue's sections and order (sfclient/lead); each
// field's box, example text and tidying follow its catalogue entry. Owner 2 is folded until
// needed. Its fields get the keyboard on the canvas of the host's window; the checks use the
// host's clock. Nothing is measured yet: the form is measured and laid out once, where it is
// shown (see unmeasured).
func newLeadForm(host formHost) *leadForm {
	f := &leadForm{host: host, inputs: map[string]*input{}, canvas: host.window().Canvas(), now: host.now}
	rows := map[lead.Section][]fyne.CanvasObject{} // label, box, label, box… by section
	var sectionOrder []lead.Section
	for _, fld := range lead.Fields {
		if fld.Section == lead.SetByApp || fld.Kind == lead.Boolean {
			continue
		}
		in := &input{field: fld, problem: widget.NewLabel("")}
		in.problem.Importance = widget.DangerImportance
		in.problem.Wrapping = fyne.TextWrapWord
		in.problem.Hide()
		var w fyne.CanvasObject
		if fld.Kind == lead.Picklist {
			in.pick = newPicklist(f.canvas, fld.Values)
			in.pick.OnChanged = func(string) { f.changed(in) }
			in.pick.onFocus = func() { f.arrived(in) }
			in.pick.onLeave = func() { f.left(in) }
			in.pick.onDisable = in.lookReadOnly
			w = in.pick
		} else {
			in.entry = newLeaveEntry(fld.Format == lead.SSN)
			in.entry.PlaceHolder = fld.Example
			if fld.Kind == lead.TextArea && fld.Length > 255 {
				in.entry.MultiLine = true
				in.entry.Wrapping = fyne.TextWrapWord
				in.entry.SetMinRowsVisible(3)
			}
			in.entry.onFocus = func() { f.arrived(in) }
			in.entry.onLeave = func() {
				in.tidy()
				f.left(in)
			}
			in.entry.OnChanged = func(string) { f.changed(in) }
			in.entry.onDisable = in.lookReadOnly
			w = in.entry
		}
		label := fld.Label
		if fld.Required {
			label += " *"
		}
		if _, ok := rows[fld.Section]; !ok {
			sectionOrder = append(sectionOrder, fld.Section)
			in.first = true
		}
		labelBox, labelWidget := fieldLabel(label)
		in.label = labelWidget
		in.row = unmeasured(layout.NewVBoxLayout(), w, in.problem)
		rows[fld.Section] = append(rows[fld.Section], labelBox, in.row)
		f.inputs[fld.Name] = in
		f.order = append(f.order, in)
	}
	var parts []fyne.CanvasObject
	cards := map[lead.Section]fyne.CanvasObject{}
	for _, s := range sectionOrder {
		section := unmeasured(layout.NewFormLayout(), rows[s]...)
		if s == lead.Owner2 {
			// In a card like the other sections, so the label column lines up.
			f.owner2 = newFold("Owner 2 (only if there is a second owner)", widget.NewCard("", "", section), f.reveal, f.toggleOwner2)
			parts = append(parts, f.owner2.content)
			cards[s] = f.owner2.content
			continue
		}
		card := widget.NewCard(string(s), "", section)
		parts = append(parts, card)
		cards[s] = card
	}
	for _, in := range f.order {
		in.section = cards[in.field.Section]
	}
	f.content = unmeasured(layout.NewVBoxLayout(), parts...)
	f.view = newFollowScroll(unmeasured(layout.NewPaddedLayout(), f.content))
	return f
}

// reveal scrolls the form so obj is in view.
func (f *leadForm) reveal(obj fyne.CanvasObject) { reveal(f.view, nil, obj, nil) }

// revealInput scrolls the form so a field is in view with the line under it, where its hint
// or problem appears, and its section's heading when it is the section's first field.
func (f *leadForm) revealInput(in *input) {
	var heading fyne.CanvasObject
	if in.first {
		heading = in.section
	}
	reveal(f.view, heading, in.focusable().(fyne.CanvasObject), in.row)
}

// arrived is the keyboard reaching a field: it is brought into view, and an SSN box says
// under it how to show its digits.
func (f *leadForm) arrived(in *input) {
	if in.field.Format == lead.SSN && !in.problem.Visible() {
		in.showHint(revealHint)
	}
	f.revealInput(in)
}

// problemFor is what is wrong with a field now: its own value, then the rules it shares
// with other fields (the owners' shares together).
func (f *leadForm) problemFor(in *input) string {
	if msg := in.problemWith(f.now()); msg != "" {
		return msg
	}
	if lead.SpansFields(in.field.Name) {
		return lead.CheckAcross(f.values())[in.field.Name]
	}
	return ""
}

// left checks a field the person has just left. An empty field they never typed in is not
// called missing: that waits for the submit.
func (f *leadForm) left(in *input) {
	msg := f.problemFor(in)
	if strings.TrimSpace(in.text()) == "" && !in.touched && !in.showsProblem() {
		msg = ""
	}
	in.showProblem(msg)
	if lead.SpansFields(in.field.Name) {
		f.checkAcross(false)
	}
	if f.onChange != nil {
		f.onChange() // the edit panel puts its "Edited" mark back
	}
}

// checkAcross says again, beside each field of a rule spanning fields, what that rule and
// the field's own check find now. onlyShown limits it to fields already showing a problem,
// so a problem clears as it is fixed but none appears while the person is still typing.
func (f *leadForm) checkAcross(onlyShown bool) {
	for _, in := range f.order {
		if !lead.SpansFields(in.field.Name) || onlyShown && !in.showsProblem() {
			continue
		}
		if msg := f.problemFor(in); msg != "" || in.showsProblem() {
			in.showProblem(msg)
		}
	}
}

// problemCount is how many fields show a problem beside them.
func (f *leadForm) problemCount() int {
	n := 0
	for _, in := range f.order {
		if in.showsProblem() {
			n++
		}
	}
	return n
}

// focusFirst puts the keyboard in the first field, scrolled into view.
func (f *leadForm) focusFirst() {
	f.view.ScrollToTop() // the section heading too
	f.focus(f.order[0])
}

// focusFirstRow puts the keyboard in the first field with the form scrolled so that the
// field's row is the top of the view and its section's heading just above it, out of view:
// for when something above the form (New lead's success banner) takes the heading's room.
func (f *leadForm) focusFirstRow() {
	f.focusFirst()
	layOut(f.view)
	if y, ok := offsetWithin(f.view.Content, f.order[0].row); ok {
		f.view.ScrollToOffset(fyne.NewPos(0, max(0, y-theme.Padding())))
	}
}

// focusFirstOf puts the keyboard in the first field, in reading order, that names holds (the
// form's first field when it holds none), scrolled into view.
func (f *leadForm) focusFirstOf(names map[string]any) {
	for _, in := range f.order {
		if _, ok := names[in.field.Name]; ok {
			f.focus(in)
			return
		}
	}
	f.focusFirst()
}

// focus puts the keyboard in one field (when the form is shown) and scrolls it into view.
func (f *leadForm) focus(in *input) {
	if in.field.Section == lead.Owner2 {
		f.owner2.setOpen(true)
	}
	f.canvas.Focus(in.focusable())
	reveal(f.view, in.section, in.focusable().(fyne.CanvasObject), in.row) // with its section's heading when it fits
}

// fold is a section that opens and closes under a header button, which is one Tab stop
// (Space or Enter runs toggle, which decides whether it opens or closes).
type fold struct {
	title   string
	header  *focusButton
	detail  fyne.CanvasObject
	content fyne.CanvasObject
	open    bool
}

func newFold(title string, detail fyne.CanvasObject, reveal func(fyne.CanvasObject), toggle func()) *fold {
	fo := &fold{title: title, detail: detail}
	fo.header = newFocusButton(title, toggle)
	fo.header.Alignment = widget.ButtonAlignLeading
	fo.header.Importance = widget.LowImportance
	fo.header.onFocus = func() { reveal(fo.header) }
	fo.setOpen(false)
	fo.content = unmeasured(layout.NewVBoxLayout(), fo.header, detail)
	return fo
}

func (fo *fold) setOpen(open bool) {
	fo.open = open
	fo.header.SetText(fo.title)
	if open {
		fo.header.SetIcon(theme.MenuDropUpIcon())
		fo.detail.Show()
	} else {
		fo.header.SetIcon(theme.MenuDropDownIcon())
		fo.detail.Hide()
	}
}

// labelWidth is the one label column every section shares, so labels line up down the form.
const labelWidth = 200

// fieldLabel is a right-aligned label of the shared column width.
func fieldLabel(text string) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(labelWidth, 0))
	return unmeasured(layout.NewStackLayout(), spacer, l), l
}

// settingLabel is a fieldLabel for a form whose labels never change.
func settingLabel(text string) fyne.CanvasObject {
	box, _ := fieldLabel(text)
	return box
}

// changed follows a field's text as it changes: a picklist shows the value the text stands
// for, a shown problem clears once fixed (the shares' total too), and typing marks the field
// as touched.
func (f *leadForm) changed(in *input) {
	typing := in.hasKeyboard()
	if typing {
		in.touched = true
	}
	switch {
	case in.pick != nil && in.pick.typing:
		in.showHint(in.pick.hint())
	case in.showsProblem():
		in.showProblem(f.problemFor(in))
	}
	if lead.SpansFields(in.field.Name) {
		f.checkAcross(true)
	}
	if typing {
		if in.problem.Visible() {
			f.revealInput(in) // a hint just shown under the last visible row
		}
	}
	if f.onChange != nil {
		f.onChange()
	}
}

// values reads what is typed; a folded Owner 2 holds nothing (the lead has one owner).
func (f *leadForm) values() lead.Values {
	v := lead.Values{}
	for name, in := range f.inputs {
		if f.folded(in) {
			continue
		}
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
		in.touched = false
	}
	f.owner2.setOpen(lead.OwnerCount(v) == 2)
}

// tidyAll tidies every box as if it had been left, and settles a picklist the person is in as
// Enter would (Ctrl+S can come from inside one). A text box that has the keyboard keeps what is
// typed in it: lead.Value sends it tidied all the same.
func (f *leadForm) tidyAll() {
	for _, in := range f.order {
		if in.pick != nil || !in.hasKeyboard() {
			in.tidy()
		}
	}
}

// check shows every problem at once, beside each field, and reports whether there were none.
func (f *leadForm) check() bool { return f.checkAll() == 0 }

// checkAll shows every problem beside its field, opens Owner 2 when it holds one, puts the
// keyboard in the first field with a problem (scrolled into view), and returns how many
// fields have one.
func (f *leadForm) checkAll() int {
	rules := f.rules
	if rules == nil {
		rules = lead.CheckAll
	}
	problems := rules(f.values(), f.now())
	for _, in := range f.order {
		if f.folded(in) {
			continue
		}
		if msg := in.problemWith(f.now()); msg != "" && problems[in.field.Name] == "" {
			if problems == nil {
				problems = lead.Problems{}
			}
			problems[in.field.Name] = msg
		}
	}
	for name, in := range f.inputs {
		in.showProblem(problems[name])
	}
	if hasOwner2Problem(problems) {
		f.owner2.setOpen(true)
	}
	for _, in := range f.order {
		if problems[in.field.Name] != "" {
			f.focus(in)
			break
		}
	}
	return len(problems)
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
		if in.pick == nil {
			continue
		}
		var values []string
		for _, p := range df.PicklistValues {
			if p.Active {
				values = append(values, p.Value)
			}
		}
		if len(values) > 0 {
			in.pick.setOptions(values)
		}
	}
}
