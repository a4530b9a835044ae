package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// saveShortcut is Ctrl+S (Cmd+S on macOS): submit on New lead, save on Edit lead.
var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// quitShortcut is Ctrl+Q (Cmd+Q on macOS): quit as the window's close button does, asking
// first about unsaved edits and leads waiting in the Outbox.
var quitShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}

// tabKeys are the digit keys that pick the tabs, in tab order: Ctrl/Cmd+1 is New lead.
var tabKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5}

// setMenu gives the window its menu, built from the window's commands (shortcuts.go), the
// same table the Keyboard shortcuts window lists. Menu shortcuts run even while a text box has
// the keyboard, which canvas shortcuts do not, so every command's shortcut works wherever the
// cursor is; the menu shows them.
func (u *UI) setMenu() {
	var menus []*fyne.Menu
	group := -1
	for _, c := range u.commands() {
		if len(menus) == 0 || menus[len(menus)-1].Label != c.menu {
			menus, group = append(menus, fyne.NewMenu(c.menu)), c.group
		}
		m := menus[len(menus)-1]
		if c.group != group {
			m.Items, group = append(m.Items, fyne.NewMenuItemSeparator()), c.group
		}
		i := fyne.NewMenuItem(c.label, c.action)
		i.Shortcut = c.shortcut
		// Quit is marked as such, so Fyne adds no Quit of its own that would skip the questions.
		i.IsQuit = c.shortcut == quitShortcut
		m.Items = append(m.Items, i)
	}
	u.win.SetMainMenu(fyne.NewMainMenu(menus...))
}

// refreshLeads is Ctrl/Cmd+R and F5: show My leads read afresh from Salesforce.
func (u *UI) refreshLeads() {
	if u.tabs.Selected().Content != u.myLeads.content {
		u.show(tabMyLeads) // its first showing reads the list
	}
	u.myLeads.refresh()
}

// findLead is Ctrl/Cmd+F: My leads, with the keyboard in its search box.
func (u *UI) findLead() {
	u.show(tabMyLeads)
	u.myLeads.focusSearch()
}

// step shows the next tab (by > 0) or the previous one, wrapping around.
func (u *UI) step(by int) {
	n := len(u.tabs.Items)
	u.show(((u.tabs.SelectedIndex()+by)%n + n) % n)
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
	u.showDialog(d, d.Hide, nil)
}

// resetDemo empties the demo org and the demo profile, after confirmation, and opens the
// profile again: the demo starts as on its first run, signed out.
func (u *UI) resetDemo() {
	u.confirmDestructive("Reset the demo?", "Delete the demo's leads, drafts, Outbox, recent leads and sign-in, and start again with only the demo org's sample leads? Your real profile is not touched.", "Reset demo data", func() {
		u.busy("Resetting the demo…", func(context.Context) error { return u.opts.ResetDemo() }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.newLead.reset()
			u.edit.clear()
			u.myLeads.reset()
			u.reopenProfile()
			u.toast("Demo data reset")
		})
	})
}
