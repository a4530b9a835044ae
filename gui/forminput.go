package gui

import (
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/lead"
)

// input is one field of the lead form: its widget, the line under it for problems, and the
// check that runs when the person leaves it.
type input struct {
	field   lead.Field
	label   *widget.Label
	entry   *leaveEntry // text fields
	pick    *picklist   // picklists
	row     fyne.CanvasObject
	problem *widget.Label
	// section is the card of the field's section, brought into view with the field when the
	// keyboard jumps to it or Tab enters the section, so the clerk sees which owner or
	// section they are in.
	section fyne.CanvasObject
	first   bool // the first field of its section
	// touched: the person has typed in this field since the form was last filled or emptied,
	// so leaving it empty may be called a problem ("Last name is required."); merely passing
	// through an untouched field says nothing.
	touched bool
}

func (in *input) text() string {
	if in.pick != nil {
		return in.pick.Text
	}
	return in.entry.Text
}

func (in *input) setText(s string) {
	if in.pick != nil {
		in.pick.SetText(s)
		return
	}
	in.entry.SetText(s)
}

func (in *input) focusable() fyne.Focusable {
	if in.pick != nil {
		return in.pick
	}
	return in.entry
}

// readOnly reports whether the box cannot be changed (a converted lead, a field the org locks).
func (in *input) readOnly() bool {
	if in.pick != nil {
		return in.pick.Disabled()
	}
	return in.entry.Disabled()
}

// hasKeyboard reports whether the person is in this field, so a change is their typing
// rather than the form being filled in.
func (in *input) hasKeyboard() bool {
	if in.pick != nil {
		return in.pick.typing
	}
	return in.entry.hasKeyboard
}

// tidy writes the value the way Mazo keeps it and lead.Value sends it (lead.Tidy, which the
// field's Kind and Format in the catalogue drive), or settles a picklist on the value its text
// stands for. The form calls it as the box is left, never while the person types in it.
func (in *input) tidy() {
	if in.pick != nil {
		in.pick.settle()
		return
	}
	if t := lead.Tidy(in.field.Name, in.entry.Text); t != in.entry.Text {
		in.entry.SetText(t)
	}
}

// problemWith returns what is wrong with the field's value on its own ("" when nothing): a
// picklist holds only values of its list in use. The command line checks a file's fields with
// the same lead.CheckField.
func (in *input) problemWith(now time.Time) string {
	var options []string
	if in.pick != nil {
		options = in.pick.options
	}
	return lead.CheckField(in.field.Name, in.text(), options, now)
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

// showHint puts a quiet line under the field while the person types ("" clears it).
func (in *input) showHint(msg string) {
	in.showProblem(msg)
	in.problem.Importance = widget.LowImportance
	in.problem.Refresh()
}

// showsProblem reports whether a problem (not a hint, not the "Edited" mark) is shown.
func (in *input) showsProblem() bool {
	return in.problem.Visible() && in.problem.Importance == widget.DangerImportance
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

// leaveEntry is an Entry that reports when focus arrives and leaves, so a field is brought
// into view as the person reaches it and checked as they move on rather than on every key.
// Tab always moves on, even from a multi-line box. Reaching a one-line box that holds text
// from the keyboard selects that text, so typing replaces it, as Windows and macOS fields do;
// a click puts the caret where it points, and the window coming back to the front leaves the
// caret where it was.
type leaveEntry struct {
	widget.Entry
	onFocus func()
	onLeave func()
	// onDisable runs as the box becomes read-only (the form gives it the read-only look,
	// readonly.go). Nil means nothing runs.
	onDisable func()
	// hasKeyboard is true between FocusGained and FocusLost.
	hasKeyboard bool
	masked      bool // the box hides its digits until asked (revealShortcut)
	// pointing: a mouse press is giving the box the keyboard. returning: the window is
	// getting the keyboard back (caret.go). Either way nothing is selected on arrival.
	pointing, returning bool
	example             string // the placeholder, kept while the box is read-only
}

func newLeaveEntry(password bool) *leaveEntry {
	e := &leaveEntry{masked: password}
	e.Password = password
	e.ExtendBaseWidget(e)
	return e
}

// SetText replaces the text; the same text changes nothing, a selection included. New text ends
// any selection made before (replaceText).
func (e *leaveEntry) SetText(text string) { replaceText(&e.Entry, text) }

// replaceText sets e's text: the same text changes nothing; new text ends any selection, with
// the caret after the text, whether or not the box has the keyboard. Fyne keeps a selection
// open from where it started, also in a box the keyboard has left (Tab into a filled box
// selects its text; Tab on leaves it selected): left open, the next letter typed into the box
// replaces the stale selection, so a box emptied by a save or Clear form lost the first
// letter of the next lead, and in a box with the keyboard each letter replaced the one before.
func replaceText(e *widget.Entry, text string) {
	if text == e.Text {
		return
	}
	e.SetText(text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
}

// AcceptsTab is false: in a multi-line box too, Tab and Shift+Tab move between fields
// rather than typing a tab character.
func (e *leaveEntry) AcceptsTab() bool { return false }

// FocusGained selects the text when the keyboard arrives (not a click, not the window
// returning), then reports the arrival.
func (e *leaveEntry) FocusGained() {
	arriving := !e.hasKeyboard && !e.pointing && !e.returning
	e.returning = false
	e.Entry.FocusGained()
	e.hasKeyboard = true
	if arriving && !e.MultiLine && e.Text != "" {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	if e.onFocus != nil {
		e.onFocus()
	}
}

// revealHint is said under a masked box (an SSN) while it has the keyboard: Ctrl+Shift+H,
// Cmd+Shift+H on a Mac, as fyne.KeyModifierShortcutDefault is.
var revealHint = map[bool]string{false: "Ctrl", true: "Cmd"}[runtime.GOOS == "darwin"] + "+Shift+H shows or hides the digits."

// revealShortcut shows or hides the digits of a masked box, as the eye at its end does for
// the mouse (the eye is no Tab stop).
var revealShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// TypedShortcut takes revealShortcut in a masked box; Entry handles the rest.
func (e *leaveEntry) TypedShortcut(s fyne.Shortcut) {
	if e.masked && s.ShortcutName() == revealShortcut.ShortcutName() {
		e.Password = !e.Password
		e.Refresh()
		return
	}
	e.Entry.TypedShortcut(s)
}

// Disable makes the box read-only: its example goes, so an empty box does not seem to hold
// one as a value (readonly.go draws read-only text in the foreground colour).
func (e *leaveEntry) Disable() {
	if !e.Disabled() {
		e.example, e.PlaceHolder = e.PlaceHolder, ""
		if e.onDisable != nil {
			e.onDisable()
		}
	}
	e.Entry.Disable()
}

// Enable gives the box back its example with the keyboard.
func (e *leaveEntry) Enable() {
	if e.Disabled() {
		e.PlaceHolder = e.example
	}
	e.Entry.Enable()
}

// MouseDown is a click: the keyboard arrives with the caret where it points, nothing selected.
func (e *leaveEntry) MouseDown(m *desktop.MouseEvent) {
	e.pointing = true
	defer func() { e.pointing = false }()
	e.Entry.MouseDown(m)
}

// FocusLost hides the digits of a masked box again (an SSN shown with revealShortcut is shown
// only while it has the keyboard), then runs the check after Entry's own handling.
func (e *leaveEntry) FocusLost() {
	if e.masked && !e.Password {
		e.Password = true
		e.Refresh()
	}
	e.Entry.FocusLost()
	e.hasKeyboard = false
	if e.onLeave != nil {
		e.onLeave()
	}
}
