package gui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// saveDrafts writes the drafts, in the background or (when the window closes) at once. A form
// with nothing worth keeping deletes its draft, except a draft offered back at start and not
// yet answered ("not now"): that one stays until the form holds new work of its own.
func (u *UI) saveDrafts(now bool) {
	if u.profile == nil {
		return
	}
	newLead, edit := u.snapshot()
	v := u.profile.Vault
	keep := map[string]bool{}
	for kind, d := range map[string]*drafts.Draft{drafts.NewLead: newLead, drafts.Edit: edit} {
		if d != nil {
			delete(u.undecided, kind) // new work replaces the one not brought back
		}
		keep[kind] = u.undecided[kind]
	}
	write := func(context.Context) error {
		var errs []error
		for kind, d := range map[string]*drafts.Draft{drafts.NewLead: newLead, drafts.Edit: edit} {
			switch {
			case d != nil:
				errs = append(errs, drafts.Save(v, kind, *d))
			case !keep[kind]:
				errs = append(errs, drafts.Delete(v, kind))
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

// offerDrafts asks, after start, whether to bring back what was being typed last time: one
// question listing every draft found.
func (u *UI) offerDrafts() {
	v := u.profile.Vault
	type saved struct{ newLead, edit *drafts.Draft }
	runThen(&u.jobs, context.Background(), func(context.Context) (saved, error) {
		newLead, err1 := drafts.Load(v, drafts.NewLead)
		edit, err2 := drafts.Load(v, drafts.Edit)
		return saved{newLead, edit}, errors.Join(err1, err2)
	}, func(s saved, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		var found []restorable
		if d := s.newLead; d != nil {
			found = append(found, restorable{kind: drafts.NewLead,
				what:    newDraftName(d.Values) + withFiles(*d) + " (saved " + d.Saved.Local().Format("01/02/2006 15:04") + ")",
				restore: func() { u.newLead.restoreDraft(*d) }})
		}
		if d := s.edit; d != nil {
			found = append(found, restorable{kind: drafts.Edit,
				what: "Your unsaved changes to " + nameOrID(d.Loaded, d.LeadID) + withFiles(*d),
				restore: func() {
					u.edit.restoreDraft(*d)
					u.show(tabEdit)
				}})
		}
		if len(found) > 0 {
			u.offerRestore(found)
		}
	})
}

// restorable is one draft the start-up question offers back.
type restorable struct {
	kind    string // drafts.NewLead or drafts.Edit
	what    string // what the person sees
	restore func()
}

// offerRestore asks once about every draft found: Restore (the default) brings back the ticked
// ones and drops the others; Discard drops them all; Esc decides nothing yet: the drafts stay
// saved, even through a quit, and are offered again at the next start.
func (u *UI) offerRestore(found []restorable) {
	items := container.NewVBox(wrapped("This work was neither sent nor saved when Lead Desk last closed:"))
	ticks := make([]*dialogTick, len(found))
	for i, r := range found {
		ticks[i] = newDialogTick(r.what, u.typedKey) // Enter and Esc answer even from a tick
		items.Add(plainTick(ticks[i]))
	}
	u.undecided = map[string]bool{}
	for _, r := range found {
		u.undecided[r.kind] = true // until Restore or Discard, no empty form deletes it
	}
	later := false
	d := dialog.NewCustomConfirm("Bring back your unsaved work?", "Restore", "Discard", items, func(ok bool) {
		u.restore = nil
		if later {
			return
		}
		u.undecided = nil
		for i, r := range found {
			if ok && ticks[i].Checked {
				r.restore()
			} else {
				u.dropDraft(r.kind)
			}
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 160+40*float32(len(found))))
	u.restore = d
	u.showDialog(d, d.Confirm, func() { later = true; d.Hide() })
}
