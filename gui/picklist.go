package gui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/lead"
)

// picklist is a box that holds one value of a list. It is a single Tab stop (Fyne's
// SelectEntry is two: its text and its ▾ button, so every later value landed one field too
// low). The person types the start of a value ("llc") and it becomes the value ("LLC") when
// they move on or press Enter; Up and Down step through the list; Alt+Down, F4, or Space in
// an empty box open it as a desktop combo box does, and the ▾ opens it for the mouse. Text
// that fits no value stays as typed, for the form to refuse beside the field.
type picklist struct {
	widget.Entry
	options []string
	// fresh: focus has just arrived, or a value was just chosen with the arrows or Enter, so
	// the next key typed replaces the value rather than adding to it, as in a drop-down list.
	fresh bool
	// typing: the person is typing here (it has the keyboard), so the form shows a hint of
	// the value the text stands for rather than checking it.
	typing  bool
	onFocus func() // after focus arrives (the form scrolls the box into view)
	onLeave func() // after the value is settled as focus leaves
	// canvas is the window's, where the list opens. It is given, not looked up: a desktop
	// driver knows an object's canvas only once a frame has drawn it.
	canvas fyne.Canvas
	// onDisable runs as the box becomes read-only (the form gives it the read-only look,
	// readonly.go). Nil means nothing runs.
	onDisable func()
}

// newPicklist is a box holding one of options, in the window whose canvas is c.
func newPicklist(c fyne.Canvas, options []string) *picklist {
	p := &picklist{options: options, canvas: c}
	p.ExtendBaseWidget(p)
	p.ActionItem = &dropArrow{open: p.showList}
	return p
}

// hint is the line shown under the box while the person types: the value their text will
// become, the values it could be, or that none fits.
func (p *picklist) hint() string {
	if p.Text == "" || slices.Contains(p.options, p.Text) {
		return ""
	}
	if v, ok := lead.Choose(p.Text, p.options); ok {
		return "Tab or Enter takes “" + v + "”; ↑ ↓ step through the list, Alt+↓ shows it."
	}
	if several := lead.Ambiguous(p.Text, p.options); several != nil {
		return "“" + p.Text + "” could be " + strings.Join(several, " or ") + "; type more, or ↑ ↓ step through them."
	}
	return "No value starts with “" + p.Text + "”; ↑ ↓ step through the list, Alt+↓ shows it."
}

// setOptions replaces the list (the org's describe values win over the catalogue's).
func (p *picklist) setOptions(options []string) { p.options = options }

// settle turns what was typed into the value it stands for, when one fits.
func (p *picklist) settle() {
	if v, ok := lead.Choose(p.Text, p.options); ok && v != p.Text {
		p.SetText(v)
	}
}

// step moves to the next (+1) or previous (-1) value of the list from the value shown. While
// the text is still being typed, it moves from the value the text stands for (lead.Choose) to
// the next value the text also fits, when there is one: "S" stands for "S Corporation", and
// Down goes on to "Sole Proprietorship"; "lead" fits Vendor Lead and Dealer Lead, and Down
// goes to the first of them.
func (p *picklist) step(by int) {
	if len(p.options) == 0 {
		return
	}
	i := slices.Index(p.options, p.Text)
	if i < 0 {
		if fits := p.fitting(); len(fits) > 0 {
			// The text stands for no value yet: the first that it fits is next.
			from := slices.Index(p.options, fits[0]) - by
			if v, ok := lead.Choose(p.Text, p.options); ok {
				from = slices.Index(p.options, v)
			}
			if j := nextOf(p.options, fits, from, by); j >= 0 {
				p.choose(p.options[j])
				return
			}
			i = from // the last value it fits: on through the list
		}
	}
	switch {
	case i < 0 && by > 0:
		i = 0
	case i < 0:
		i = len(p.options) - 1
	default:
		i = (i + by + len(p.options)) % len(p.options)
	}
	p.choose(p.options[i])
}

// fitting lists the values the typed text fits, in the list's order: the one it stands for
// and every other value it begins, or the values of whose words it begins several.
func (p *picklist) fitting() []string {
	if several := lead.Ambiguous(p.Text, p.options); several != nil {
		return several
	}
	v, ok := lead.Choose(p.Text, p.options)
	if !ok {
		return nil
	}
	fits := []string{}
	t := strings.ToLower(strings.TrimSpace(p.Text))
	for _, o := range p.options {
		if o == v || strings.HasPrefix(strings.ToLower(o), t) {
			fits = append(fits, o)
		}
	}
	return fits
}

// nextOf is the index in options of the first of fits after (by +1) or before (by -1) index
// from; -1 when there is none.
func nextOf(options, fits []string, from, by int) int {
	for k := from + by; k >= 0 && k < len(options); k += by {
		if slices.Contains(fits, options[k]) {
			return k
		}
	}
	return -1
}

// choose shows v as the value, ready to be replaced by what is typed next.
func (p *picklist) choose(v string) {
	p.fresh = true
	p.SetText(v)
	p.CursorColumn = len([]rune(p.Text))
}

// AcceptsTab is false: Tab always moves on to the next field.
func (p *picklist) AcceptsTab() bool { return false }

// TypedRune replaces the value with the first key typed after focus arrives (which selected
// it) or after a value was chosen.
func (p *picklist) TypedRune(r rune) {
	if p.fresh {
		p.fresh = false
		if p.SelectedText() == "" {
			p.SetText("")
		}
	}
	p.Entry.TypedRune(r)
}

