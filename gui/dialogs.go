package gui

import (
	"context"
	"errors"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient"
)

// showError shows one plain sentence, with Salesforce's code in a details line.
func (u *UI) showError(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	text := sfclient.Explain(err)
	u.lastError = text
	content := []fyne.CanvasObject{wrapped(text)}
	if d := details(err); d != "" {
		details := widget.NewLabel("Details: " + d)
		details.Importance = widget.LowImportance
		details.Wrapping = fyne.TextWrapWord
		content = append(content, details)
	}
	d := dialog.NewCustom("Something needs attention", "OK", container.NewVBox(content...), u.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// notice is an error whose text is already the sentence to show.
type notice struct{ sentence string }

func (n *notice) Error() string { return n.sentence }
func (n *notice) Plain() string { return n.sentence }

// escape is Esc: it cancels the action under way, or else closes the topmost dialog.
func (u *UI) escape(k *fyne.KeyEvent) {
	if k.Name != fyne.KeyEscape {
		return
	}
	if u.cancelProgress != nil {
		u.cancelProgress()
		return
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
}

// openInBrowser opens a web page (Salesforce, the terms page) in the system browser.
func openInBrowser(u *UI, raw string) {
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

// noticeWithDetails is a notice with the error behind it kept for the details line.
type noticeWithDetails struct {
	notice
	cause error
}

func (n *noticeWithDetails) Unwrap() error { return n.cause }

// details is the support line for err: Salesforce's status and code, or the cause behind a
// notice.
func details(err error) string {
	if d := sfclient.Details(err); d != "" {
		return d
	}
	var n *noticeWithDetails
	if errors.As(err, &n) && n.cause != nil {
		return n.cause.Error()
	}
	return ""
}
