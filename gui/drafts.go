package gui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2/dialog"

	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/lead"
)

// draftDelay is how long after the last keystroke the forms are saved as drafts: anything
// typed more than about two seconds before a crash survives it.
const draftDelay = time.Second

// scheduleDraft saves the drafts draftDelay after the latest change.
func (u *UI) scheduleDraft() {
	if u.profile == nil || u.draftTimer != nil {
		return
	}
	u.draftTimer = time.AfterFunc(draftDelay, func() {
		u.jobs.post(func() {
			u.draftTimer = nil
			u.saveDrafts(false)
		})
	})
}

// snapshot returns the drafts as the forms stand (nil for a form with nothing worth keeping).
func (u *UI) snapshot() (newLead, edit *drafts.Draft) {
	now := u.opts.Now()
	if v := u.newLead.form.values(); typedSomething(v) {
		newLead = &drafts.Draft{Values: v, Terms: u.newLead.terms.Checked, Submission: u.newLead.submission, Saved: now}
	}
	if u.edit.dirty() {
		e := u.edit
		edit = &drafts.Draft{Values: e.form.values(), LeadID: e.loadedID, Loaded: e.loaded, Since: e.since, Saved: now}
	}
	return newLead, edit
}

// typedSomething: the dealer defaults alone are not worth a draft.
func typedSomething(v lead.Values) bool {
	for name := range v {
		if f, _ := lead.ByName(name); f.Section != lead.Dealer {
			return true
		}
	}
	return false
}

// saveDrafts writes the drafts, in the background or (when the window closes) at once.
func (u *UI) saveDrafts(now bool) {
	if u.profile == nil {
		return
	}
	newLead, edit := u.snapshot()
	v := u.profile.Vault
	write := func(context.Context) error {
		var errs []error
		for kind, d := range map[string]*drafts.Draft{drafts.NewLead: newLead, drafts.Edit: edit} {
			if d == nil {
				errs = append(errs, drafts.Delete(v, kind))
			} else {
				errs = append(errs, drafts.Save(v, kind, *d))
			}
		}
		return errors.Join(errs...)
	}
	if now {
		write(context.Background())
		return
	}
	u.jobs.run(context.Background(), write, func(err error) {
		if err != nil {
			u.showError(err)
		}
	})
}

// dropDraft forgets one draft at once (the lead was sent, or the edit saved).
func (u *UI) dropDraft(kind string) {
	v := u.profile.Vault
	u.jobs.run(context.Background(), func(context.Context) error { return drafts.Delete(v, kind) }, func(error) {})
}

// offerDrafts asks, after start, whether to bring back what was being typed last time.
func (u *UI) offerDrafts() {
	v := u.profile.Vault
	var newLead, edit *drafts.Draft
	u.jobs.run(context.Background(), func(context.Context) error {
		var err1, err2 error
		newLead, err1 = drafts.Load(v, drafts.NewLead)
		edit, err2 = drafts.Load(v, drafts.Edit)
		return errors.Join(err1, err2)
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if newLead != nil {
			u.restoreDialog("Restore the lead you were typing", "You were typing a lead for "+orDash(newLead.Values["Company"])+
				" (saved "+newLead.Saved.Local().Format("01/02/2006 15:04")+"). Bring it back?", drafts.NewLead, func() {
				u.newLead.form.setValues(newLead.Values)
				u.newLead.terms.SetChecked(newLead.Terms)
				u.newLead.submission = newLead.Submission
				u.newLead.uncertain = newLead.Submission != "" // it may have been sent just before
			})
		}
		if edit != nil {
			u.restoreDialog("Restore unsaved changes", "Your changes to lead "+edit.LeadID+" were not saved. Bring them back?", drafts.Edit, func() {
				e := u.edit
				e.loadedID, e.loaded, e.since = edit.LeadID, edit.Loaded, edit.Since
				e.idEntry.SetText(edit.LeadID)
				e.form.setValues(edit.Values)
				e.markEdits()
				u.show(tabEdit)
			})
		}
	})
}

func (u *UI) restoreDialog(title, text, kind string, restore func()) {
	d := dialog.NewConfirm(title, text, func(ok bool) {
		if ok {
			restore()
		} else {
			u.dropDraft(kind)
		}
	}, u.win)
	d.SetConfirmText("Restore")
	d.SetDismissText("Discard")
	u.restore = append(u.restore, d)
	d.Show()
}