// SetText replaces the value; new text ends a selection, as in the form's other boxes
// (replaceText).
func (p *picklist) SetText(text string) { replaceText(&p.Entry, text) }

// showListShortcut opens the list from the keyboard, as in desktop combo boxes.
var showListShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}

// TypedShortcut opens the list on Alt+Down; Entry handles the rest.
func (p *picklist) TypedShortcut(s fyne.Shortcut) {
	if s.ShortcutName() == showListShortcut.ShortcutName() {
		p.showListHere()
		return
	}
	p.Entry.TypedShortcut(s)
}

// TypedKey takes Up, Down and Enter for the list, and F4 or Space in an empty box to open it;
// other keys edit the text.
func (p *picklist) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyF4, k.Name == fyne.KeySpace && strings.TrimSpace(p.Text) == "":
		p.showListHere() // the list takes the keyboard, so the space typed with the key goes there
		return
	}
	switch k.Name {
	case fyne.KeyDown:
		p.step(1)
	case fyne.KeyUp:
		p.step(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.fresh = true
		p.settle()
		p.CursorColumn = len([]rune(p.Text))
		p.Refresh()
	default:
		p.fresh = false
		p.Entry.TypedKey(k)
	}
}

// FocusGained marks the value as replaceable and lets the form bring the box into view.
func (p *picklist) FocusGained() {
	p.Entry.FocusGained()
	if !p.typing { // arriving, not told again while it already has the keyboard
		p.fresh = true
		if p.Text != "" { // selected, as the form's other boxes are: typing replaces it
			p.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
	}
	p.typing = true
	if p.onFocus != nil {
		p.onFocus()
	}
}

// FocusLost settles the value, then lets the form check it.
func (p *picklist) FocusLost() {
	p.typing = false
	p.settle()
	p.Entry.FocusLost()
	if p.onLeave != nil {
		p.onLeave()
	}
}

// Disable makes the box read-only, after onDisable.
func (p *picklist) Disable() {
	if !p.Disabled() && p.onDisable != nil {
		p.onDisable()
	}
	p.Entry.Disable()
}

// showListHere opens the list from the keyboard. The box has the keyboard, so a frame has
// drawn it and the driver knows where it is.
func (p *picklist) showListHere() {
	p.showList(fyne.CurrentApp().Driver().AbsolutePositionForObject(p))
}

// showList opens the list next to the box, whose top left corner is at (in the window) at: below
// it, or above it when there is no room below (listTop), so what is typed stays in view, with
// the value shown, or else the value the typed text stands for, or else the first highlighted.
// The list has the keyboard: arrows move, Enter or Space picks, Esc closes; either way the
// keyboard is back here after. A read-only picklist (a field the org locks, a converted lead)
// opens nothing.
func (p *picklist) showList(at fyne.Position) {
	if p.Disabled() {
		return
	}
	items := make([]*fyne.MenuItem, len(p.options))
	for i, o := range p.options {
		items[i] = fyne.NewMenuItem(o, func() {
			p.choose(o)
			p.canvas.Focus(p)
		})
	}
	menu := widget.NewPopUpMenu(fyne.NewMenu("", items...), p.canvas)
	size := fyne.NewSize(max(p.Size().Width, menu.MinSize().Width), menu.MinSize().Height)
	_, area := p.canvas.InteractiveArea()
	pos := fyne.NewPos(at.X, listTop(at.Y, p.Size().Height, size.Height, area.Height))
	size.Height = min(size.Height, area.Height-pos.Y) // the list scrolls in what room there is
	menu.ShowAtPosition(pos)
	menu.Resize(size)
	menu.Move(pos) // Fyne moves a menu that runs off the window up, over what opened it
	shown := slices.Index(p.options, p.Text)
	if fits := p.fitting(); shown < 0 && len(fits) > 0 {
		// "so" stands for Sole Proprietorship, "leasing" for Equipment Leasing; "lead" could
		// be Vendor Lead or Dealer Lead, and the first of them is highlighted.
		shown = slices.Index(p.options, fits[0])
	}
	for range max(shown, 0) + 1 {
		menu.ActivateNext()
	}
}

// listTop is where a list listHeight tall opens for a box boxHeight tall whose top is at
// boxTop, in a window windowHeight tall: right under the box when it fits there, else right
// above it when it fits there, as a desktop combo box opens. When it fits on neither side it
// opens under the box all the same, and scrolls in the room down to the window's bottom.
func listTop(boxTop, boxHeight, listHeight, windowHeight float32) float32 {
	below := boxTop + boxHeight
	if below+listHeight > windowHeight && listHeight <= boxTop {
		return boxTop - listHeight
	}
	return below
}

// dropArrow is the ▾ at the end of a picklist: it opens the list for the mouse and, unlike a
// button, is no Tab stop of its own.
type dropArrow struct {
	widget.BaseWidget
	open func(box fyne.Position) // box: the picklist's top left corner in the window
}

// CreateRenderer draws the arrow icon.
func (a *dropArrow) CreateRenderer() fyne.WidgetRenderer {
	a.ExtendBaseWidget(a)
	return widget.NewSimpleRenderer(widget.NewIcon(theme.MenuDropDownIcon()))
}

// Tapped opens the list. Where the box is comes from the tap, which says where it landed in
// the window and on the arrow, and the arrow sits at its Position inside the box.
func (a *dropArrow) Tapped(ev *fyne.PointEvent) {
	a.open(ev.AbsolutePosition.Subtract(ev.Position).Subtract(a.Position()))
}

// Cursor shows the pointer hand over the arrow.
func (a *dropArrow) Cursor() desktop.Cursor { return desktop.PointerCursor }
