package sfclient_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recordid"
	"leaddesk/sfclient/sftest"
	"leaddesk/sfclient/vault"
)

var ctx = context.Background()

func TestCreateReadAndUpdateOnlyWhatChanged(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	id, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(id) != 18 || !strings.HasPrefix(id, "00Q") {
		t.Fatalf("id = %q, want an 18-character Lead id", id)
	}
	rec, err := f.client.GetLead(ctx, id[:15], []string{"Company", "Phone", "LastModifiedDate"})
	if err != nil || rec["Company"] != "Jimjo Jimmy Jo" {
		t.Fatalf("GetLead = %v, %v", rec, err)
	}
	since, err := rec.LastModified()
	if err != nil || since.IsZero() {
		t.Fatalf("LastModified = %v, %v", since, err)
	}
	f.org.ResetLog()
	if err := f.client.UpdateLead(ctx, id, map[string]any{"Phone": "(555)-555-0100"}, since); err != nil {
		t.Fatal(err)
	}
	reqs := f.org.Requests()
	if len(reqs) != 1 || reqs[0].Method != http.MethodPatch {
		t.Fatalf("update sent %d requests, want one PATCH", len(reqs))
	}
	var body map[string]any
	json.Unmarshal(reqs[0].Body, &body)
	if len(body) != 1 || body["Phone"] != "(555)-555-0100" {
		t.Fatalf("PATCH body = %s, want only the phone", reqs[0].Body)
	}
	h := reqs[0].Header
	if !strings.HasPrefix(h.Get("Authorization"), "Bearer ") || strings.HasPrefix(h.Get("Authorization"), "Bearer:") ||
		h.Get("Content-Type") != "application/json" || h.Get("Accept") != "application/json" ||
		h.Get("client_id") != f.org.ClientID() || h.Get("If-Unmodified-Since") == "" {
		t.Fatalf("headers = %v", h)
	}
	if got := f.org.Lead(id)["Phone"]; got != "(555)-555-0100" {
		t.Fatalf("org holds phone %v", got)
	}
	if f.client.APIUsage() == "" {
		t.Fatal("Sforce-Limit-Info was not kept")
	}
}

