package sfclient

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeErrorReadsEveryShape(t *testing.T) {
	tests := []struct {
		name, body string
		status     int
		code, msg  string
		fields     []string
	}{
		{"REST array", `[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]`,
			400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", []string{"LastName"}},
		{"session", `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`,
			401, "INVALID_SESSION_ID", "Session expired or invalid", nil},
		{"OAuth", `{"error":"invalid_grant","error_description":"expired access/refresh token"}`,
			400, "invalid_grant", "expired access/refresh token", nil},
		{"HTML outage", "<html><head><title>Down</title><style>p{}</style></head><body><p>Back &amp; soon</p></body></html>",
			503, "", "Down Back & soon", nil},
		{"empty", "", 502, "", "", nil},
		{"JSON of another shape", `{"unexpected":true}`, 500, "", `{"unexpected":true}`, nil},
		{"truncated JSON", `[{"message":"cut`, 400, "", `[{"message":"cut`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := DecodeError(tt.status, []byte(tt.body))
			if e.Status != tt.status || e.Code != tt.code || e.Message != tt.msg || strings.Join(e.Fields, ",") != strings.Join(tt.fields, ",") {
				t.Fatalf("got %+v", e)
			}
		})
	}
}

func TestDecodeErrorKeepsEveryErrorOfAnArray(t *testing.T) {
	e := DecodeError(400, []byte(`[{"message":"a","errorCode":"STRING_TOO_LONG","fields":["City"]},{"message":"b","errorCode":"INVALID_EMAIL_ADDRESS","fields":["Email"]}]`))
	if got := strings.Join(e.AllFields(), ","); got != "City,Email" {
		t.Fatalf("fields = %s", got)
	}
	if !strings.Contains(e.Error(), "INVALID_EMAIL_ADDRESS") {
		t.Fatalf("Error() drops the second error: %s", e.Error())
	}
}

func TestExcerptIsShortAndSingleLine(t *testing.T) {
	long := "<p>" + strings.Repeat("maintenance ", 100) + "</p>"
	got := Excerpt([]byte(long))
	if utf8.RuneCountInString(got) > excerptLimit+1 || strings.Contains(got, "\n") {
		t.Fatalf("excerpt %d runes: %q", utf8.RuneCountInString(got), got)
	}
}

func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{`[{"message":"m","errorCode":"C","fields":["F"]}]`, `{"error":"e"}`, "<html>", `[{"duplicateResult":{"matchResults":[{"matchRecords":[{"record":{"Id":"x"}}]}]}}]`, "\xff\xfe"} {
		f.Add(400, []byte(s))
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := DecodeError(status, body)
		if e == nil || e.Status != status {
			t.Fatal("nil or wrong status")
		}
		_ = e.Error()
		if e.Code == "" && (!utf8.ValidString(e.Message) || utf8.RuneCountInString(e.Message) > excerptLimit+1) {
			t.Fatalf("excerpt not short valid text: %q", e.Message)
		}
	})
}

func FuzzCodeFromPasted(f *testing.F) {
	for _, s := range []string{"aPrxAbc%3D%3D", "http://localhost:1717/OauthRedirect?code=aPrx%2Bq%3D%3D&state=S", "code=x", "https://x/?error=access_denied&state=S", "%zz", "?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pasted string) {
		code, err := CodeFromPasted(pasted, "S")
		if err == nil && (code == "" || strings.ContainsAny(code, " \t\n&?")) {
			t.Fatalf("accepted %q as code %q", pasted, code)
		}
	})
}

func FuzzCodeFromCallback(f *testing.F) {
	for _, s := range []string{"code=a%3D%3D&state=S", "error=access_denied", "state=S", "code=x&state=T", "%%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		q, _ := url.ParseQuery(rawQuery)
		code, err := CodeFromCallback(q, "S")
		if err == nil && (code == "" || q.Get("state") != "S") {
			t.Fatalf("accepted %q", rawQuery)
		}
		if q.Get("state") != "S" && !errors.Is(err, ErrStateMismatch) {
			t.Fatalf("an answer without this state was read: %q gave %v", rawQuery, err)
		}
	})
}

func TestCodeFromPasted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aPrxAbc%2Bd%3D%3D", "aPrxAbc+d=="},
		{"aPrxAbc+d==", "aPrxAbc+d=="},
		{"  https://dealer.example/cb?code=aPrxQ%3D%3D&state=S  ", "aPrxQ=="},
		{"http://localhost:1717/OauthRedirect?state=S&code=aPrxQ%3D%3D", "aPrxQ=="},
	}
	for _, tt := range tests {
		if got, err := CodeFromPasted(tt.in, "S"); err != nil || got != tt.want {
			t.Errorf("CodeFromPasted(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "https://dealer.example/cb?code=x&state=OTHER", "two words"} {
		if _, err := CodeFromPasted(bad, "S"); err == nil {
			t.Errorf("CodeFromPasted(%q) accepted", bad)
		}
	}
}

func TestErrorTextsNeverCarryAnSSNOrBirthday(t *testing.T) {
	e := DecodeError(400, []byte(`[{"message":"SSN: data value too large: 555-55-55555 (max length=11)","errorCode":"STRING_TOO_LONG","fields":["SSN1__c"]},{"message":"Cannot deserialize instance of date from VALUE_STRING value 1955-13-05","errorCode":"JSON_PARSER_ERROR"}]`))
	for _, text := range []string{e.Error(), Explain(e)} {
		if strings.Contains(text, "555-55") || strings.Contains(text, "1955") {
			t.Fatalf("sensitive value in %q", text)
		}
	}
}
