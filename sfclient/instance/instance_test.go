package instance

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestASecondStartBringsTheFirstWindowForward(t *testing.T) {
	dir := t.TempDir()
	first := openFirst(t, dir)
	shown := make(chan struct{}, 1)
	first.OnShow(func() { shown <- struct{}{} })
	_, err := Acquire(context.Background(), dir)
	if !errors.Is(err, ErrAlreadyOpen) || err != ErrAlreadyOpen {
		t.Fatalf("second start: %v, want plain ErrAlreadyOpen", err)
	}
	select {
	case <-shown:
	default:
		t.Fatal("the first window was not asked to come forward")
	}
}

func TestARequestBeforeTheWindowIsReadyIsNotLost(t *testing.T) {
	dir := t.TempDir()
	first := openFirst(t, dir)
	if _, err := Acquire(context.Background(), dir); !errors.Is(err, ErrAlreadyOpen) {
		t.Fatal(err)
	}
	shown := 0
	first.OnShow(func() { shown++ })
	if shown != 1 {
		t.Fatalf("shown %d times, want 1", shown)
	}
}

func TestAfterReleaseTheProfileCanBeTakenAgain(t *testing.T) {
	dir := t.TempDir()
	first, err := Acquire(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := Acquire(context.Background(), dir)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again.Release()
}

func TestAnUnreachableFirstWindowIsStillReportedAsOpen(t *testing.T) {
	dir := t.TempDir()
	openFirst(t, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0") // a port nobody answers on once closed
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	os.WriteFile(filepath.Join(dir, portFile), []byte(strconv.Itoa(port)), 0o600)
	_, err = Acquire(context.Background(), dir)
	if !errors.Is(err, ErrAlreadyOpen) || err == ErrAlreadyOpen {
		t.Fatalf("got %v, want ErrAlreadyOpen with the reason the window was not raised", err)
	}
}

func TestOtherWordsDoNothing(t *testing.T) {
	dir := t.TempDir()
	first := openFirst(t, dir)
	shown := make(chan struct{}, 1)
	first.OnShow(func() { shown <- struct{}{} })
	raw, _ := os.ReadFile(filepath.Join(dir, portFile))
	conn, err := net.Dial("tcp", "127.0.0.1:"+string(raw[:len(raw)-1]))
	if err != nil {
		t.Fatal(err)
	}
	conn.Write([]byte("quit\n"))
	buf := make([]byte, 8)
	n, _ := conn.Read(buf) // the listener closes without answering
	conn.Close()
	if n != 0 || len(shown) != 0 {
		t.Fatalf("answered %q to an unknown word, shown %d", buf[:n], len(shown))
	}
}

// openFirst is the first window's start on dir, released when the test ends.
func openFirst(t *testing.T, dir string) *Instance {
	t.Helper()
	first, err := Acquire(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Release() })
	return first
}
