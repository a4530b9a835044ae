package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"leaddesk/sfclient/sftest"
)

func TestFilesDroppedWhereNothingTakesThemAreRefusedInOneSentence(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	for _, tab := range []fyne.KeyName{fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5} { // Edit lead with no lead, and the others
		h.shortcut(tab, fyne.KeyModifierShortcutDefault)
		h.drop(h.document("quote.pdf", 4_000))
		if !h.topSays("drop them on New lead, or on a lead loaded in Edit lead") {
			t.Fatalf("a drop on %s says nothing about where to drop files", h.selectedTab())
		}
		h.key(fyne.KeyEscape)
	}
	if len(h.u.edit.docs.files.rows) != 0 || len(h.u.newLead.files.rows) != 0 {
		t.Fatal("a refused drop listed its file")
	}
}
