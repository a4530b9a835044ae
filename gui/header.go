package gui

import (
	"fmt"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// header is the line above the tabs: who is signed in, how many leads wait in the outbox, and
// the Sign in button. It also holds the last confirmation, which it shows beside the shown
// tab's buttons (toastslot.go).
type header struct {
	status       *widget.Label
	note         *widget.Label // the last confirmation ("Saved")
	signInButton *widget.Button
	outboxCount  *widget.Button
	lastToast    string
	fade         *time.Timer // hides the confirmation
	// slots are the tabs' places for the note, by tab (toastslot.go); noteHome is the
	// header's, for a tab with none.
	slots    map[int]*fyne.Container
	noteHome *fyne.Container
}

// build makes the header's widgets; signIn and openOutbox are its buttons' actions.
func (h *header) build(signIn, openOutbox func()) fyne.CanvasObject {
	h.status = widget.NewLabel("Opening…")
	h.status.Truncation = fyne.TextTruncateEllipsis // the header never pushes the window wider
	h.signInButton = widget.NewButton("Sign in", signIn)
	h.signInButton.Importance = widget.HighImportance
	h.outboxCount = widget.NewButton("", openOutbox)
	h.outboxCount.Importance = widget.WarningImportance
	h.outboxCount.Hide()
	h.note = widget.NewLabel("")
	h.note.Importance = widget.SuccessImportance
	h.note.Hide()
	h.noteHome = container.NewStack()
	title := widget.NewLabelWithStyle("Lead Desk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, title, container.NewHBox(h.outboxCount, h.signInButton),
		container.NewGridWithColumns(2, h.status, h.noteHome))
}

// toast shows a short confirmation beside the shown tab's buttons, with its time, for
// Options.ConfirmFor or until the next action.
func (u *UI) toast(text string) {
	u.hideToast()
	u.placeNote(u.tabs.SelectedIndex())
	u.lastToast = text
	u.note.SetText("✓ " + text + " · " + u.opts.Now().Format("15:04"))
	u.note.Show()
	u.fade = u.jobs.after(u.opts.ConfirmFor, u.hideToast)
}

// hideToast takes the confirmation away.
func (u *UI) hideToast() {
	if u.fade != nil {
		u.fade.Stop()
		u.fade = nil
	}
	u.note.Hide()
}

// showSession says in the header who is signed in, and offers Sign in when nobody is.
func (u *UI) showSession() {
	if u.client == nil {
		u.status.SetText("Not signed in")
		u.signInButton.Show()
		return
	}
	s := u.client.Session()
	u.status.SetText("Signed in as " + s.DisplayName + " · " + hostOf(s.InstanceURL))
	u.signInButton.Hide()
	u.focusAfterSignIn()
}

// showWaiting shows how many leads or changes wait in the outbox, in the header and on the tab.
func (u *UI) showWaiting(n int) {
	tab := u.tabs.Items[tabOutbox]
	tab.Text = "Outbox"
	if n > 0 {
		tab.Text = fmt.Sprintf("Outbox (%d)", n)
		u.outboxCount.SetText(fmt.Sprintf("%d waiting to be sent", n))
		u.outboxCount.Show()
	} else {
		u.outboxCount.Hide()
	}
	u.tabs.Refresh()
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}
