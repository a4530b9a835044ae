package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/vault"
)

// openProfile opens the saved data off the UI goroutine, asking for the passphrase when the
// vault needs one, then fills every tab from it.
func (u *UI) openProfile(opts vault.Options) {
	runThen(&u.jobs, context.Background(), func(context.Context) (*sfclient.Profile, error) {
		if err := u.prepare(); err != nil {
			return nil, err
		}
		return sfclient.OpenProfile(u.opts.Home, opts)
	}, func(p *sfclient.Profile, err error) {
		switch {
		case errors.Is(err, vault.ErrNoKeySource) || errors.Is(err, vault.ErrWrongKey) && opts.Passphrase != nil:
			u.askPassphrase(opts, err)
		case err != nil:
			u.status.SetText("Cannot open saved data")
			u.showError(err)
		default:
			u.profile = p
			for _, n := range p.Notices {
				u.showError(&notice{n})
			}
			u.settings.load()
			u.connect(nil)
			u.outbox.reload()
			u.recent.reload()
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

// askPassphrase asks for the vault passphrase where no keychain holds the key.
func (u *UI) askPassphrase(opts vault.Options, cause error) {
	entry := widget.NewPasswordEntry()
	text := "This computer has no keychain Lead Desk can use, so your sign-in is protected by a passphrase. Enter it (a new one is set the first time)."
	if errors.Is(cause, vault.ErrWrongKey) {
		text = "That passphrase does not unlock your saved sign-in. Try again."
	}
	var d dialog.Dialog
	unlock := func(ok bool) {
		if !ok {
			u.app.Quit()
			return
		}
		pass := entry.Text
		opts.Passphrase = func() (string, error) { return pass, nil }
		u.openProfile(opts)
	}
	d = dialog.NewCustomConfirm("Passphrase", "Unlock", "Quit", container.NewVBox(wrapped(text), entry), unlock, u.win)
	entry.OnSubmitted = func(string) { d.Hide(); unlock(true) }
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	u.win.Canvas().Focus(entry)
	u.passphrase = entry
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
