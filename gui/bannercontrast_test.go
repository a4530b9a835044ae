package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/sftest"
)

// firstUnder is the first object drawn under root (root included, depth first) that match
// accepts, nil when none does.
func firstUnder(root fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if match(root) {
		return root
	}
	for _, c := range childrenOf(root) {
		if found := firstUnder(c, match); found != nil {
			return found
		}
	}
	return nil
}

// bannerTitle is the "✓ Lead created for …" line of New lead's banner, nil when none shows.
func bannerTitle(o fyne.CanvasObject) *widget.Label {
	title, _ := firstUnder(o, func(c fyne.CanvasObject) bool {
		l, ok := c.(*widget.Label)
		return ok && strings.HasPrefix(l.Text, "✓ Lead created for")
	}).(*widget.Label)
	return title
}

func TestTheSuccessBannersTitleIsReadableOnItsGreenInLightAndDark(t *testing.T) {
	h := newHarness(t, sftest.Options{})
	h.signIn()
	h.submitMinimal()
	title := bannerTitle(h.u.newLead.banner)
	if title == nil {
		t.Fatalf("no banner after a submit (%s)", h.u.lastError)
	}
	text := theme.ColorNameForeground
	if title.Importance == widget.SuccessImportance {
		text = theme.ColorNameSuccess
	}
	th := withStrongFocus(theme.DefaultTheme())
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		fill := over(th.Color(theme.ColorNameBackground, v), withAlpha(th.Color(theme.ColorNameSuccess, v), 0x30))
		if got := contrast(th.Color(text, v), fill); got < 4.5 {
			t.Errorf("variant %v: the banner's title has a contrast of %.2f:1 on its green, want at least 4.5", v, got)
		}
	}
}
