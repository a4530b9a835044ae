package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// saveShortcut is Ctrl+S (Cmd+S on macOS): submit on New lead, save on Edit lead.
var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// setMenu gives the window its menu. Menu shortcuts run even while a text box has the
// keyboard, which canvas shortcuts do not, so Ctrl/Cmd+S works wherever the cursor is.
func (u *UI) setMenu() {
	save := fyne.NewMenuItem("Submit or save", u.save)
	save.Shortcut = saveShortcut
	tab := func(label string, i int) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() { u.show(i) })
	}
	u.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("Lead", save, fyne.NewMenuItemSeparator(), tab("New lead", tabNew), tab("Edit lead", tabEdit), tab("Outbox", tabOutbox), tab("Recent leads", tabRecent), tab("Settings", tabSettings)),
		fyne.NewMenu("Help", fyne.NewMenuItem("About Lead Desk", u.about)),
	))
}

// about shows the version and where this computer keeps Lead Desk's data.
func (u *UI) about() {
	where := u.opts.Home
	if u.profile != nil {
		where = u.profile.Vault.Path()
	}
	version := u.opts.Version
	if version == "" {
		version = "development build"
	}
	text := "Lead Desk " + version + "\n\nSends equipment dealers' financing leads to Mazo Capital Solutions' Salesforce.\n\n" +
		"Data on this computer: " + where + " (settings in plain text; sign-in encrypted).\n\n" +
		"Built with Fyne (BSD-3-Clause), golang.org/x/oauth2 and x/crypto (BSD-3-Clause), " +
		"github.com/pkg/browser (BSD-2-Clause), go-keyring (MIT), gofrs/flock (BSD-3-Clause)."
	d := dialog.NewCustom("About Lead Desk", "Close", container.NewVBox(wrapped(text), widget.NewLabel("")), u.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}
