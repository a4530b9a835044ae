package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
)

// signInDialog is the dialog shown while the browser sign-in runs.
type signInDialog struct {
	dialog dialog.Dialog
	url    *widget.Entry
	paste  *widget.Entry // only for a redirect URI that is a web page
	cancel context.CancelFunc
	// spinner is the browser sign-in's progress bar, stopped as the dialog closes; nil in a
	// dialog without one.
	spinner *widget.ProgressBarInfinite
	// abandoned runs when the dialog goes without a kept sign-in (cancelled, refused, or a
	// sign-in as someone else not kept); nil does nothing.
	abandoned func()
}

// signIn signs in through the browser, then runs then (if any): the action that needed it.
func (u *UI) signIn(then func()) { u.signInOr(then, nil) }

// signInOr is signIn that runs abandoned (nil: nothing) when the sign-in ends without a
// session, so the action waiting for it can say it did not happen.
func (u *UI) signInOr(then, abandoned func()) {
	if u.profile == nil || u.signInDialog != nil {
		return
	}
	runThen(&u.jobs, context.Background(), func(context.Context) (*sfclient.SignIn, error) {
		in, err := u.profile.SignIn(u.opts.HTTPClient)
		if err == nil {
			err = in.Settings.Validate()
		}
		return in, err
	}, func(in *sfclient.SignIn, err error) {
		var settingsErr *sfclient.SettingsError
		switch {
		case errors.As(err, &settingsErr):
			u.show(tabSettings)
			u.showError(err)
		case err != nil:
			u.showError(err)
		case sfclient.IsLoopbackRedirect(in.Settings.Redirect()):
			u.browserSignIn(in, then, abandoned)
			return
		default:
			u.pasteSignIn(in, then, abandoned)
			return
		}
		if abandoned != nil {
			abandoned()
		}
	})
}

func (u *UI) newSignInDialog(intro string, extra ...fyne.CanvasObject) *signInDialog {
	sd := &signInDialog{url: widget.NewEntry()}
	sd.url.Wrapping = fyne.TextWrapBreak
	sd.url.MultiLine = true
	sd.url.SetMinRowsVisible(3)
	copyButton := widget.NewButton("Copy address", func() { u.app.Clipboard().SetContent(sd.url.Text) })
	items := []fyne.CanvasObject{wrapped(intro), sd.url, container.NewHBox(copyButton)}
	items = append(items, extra...)
	sd.dialog = dialog.NewCustomWithoutButtons("Sign in to Salesforce", container.NewVBox(items...), u.win)
	sd.dialog.Resize(fyne.NewSize(560, 320))
	return sd
}

func (u *UI) browserSignIn(in *sfclient.SignIn, then, abandoned func()) {
	ctx, cancel := context.WithCancel(context.Background())
	spinner := widget.NewProgressBarInfinite()
	sd := u.newSignInDialog("Your browser is opening Salesforce's sign-in page. Sign in there and choose Allow; this window continues by itself. If no browser opens, copy this address into one:",
		spinner, container.NewCenter(widget.NewButton("Cancel", cancel)))
	sd.cancel, sd.abandoned, sd.spinner = cancel, abandoned, spinner
	u.signInDialog = sd
	u.showDialog(sd.dialog, nil, func() { cancel(); u.finishSignIn(sd, context.Canceled, nil) })
	prof := u.profile
	runThen(&u.jobs, ctx, func(ctx context.Context) (finished, error) {
		sess, err := in.Login(ctx, sfclient.LoginOptions{
			OpenBrowser: u.opts.OpenBrowser,
			OnURL:       func(address string) { u.jobs.post(func() { sd.url.SetText(address) }) },
		})
		return keepIfSame(ctx, prof, in, sess, err)
	}, func(f finished, err error) { u.afterSignIn(sd, in, f, err, then) })
}

