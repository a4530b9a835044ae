//go:build unix

// Command upload measures the peak resident memory of attaching a 25 MB document to a lead,
// against the stand-in org over loopback, compared A/B in the same run with a baseline
// process that does everything but the upload. Each case runs in a fresh child process, and
// the peak RSS is the kernel's (getrusage ru_maxrss), so no case inherits another's heap:
//
//	idle      sign in, create a lead, write the 25 MB file; no upload (the floor)
//	stream    sfclient.UploadFile straight from the file on disk
//	outbox    outbox.Attach: an encrypted copy is kept, then sent from that copy
//	inmemory  the same upload with the whole file read into memory first (what streaming avoids)
//
// Usage: go run ./bench/upload [-runs N]. Prints the median of N runs (default 3) per case.
// Nothing here asserts a figure; the README quotes them.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/sftest/signin"
)

var cases = []string{"idle", "stream", "outbox", "inmemory"}

func main() {
	runs := flag.Int("runs", 3, "runs per case; the median is printed")
	child := flag.String("case", "", "run one case in this process (used by the parent)")
	flag.Parse()
	if *child != "" {
		if err := runCase(*child); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	fmt.Printf("Peak RSS attaching a %s document (median of %d runs):\n", attach.HumanSize(attach.MaxSize), *runs)
	var floor int64
	for _, c := range cases {
		var peaks []int64
		for range *runs {
			kib, err := measure(c)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", c, err)
				os.Exit(1)
			}
			peaks = append(peaks, kib)
		}
		slices.Sort(peaks)
		median := peaks[len(peaks)/2]
		if c == "idle" {
			floor = median
		}
		fmt.Printf("  %-9s %6.1f MiB  (%+.1f MiB over idle)\n", c, float64(median)/1024, float64(median-floor)/1024)
	}
}

// measure runs one case in a child process and returns its peak RSS in KiB.
func measure(c string) (int64, error) {
	cmd := exec.Command(os.Args[0], "-case", c)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, fmt.Errorf("no resource usage on this system")
	}
	return int64(ru.Maxrss), nil // KiB on Linux
}

func runCase(c string) error {
	ctx := context.Background()
	fx, err := signin.Start(ctx)
	if err != nil {
		return err
	}
	defer fx.Close()
	org, client, leadID := fx.Org, fx.Client, fx.LeadID
	f, err := writeDocument(fx.Dir)
	if err != nil {
		return err
	}
	switch c {
	case "idle":
		return nil
	case "stream":
		_, err = client.UploadFile(ctx, sfclient.FileUpload(leadID, f, attach.BankStatement))
	case "outbox":
		res := outbox.Open(fx.Profile.Vault).Attach(ctx, client, outbox.AttachRequest{LeadID: leadID,
			Documents: []outbox.Document{{File: f, Type: attach.BankStatement}}}, time.Now())
		err = res.Err
	case "inmemory":
		data, rerr := os.ReadFile(f.Path)
		if rerr != nil {
			return rerr
		}
		u := sfclient.FileUpload(leadID, f, attach.BankStatement)
		u.Open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		_, err = client.UploadFile(ctx, u)
	default:
		return fmt.Errorf("unknown case %q", c)
	}
	if err != nil {
		return err
	}
	if files := org.Files(leadID); len(files) != 1 || files[0].Size != f.Size {
		return fmt.Errorf("%s: the org holds %+v", c, files)
	}
	return nil
}

// writeDocument writes a 25 MB PDF-shaped file and checks it.
func writeDocument(dir string) (attach.File, error) {
	path, _, err := sftest.WriteDocument(dir, "statements.pdf", attach.MaxSize)
	if err != nil {
		return attach.File{}, err
	}
	return attach.CheckFile(path)
}
