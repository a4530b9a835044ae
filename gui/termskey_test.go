package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leaddesk/sfclient/sftest"
)

func TestCtrlTTicksAndUnticksTheTermsWhileTheKeyboardStaysInItsField(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.typeHere("Dana") // in First name
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	if !h.u.newLead.terms.Checked {
		t.Fatal("Ctrl+T did not tick the terms box")
	}
	if h.fieldWithKeyboard() != "FirstName" || h.u.newLead.form.inputs["FirstName"].text() != "Dana" {
		t.Fatalf("after Ctrl+T the keyboard is in %q", h.fieldWithKeyboard())
	}
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	if h.u.newLead.terms.Checked {
		t.Fatal("a second Ctrl+T did not untick the terms box")
	}
}

func TestCtrlTClearsTheTermsProblemOfARefusedSubmit(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.typeMinimalLead()
	h.ctrlS()
	if !h.u.newLead.termsErr.Visible() || !h.u.newLead.attention.Visible() {
		t.Fatal("a lead without the terms was not refused")
	}
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	if h.u.newLead.termsErr.Visible() || h.u.newLead.attention.Visible() {
		t.Fatalf("the terms problem stays after Ctrl+T: %q", h.u.newLead.attention.Text)
	}
	h.ctrlS()
	if n := len(h.org.LeadIDs()); n != 1 {
		t.Fatalf("%d leads stored after Ctrl+T, Ctrl+S (%s)", n, h.u.lastError)
	}
}

func TestTheTermsKeyIsSaidBesideTheBoxAndClashesWithNoOtherShortcut(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	key := shortcutText(termsShortcut)
	if !visibleText(h.u.newLead.actions, "("+key+")") {
		t.Fatalf("the terms line does not say %s", key)
	}
	seen := map[string]string{}
	for _, i := range h.menuItems() {
		if i.Shortcut == nil {
			continue
		}
		name := i.Shortcut.ShortcutName()
		if other, ok := seen[name]; ok {
			t.Errorf("%s runs both %q and %q", shortcutText(i.Shortcut), other, i.Label)
		}
		seen[name] = i.Label
	}
	if seen[termsShortcut.ShortcutName()] != "Tick or untick the terms" {
		t.Fatalf("the menu has no Tick or untick the terms on %s", key)
	}
	if termsShortcut.ShortcutName() == revealShortcut.ShortcutName() {
		t.Fatal("Ctrl+T is also the SSN boxes' show or hide")
	}
}

func TestCtrlTOnAnotherTabLeavesNewLeadsTermsAlone(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.shortcut(fyne.Key2, fyne.KeyModifierShortcutDefault)
	h.shortcut(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	if h.u.newLead.terms.Checked {
		t.Fatal("Ctrl+T on Edit lead ticked New lead's terms box, out of sight")
	}
}

func TestTheTermsBoxHasTheSameTabNeighboursWhetherOrNotTheBannerShows(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	p := h.u.newLead
	around := []fyne.Focusable{p.files.addB, p.terms, h.nextAfter(p.terms), p.submitB}
	for _, banner := range []bool{false, true} {
		if banner {
			h.submitMinimal()
			if bannerTitle(p.banner) == nil {
				t.Fatalf("no banner (%s)", h.u.lastError)
			}
		}
		h.canvas().Focus(p.files.addB)
		for _, want := range around[1:] {
			h.tab()
			if h.focused() != want {
				t.Fatalf("banner %v: Tab reached %T, want %T", banner, h.focused(), want)
			}
		}
		for i := len(around) - 2; i >= 0; i-- {
			test.FocusPrevious(h.canvas())
			if h.focused() != around[i] {
				t.Fatalf("banner %v: Shift+Tab reached %T, want %T", banner, h.focused(), around[i])
			}
		}
	}
}

// nextAfter is the Tab stop after f.
func (h *harness) nextAfter(f fyne.Focusable) fyne.Focusable {
	h.canvas().Focus(f)
	h.tab()
	return h.focused()
}
