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
}

// signIn signs in through the browser, then runs then (if any): the action that needed it.
func (u *UI) signIn(then func()) {
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
			u.browserSignIn(in, then)
		default:
			u.pasteSignIn(in, then)
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

func (u *UI) browserSignIn(in *sfclient.SignIn, then func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sd := u.newSignInDialog("Your browser is opening Salesforce's sign-in page. Sign in there and choose Allow; this window continues by itself. If no browser opens, copy this address into one:",
		widget.NewProgressBarInfinite(), container.NewCenter(widget.NewButton("Cancel", cancel)))
	sd.cancel = cancel
	u.signInDialog = sd
	u.showDialog(sd.dialog, nil, func() { cancel(); u.finishSignIn(sd, context.Canceled, nil) })
	u.jobs.run(ctx, func(ctx context.Context) error {
		sess, err := in.Login(ctx, sfclient.LoginOptions{
			OpenBrowser: u.opts.OpenBrowser,
			OnURL:       func(address string) { u.jobs.post(func() { sd.url.SetText(address) }) },
		})
		if err == nil {
			err = u.profile.SaveSession(sess)
		}
		return err
	}, func(err error) { u.finishSignIn(sd, err, then) })
}

func (u *UI) pasteSignIn(in *sfclient.SignIn, then func()) {
	attempt, err := in.Begin()
	if err != nil {
		u.showError(err)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	var sd *signInDialog
	paste := widget.NewEntry()
	paste.SetPlaceHolder("Paste the code or the whole address here")
	submit := func() {
		text := paste.Text
		u.jobs.run(ctx, func(ctx context.Context) error {
			sess, err := attempt.FinishPasted(ctx, text)
			if err == nil {
				err = u.profile.SaveSession(sess)
			}
			return err
		}, func(err error) {
			if errors.Is(err, sfclient.ErrNoCode) || errors.Is(err, sfclient.ErrStateMismatch) {
				u.showError(err) // let them paste again; the dialog stays
				return
			}
			u.finishSignIn(sd, err, then)
		})
	}
	paste.OnSubmitted = func(string) { submit() }
	sd = u.newSignInDialog("Open this address in a browser, sign in and choose Allow. Then paste the code, or the whole address the browser shows, below.",
		paste, container.NewHBox(widget.NewButton("Open browser", func() { openInBrowser(u, attempt.URL) }),
			widget.NewButton("Sign in", submit), widget.NewButton("Cancel", func() { cancel(); u.finishSignIn(sd, context.Canceled, nil) })))
	sd.url.SetText(attempt.URL)
	sd.paste, sd.cancel = paste, cancel
	u.signInDialog = sd
	u.showDialog(sd.dialog, submit, func() { cancel(); u.finishSignIn(sd, context.Canceled, nil) })
}

func (u *UI) finishSignIn(sd *signInDialog, err error, then func()) {
	if u.signInDialog != sd {
		return
	}
	sd.dialog.Hide()
	sd.cancel()
	u.signInDialog = nil
	if err != nil {
		u.showError(err)
		return
	}
	u.connect(then)
}
