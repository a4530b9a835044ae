package gui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

// menuItems are the window's menu items, separators left out.
func (h *harness) menuItems() []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, m := range h.u.win.MainMenu().Items {
		for _, i := range m.Items {
			if !i.IsSeparator {
				items = append(items, i)
			}
		}
	}
	return items
}

func TestCtrlSlashListsEveryShortcutOfTheMenu(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.typeHere("Dana") // in First name: the shortcut works from a text box too
	h.shortcut(fyne.KeySlash, fyne.KeyModifierShortcutDefault)
	top := h.u.win.Canvas().Overlays().Top()
	if !visibleText(top, "Keyboard shortcuts") {
		t.Fatal("Ctrl+/ did not show the Keyboard shortcuts window")
	}
	for _, i := range h.menuItems() {
		if i.Shortcut != nil && (!visibleText(top, shortcutText(i.Shortcut)) || !visibleText(top, i.Label)) {
			t.Errorf("the window does not list %s for %q", shortcutText(i.Shortcut), i.Label)
		}
	}
	h.key(fyne.KeyEscape)
	if h.dialogs() != 0 {
		t.Fatal("Esc did not close the Keyboard shortcuts window")
	}
	if got := h.u.newLead.form.inputs["FirstName"].text(); got != "Dana" || h.fieldWithKeyboard() != "FirstName" {
		t.Fatalf("after the window closed First name holds %q and the keyboard is in %q", got, h.fieldWithKeyboard())
	}
}

func TestEveryMenuCommandWithoutAShortcutIsAButtonOfTheShortcutsWindow(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.u.opts.ResetDemo = func() error { return os.Remove(filepath.Join(h.home, vault.FileName)) }
	h.u.setMenu()
	opens := map[string]string{"Reset demo data…": "Reset the demo?", "About Lead Desk": "Data on this computer"}
	for _, i := range h.menuItems() {
		if i.Shortcut != nil {
			continue
		}
		says, known := opens[i.Label]
		if !known {
			t.Fatalf("%q has no shortcut and this test does not know what it opens", i.Label)
		}
		h.shortcut(fyne.KeySlash, fyne.KeyModifierShortcutDefault)
		h.tabUntil(i.Label, func() bool { return h.focusedButton() == i.Label })
		h.press(fyne.KeySpace)
		if h.dialogs() != 1 || !visibleText(h.u.win.Canvas().Overlays().Top(), says) {
			t.Fatalf("the %q button of the shortcuts window did not open what the menu item does", i.Label)
		}
		h.key(fyne.KeyEscape)
	}
}
