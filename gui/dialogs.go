package gui

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recordid"
)

// showError shows one plain sentence under a title that says what happened, with
// Salesforce's code (or the cause) in a details line for support.
func (u *UI) showError(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	u.hideToast()
	text := sfclient.Explain(err)
	u.lastError = text
	content := []fyne.CanvasObject{wrapped(text)}
	if d := details(err); d != "" {
		line := widget.NewLabelWithStyle("Details for support: "+d, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		line.Wrapping = fyne.TextWrapWord
		content = append(content, line)
	}
	d := dialog.NewCustom(titleFor(err), "OK", container.NewVBox(content...), u.win)
	d.Resize(fyne.NewSize(480, 200))
	u.showDialog(d, d.Hide, nil)
}

// titleFor is a dialog title saying what happened ("Lead not found"), never a code.
func titleFor(err error) string {
	var (
		m        *message
		api      *sfclient.APIError
		settings *sfclient.SettingsError
		netOp    *net.OpError
		dns      *net.DNSError
	)
	switch {
	case errors.As(err, &m):
		return m.title
	case errors.Is(err, sfclient.ErrSignInRequired), errors.Is(err, sfclient.ErrNotSignedIn):
		return "Sign-in needed"
	case errors.Is(err, sfclient.ErrAccessDenied):
		return "Access declined"
	case errors.Is(err, context.DeadlineExceeded):
		return "Salesforce did not answer"
	case errors.Is(err, recordid.ErrBad):
		return "Not a lead id"
	case errors.As(err, &api):
		return apiTitle(api)
	case errors.As(err, &settings):
		return "Settings needed"
	case errors.As(err, &netOp), errors.As(err, &dns):
		return "Salesforce cannot be reached"
	}
	return "Please note"
}

func apiTitle(e *sfclient.APIError) string {
	switch {
	case e.Code == "NOT_FOUND" || e.Status == 404:
		return "Lead not found"
	case e.Code == "PRECONDITION_FAILED" || e.Status == 412:
		return "Changed by someone else"
	case e.Code == "DUPLICATES_DETECTED":
		return "Possible duplicate"
	case e.Code == "REQUEST_LIMIT_EXCEEDED":
		return "Salesforce's request limit reached"
	case e.Code == "invalid_client_id" || e.Code == "invalid_client" || e.Code == "redirect_uri_mismatch":
		return "Connection settings refused"
	case e.Status == 502 || e.Status == 503 || e.Status == 504:
		return "Salesforce is unavailable"
	case e.Status >= 500:
		return "Salesforce had a problem"
	case e.Status == 401 || e.Status == 403:
		return "Not allowed"
	case len(e.AllFields()) > 0:
		return "Salesforce did not accept the lead"
	}
	return "Salesforce refused the request"
}

// details is the support line for err: Salesforce's code and status, or the cause behind a
// message.
func details(err error) string {
	var api *sfclient.APIError
	if errors.As(err, &api) {
		if api.Code == "" {
			return fmt.Sprintf("status %d", api.Status)
		}
		return fmt.Sprintf("%s (status %d)", api.Code, api.Status)
	}
	var m *message
	if errors.As(err, &m) && m.cause != nil {
		return m.cause.Error()
	}
	return ""
}

// notice is an error whose text is already the sentence to show.
type notice struct{ sentence string }

func (n *notice) Error() string { return n.sentence }
func (n *notice) Plain() string { return n.sentence }

// message is a sentence to show under its own title, with the error behind it (if any) kept
// for the details line.
type message struct {
	title, sentence string
	cause           error
}

func (m *message) Error() string { return m.sentence }
func (m *message) Plain() string { return m.sentence }
func (m *message) Unwrap() error { return m.cause }

// dialogKeys are what Enter and Esc do in a dialog shown with showDialog.
type dialogKeys struct{ enter, esc func() }

// escaped runs onEscape when k is Esc and onEscape is set, and reports whether it ran. A box
// or button in a dialog uses it: Fyne gives a key to the widget with the keyboard, so the
// window's Esc (typedKey) never sees it then.
func escaped(k *fyne.KeyEvent, onEscape func()) bool {
	if k.Name != fyne.KeyEscape || onEscape == nil {
		return false
	}
	onEscape()
	return true
}

// showDialog shows d; while it is the topmost, Enter runs enter (its default button) and Esc
// runs esc (its cancel button; nil means closing it). Enter while one of its buttons has the
// keyboard presses that button instead. When enter is set, the default button (see
// defaultButton) has the keyboard as the dialog opens, so it shows which button Enter presses;
// a dialog with a box to type in gives the box the keyboard after this.
func (u *UI) showDialog(d dialog.Dialog, enter, esc func()) {
	d.Show()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	letEnterPressButtons(top, u.typedKey)
	top.Refresh()
	if b := defaultButton(top); b != nil && enter != nil {
		u.win.Canvas().Focus(b)
	}
	if u.dialogKeys == nil {
		u.dialogKeys = map[fyne.CanvasObject]dialogKeys{}
	}
	for o := range u.dialogKeys { // forget dialogs no longer shown
		if !o.Visible() {
			delete(u.dialogKeys, o)
		}
	}
	if esc == nil {
		esc = d.Hide
	}
	u.dialogKeys[top] = dialogKeys{enter: enter, esc: esc}
}

// confirmDestructive asks before something that cannot be undone. Cancel is the default
// (Enter and Esc); the action's button is not highlighted.
func (u *UI) confirmDestructive(title, text, action string, do func()) {
	u.confirmOrKeep(title, text, "Cancel", action, do)
}

// confirmOrKeep asks before something that cannot be undone, under a question whose safe
// answer is keep ("Keep", "Cancel"): that answer is the highlighted default (Enter and Esc),
// has the keyboard as the question opens, and does nothing; the action's button is plain.
func (u *UI) confirmOrKeep(title, text, keep, action string, do func()) {
	var d *dialog.CustomDialog
	cancel := widget.NewButton(keep, func() { d.Hide() })
	cancel.Importance = widget.HighImportance
	doIt := widget.NewButton(action, func() { d.Hide(); do() })
	d = dialog.NewCustomWithoutButtons(title, wrapped(text), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, doIt})
	d.Resize(fyne.NewSize(460, 180))
	u.showDialog(d, d.Hide, nil)
}

// typedKey is a key no widget took. Esc cancels the action under way, or else closes the
// topmost dialog; Enter confirms the topmost dialog's default button.
func (u *UI) typedKey(k *fyne.KeyEvent) {
	top := u.win.Canvas().Overlays().Top()
	keys, known := u.dialogKeys[top]
	switch k.Name {
	case fyne.KeyEscape:
		switch {
		case u.cancelProgress != nil:
			u.cancelProgress()
		case known:
			keys.esc()
		case top != nil:
			top.Hide()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if known && keys.enter != nil {
			keys.enter()
		}
	case fyne.KeyF5:
		if top == nil {
			u.refreshLeads()
		}
	}
}

// openInBrowser opens a web page (Salesforce, the terms page) in the system browser.
func (u *UI) openInBrowser(raw string) {
	if parsed, err := url.Parse(raw); err == nil && (parsed.Scheme == "https" || parsed.Scheme == "http") {
		if err := u.app.OpenURL(parsed); err != nil {
			u.showError(err)
		}
	}
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
