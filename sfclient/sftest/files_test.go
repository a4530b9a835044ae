package sftest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"testing"
)

// accessToken signs in as a browser and the app would, and returns the access token.
func accessToken(t *testing.T, o *Org) string {
	t.Helper()
	const verifier = "a-verifier-of-sufficient-length-for-pkce-0123456789"
	code := authorizeCode(t, o, verifier)
	resp, err := http.PostForm(o.URL+"/services/oauth2/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"client_id": {o.ClientID()}, "redirect_uri": {DefaultRedirectURI}, "code_verifier": {verifier}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	json.NewDecoder(resp.Body).Decode(&tok)
	return tok.AccessToken
}

type part struct {
	name, filename, contentType, body string
}

// call sends one REST request below /services/data/vNN.N and returns the status and body;
// err is set when the connection closed without an answer.
func call(o *Org, token, method, path, contentType string, body io.Reader) (int, string, error) {
	req, _ := http.NewRequest(method, o.URL+"/services/data/v"+NewestVersion+path, body)
	req.Header.Set("Authorization", "Bearer "+token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out), err
}

// postParts sends a ContentVersion upload made of parts and returns the status and the body.
func postParts(t *testing.T, o *Org, token string, parts ...part) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		disp := `form-data; name="` + p.name + `"`
		if p.filename != "" {
			disp += `; filename="` + p.filename + `"`
		}
		w, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {disp}, "Content-Type": {p.contentType}})
		w.Write([]byte(p.body))
	}
	mw.Close()
	status, body, err := call(o, token, http.MethodPost, "/sobjects/ContentVersion", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	return status, body
}

func TestContentVersionUploadsAnswerAsSalesforceDoes(t *testing.T) {
	o := New(t, Options{})
	token := accessToken(t, o)
	lead := o.createLeadForTest(t, token)
	meta := func(leadID string) part {
		return part{"entity_content", "", "application/json", `{"Title":"Tax return – 2025","PathOnClient":"2025.PDF","FirstPublishLocationId":"` + leadID + `"}`}
	}
	data := part{"VersionData", "2025.PDF", "application/octet-stream", "%PDF-1.4 the return"}
	cases := []struct {
		name   string
		parts  []part
		status int
		want   string
	}{
		{"the binary part alone", []part{data}, 400, `"errorCode":"INVALID_MULTIPART_REQUEST"`},
		{"no VersionData", []part{meta(lead)}, 400, `"fields":["VersionData"]`},
		{"entity_content that is not JSON", []part{{"entity_content", "", "application/json", `{"Title":`}, data}, 400, `"errorCode":"JSON_PARSER_ERROR"`},
		{"a lead that does not exist", []part{meta("00Q5g0000009999AAA"), data}, 400, `"errorCode":"INVALID_CROSS_REFERENCE_KEY"`},
		{"both parts", []part{meta(lead[:15]), data}, 201, `"success":true`},
	}
	for _, c := range cases {
		status, body := postParts(t, o, token, c.parts...)
		if status != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s", c.name, status, body)
		}
		if status >= 400 && !strings.HasPrefix(body, "[{") {
			t.Errorf("%s: not Salesforce's error array: %s", c.name, body)
		}
	}
	files := o.Files(lead)
	if len(files) != 1 || files[0].Extension != "pdf" || files[0].Size != int64(len("%PDF-1.4 the return")) || files[0].Title != "Tax return – 2025" {
		t.Fatalf("files = %+v", files)
	}
	if status, _ := postParts(t, o, "expired", meta(lead), data); status != http.StatusUnauthorized {
		t.Fatalf("an upload without a session: %d", status)
	}
}

func TestADroppedUploadAnswerStillAttachesTheFile(t *testing.T) {
	o := New(t, Options{})
	token := accessToken(t, o)
	lead := o.createLeadForTest(t, token)
	o.DropNextUploads(1)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {`form-data; name="entity_content"`}, "Content-Type": {"application/json"}})
	w.Write([]byte(`{"Title":"t","PathOnClient":"a.png","FirstPublishLocationId":"` + lead + `"}`))
	w, _ = mw.CreateFormFile("VersionData", "a.png")
	w.Write([]byte("\x89PNG"))
	mw.Close()
	if status, _, err := call(o, token, http.MethodPost, "/sobjects/ContentVersion", mw.FormDataContentType(), &buf); err == nil {
		t.Fatalf("answered %d, want the connection dropped", status)
	}
	if len(o.Files(lead)) != 1 {
		t.Fatal("the dropped upload was not committed")
	}
}

func TestTheLinkQueryListsOnlyThatLeadsDocumentsNewestFirst(t *testing.T) {
	o := New(t, Options{})
	token := accessToken(t, o)
	lead := o.createLeadForTest(t, token)
	first := o.AttachFile(lead, "a", "a.pdf", []byte("1"))
	o.Advance(1e9)
	second := o.AttachFile(lead, "b", "b.pdf", []byte("22"))
	q := "SELECT ContentDocumentId, ContentDocument.Title, ContentDocument.FileExtension, ContentDocument.ContentSize, ContentDocument.CreatedDate FROM ContentDocumentLink WHERE LinkedEntityId = '" + lead + "' ORDER BY ContentDocument.CreatedDate DESC"
	_, body, err := call(o, token, http.MethodGet, "/query?q="+url.QueryEscape(q), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		TotalSize int  `json:"totalSize"`
		Done      bool `json:"done"`
		Records   []struct {
			ContentDocumentID string `json:"ContentDocumentId"`
			ContentDocument   struct {
				ContentSize int `json:"ContentSize"`
			}
		} `json:"records"`
	}
	json.Unmarshal([]byte(body), &out)
	if out.TotalSize != 2 || !out.Done || out.Records[0].ContentDocumentID != second.DocumentID ||
		out.Records[1].ContentDocumentID != first.DocumentID || out.Records[0].ContentDocument.ContentSize != 2 {
		t.Fatalf("answer %+v", out)
	}
}

// createLeadForTest creates a lead over HTTP and returns its id.
func (o *Org) createLeadForTest(t *testing.T, token string) string {
	t.Helper()
	_, body, err := call(o, token, http.MethodPost, "/sobjects/Lead", "application/json", strings.NewReader(`{"LastName":"Jimjo","Company":"Jimjo Jimmy Jo"}`))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(body), &out)
	return out.ID
}
