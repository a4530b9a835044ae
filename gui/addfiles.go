package gui

import (
	"os"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leaddesk/sfclient/attach"
)

// addFileHelp is the line above the File box.
const addFileHelp = "Type or paste the file's path and press Enter. ~ is your home folder, and a path " +
	"that does not start at the top of the disk is read from there. Tab completes a folder or file name, " +
	"and lists the names when several match."

// choose is Add files…: a small dialog with a File box where the clerk types or pastes a path
// (Enter adds the file; Tab completes names, and lists them under the box when several
// match), and Browse… for Fyne's file dialog. A file is checked as a dropped one is; a refused
// path is said beside the box, which keeps what was typed, and nothing is listed. The dialog
// closes once a file is listed, the keyboard then in the new file's Type box; Esc closes it too.
func (a *attachmentList) choose() {
	home, _ := os.UserHomeDir()
	box := newPathEntry(home)
	box.SetPlaceHolder("e.g. ~/Documents/quote.pdf")
	problem := wrapped("")
	problem.Importance = widget.DangerImportance
	problem.Hide()
	say := func(sentence string) {
		problem.SetText(sentence)
		problem.Show()
	}
	var d *dialog.CustomDialog
	addTyped := func() {
		path, err := typedPath(box.Text, home)
		if err != nil {
			say(err.Error())
			return
		}
		a.check([]fyne.URI{storage.NewFileURI(path)}, func(checked []checkedFile) {
			row, refusal := a.accept(checked[0])
			switch {
			case checked[0].missing:
				say(strings.TrimSuffix(refusal, ".") + ", or use Browse… to find it.")
				return
			case refusal != "":
				say(refusal)
				return
			}
			a.changed()
			d.Hide()
			a.typeNext(row) // what the clerk types next is the file's type
		})
	}
	box.OnSubmitted = func(string) { addTyped() }
	box.OnChanged = func(string) {
		problem.Hide()
		box.matches.Hide() // it listed names for the text as it was
	}
	browse := widget.NewButton("Browse…", func() { a.browse(d, box) })
	browse.Icon = theme.FolderOpenIcon()
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	add := widget.NewButton("Add", addTyped)
	add.Importance = widget.HighImportance
	content := container.NewVBox(wrapped(addFileHelp),
		container.NewBorder(nil, nil, widget.NewLabel("File"), nil, box), box.matches, problem)
	d = dialog.NewCustomWithoutButtons("Add a file", content, a.u.window())
	d.SetButtons([]fyne.CanvasObject{browse, cancel, add})
	d.Resize(fyne.NewSize(600, 240))
	box.onEscape = d.Hide
	// showDialog gives the buttons Enter (the focused one) and Esc (closes), as in every dialog.
	a.u.showDialog(d, addTyped, d.Hide)
	a.u.window().Canvas().Focus(box)
}

// browse is Browse… in the Add a file dialog: Fyne's file dialog, for the mouse. The file
// chosen is added as a dropped one is, with the keyboard in its Type box, and the Add a file
// dialog (typing) closes; closing the
// file dialog, with Cancel or Esc, goes back to typing in box.
func (a *attachmentList) browse(typing dialog.Dialog, box fyne.Focusable) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.u.showError(err)
			return
		}
		if r == nil {
			a.u.window().Canvas().Focus(box) // closed: back to typing
			return
		}
		r.Close()
		typing.Hide()
		a.check([]fyne.URI{r.URI()}, func(checked []checkedFile) {
			if added := a.listChecked(checked); len(added) > 0 {
				a.typeNext(added[0])
			}
		})
	}, a.u.window())
	var exts []string
	for _, k := range attach.Kinds {
		for _, e := range k.Extensions {
			exts = append(exts, e, strings.ToUpper(e))
		}
	}
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	// Fyne's file dialog has no key of its own to close it: Esc reaches the window while none
	// of the dialog's widgets holds the keyboard (as it opens), and closes it as Cancel does.
	a.u.showDialog(d, nil, d.Dismiss)
}

// pathEntry is the File box of the Add a file dialog. Tab completes the name being typed as
// far as the names in its folder agree (completePath) and, when several still match, lists
// them on the matches line under the box while the keyboard stays in the box, as a shell
// does. Tab moves the keyboard on as in any box when there is nothing to complete or list, or
// when the names matching are listed already, and always with Shift held. Esc runs onEscape.
type pathEntry struct {
	widget.Entry
	home  string
	shift bool // a Shift key is held
	// matches is the line under the box listing the names that match; the dialog places it
	// and hides it as the text changes.
	matches *widget.Label
	// listedFor is the text whose matching names the matches line lists.
	listedFor string
	onEscape  func()
}

func newPathEntry(home string) *pathEntry {
	e := &pathEntry{home: home, matches: wrapped("")} // in the text colour: the names are to be read
	e.matches.Hide()
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is asked by the window as Tab is pressed: the box takes it only to complete, or
// to list the names matching when they are not listed yet. It reads the typed folder's names
// then, on the UI goroutine, because the answer is needed before the key goes anywhere; a
// folder is listed in a moment, and only on Tab.
func (e *pathEntry) AcceptsTab() bool {
	if e.shift {
		return false
	}
	c := completePath(e.Text, e.home)
	listed := e.matches.Visible() && e.listedFor == e.Text
	return c.grew || len(c.matches) > 0 && !listed
}

// TypedKey completes the path on Tab, runs onEscape on Esc and leaves other keys to the Entry.
func (e *pathEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyTab:
		c := completePath(e.Text, e.home)
		if c.grew {
			e.SetText(c.text)
			e.CursorRow, e.CursorColumn = 0, utf8.RuneCountInString(c.text)
			e.Refresh()
		}
		if len(c.matches) > 0 {
			e.listedFor = e.Text
			e.matches.SetText(matchesLine(c.matches))
			e.matches.Show()
		}
	case !escaped(k, e.onEscape):
		e.Entry.TypedKey(k)
	}
}

// KeyDown notes Shift, so that Shift+Tab leaves the box instead of completing.
func (e *pathEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp notes that Shift was let go.
func (e *pathEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// FocusGained forgets a Shift let go while another widget had the keyboard.
func (e *pathEntry) FocusGained() {
	e.shift = false
	e.Entry.FocusGained()
}

// TypedRune drops a space typed into the empty box: no path starts with one, and the Space
// that pressed Add files… reaches the box too once it has the keyboard.
func (e *pathEntry) TypedRune(r rune) {
	if r == ' ' && e.Text == "" {
		return
	}
	e.Entry.TypedRune(r)
}
