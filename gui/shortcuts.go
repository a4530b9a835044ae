package gui

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// command is one thing the window can be asked to do from its menu: the menu it sits in, its
// group there (groups are parted by a line), its label, what it does, and its shortcut.
type command struct {
	menu     string
	group    int
	label    string
	action   func()
	shortcut fyne.Shortcut // nil: none; the Keyboard shortcuts window offers a button instead
}

// helpShortcut is Ctrl+/ (Cmd+/ on macOS): the Keyboard shortcuts window. A modifier key is
// needed: Fyne hands the menu no plain key (F1) while a text box has the keyboard.
var helpShortcut = &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}

// termsShortcut is Ctrl+T (Cmd+T on macOS): tick or untick New lead's terms box, which every
// lead needs, from wherever the cursor is in the form. No text box of Fyne's takes Ctrl+T.
var termsShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}

// tickTerms is Ctrl/Cmd+T: on New lead it ticks or unticks the terms box, the keyboard
// staying where it is; elsewhere it does nothing, as there is no terms box in view.
func (u *UI) tickTerms() {
	if u.tabs.Selected().Content == u.newLead.content {
		u.newLead.toggleTerms()
	}
}

// commands are the window's commands in menu order: the one table the menu is built from and
// the Keyboard shortcuts window lists.
func (u *UI) commands() []command {
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	cmds := []command{{menu: "Lead", label: "Submit or save", action: u.save, shortcut: saveShortcut},
		{menu: "Lead", label: "Tick or untick the terms", action: u.tickTerms, shortcut: termsShortcut}}
	for i, label := range []string{"New lead", "Edit lead", "Outbox", "My leads", "Settings"} {
		cmds = append(cmds, command{menu: "Lead", group: 1, label: label, action: func() { u.pick(i) }, shortcut: ctrl(tabKeys[i])})
	}
	cmds = append(cmds,
		command{menu: "Lead", group: 2, label: "Next tab", action: func() { u.step(1) },
			shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}},
		command{menu: "Lead", group: 2, label: "Previous tab", action: func() { u.step(-1) },
			shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}},
		command{menu: "Lead", group: 3, label: "Find a lead", action: u.findLead, shortcut: ctrl(fyne.KeyF)},
		command{menu: "Lead", group: 3, label: "Refresh my leads", action: u.refreshLeads, shortcut: ctrl(fyne.KeyR)})
	if u.opts.ResetDemo != nil {
		cmds = append(cmds, command{menu: "Lead", group: 4, label: "Reset demo data…", action: u.resetDemo})
	}
	return append(cmds,
		command{menu: "Lead", group: 5, label: "Quit", action: u.quit, shortcut: quitShortcut}, // last, as menus have it
		command{menu: "Help", label: "Keyboard shortcuts", action: u.showShortcuts, shortcut: helpShortcut},
		command{menu: "Help", label: "About Lead Desk", action: u.about})
}

// keysInFields are the keys that work inside the tabs rather than from the menu.
var keysInFields = [][2]string{
	{"Tab, Shift+Tab", "next, previous field"},
	{"Space", "press, tick, open or fold"},
	{"Enter", "dialog's default; load, search"},
	{"Esc", "close a dialog, stop a wait"},
	{"↓ ↑", "a picklist's values; into My leads"},
	{"F5", "read My leads again"},
}

// showShortcuts is the Keyboard shortcuts window (Help menu, Ctrl/Cmd+/): every command of
// the menu with its shortcut, read from the same table the menu is built from, with a button
// for each command that has none; then the keys that work in the tabs. Enter and Esc close it.
func (u *UI) showShortcuts() {
	var keys [][2]string
	for _, c := range u.commands() {
		if c.shortcut != nil {
			keys = append(keys, [2]string{shortcutText(c.shortcut), c.label})
		}
	}
	keys = append(keys, [2]string{shortcutText(revealShortcut), "show or hide an SSN or the passphrase"})
	keys = append(keys, keysInFields...)
	// Two columns, so that all of it shows in an 800×600 window without a scroll the keyboard
	// could not move.
	columns := container.NewGridWithColumns(2)
	half := (len(keys) + 1) / 2
	for _, part := range [][][2]string{keys[:half], keys[half:]} {
		column := container.New(layout.NewFormLayout())
		for _, k := range part {
			column.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
			column.Add(widget.NewLabel(k[1]))
		}
		columns.Add(column)
	}
	var d *dialog.CustomDialog
	buttons := container.NewHBox()
	for _, c := range u.commands() {
		if c.shortcut == nil {
			action := c.action
			buttons.Add(widget.NewButton(c.label, func() { d.Hide(); action() }))
		}
	}
	intro := wrapped("The menu's commands work wherever the cursor is. Those without a key are the buttons below.")
	d = dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVBox(intro, columns, buttons), u.win)
	d.Resize(fyne.NewSize(760, 0)) // as tall as its content
	u.showDialog(d, d.Hide, nil)
}

// shortcutText writes a shortcut as a person reads it on this computer: "Ctrl+Shift+Tab",
// "Cmd+S" on macOS.
func shortcutText(s fyne.Shortcut) string {
	c, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{
		{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierAlt, map[bool]string{true: "Option", false: "Alt"}[runtime.GOOS == "darwin"]},
		{fyne.KeyModifierShift, "Shift"}, {fyne.KeyModifierSuper, map[bool]string{true: "Cmd", false: "Super"}[runtime.GOOS == "darwin"]},
	} {
		if c.Modifier&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, string(c.KeyName)), "+")
}
