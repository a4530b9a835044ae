package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/cli"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/sftest"
)

// scan writes a PDF-shaped document of size bytes into a scratch folder and returns its
// path and SHA-256.
func scan(t *testing.T, name string, size int) (string, string) {
	t.Helper()
	path, sum, err := sftest.WriteDocument(t.TempDir(), name, size)
	if err != nil {
		t.Fatal(err)
	}
	return path, sum
}

// newLead creates a lead through the command line and returns its id.
func (d *desk) newLead() string {
	d.t.Helper()
	code, out, errOut := d.run(jimjo, "lead", "create", "--file", "-")
	if code != 0 {
		d.t.Fatalf("create: %d %s", code, errOut)
	}
	return lastLine(out)
}

// signedInLead signs in and creates a lead to attach documents to.
func (d *desk) signedInLead() string {
	d.t.Helper()
	d.login()
	return d.newLead()
}

// spooled lists the encrypted copies waiting beside the vault.
func (d *desk) spooled() []string {
	names, _ := filepath.Glob(filepath.Join(d.home, outbox.FilesDir, "*"))
	return names
}

func TestAttachPrintsEachNewVersionIDAndFilesListsThemNewestFirst(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	march, marchSum := scan(t, "March.pdf", 70_000)
	april, _ := scan(t, "April.pdf", 1_000)
	code, out, errOut := d.run("", "lead", "attach", id, march, april, "--type", "bank")
	lines := strings.Fields(out)
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "068") || !strings.HasPrefix(lines[1], "068") {
		t.Fatalf("attach: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	files := d.org.Files(id)
	if len(files) != 2 || files[0].VersionID != lines[0] || files[0].Title != "Bank statement – March" || files[0].SHA256 != marchSum {
		t.Fatalf("the org holds %+v", files)
	}
	if len(d.outboxIDs()) != 0 || len(d.spooled()) != 0 {
		t.Fatalf("sent documents left the outbox %v, copies %v", d.outboxIDs(), d.spooled())
	}
	code, out, _ = d.run("", "lead", "files", id)
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(rows) != 2 || !strings.Contains(out, "/lightning/r/ContentDocument/"+files[0].DocumentID+"/view") ||
		!strings.Contains(out, "68 KB") || !strings.Contains(out, "PDF") {
		t.Fatalf("lead files = %q", out)
	}
	if code, _, errOut := d.run("", "lead", "files", "00Qbad"); code != cli.ExitError || !strings.Contains(errOut, "Lead id") {
		t.Fatalf("files of a bad id: %d %q", code, errOut)
	}
}

func TestARenamedProgramOrAnUnsupportedTypeIsRefusedBeforeAnythingIsSent(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	good, _ := scan(t, "quote.pdf", 1_000)
	fake := filepath.Join(t.TempDir(), "invoice.pdf")
	os.WriteFile(fake, []byte("MZ\x90\x00this is a program"), 0o600)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("hello"), 0o600)
	for file, want := range map[string]string{fake: "invoice.pdf is not really a PDF", notes: "notes.txt cannot be attached: Mazo takes PDF, JPG, PNG, HEIC, TIF, DOCX, XLSX files"} {
		code, out, errOut := d.run("", "lead", "attach", id, good, file)
		if code != cli.ExitError || out != "" || !strings.Contains(errOut, want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	}
	if len(d.org.Files(id)) != 0 || len(d.outboxIDs()) != 0 || len(d.spooled()) != 0 {
		t.Fatal("something was sent or kept although a file was refused")
	}
	if code, _, errOut := d.run("", "lead", "attach", id, good, "--type", "selfie"); code != cli.ExitUsage || !strings.Contains(errOut, `"Tax return"`) {
		t.Fatalf("unknown type: %d %q", code, errOut)
	}
	if code, _, _ := d.run("", "lead", "attach", id); code != cli.ExitUsage {
		t.Fatal("attach without a file was not a usage error")
	}
}

func TestOfflineDocumentsWaitEncryptedBesideTheVaultAndAreSentOnceWhenBack(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	path, sum := scan(t, "licence.pdf", 300_000)
	d.org.SetOffline(true)
	code, out, errOut := d.run("", "lead", "attach", id, path, "--type", "licence")
	if code != cli.ExitError || out != "" || !strings.Contains(errOut, "documents were not sent and are kept in the outbox") {
		t.Fatalf("offline attach: %d %q %q", code, out, errOut)
	}
	_, list, _ := d.run("", "outbox", "list")
	if !strings.Contains(list, "licence.pdf (293 KB)") || !strings.Contains(list, "1 document for lead "+id) {
		t.Fatalf("outbox list = %q", list)
	}
	copies := d.spooled()
	if len(copies) != 1 {
		t.Fatalf("copies %v", copies)
	}
	sealed, _ := os.ReadFile(copies[0])
	plain, _ := os.ReadFile(path)
	if bytes.Contains(sealed, plain[:64]) || bytes.Contains(sealed, []byte("statement line")) {
		t.Fatal("the waiting copy is not encrypted")
	}
	if st, _ := os.Stat(filepath.Join(d.home, "vault.bin")); st.Size() > 16<<10 {
		t.Fatalf("the vault grew to %d bytes: the document went into it", st.Size())
	}
	os.Remove(path) // the clerk tidies up the scan folder: the outbox's copy is what is sent
	d.org.SetOffline(false)
	d.sendAll()
	files := d.org.Files(id)
	if len(files) != 1 || files[0].SHA256 != sum || files[0].Title != "Driver's licence – licence" {
		t.Fatalf("after sending the org holds %+v", files)
	}
	if len(d.spooled()) != 0 {
		t.Fatal("the encrypted copy was not deleted once the upload was confirmed")
	}
}

func TestSignedOutAttachExitsThreeAndKeepsTheDocuments(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	d.run("", "logout")
	path, _ := scan(t, "quote.pdf", 5_000)
	code, _, errOut := d.run("", "lead", "attach", id, path, "--type", "quote")
	if code != cli.ExitSignedIn || !strings.Contains(errOut, "kept in the outbox") || !strings.Contains(errOut, "leaddesk login") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	d.login()
	d.sendAll()
	if len(d.org.Files(id)) != 1 {
		t.Fatal("the kept document was not sent after signing in")
	}
}

func TestALostUploadAnswerIsLookedUpAndTheFileIsNotAttachedTwice(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	path, _ := scan(t, "check.pdf", 40_000)
	d.org.DropNextUploads(1) // Salesforce attaches it, but the answer never arrives
	if code, _, errOut := d.run("", "lead", "attach", id, path, "--type", "check"); code != cli.ExitError || !strings.Contains(errOut, "kept in the outbox") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if n := len(d.org.Files(id)); n != 1 {
		t.Fatalf("%d files after the lost answer", n)
	}
	code, out, errOut := d.run("", "outbox", "send")
	if code != 0 || !strings.Contains(out, d.org.Files(id)[0].DocumentID+" (attached by an earlier attempt)") {
		t.Fatalf("outbox send: %d %q %q", code, out, errOut)
	}
	if n := len(d.org.Files(id)); n != 1 {
		t.Fatalf("%d files: the document was attached twice", n)
	}
}

func TestANewLeadWaitingInTheOutboxIsCreatedBeforeItsDocuments(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	env, _, _ := d.env("")
	p, err := sfclient.OpenProfile(d.home, cli.VaultOptions(env.Getenv))
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.Client(sfclient.ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path, sum := scan(t, "quote.pdf", 20_000)
	f, err := attach.CheckFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d.org.SetOutage(true)
	fields := map[string]any{"LastName": "Jimjo", "Company": "Jimjo Jimmy Jo"}
	res := outbox.Open(p.Vault).CreateWithDocuments(context.Background(), c, outbox.CreateRequest{Fields: fields},
		[]outbox.Document{{File: f, Type: attach.EquipmentQuote}}, time.Now())
	if !res.Kept || len(res.Entry.Files) != 1 || res.LeadID != "" {
		t.Fatalf("during the outage: %+v", res)
	}
	d.org.SetOutage(false)
	d.org.ResetLog()
	id := d.sendAll()
	files := d.org.Files(id)
	if len(d.org.LeadIDs()) != 1 || len(files) != 1 || files[0].SHA256 != sum {
		t.Fatalf("lead %s holds %+v", id, files)
	}
	var order []string
	for _, r := range d.org.Requests() {
		if r.Method == "POST" {
			order = append(order, r.Path[strings.LastIndex(r.Path, "/")+1:])
		}
	}
	if strings.Join(order, ",") != "Lead,ContentVersion" {
		t.Fatalf("sent in the order %v", order)
	}
}

func TestAttachAndFilesExplainThemselves(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	for _, args := range [][]string{{"lead", "attach", "--help"}, {"lead", "files", "--help"}, {"lead", "--help"}, {"outbox", "--help"}} {
		code, out, _ := d.run("", args...)
		if code != 0 || !strings.Contains(out, "Usage") {
			t.Fatalf("%v: %d %q", args, code, out)
		}
	}
	_, out, _ := d.run("", "lead", "attach", "--help")
	for _, want := range []string{"25 MB", "Driver's licence", "--type", "ContentVersion id", "outbox"} {
		if !strings.Contains(out, want) {
			t.Fatalf("attach --help does not say %q: %q", want, out)
		}
	}
}

func TestADamagedWaitingCopyIsNeverSentAndSaysSo(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	id := d.signedInLead()
	path, _ := scan(t, "licence.pdf", 200_000)
	d.org.SetOffline(true)
	d.run("", "lead", "attach", id, path, "--type", "licence")
	d.org.SetOffline(false)
	copies := d.spooled()
	if len(copies) != 1 {
		t.Fatalf("copies %v", copies)
	}
	sealed, _ := os.ReadFile(copies[0])
	sealed[len(sealed)/2] ^= 1 // a bad disk sector, or tampering
	os.WriteFile(copies[0], sealed, 0o600)
	code, _, errOut := d.run("", "outbox", "send")
	if code != cli.ExitError || !strings.Contains(errOut, "could not read the outbox's copy of licence.pdf") {
		t.Fatalf("outbox send: %d %q", code, errOut)
	}
	if n := len(d.org.Files(id)); n != 0 {
		t.Fatalf("a damaged copy was attached (%d files)", n)
	}
	if len(d.outboxIDs()) != 1 {
		t.Fatal("the entry was dropped: the person can no longer see what is missing")
	}
}

func TestCopiesNoEntryListsAreSweptOnceTheyAreOld(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	dir := filepath.Join(d.home, outbox.FilesDir)
	os.MkdirAll(dir, 0o700)
	old, young := filepath.Join(dir, "killed-long-ago.ldf"), filepath.Join(dir, "being-kept-now.ldf")
	os.WriteFile(old, []byte("LDF1 left by a killed process"), 0o600)
	os.WriteFile(young, []byte("LDF1 another process is about to list this"), 0o600)
	then := time.Now().Add(-time.Hour)
	os.Chtimes(old, then, then)
	if code, _, errOut := d.run("", "outbox", "send"); code != 0 {
		t.Fatalf("outbox send: %d %s", code, errOut)
	}
	if _, err := os.Stat(old); err == nil {
		t.Fatal("an old copy no entry lists was kept")
	}
	if _, err := os.Stat(young); err != nil {
		t.Fatal("a fresh copy was swept: it may belong to an attach still running")
	}
}

func TestAttachingToALeadSalesforceDoesNotHaveIsRefusedAndNotKept(t *testing.T) {
	d := newDesk(t, sftest.Options{})
	d.login()
	path, _ := scan(t, "quote.pdf", 1_000)
	code, out, errOut := d.run("", "lead", "attach", "00Q5g0000009999", path)
	if code != cli.ExitError || out != "" || !strings.Contains(errOut, "no lead with that id to attach the document to") {
		t.Fatalf("exit %d, %q, %q", code, out, errOut)
	}
	if len(d.outboxIDs()) != 0 || len(d.spooled()) != 0 {
		t.Fatal("a refused document was kept")
	}
}
