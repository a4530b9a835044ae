package gui

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// worker runs everything that waits (network, keychain, disk) off the UI goroutine and hands
// the result back once through fyne.Do. It is the only place goroutines are started.
type worker struct {
	// loop, when set (tests only), receives the results instead of fyne.Do; the test runs
	// them on its own goroutine with drain, as the real driver runs them on the UI goroutine.
	loop    chan func()
	pending atomic.Int64
}

// run starts work on its own goroutine and calls done with its error on the UI goroutine.
func (w *worker) run(ctx context.Context, work func(context.Context) error, done func(error)) {
	w.pending.Add(1)
	go func() {
		err := work(ctx)
		w.deliver(func() { done(err) })
	}()
}

// post runs fn on the UI goroutine, from a worker goroutine.
func (w *worker) post(fn func()) {
	w.pending.Add(1)
	w.deliver(fn)
}

func (w *worker) deliver(fn func()) {
	wrapped := func() {
		defer w.pending.Add(-1)
		fn()
	}
	if w.loop != nil {
		w.loop <- wrapped
		return
	}
	fyne.Do(wrapped)
}

// drain runs delivered results on the caller's goroutine until no job is left (tests).
func (w *worker) drain() {
	for w.pending.Load() > 0 {
		(<-w.loop)()
	}
}

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
