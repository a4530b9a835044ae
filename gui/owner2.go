package gui

import (
	"strings"

	"leaddesk/sfclient/lead"
)

// Owner 2's fold means "is there a second owner?": open, its fields are part of the lead;
// folded, the lead has one owner and nothing of Owner 2 is sent (Owners__c is 1).

// removeOwner2Question is asked when the person folds an Owner 2 that holds values.
const removeOwner2Question = "Remove the second owner's details?"

// toggleOwner2 is Space, Enter or a click on Owner 2's header. Opening is free; folding a
// section that holds values asks first, and Keep (the default) leaves it open. A read-only
// Owner 2 (a converted lead) folds without asking, keeping its values, and its header says so.
func (f *leadForm) toggleOwner2() {
	switch {
	case !f.owner2.open:
		f.owner2.setOpen(true)
	case !f.owner2HoldsValues() || f.owner2ReadOnly():
		f.foldOwner2()
	default:
		f.host.confirmOrKeep(removeOwner2Question,
			"Folding Owner 2 means the lead has one owner: what is typed there is removed and not sent.",
			"Keep", "Remove", f.removeOwner2)
	}
}

// removeOwner2 empties Owner 2 and folds it; the shares' check is said again for Owner 1 alone.
func (f *leadForm) removeOwner2() {
	for _, in := range f.order {
		if in.field.Section == lead.Owner2 {
			in.setText("")
			in.showProblem("")
			in.touched = false
		}
	}
	f.foldOwner2()
	f.checkAcross(true)
	if f.onChange != nil {
		f.onChange()
	}
	f.canvas.Focus(f.owner2.header)
}

// foldOwner2 folds Owner 2; its header says when it still holds values (read-only ones).
func (f *leadForm) foldOwner2() {
	f.owner2.setOpen(false)
	if f.owner2HoldsValues() {
		f.owner2.header.SetText(f.owner2.title + ": holds details, not sent while folded")
	}
}

// owner2HoldsValues reports whether any Owner 2 box holds text.
func (f *leadForm) owner2HoldsValues() bool {
	for _, in := range f.order {
		if in.field.Section == lead.Owner2 && strings.TrimSpace(in.text()) != "" {
			return true
		}
	}
	return false
}

// owner2ReadOnly reports whether Owner 2's boxes cannot be changed (the lead is converted,
// or the org locks them), so folding cannot mean removing them.
func (f *leadForm) owner2ReadOnly() bool {
	for _, in := range f.order {
		if in.field.Section == lead.Owner2 && !in.readOnly() {
			return false
		}
	}
	return true
}

// folded reports whether in is a field of a folded Owner 2, which the lead does not hold.
func (f *leadForm) folded(in *input) bool {
	return in.field.Section == lead.Owner2 && !f.owner2.open
}