func TestExpiredSessionIsRefreshedOnceForTwentyConcurrentCalls(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	id, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	f.org.ExpireSessions()
	f.org.SetRefreshDelay(50e6) // 50 ms: every caller hits the 401 while the refresh runs
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.client.GetLead(ctx, id, []string{"Company"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := f.org.Grants("refresh_token"); n != 1 {
		t.Fatalf("%d refreshes, want 1", n)
	}
	if f.org.ConcurrentRefreshRejections() != 0 {
		t.Fatal("the org saw concurrent refreshes")
	}
	stored, _ := f.profile.LoadSession()
	if stored.AccessToken != f.client.Session().AccessToken {
		t.Fatal("the refreshed token was not saved")
	}
}

func TestRotatedRefreshTokenIsSavedAndUsedNextTime(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.SetRotation(true)
	first, _ := f.profile.LoadSession()
	for round := range 3 {
		f.org.ExpireSessions()
		if _, err := f.client.UserInfo(ctx); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	stored, _ := f.profile.LoadSession()
	if stored.RefreshToken == first.RefreshToken {
		t.Fatal("the rotated refresh token was not saved")
	}
	// A second client built from the vault (a later run) continues the session.
	later, err := f.profile.Client(sfclient.ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.org.ExpireSessions()
	if _, err := later.UserInfo(ctx); err != nil {
		t.Fatalf("a later run could not continue: %v", err)
	}
	if n := f.org.Grants("refresh_token"); n != 4 {
		t.Fatalf("%d refreshes, want 4", n)
	}
}

func TestRefreshWithoutANewRefreshTokenKeepsTheOldOne(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	before, _ := f.profile.LoadSession()
	f.org.ExpireSessions()
	if _, err := f.client.UserInfo(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := f.profile.LoadSession()
	if after.RefreshToken != before.RefreshToken || after.AccessToken == before.AccessToken {
		t.Fatal("refresh lost the refresh token or kept the dead access token")
	}
	for _, r := range f.org.Requests() {
		if r.Path == "/services/oauth2/token" && formValue(r.Body, "grant_type") == "refresh_token" {
			if formValue(r.Body, "client_id") != f.org.ClientID() || formValue(r.Body, "refresh_token") == "" {
				t.Fatalf("refresh body lacks client_id or refresh_token")
			}
		}
	}
}

func TestDeadRefreshTokenMeansSignInAgain(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.RevokeAll()
	f.org.ExpireSessions()
	_, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	if !errors.Is(err, sfclient.ErrSignInRequired) {
		t.Fatalf("err = %v, want ErrSignInRequired", err)
	}
	if !strings.Contains(sfclient.Explain(err), "sign in again") {
		t.Fatalf("Explain = %q", sfclient.Explain(err))
	}
	if len(f.org.LeadIDs()) != 0 {
		t.Fatal("a lead was created without a session")
	}
}

func TestHTMLOutagePageBecomesAShortPlainError(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.SetOutage(true)
	_, err := f.client.GetLead(ctx, "00Q5g0000000001", nil)
	var api *sfclient.APIError
	if !errors.As(err, &api) || api.Status != http.StatusServiceUnavailable {
		t.Fatalf("err = %v, want a 503 APIError", err)
	}
	if strings.Contains(api.Message, "<") || !strings.Contains(api.Message, "scheduled maintenance") {
		t.Fatalf("excerpt = %q", api.Message)
	}
	if !strings.Contains(sfclient.Explain(err), "unavailable") {
		t.Fatalf("Explain = %q", sfclient.Explain(err))
	}
	if n := f.org.Count(http.MethodGet, "/services/data/v"); n != 1+sfclient.DefaultRetries {
		t.Fatalf("%d reads, want 1 + %d retries", n, sfclient.DefaultRetries)
	}
}

func TestReadsRetryAfterAPassingOutageButCreatesAreSentOnce(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	id, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	f.org.FailNext(2)
	if _, err := f.client.GetLead(ctx, id, nil); err != nil {
		t.Fatalf("the read did not survive two 503s: %v", err)
	}
	f.org.ResetLog()
	f.org.FailNext(1)
	if _, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{}); err == nil {
		t.Fatal("create succeeded through an outage")
	}
	if n := f.org.Count(http.MethodPost, "/services/data/"); n != 1 {
		t.Fatalf("create was sent %d times, want once", n)
	}
}

func TestSalesforceErrorsKeepTheirCodesAndFields(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	cases := []struct {
		fields map[string]any
		code   string
		marked []string
	}{
		{map[string]any{"FirstName": "No", "Phone": "1"}, "REQUIRED_FIELD_MISSING", []string{"LastName", "Company"}},
		{map[string]any{"LastName": "A", "Company": "B", "Email": "not-an-address"}, "INVALID_EMAIL_ADDRESS", []string{"Email"}},
		{map[string]any{"LastName": "A", "Company": "B", "Favourite_Color__c": "red"}, "INVALID_FIELD", nil},
		{map[string]any{"LastName": "A", "Company": "B", "AnnualRevenue": "lots"}, "JSON_PARSER_ERROR", nil},
		{map[string]any{"LastName": "A", "Company": "B", "Status": "Maybe"}, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", []string{"Status"}},
	}
	for _, tc := range cases {
		_, err := f.client.CreateLead(ctx, tc.fields, sfclient.CreateOptions{})
		var api *sfclient.APIError
		if !errors.As(err, &api) || api.Code != tc.code || api.Status != 400 {
			t.Errorf("%v: err = %v, want %s", tc.fields, err, tc.code)
			continue
		}
		if strings.Join(api.AllFields(), ",") != strings.Join(tc.marked, ",") {
			t.Errorf("%s marks %v, want %v", tc.code, api.AllFields(), tc.marked)
		}
	}
}

func TestDuplicateRuleThatOnlyAlertsCanBeOverridden(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	first, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	f.org.SetDuplicateRule(sftest.DuplicatesAlert)
	_, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	var api *sfclient.APIError
	if !errors.As(err, &api) || api.Code != "DUPLICATES_DETECTED" || api.Duplicates == nil || !api.Duplicates.AllowSave {
		t.Fatalf("err = %v, want DUPLICATES_DETECTED with allowSave", err)
	}
	if len(api.Duplicates.MatchIDs) != 1 || api.Duplicates.MatchIDs[0] != first {
		t.Fatalf("matches = %v, want [%s]", api.Duplicates.MatchIDs, first)
	}
	if _, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{AllowDuplicates: true}); err != nil {
		t.Fatalf("allowSave did not save: %v", err)
	}
	f.org.SetDuplicateRule(sftest.DuplicatesBlock)
	_, err = f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{AllowDuplicates: true})
	if !errors.As(err, &api) || api.Duplicates == nil || api.Duplicates.AllowSave {
		t.Fatalf("a blocking rule let the lead through: %v", err)
	}
	if len(f.org.LeadIDs()) != 2 {
		t.Fatalf("%d leads, want 2", len(f.org.LeadIDs()))
	}
}

func TestSomeoneElsesChangeIsAConflictNotOverwritten(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	id, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	rec, _ := f.client.GetLead(ctx, id, nil)
	since, _ := rec.LastModified()
	f.org.SetField(id, "Phone", "(555)-000-1111") // a Mazo employee edits the lead meanwhile
	err := f.client.UpdateLead(ctx, id, map[string]any{"Phone": "(555)-222-3333"}, since)
	var api *sfclient.APIError
	if !errors.As(err, &api) || api.Status != http.StatusPreconditionFailed {
		t.Fatalf("err = %v, want 412", err)
	}
	if f.org.Lead(id)["Phone"] != "(555)-000-1111" {
		t.Fatal("the other person's change was overwritten")
	}
	if !strings.Contains(sfclient.Explain(err), "Someone else changed") {
		t.Fatalf("Explain = %q", sfclient.Explain(err))
	}
}

func TestDescribeIsCachedOnDiskAndRevalidated(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	d, err := f.client.DescribeLead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fld, ok := d.Field("Time_Frame__c"); !ok || len(fld.PicklistValues) == 0 {
		t.Fatalf("describe lacks Time_Frame__c picklist: %+v", fld)
	}
	f.org.ResetLog()
	later, _ := f.profile.Client(sfclient.ClientOptions{}) // a later run, reading the disk cache
	again, err := later.DescribeLead(ctx)
	if err != nil || len(again.Fields) != len(d.Fields) {
		t.Fatalf("cached describe: %v", err)
	}
	reqs := f.org.Requests()
	if len(reqs) != 1 || reqs[0].Status != http.StatusNotModified || reqs[0].Header.Get("If-Modified-Since") == "" {
		t.Fatalf("revalidation: %d requests, status %d", len(reqs), reqs[0].Status)
	}
	f.org.Advance(2e9)
	f.org.TouchDescribe()
	f.org.ResetLog()
	if _, err := later.DescribeLead(ctx); err != nil || f.org.Requests()[0].Status != http.StatusOK {
		t.Fatalf("a changed describe was not fetched again: %v", err)
	}
}

func TestBadIDNeverReachesTheNetwork(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.ResetLog()
	for _, bad := range []string{"00Qxyz", "0014X00001vhja5", "00Q4X00001vhja5UAB"} {
		if _, err := f.client.GetLead(ctx, bad, nil); !errors.Is(err, recordid.ErrBad) {
			t.Errorf("GetLead(%q) = %v, want ErrBad", bad, err)
		}
		if err := f.client.UpdateLead(ctx, bad, map[string]any{"Phone": "1"}, zeroTime); !errors.Is(err, recordid.ErrBad) {
			t.Errorf("UpdateLead(%q) = %v, want ErrBad", bad, err)
		}
	}
	if n := len(f.org.Requests()); n != 0 {
		t.Fatalf("%d requests for bad ids", n)
	}
}

func TestSubmissionIDFindsTheLeadItMarks(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	lead := minimalLead()
	lead["WordPress_UniqueID__c"] = "ld-4f1c'9"
	id, _ := f.client.CreateLead(ctx, lead, sfclient.CreateOptions{})
	ids, err := f.client.FindBySubmissionID(ctx, "ld-4f1c'9")
	if err != nil || len(ids) != 1 || ids[0] != id {
		t.Fatalf("found %v, %v; want [%s]", ids, err, id)
	}
	if none, _ := f.client.FindBySubmissionID(ctx, "other"); len(none) != 0 {
		t.Fatalf("found %v for an unknown submission", none)
	}
}

func TestSignOutRevokesAndForgetsEvenOffline(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	if err := f.profile.SignOut(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if f.org.Count(http.MethodPost, "/services/oauth2/revoke") != 1 {
		t.Fatal("the refresh token was not revoked")
	}
	f.org.ExpireSessions()
	if _, err := f.client.UserInfo(ctx); !errors.Is(err, sfclient.ErrSignInRequired) {
		t.Fatalf("the revoked session still works: %v", err)
	}
	if _, err := f.profile.Client(sfclient.ClientOptions{}); !errors.Is(err, sfclient.ErrSignInRequired) {
		t.Fatalf("after sign-out: %v, want ErrSignInRequired", err)
	}

	offline := signedIn(t, sftest.Options{})
	offline.org.Close()
	err := offline.profile.SignOut(ctx, nil)
	if !errors.Is(err, sfclient.ErrRevokeFailed) {
		t.Fatalf("offline sign-out: %v, want ErrRevokeFailed", err)
	}
	if s, _ := offline.profile.LoadSession(); s != nil {
		t.Fatal("offline sign-out kept the tokens")
	}
}

func TestNoFileOnDiskHoldsATokenInPlainText(t *testing.T) {
	f := signedIn(t, sftest.Options{ClientSecret: "consumer-secret-value"})
	f.org.ExpireSessions()
	f.client.DescribeLead(ctx) // refresh, and write the describe cache
	sess, _ := f.profile.LoadSession()
	secrets := []string{sess.AccessToken, sess.RefreshToken, "consumer-secret-value"}
	filepath.Walk(f.profile.Home, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds a secret in plain text", filepath.Base(path))
			}
		}
		return nil
	})
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("session", "s", sess)
	printed := fmt.Sprintf("%v %+v %#v %s", sess, sess, sess, logged.String())
	for _, s := range secrets[:2] {
		if strings.Contains(printed, s) {
			t.Fatal("printing or logging a session shows a token")
		}
	}
}

func TestRetriedUpdateThatHadLandedIsNotAConflict(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	id, _ := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{})
	rec, _ := f.client.GetLead(ctx, id, nil)
	since, _ := rec.LastModified()
	f.org.Advance(2e9) // the update lands a couple of seconds after the read
	f.org.DropNext(1)  // the PATCH applies, but its answer is lost
	if err := f.client.UpdateLead(ctx, id, map[string]any{"Phone": "(555)-999-0000", "AnnualRevenue": "600000"}, since); err != nil {
		t.Fatalf("a retried update that had landed was reported as %v", err)
	}
	if f.org.Count(http.MethodPatch, "/services/data/") != 2 {
		t.Fatal("the PATCH was not retried after the dropped connection")
	}
}

