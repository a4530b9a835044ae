package gui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// worker runs everything that waits (network, keychain, disk) off the UI goroutine and hands
// the result back once through fyne.Do. It is the only place goroutines are started.
type worker struct {
	pending sync.WaitGroup
}

// run starts work on its own goroutine and calls done with its error on the UI goroutine.
func (w *worker) run(ctx context.Context, work func(context.Context) error, done func(error)) {
	w.pending.Add(1)
	go func() {
		err := work(ctx)
		fyne.Do(func() {
			defer w.pending.Done()
			done(err)
		})
	}()
}

// wait blocks until every started job has delivered its result (tests use it).
func (w *worker) wait() { w.pending.Wait() }

// busy runs work behind a small modal with a spinner and Cancel, so the window keeps
// redrawing and the person can give up on a slow Salesforce.
func (u *UI) busy(what string, work func(context.Context) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	cancelButton := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons(what, container.NewVBox(bar, container.NewCenter(cancelButton)), u.win)
	u.progress = d
	u.cancelProgress = cancel
	d.Show()
	u.jobs.run(ctx, work, func(err error) {
		d.Hide()
		u.progress, u.cancelProgress = nil, nil
		cancel()
		done(err)
	})
}
