package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// twoLeads signs in with two of the dealer's leads in the org, Hartley Grading the newer.
func twoLeads(t *testing.T) (h *harness, loneStar, hartley string) {
	h = newHarness(t, sftest.Options{})
	h.signIn()
	loneStar = h.addLead("Lana", "Star", "Lone Star Earthworks LLC", nil)
	h.org.Advance(time.Minute)
	hartley = h.addLead("Hal", "Hartley", "Hartley Grading", nil)
	return h, loneStar, hartley
}

func TestCtrl4PutsTheKeyboardInTheSearchBoxAndEnterSearches(t *testing.T) {
	h, _, _ := twoLeads(t)
	h.showMyLeads() // Ctrl+4
	h.typeHere("lone star")
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if h.selectedTab() != "My leads" {
		t.Fatalf("Enter in the search box opened %s", h.selectedTab())
	}
	if n := h.u.myLeads.list.Length(); n != 1 || !strings.Contains(h.rowText(0), "Lone Star Earthworks") {
		t.Fatalf("%d leads listed for “lone star” (%s)", n, h.u.myLeads.note.Text)
	}
}

func TestDownInTheSearchBoxMovesIntoTheListAndEnterOpensTheLead(t *testing.T) {
	h, _, hartley := twoLeads(t)
	h.showMyLeads()
	h.press(fyne.KeyDown)
	if h.focused() != fyne.Focusable(h.u.myLeads.list) || h.u.myLeads.selected != 0 {
		t.Fatalf("Down left the keyboard in %T with row %d selected", h.focused(), h.u.myLeads.selected)
	}
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	if h.selectedTab() != "Edit lead" || h.u.edit.loadedID != hartley {
		t.Fatalf("Enter opened %s with %q, want Edit lead with the newest lead", h.selectedTab(), h.u.edit.loadedID)
	}
}

func TestTabAndShiftTabReachTheSearchBoxInReadingOrder(t *testing.T) {
	h, _, _ := twoLeads(t)
	h.showMyLeads()
	p := h.u.myLeads
	test.FocusPrevious(h.canvas())
	test.FocusPrevious(h.canvas())
	if h.focused() != fyne.Focusable(p.status) {
		t.Fatalf("two Shift+Tabs from the search box reached %T, not Any status", h.focused())
	}
	var order []string
	for range 4 {
		h.tab()
		switch f := h.focused(); f {
		case fyne.Focusable(p.days):
			order = append(order, "time")
		case fyne.Focusable(p.search):
			order = append(order, "search")
		case fyne.Focusable(p.list):
			order = append(order, "list")
		default:
			if b, ok := f.(*widget.Button); ok {
				order = append(order, b.Text)
			}
		}
	}
	if got := strings.Join(order, " → "); got != "time → search → Refresh → list" {
		t.Fatalf("Tab goes %s", got)
	}
}

func TestCtrlFShowsMyLeadsWithTheKeyboardInTheSearchBox(t *testing.T) {
	h, _, _ := twoLeads(t)
	h.showMyLeads()
	h.typeHere("lone star")
	h.press(fyne.KeyReturn)
	h.u.jobs.drain()
	h.shortcut(fyne.Key1, fyne.KeyModifierShortcutDefault) // to New lead
	h.shortcut(fyne.KeyF, fyne.KeyModifierShortcutDefault)
	if h.selectedTab() != "My leads" || h.focused() != fyne.Focusable(h.u.myLeads.search) {
		t.Fatalf("Ctrl+F showed %s with the keyboard in %T", h.selectedTab(), h.focused())
	}
	h.typeHere("hartley") // replaces the last search
	if got := h.u.myLeads.search.Text; got != "hartley" {
		t.Fatalf("the search box holds %q", got)
	}
}
