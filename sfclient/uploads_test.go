package sfclient_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/sftest"
)

// document writes a PDF-shaped file of size bytes and checks it as the window would.
func document(t *testing.T, name string, size int) attach.File {
	t.Helper()
	path, _, err := sftest.WriteDocument(t.TempDir(), name, size)
	if err != nil {
		t.Fatal(err)
	}
	f, err := attach.CheckFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func sha(t *testing.T, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func newLead(t *testing.T, fx fixture) string {
	t.Helper()
	id, err := fx.client.CreateLead(context.Background(), minimalLead(), sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAnUploadAttachesTheWholeFileToTheLeadAndReturnsTheVersionID(t *testing.T) {
	fx := signedIn(t, sftest.Options{})
	id := newLead(t, fx)
	f := document(t, "March 2026.pdf", 300_000)
	var last atomic.Int64
	u := sfclient.FileUpload(id, f, attach.BankStatement)
	u.Progress = func(sent, total int64) {
		if total != f.Size || sent < last.Load() || sent > total {
			t.Errorf("progress %d of %d after %d", sent, total, last.Load())
		}
		last.Store(sent)
	}
	version, err := fx.client.UploadFile(context.Background(), u)
	if err != nil || !strings.HasPrefix(version, "068") {
		t.Fatalf("UploadFile = %q, %v", version, err)
	}
	if last.Load() != f.Size {
		t.Fatalf("progress ended at %d of %d", last.Load(), f.Size)
	}
	files := fx.org.Files(id)
	if len(files) != 1 {
		t.Fatalf("%d files on the lead", len(files))
	}
	got := files[0]
	if got.VersionID != version || got.Title != "Bank statement – March 2026" || got.PathOnClient != "March 2026.pdf" ||
		got.Extension != "pdf" || got.Size != f.Size || got.SHA256 != sha(t, f.Path) {
		t.Fatalf("the org holds %+v", got)
	}
	for _, r := range fx.org.Requests() {
		if strings.HasSuffix(r.Path, "/sobjects/ContentVersion") && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data; boundary=") {
			t.Fatalf("upload sent as %q", r.Header.Get("Content-Type"))
		}
	}
}

func TestAnUploadAfterTheSessionExpiredSendsTheWholeFileAgainAfterOneRefresh(t *testing.T) {
	fx := signedIn(t, sftest.Options{})
	id := newLead(t, fx)
	f := document(t, "quote.pdf", 200_000)
	fx.org.ExpireSessions()
	if _, err := fx.client.UploadFile(context.Background(), sfclient.FileUpload(id, f, attach.EquipmentQuote)); err != nil {
		t.Fatal(err)
	}
	if n := fx.org.Grants("refresh_token"); n != 1 {
		t.Fatalf("%d refreshes", n)
	}
	files := fx.org.Files(id)
	if len(files) != 1 || files[0].SHA256 != sha(t, f.Path) {
		t.Fatalf("after the replay the org holds %+v", files)
	}
}

func TestACancelledUploadAttachesNothing(t *testing.T) {
	fx := signedIn(t, sftest.Options{})
	id := newLead(t, fx)
	f := document(t, "licence.pdf", 4<<20)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	u := sfclient.FileUpload(id, f, attach.DriversLicence)
	u.Progress = func(sent, total int64) {
		if sent > total/4 {
			cancel() // the person pressed Cancel on the progress bar
		}
	}
	_, err := fx.client.UploadFile(ctx, u)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want cancelled", err)
	}
	if sfclient.Explain(err) != "Cancelled." {
		t.Fatalf("Explain = %q", sfclient.Explain(err))
	}
	// The org may still be reading what was already sent; give it a moment to see the cut.
	for range 50 {
		if len(fx.org.Files(id)) != 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if files := fx.org.Files(id); len(files) != 0 {
		t.Fatalf("a cancelled upload was attached: %+v", files)
	}
}

func TestAnUploadWhoseAnswerWasLostIsFoundByTitleAndSize(t *testing.T) {
	fx := signedIn(t, sftest.Options{})
	id := newLead(t, fx)
	f := document(t, "check.pdf", 50_000)
	u := sfclient.FileUpload(id, f, attach.VoidedCheck)
	fx.org.DropNextUploads(1)
	_, err := fx.client.UploadFile(context.Background(), u)
	if err == nil || !sfclient.MayHaveLanded(err) {
		t.Fatalf("a lost answer should be an error that may have landed: %v", err)
	}
	doc, found, err := fx.client.FindUpload(context.Background(), id, u.Title, u.Size)
	if err != nil || !found || doc.ID != fx.org.Files(id)[0].DocumentID {
		t.Fatalf("FindUpload = %+v, %v, %v", doc, found, err)
	}
	if _, found, _ := fx.client.FindUpload(context.Background(), id, u.Title, u.Size+1); found {
		t.Fatal("a file of another size was taken for the lost upload")
	}
	if n := len(fx.org.Files(id)); n != 1 {
		t.Fatalf("%d files on the lead", n)
	}
}

func TestFilesAreListedNewestFirstWithALinkThatOpensThemInSalesforce(t *testing.T) {
	fx := signedIn(t, sftest.Options{})
	id := newLead(t, fx)
	older := fx.org.AttachFile(id, "Tax return – 2025", "2025.pdf", []byte("%PDF-1.4 older"))
	fx.org.Advance(time.Minute)
	newer := fx.org.AttachFile(id, "Driver's licence – front", "front.JPG", []byte{0xFF, 0xD8, 0xFF, 1})
	other := newLead(t, fx)
	fx.org.AttachFile(other, "Other – not this lead", "x.png", []byte("png"))

	docs, err := fx.client.ListFiles(context.Background(), id[:15])
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != newer.DocumentID || docs[1].ID != older.DocumentID {
		t.Fatalf("listed %+v", docs)
	}
	d := docs[0]
	if d.Title != "Driver's licence – front" || d.Extension != "jpg" || d.Size != 4 || d.Created.IsZero() ||
		d.URL != fx.org.URL+"/lightning/r/ContentDocument/"+newer.DocumentID+"/view" {
		t.Fatalf("document %+v", d)
	}
	if _, err := fx.client.ListFiles(context.Background(), "00Qnotanid"); err == nil {
		t.Fatal("a bad id was sent")
	}
}

func TestAnUploadToAMissingFileSaysSoPlainly(t *testing.T) {
	fx := signedIn(t, sftest.Options{})
	id := newLead(t, fx)
	f := document(t, "gone.pdf", 1000)
	os.Remove(f.Path)
	_, err := fx.client.UploadFile(context.Background(), sfclient.FileUpload(id, f, attach.Other))
	if got := sfclient.Explain(err); !strings.Contains(got, "could not open gone.pdf") {
		t.Fatalf("Explain = %q", got)
	}
}
