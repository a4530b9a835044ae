// Package instance keeps one Lead Desk window per profile folder: the first start holds a lock
// in the folder and listens on loopback; a second start finds the lock taken, asks the first to
// bring its window forward, and stops. It never imports Fyne; the window decides what
// "forward" means.
//
// The only message is a fixed word, so another program on the computer that connects can do no
// more than raise the window.
//
// The profile folder also keeps where the window stood when it closed (placement.go), with the
// check that a saved place is still on a screen connected now.
package instance

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"leaddesk/sfclient/atomicfile"
)

// ErrAlreadyOpen is returned by Acquire when another Lead Desk window has the profile and was
// brought forward. When it could not be reached, Acquire returns an *OpenError that matches it.
var ErrAlreadyOpen error = &OpenError{}

// OpenError says another Lead Desk window has the profile; Cause, when set, is why that window
// could not be brought forward.
type OpenError struct{ Cause error }

func (e *OpenError) Error() string {
	if e.Cause == nil {
		return "another Lead Desk window has this profile open"
	}
	return "another Lead Desk window has this profile open and could not be brought forward: " + e.Cause.Error()
}

// Plain is the sentence for the person who started Lead Desk a second time.
func (e *OpenError) Plain() string {
	if e.Cause == nil {
		return "Lead Desk is already open; its window was brought forward."
	}
	return "Lead Desk is already open on this computer; look for its window on the taskbar."
}

// Is makes every OpenError match ErrAlreadyOpen.
func (e *OpenError) Is(target error) bool { _, ok := target.(*OpenError); return ok }

func (e *OpenError) Unwrap() error { return e.Cause }

// Files in the profile folder.
const (
	lockFile = "window.lock"
	portFile = "window.port"
)

// showWord is what a second start sends.
const showWord = "show"

// dialTimeout bounds a second start's wait for the first one's answer.
const dialTimeout = 2 * time.Second

// Instance is the profile held by this process until Release.
type Instance struct {
	lock *flock.Flock
	ln   net.Listener
	dir  string

	mu     sync.Mutex
	onShow func()
	shown  int // requests that came before OnShow was set
	done   chan struct{}
}

// Acquire takes the profile folder dir for this process. When another process holds it,
// Acquire asks that one to bring its window forward and returns ErrAlreadyOpen, or an
// *OpenError with the cause when that window could not be reached.
func Acquire(ctx context.Context, dir string) (*Instance, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create the profile folder: %w", err)
	}
	lock := flock.New(filepath.Join(dir, lockFile), flock.SetPermissions(0o600))
	held, err := lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock the profile folder: %w", err)
	}
	if !held {
		if err := askToShow(ctx, dir); err != nil {
			return nil, &OpenError{Cause: err}
		}
		return nil, ErrAlreadyOpen
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		lock.Unlock()
		return nil, fmt.Errorf("listen for a second start: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if err := atomicfile.Write(filepath.Join(dir, portFile), []byte(fmt.Sprintf("%d\n", port)), 0o600); err != nil {
		ln.Close()
		lock.Unlock()
		return nil, err
	}
	in := &Instance{lock: lock, ln: ln, dir: dir, done: make(chan struct{})}
	go in.serve()
	return in, nil
}

// OnShow sets what a second start does here (bring the window forward). It is called on the
// listener's goroutine; a request that came before OnShow was set is delivered at once.
func (in *Instance) OnShow(show func()) {
	in.mu.Lock()
	in.onShow = show
	pending := in.shown
	in.shown = 0
	in.mu.Unlock()
	for range pending {
		show()
	}
}

// Release lets another process take the profile.
func (in *Instance) Release() error {
	err := in.ln.Close()
	<-in.done
	os.Remove(filepath.Join(in.dir, portFile))
	return errors.Join(err, in.lock.Unlock())
}

func (in *Instance) serve() {
	defer close(in.done)
	for {
		conn, err := in.ln.Accept()
		if err != nil {
			return
		}
		conn.SetDeadline(time.Now().Add(dialTimeout))
		line, _ := bufio.NewReader(conn).ReadString('\n')
		if strings.TrimSpace(line) == showWord {
			in.show()
			fmt.Fprintln(conn, "ok")
		}
		conn.Close()
	}
}

func (in *Instance) show() {
	in.mu.Lock()
	show := in.onShow
	if show == nil {
		in.shown++
	}
	in.mu.Unlock()
	if show != nil {
		show()
	}
}

// askToShow asks the process holding dir to bring its window forward.
func askToShow(ctx context.Context, dir string) error {
	raw, err := os.ReadFile(filepath.Join(dir, portFile))
	if err != nil {
		return fmt.Errorf("read its address: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort("127.0.0.1", strings.TrimSpace(string(raw))))
	if err != nil {
		return fmt.Errorf("reach it: %w", err)
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	if _, err := fmt.Fprintln(conn, showWord); err != nil {
		return fmt.Errorf("ask it: %w", err)
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if strings.TrimSpace(answer) != "ok" {
		return fmt.Errorf("no answer: %w", errors.Join(err, errors.New("it did not confirm")))
	}
	return nil
}
