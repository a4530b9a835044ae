package outbox_test

import (
	"context"
	"fmt"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/sftest/signin"
)

// The window's Upload button: documents are kept (encrypted) with their lead, then sent in
// order; what cannot be sent now waits in the Outbox.
func ExampleOutbox_Attach() {
	fx, err := signin.Start(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer fx.Close()
	org, c, leadID := fx.Org, fx.Client, fx.LeadID
	var docs []outbox.Document
	for _, name := range []string{"front.pdf", "back.pdf"} {
		path, _, _ := sftest.WriteDocument(fx.Dir, name, 10_000)
		f, err := attach.CheckFile(path)
		if err != nil {
			fmt.Println(sfclient.Explain(err))
			return
		}
		docs = append(docs, outbox.Document{File: f, Type: attach.DriversLicence})
	}
	box := outbox.Open(fx.Profile.Vault).OnProgress(func(f outbox.WaitingFile, sent, total int64) {
		// a window: fyne.Do(func() { bars[f.Name].SetValue(float64(sent) / float64(total)) })
	})

	org.SetOffline(true) // the office's internet drops
	res := box.Attach(context.Background(), c, outbox.AttachRequest{LeadID: leadID, Documents: docs}, time.Now())
	fmt.Println("kept:", res.Kept, "-", res.Entry.Label())

	org.SetOffline(false) // back: the Outbox is sent
	for _, r := range must(box.SendAll(context.Background(), c, time.Now())) {
		for _, u := range r.Uploaded {
			fmt.Println("attached:", u.Title)
		}
	}
	// Output:
	// kept: true - 2 documents for lead 00Q5g0000000001EAA
	// attached: Driver's licence – front
	// attached: Driver's licence – back
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
