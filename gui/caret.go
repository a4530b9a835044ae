package gui

import "fyne.io/fyne/v2"

// keepCaretWhenTheWindowReturns tells the form box that has the keyboard when the window
// comes back to the front (Alt+Tab, a click on the window), so that it keeps its caret rather
// than selecting its text as arriving from the keyboard does (leaveEntry). The desktop driver
// runs this just before it gives the keyboard back to that box.
func keepCaretWhenTheWindowReturns(a fyne.App, c fyne.Canvas) {
	a.Lifecycle().SetOnEnteredForeground(func() {
		if e, ok := c.Focused().(*leaveEntry); ok {
			e.returning = true
		}
	})
}
