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
	u.draftTimer = u.jobs.after(draftDelay, func() {
		u.draftTimer = nil
		u.saveDrafts(false)
	})
}

// snapshot returns the drafts as the forms stand (nil for a form with nothing worth keeping).
func (u *UI) snapshot() (newLead, edit *drafts.Draft) {
	now := u.opts.Now()
	return u.newLead.draft(now), u.edit.draft(now)
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
	type saved struct{ newLead, edit *drafts.Draft }
	runThen(&u.jobs, context.Background(), func(context.Context) (saved, error) {
		newLead, err1 := drafts.Load(v, drafts.NewLead)
		edit, err2 := drafts.Load(v, drafts.Edit)
		return saved{newLead, edit}, errors.Join(err1, err2)
	}, func(s saved, err error) {
		newLead, edit := s.newLead, s.edit
		if err != nil {
			u.showError(err)
			return
		}
		if newLead != nil {
			u.restoreDialog("Restore the lead you were typing", "You were typing a lead for "+orDash(newLead.Values["Company"])+
				" (saved "+newLead.Saved.Local().Format("01/02/2006 15:04")+"). Bring it back?", drafts.NewLead, func() {
				u.newLead.restoreDraft(*newLead)
			})
		}
		if edit != nil {
			u.restoreDialog("Restore unsaved changes", "Your changes to lead "+edit.LeadID+" were not saved. Bring them back?", drafts.Edit, func() {
				u.edit.restoreDraft(*edit)
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
