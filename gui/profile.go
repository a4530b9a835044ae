package gui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/vault"
)

// openProfile opens the saved data off the UI goroutine, asking for the passphrase when the
// vault needs one (twice, for a new vault), then fills every tab from it.
func (u *UI) openProfile(opts vault.Options) {
	type opened struct {
		profile  *sfclient.Profile
		newVault bool // no vault file yet: a passphrase given now is a new one
	}
	home := u.opts.Home
	runThen(&u.jobs, context.Background(), func(context.Context) (opened, error) {
		if err := u.prepare(); err != nil { // the demo org, in demo mode
			return opened{}, err
		}
		p, err := sfclient.OpenProfile(home, opts)
		if err != nil {
			exists, existsErr := vault.Exists(home)
			return opened{newVault: existsErr == nil && !exists}, err
		}
		return opened{profile: p}, nil
	}, func(o opened, err error) {
		switch {
		case errors.Is(err, vault.ErrNoKeySource) || errors.Is(err, vault.ErrShortPassphrase) ||
			errors.Is(err, vault.ErrWrongKey) && opts.Passphrase != nil:
			u.askPassphrase(opts, err, o.newVault)
		case err != nil:
			u.status.SetText("Cannot open saved data")
			u.showError(err)
		default:
			p := o.profile
			u.profile = p
			for _, n := range p.Notices {
				u.showError(&notice{n})
			}
			u.settings.load()
			u.connect(nil)
			u.outbox.reload()
			u.myLeads.reloadLocal()
			u.offerDrafts()
		}
	})
}

// reopenProfile forgets the session and the opened profile and opens the profile afresh (after
// everything on this computer was deleted).
func (u *UI) reopenProfile() {
	u.client, u.profile = nil, nil
	u.openProfile(u.opts.Vault)
}

// askPassphrase asks for the vault passphrase where no keychain holds the key. For a new
// vault it is typed twice and needs vault.MinPassphraseLen characters; what is wrong is said
// under the boxes, what was typed stays, and nothing is created until both agree. Enter
// unlocks; Esc and Quit end Lead Desk, which cannot work without its saved data.
func (u *UI) askPassphrase(opts vault.Options, cause error, newVault bool) {
	entry, again, problem := newPassEntry(), newPassEntry(), problemLabel()
	text := "This computer has no keychain Lead Desk can use, so your sign-in is protected by a passphrase. Enter it."
	unlockText := "Unlock"
	switch {
	case newVault:
		text = fmt.Sprintf("This computer has no keychain Lead Desk can use, so your sign-in, drafts and unsent leads are protected by a passphrase. Choose one of at least %d characters and type it twice; Lead Desk asks for it at every start, and nobody can recover it.", vault.MinPassphraseLen)
		unlockText = "Set passphrase"
	case errors.Is(cause, vault.ErrWrongKey):
		text = "That passphrase does not unlock your saved sign-in. Try again."
	}
	if errors.Is(cause, vault.ErrShortPassphrase) {
		problem.SetText(sfclient.Explain(cause))
		problem.Show()
	}
	items := []fyne.CanvasObject{wrapped(text), entry}
	if newVault {
		again.SetPlaceHolder("the same passphrase again")
		items = append(items, again)
	}
	var d *dialog.CustomDialog
	refuse := func(sentence string, box *passEntry) {
		problem.SetText(sentence)
		problem.Show()
		u.win.Canvas().Focus(box)
	}
	unlock := func() {
		pass := entry.Text
		if newVault {
			switch err := vault.CheckNewPassphrase(pass); {
			case err != nil:
				refuse(sfclient.Explain(err), entry)
				return
			case again.Text == "" && u.win.Canvas().Focused() == entry:
				problem.Hide()
				u.win.Canvas().Focus(again) // Enter in the first box moves on to the second
				return
			case again.Text != pass:
				refuse("The two passphrases differ; type the same one in both boxes.", again)
				return
			}
		}
		d.Hide()
		opts.Passphrase = func() (string, error) { return pass, nil }
		u.openProfile(opts)
	}
	quit := func() {
		d.Hide()
		u.app.Quit()
	}
	unlockButton := widget.NewButton(unlockText, unlock)
	unlockButton.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Passphrase", container.NewVBox(append(items, problem)...), u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Quit", quit), unlockButton})
	for _, box := range []*passEntry{entry, again} {
		box.OnSubmitted = func(string) { unlock() }
		box.onEscape = quit
	}
	d.Resize(fyne.NewSize(480, 260))
	u.showDialog(d, unlock, quit)
	u.win.Canvas().Focus(entry)
	u.passphrase = entry
}

// passEntry is a password box in which Esc reaches the dialog (a plain Entry swallows it).
type passEntry struct {
	widget.Entry
	onEscape func()
}

// newPassEntry is a password box like widget.NewPasswordEntry's: Fyne's eye at its end shows
// or hides what was typed for the mouse, and is no Tab stop, so Tab goes from the first box to
// the second; revealShortcut does the same from the keyboard.
func newPassEntry() *passEntry {
	e := &passEntry{}
	e.Password, e.Wrapping = true, fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut shows or hides the passphrase on revealShortcut; Entry handles the rest.
func (e *passEntry) TypedShortcut(s fyne.Shortcut) {
	if s.ShortcutName() == revealShortcut.ShortcutName() {
		e.Password = !e.Password
		e.Refresh()
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey runs onEscape for Esc and leaves every other key to the Entry.
func (e *passEntry) TypedKey(k *fyne.KeyEvent) {
	if !escaped(k, e.onEscape) {
		e.Entry.TypedKey(k)
	}
}

// ready reports whether the saved data is open; if not (the passphrase is still being asked
// for), it says so, and the action waits for the person to try again.
func (u *UI) ready() bool {
	if u.profile == nil {
		u.showError(&message{title: "Still opening", sentence: "Lead Desk is still opening your saved data; unlock it first, then try again. Nothing you typed is lost."})
		return false
	}
	return true
}
