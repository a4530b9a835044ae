package gui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// worker runs everything that waits (network, keychain, disk, timers) off the UI goroutine and
// hands the result back once through fyne.Do. Every goroutine and timer the window starts is
// started here; sfclient starts its own (the sign-in listener, for one) behind its calls.
type worker struct {
	// loop, when set (tests only), receives the results instead of fyne.Do; the test runs
	// them on its own goroutine with drain, as the real driver runs them on the UI goroutine.
	loop    chan func()
	pending atomic.Int64
}

// runThen runs work on its own goroutine, then calls show with its result on the UI
// goroutine. It is the one way a screen does something that waits.
func runThen[T any](w *worker, ctx context.Context, work func(context.Context) (T, error), show func(T, error)) {
	w.pending.Add(1)
	go func() {
		result, err := work(ctx)
		w.deliver(func() { show(result, err) })
	}()
}

// run is runThen for work that has no result but its error.
func (w *worker) run(ctx context.Context, work func(context.Context) error, done func(error)) {
	runThen(w, ctx, func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) },
		func(_ struct{}, err error) { done(err) })
}

// post runs fn on the UI goroutine, from a worker goroutine.
func (w *worker) post(fn func()) {
	w.pending.Add(1)
	w.deliver(fn)
}

// soon runs fn on the UI goroutine after the caller has returned: in the window, once its
// event loop runs, which is after the window has appeared. Work that fn starts (opening the
// vault, with its key derivation) then does not compete with the first frame for the CPU.
func (w *worker) soon(fn func()) {
	w.pending.Add(1)
	go w.deliver(fn)
}

// after runs fn on the UI goroutine once d has passed; Stop on the timer cancels it.
func (w *worker) after(d time.Duration, fn func()) *time.Timer {
	return time.AfterFunc(d, func() { w.post(fn) })
}

// everyUntil runs fn on the UI goroutine each time every passes, until ctx ends (the window
// closed). every zero means def; negative means never (tests).
func (w *worker) everyUntil(ctx context.Context, every, def time.Duration, fn func()) {
	if every < 0 {
		return
	}
	if every == 0 {
		every = def
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				w.post(fn)
			}
		}
	}()
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

// busyHost is what busyThen needs of the window: a worker and a progress modal.
type busyHost interface {
	worker() *worker
	showBusy(what string) (ctx context.Context, hide func())
}

// busyThen runs work behind a small modal with a spinner and Cancel, so the window keeps
// redrawing and the person can give up on a slow Salesforce; show gets the result.
func busyThen[T any](h busyHost, what string, work func(context.Context) (T, error), show func(T, error)) {
	ctx, hide := h.showBusy(what)
	runThen(h.worker(), ctx, work, func(result T, err error) {
		hide()
		show(result, err)
	})
}

// showBusy shows the progress modal for what; ctx ends when the person presses Cancel or hide
// is called. hide takes the modal away.
func (u *UI) showBusy(what string) (ctx context.Context, hide func()) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	cancelButton := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons(what, container.NewVBox(bar, container.NewCenter(cancelButton)), u.win)
	u.progress = d
	u.cancelProgress = cancel
	u.hideToast() // a new action: the last confirmation is old news
	d.Show()
	return ctx, func() {
		d.Hide()
		stopSpinner(bar)
		u.progress, u.cancelProgress = nil, nil
		cancel()
	}
}

// stopSpinner stops bar's animation; a nil bar is left alone. Fyne's infinite progress bar
// starts animating the first time it is drawn and then redraws the window sixty times a second
// until its own Stop or Hide: hiding the dialog or the container around it does not stop it.
// One left so under My leads kept an idle, signed-in window at 90 % of a core.
func stopSpinner(bar *widget.ProgressBarInfinite) {
	if bar != nil {
		bar.Stop()
	}
}

// busy is busyThen for work that has no result but its error.
func (u *UI) busy(what string, work func(context.Context) error, done func(error)) {
	busyThen(u, what, func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) },
		func(_ struct{}, err error) { done(err) })
}