func TestCreateWhoseAnswerIsLostIsNotResent(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	f.org.DropNext(1)
	if _, err := f.client.CreateLead(ctx, minimalLead(), sfclient.CreateOptions{}); err == nil {
		t.Fatal("a create without an answer reported success")
	}
	if n := len(f.org.LeadIDs()); n != 1 {
		t.Fatalf("%d leads exist, want exactly the one that landed", n)
	}
	if f.org.Count(http.MethodPost, "/services/data/") != 1 {
		t.Fatal("the create was sent again")
	}
}

func TestDamagedFilesAreMovedAsideAndTheAppStillStarts(t *testing.T) {
	f := signedIn(t, sftest.Options{})
	home := f.profile.Home
	os.WriteFile(filepath.Join(home, "vault.bin"), []byte("LDV1 cut short"), 0o600)
	os.WriteFile(filepath.Join(home, "settings.json"), []byte(`{"login_url": "https://`), 0o600)
	p, err := sfclient.OpenProfile(home, vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "test passphrase", nil }})
	if err != nil {
		t.Fatalf("the app could not start: %v", err)
	}
	if len(p.Notices) != 2 || !strings.Contains(p.Notices[0], "damaged") {
		t.Fatalf("notices = %q", p.Notices)
	}
	kept, _ := filepath.Glob(filepath.Join(home, "*.damaged-*"))
	if len(kept) != 2 {
		t.Fatalf("damaged files kept: %v", kept)
	}
	var keptText string
	for _, k := range kept {
		data, _ := os.ReadFile(k)
		keptText += string(data)
	}
	if !strings.Contains(keptText, "LDV1 cut short") || !strings.Contains(keptText, `"login_url"`) {
		t.Fatal("the damaged files were not kept as they were")
	}
	if err := p.SaveSettings(sfclient.Settings{ClientID: "x"}); err != nil {
		t.Fatalf("a fresh start cannot save: %v", err)
	}
	if s, _ := p.LoadSession(); s != nil {
		t.Fatal("a session came from nowhere")
	}
	p.SetClientSecret("s")
	if _, err := sfclient.OpenProfile(home, vault.Options{NoKeychain: true, ScryptLogN: 10, Passphrase: func() (string, error) { return "wrong", nil }}); !errors.Is(err, vault.ErrWrongKey) {
		t.Fatalf("a wrong passphrase: %v, want ErrWrongKey and no moving aside", err)
	}
	if again, _ := filepath.Glob(filepath.Join(home, "*.damaged-*")); len(again) != 2 {
		t.Fatal("a wrong passphrase moved the vault aside")
	}
}
