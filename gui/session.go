package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recent"
)

// connect makes a client from the stored session, if any (reading the vault off the UI
// goroutine), updates the header, and then runs then (if any).
func (u *UI) connect(then func()) {
	p := u.profile
	runThen(&u.jobs, context.Background(), func(context.Context) (*sfclient.Client, error) {
		return p.Client(sfclient.ClientOptions{HTTPClient: u.opts.HTTPClient})
	}, func(c *sfclient.Client, err error) {
		if err != nil {
			u.signedOut()
			u.settings.showStatus()
			if !errors.Is(err, sfclient.ErrSignInRequired) {
				u.showError(err)
			}
			return
		}
		u.client = c
		u.showSession()
		u.settings.showStatus()
		u.loadDescribe()
		u.myLeads.signedIn()
		u.outbox.sendAll(false) // signed in again: what waited can go now
		if then != nil {
			then()
		}
	})
}

// loadDescribe takes the org's labels and picklists for both forms; without them the forms
// keep the built-in catalogue's.
func (u *UI) loadDescribe() {
	c := u.client
	runThen(&u.jobs, context.Background(), c.DescribeLead, func(d *sfclient.Describe, err error) {
		if err == nil {
			u.newLead.applyDescribe(d)
			u.edit.applyDescribe(d)
		}
	})
}

// callHost is what callThen needs of the window: the session, and a way to sign in again.
type callHost interface {
	busyHost
	currentClient() *sfclient.Client
	signIn(then func())
	sessionEnded(err error, retry func())
}

// callThen runs a Salesforce action behind the progress dialog and hands its result to show.
// When the session has died, it asks the person to sign in again and then runs the same action
// once more; what they typed is untouched meanwhile.
func callThen[T any](h callHost, what string, action func(context.Context, *sfclient.Client) (T, error), show func(T, error)) {
	c := h.currentClient()
	if c == nil {
		h.signIn(func() { callThen(h, what, action, show) })
		return
	}
	busyThen(h, what, func(ctx context.Context) (T, error) { return action(ctx, c) }, func(result T, err error) {
		if errors.Is(err, sfclient.ErrSignInRequired) {
			h.sessionEnded(err, func() { callThen(h, what, action, show) })
			return
		}
		show(result, err)
	})
}

// call is callThen for an action that has no result but its error.
func (u *UI) call(what string, action func(context.Context, *sfclient.Client) error, done func(error)) {
	callThen(u, what, func(ctx context.Context, c *sfclient.Client) (struct{}, error) { return struct{}{}, action(ctx, c) },
		func(_ struct{}, err error) { done(err) })
}

// sessionEnded drops the dead session and offers to sign in again, then to run retry.
func (u *UI) sessionEnded(err error, retry func()) {
	u.signedOut()
	u.status.SetText("Session ended: sign in again")
	u.reauth = dialog.NewConfirm("Sign in again", sfclient.Explain(err)+"\n\nSign in now?", func(ok bool) {
		u.reauth = nil
		if ok {
			u.signIn(retry)
		}
	}, u.win)
	u.showDialog(u.reauth, u.reauth.Confirm, nil)
}

// rememberLead remembers a lead made or edited here (off the UI goroutine); My leads reads
// Salesforce afresh the next time it is shown.
func (u *UI) rememberLead(id string, fields map[string]any, edited bool) {
	if u.profile == nil || id == "" {
		return
	}
	kind := recent.Created
	if edited {
		kind = recent.Edited
	}
	company, _ := fields["Company"].(string)
	first, _ := fields["FirstName"].(string)
	last, _ := fields["LastName"].(string)
	l := recent.Lead{ID: id, Company: company, Name: joinNonEmpty(first, last), At: u.opts.Now(), Kind: kind}
	v := u.profile.Vault
	u.jobs.run(context.Background(), func(context.Context) error { return recent.Remember(v, l) }, func(error) { u.myLeads.changed() })
}
