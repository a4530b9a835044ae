// Command bare is the floor Lead Desk's start-up and memory are compared with: an empty Fyne
// window with one label, built with the same toolchain and Fyne version in the same run.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	w := app.NewWithID("com.mazocapital.leaddesk.bare").NewWindow("Bare Fyne")
	w.SetContent(widget.NewLabel("bare"))
	w.Resize(fyne.NewSize(900, 760))
	w.ShowAndRun()
}
