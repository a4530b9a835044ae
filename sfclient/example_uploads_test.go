package sfclient_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/sftest/signin"
)

// A window's Attachments area checks a dropped file, shows a progress bar fed by Progress
// (through fyne.Do) and a Cancel button that cancels ctx, then lists what the lead holds.
func ExampleClient_UploadFile() {
	fx, err := signin.Start(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer fx.Close()
	c, leadID := fx.Client, fx.LeadID
	path, _, _ := sftest.WriteDocument(fx.Dir, "March 2026.pdf", 300_000)

	f, err := attach.CheckFile(path) // type, content and size, before anything is sent
	if err != nil {
		fmt.Println(sfclient.Explain(err))
		return
	}
	ctx, cancel := context.WithCancel(context.Background()) // the file's Cancel button
	defer cancel()
	u := sfclient.FileUpload(leadID, f, attach.BankStatement)
	var shown int64
	u.Progress = func(sent, total int64) { shown = sent } // a window: fyne.Do(func() { bar.SetValue(…) })
	versionID, err := c.UploadFile(ctx, u)
	if err != nil {
		fmt.Println(sfclient.Explain(err))
		return
	}
	fmt.Println("new ContentVersion:", versionID[:3]+"…", "progress reached the end:", shown == f.Size)
	docs, _ := c.ListFiles(ctx, leadID)
	for _, d := range docs {
		fmt.Println(d.Title, d.Extension, attach.HumanSize(d.Size), d.URL == fx.Org.URL+"/lightning/r/ContentDocument/"+d.ID+"/view")
	}
	// Output:
	// new ContentVersion: 068… progress reached the end: true
	// Bank statement – March 2026 pdf 293 KB true
}

// A file of the wrong kind is refused with a sentence to show beside it.
func ExampleExplain_refusedDocument() {
	dir, _ := os.MkdirTemp("", "leaddesk-example-")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "invoice.pdf")
	os.WriteFile(path, []byte("MZ\x90\x00 a program renamed"), 0o600)
	_, err := attach.CheckFile(path)
	fmt.Println(sfclient.Explain(err))
	// Output:
	// invoice.pdf is not really a PDF (its content is something else); open it and save it again as a PDF, then add it again.
}