func (u *UI) pasteSignIn(in *sfclient.SignIn, then, abandoned func()) {
	attempt, err := in.Begin()
	if err != nil {
		u.showError(err)
		if abandoned != nil {
			abandoned()
		}
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	var sd *signInDialog
	paste := widget.NewEntry()
	paste.SetPlaceHolder("Paste the code or the whole address here")
	prof := u.profile
	submit := func() {
		text := paste.Text
		runThen(&u.jobs, ctx, func(ctx context.Context) (finished, error) {
			sess, err := attempt.FinishPasted(ctx, text)
			return keepIfSame(ctx, prof, in, sess, err)
		}, func(f finished, err error) {
			if errors.Is(err, sfclient.ErrNoCode) || errors.Is(err, sfclient.ErrStateMismatch) {
				u.showError(err) // let them paste again; the dialog stays
				return
			}
			u.afterSignIn(sd, in, f, err, then)
		})
	}
	paste.OnSubmitted = func(string) { submit() }
	sd = u.newSignInDialog("Open this address in a browser, sign in and choose Allow. Then paste the code, or the whole address the browser shows, below.",
		paste, container.NewHBox(widget.NewButton("Open browser", func() { u.openInBrowser(attempt.URL) }),
			widget.NewButton("Sign in", submit), widget.NewButton("Cancel", func() { cancel(); u.finishSignIn(sd, context.Canceled, nil) })))
	sd.url.SetText(attempt.URL)
	sd.paste, sd.cancel, sd.abandoned = paste, cancel, abandoned
	u.signInDialog = sd
	u.showDialog(sd.dialog, submit, func() { cancel(); u.finishSignIn(sd, context.Canceled, nil) })
}

// finished is a sign-in Salesforce completed, and what Lead Desk made of it.
type finished struct {
	sess *sfclient.Session
	// change is another org or user than the one whose work this computer holds: the
	// sign-in is not kept until the person chooses. Nil when it was kept.
	change   *sfclient.IdentityChangeError
	settings sfclient.Settings // as saved with a kept sign-in (the org id included)
}

// keepIfSame runs off the UI goroutine after Login or FinishPasted gave sess (or err). The
// first sign-in, or the same user again, is kept at once (Profile.AdoptSignIn); a sign-in
// as someone else is handed back unkept, with the change to ask about.
func keepIfSame(ctx context.Context, prof *sfclient.Profile, in *sfclient.SignIn, sess *sfclient.Session, err error) (finished, error) {
	if err != nil {
		return finished{}, err
	}
	change, err := prof.CheckIdentity(sess)
	if err != nil || change != nil {
		return finished{sess: sess, change: change}, err
	}
	return adopt(ctx, prof, in, sess)
}

// adopt keeps sess as the profile's sign-in (revoking the previous session at its server)
// and reads back the settings it saved.
func adopt(ctx context.Context, prof *sfclient.Profile, in *sfclient.SignIn, sess *sfclient.Session) (finished, error) {
	if err := prof.AdoptSignIn(ctx, in.HTTPClient, in.Settings, in.ClientSecret, sess); err != nil {
		return finished{}, err
	}
	st, err := prof.Settings()
	return finished{sess: sess, settings: st}, err
}

// afterSignIn closes the sign-in dialog for a kept sign-in (or an error), or first asks
// about a sign-in as someone else.
func (u *UI) afterSignIn(sd *signInDialog, in *sfclient.SignIn, f finished, err error, then func()) {
	switch {
	case err == nil && f.change != nil:
		u.askSwitch(sd, in, f, then)
	case err == nil:
		u.useSettings(f.settings)
		u.finishSignIn(sd, nil, then)
	default:
		u.finishSignIn(sd, err, then)
	}
}

// askSwitch says who signed in and what becomes of the work kept here (sfclient.Explain),
// then lets the person Switch or Cancel. Cancel is the default (Enter and Esc): the new
// session is ended at its server and the previous one stays as it was.
func (u *UI) askSwitch(sd *signInDialog, in *sfclient.SignIn, f finished, then func()) {
	sd.dialog.Hide()
	var d *dialog.CustomDialog
	cancel := widget.NewButton("Cancel", func() { d.Hide(); u.dropSignIn(sd, in, f.sess) })
	cancel.Importance = widget.HighImportance
	switchTo := widget.NewButton("Switch to "+f.change.Next.Username, func() { d.Hide(); u.switchTo(sd, in, f.sess, then) })
	title := "Signed in as someone else"
	if f.change.OtherOrg {
		title = "Signed in to another Salesforce org"
	}
	d = dialog.NewCustomWithoutButtons(title, wrapped(sfclient.Explain(f.change)), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, switchTo})
	d.Resize(fyne.NewSize(520, 240))
	u.showDialog(d, cancel.OnTapped, cancel.OnTapped)
}

// dropSignIn ends a sign-in the person chose not to keep, at the server that issued it;
// what is saved here (the previous session included) is untouched.
func (u *UI) dropSignIn(sd *signInDialog, in *sfclient.SignIn, sess *sfclient.Session) {
	if !u.closeSignIn(sd) {
		return
	}
	if sd.abandoned != nil {
		sd.abandoned()
	}
	u.busy("Ending that sign-in…", func(ctx context.Context) error {
		return sfclient.RevokeSession(ctx, in.HTTPClient, sess, in.Settings)
	}, func(err error) {
		if err != nil {
			u.showError(&message{title: "Sign-in not kept", sentence: "The new sign-in was not kept, but Salesforce could not be told to end it; it ends there when an admin revokes it.", cause: err})
			return
		}
		u.toast("Sign-in not kept")
	})
}

// switchTo keeps a sign-in as someone else after the person chose to switch, then reloads
// the panels that show the work kept here.
func (u *UI) switchTo(sd *signInDialog, in *sfclient.SignIn, sess *sfclient.Session, then func()) {
	prof := u.profile
	busyThen(u, "Switching to "+sess.Username+"…", func(ctx context.Context) (finished, error) {
		return adopt(ctx, prof, in, sess)
	}, func(f finished, err error) {
		u.afterSignIn(sd, in, f, err, then)
		if err == nil {
			u.outbox.reload()
			u.myLeads.reset()
		}
	})
}

// closeSignIn takes the sign-in dialog sd away; false when it is no longer the one shown.
func (u *UI) closeSignIn(sd *signInDialog) bool {
	if u.signInDialog != sd {
		return false
	}
	sd.dialog.Hide()
	stopSpinner(sd.spinner)
	sd.cancel()
	u.signInDialog = nil
	return true
}

func (u *UI) finishSignIn(sd *signInDialog, err error, then func()) {
	if !u.closeSignIn(sd) {
		return
	}
	if err != nil {
		u.showError(err)
		if sd.abandoned != nil {
			sd.abandoned()
		}
		return
	}
	u.connect(then)
}
