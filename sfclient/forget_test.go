package sfclient_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"leaddesk/sfclient"
	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/sftest"
)

func TestForgetRemovesEverythingLeadDeskWroteAndNothingElse(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	home := f.profile.Home
	drafts.Save(f.profile.Vault, drafts.NewLead, drafts.Draft{})
	if _, err := f.client.DescribeLead(context.Background()); err != nil {
		t.Fatal(err)
	}
	written := []string{"vault.bin.damaged-20261130-101500", "settings.json.damaged-20261130-101500", ".vault.bin.123.tmp",
		filepath.Join(sfclient.DemoFolder, "settings.json"), filepath.Join(sfclient.DemoFolder, "vault.bin.damaged-20261130-101500")}
	for _, name := range written {
		os.MkdirAll(filepath.Dir(filepath.Join(home, name)), 0o700)
		if err := os.WriteFile(filepath.Join(home, name), []byte("SSN 123-45-6789"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := sfclient.Forget(home, true); err != nil {
		t.Fatalf("Forget: %v", err)
	}
	if _, err := os.Stat(home); !os.IsNotExist(err) {
		left, _ := os.ReadDir(home)
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		t.Fatalf("left behind in the profile folder: %v", names)
	}

	// A folder shared with other files keeps them.
	shared := t.TempDir()
	os.WriteFile(filepath.Join(shared, "notes.txt"), []byte("mine"), 0o600)
	os.WriteFile(filepath.Join(shared, "settings.json"), []byte("{}"), 0o600)
	if err := sfclient.Forget(shared, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(shared, "notes.txt")); err != nil {
		t.Fatal("Forget removed a file Lead Desk did not write")
	}
}
