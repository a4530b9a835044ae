// Command bare is the floor Lead Desk's start-up, memory and idle CPU are compared with: an
// empty Fyne window with one label, built with the same toolchain and Fyne version in the same
// run. With -entry the window holds a focused one-line Entry under a label instead, as a form's
// first field, so its cursor blinks as the cursor in Lead Desk's first field does: the floor
// for an idle window that waits for typing. (An Entry filling the window costs several times
// as much with software OpenGL: each blink repaints its whole area.)
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	entry := flag.Bool("entry", false, "show a focused Entry (a blinking cursor) instead of a label")
	flag.Parse()
	w := app.NewWithID("com.mazocapital.leaddesk.bare").NewWindow("Bare Fyne")
	if *entry {
		e := widget.NewEntry()
		w.SetContent(container.NewVBox(widget.NewLabel("First name"), e))
		w.Canvas().Focus(e)
	} else {
		w.SetContent(widget.NewLabel("bare"))
	}
	w.Resize(fyne.NewSize(900, 760))
	w.ShowAndRun()
}
