package sftest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// get sends an authorized GET and decodes the JSON answer.
func get(t *testing.T, o *Org, token, path string, out any) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, o.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return resp.StatusCode
}

type queryAnswer struct {
	TotalSize      int              `json:"totalSize"`
	Done           bool             `json:"done"`
	NextRecordsURL string           `json:"nextRecordsUrl"`
	Records        []map[string]any `json:"records"`
}

func runQuery(t *testing.T, o *Org, token, soql string) (queryAnswer, []apiError, int) {
	t.Helper()
	path := "/services/data/v" + NewestVersion + "/query?q=" + url.QueryEscape(soql)
	var raw json.RawMessage
	status := get(t, o, token, path, &raw)
	var ans queryAnswer
	var errs []apiError
	if status == http.StatusOK {
		json.Unmarshal(raw, &ans)
	} else {
		json.Unmarshal(raw, &errs)
	}
	return ans, errs, status
}

// seeded is an org with four leads, a day apart, and a token.
func seeded(t *testing.T) (*Org, string) {
	o := New(t, Options{})
	o.AddLead(map[string]any{"FirstName": "Ann", "LastName": "Able", "Company": "Able Paving", "Status": "New", "Amount_Requested__c": 50000.0, "Email": "ann@able.example", "Dealer_ID__c": "D1"}, UserID)
	o.Advance(24 * time.Hour)
	o.AddLead(map[string]any{"FirstName": "Bo", "LastName": "O'Brien", "Company": `Back\slash Co`, "Status": "Working", "Amount_Requested__c": 120000.0, "Dealer_ID__c": "D1"}, MazoUserID)
	o.Advance(24 * time.Hour)
	o.AddLead(map[string]any{"LastName": "Cy", "Company": "100% Cranes", "Status": "Qualified", "Dealer_ID__c": "D2"}, OtherClerkID)
	o.Advance(24 * time.Hour)
	o.AddLead(map[string]any{"FirstName": "Di", "LastName": "Dee", "Company": "Dee Trucking", "Status": "New", "Amount_Requested__c": 75000.0}, UserID)
	return o, accessToken(t, o)
}

func lastNames(recs []map[string]any) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r["LastName"].(string))
	}
	return out
}

func TestQueriesAnswerAsSalesforceDoes(t *testing.T) {
	o, token := seeded(t)
	tests := []struct {
		soql string
		want []string // last names in order; nil with code set
		code string
	}{
		{"SELECT LastName FROM Lead", []string{"Able", "O'Brien", "Cy", "Dee"}, ""},
		{"select lastname from lead order by LastName desc", []string{"O'Brien", "Dee", "Cy", "Able"}, ""},
		{"SELECT LastName FROM Lead WHERE Status = 'new'", []string{"Able", "Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE Status != 'New' ORDER BY CreatedDate DESC", []string{"Cy", "O'Brien"}, ""},
		{"SELECT LastName FROM Lead WHERE LastName = 'O\\'Brien'", []string{"O'Brien"}, ""},
		{`SELECT LastName FROM Lead WHERE Company = 'Back\\slash Co'`, []string{"O'Brien"}, ""},
		{"SELECT LastName FROM Lead WHERE Company LIKE '100\\% c%'", []string{"Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE Company LIKE '_ee%'", []string{"Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE Status IN ('Working', 'Qualified')", []string{"O'Brien", "Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE Status NOT IN ('New')", []string{"O'Brien", "Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE Amount_Requested__c >= 75000", []string{"O'Brien", "Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE Amount_Requested__c < 100000 AND Amount_Requested__c > 50000", []string{"Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE Amount_Requested__c = null", []string{"Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE Email != null", []string{"Able"}, ""},
		{"SELECT LastName FROM Lead WHERE (Dealer_ID__c = 'D1' OR CreatedById = '" + UserID + "') AND Status = 'New' ORDER BY LastModifiedDate DESC", []string{"Dee", "Able"}, ""},
		{"SELECT LastName FROM Lead WHERE NOT (Status = 'New' OR Status = 'Working')", []string{"Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE CreatedDate = LAST_N_DAYS:1", []string{"Cy", "Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE CreatedDate = TODAY", []string{"Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE CreatedDate < LAST_N_DAYS:1 ORDER BY LastName", []string{"Able", "O'Brien"}, ""},
		{"SELECT LastName FROM Lead WHERE CreatedDate > 2000-01-01T00:00:00Z LIMIT 2 OFFSET 1", []string{"O'Brien", "Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE IsConverted = false AND Owner.Name = 'Dana Clerk' ORDER BY FirstName DESC NULLS LAST", []string{"Dee", "Able"}, ""},
		{"SELECT LastName FROM Lead WHERE IsConverted = false ORDER BY FirstName NULLS LAST", []string{"Able", "O'Brien", "Dee", "Cy"}, ""},
		{"SELECT LastName FROM Lead ORDER BY FirstName DESC NULLS FIRST LIMIT 2", []string{"Cy", "Dee"}, ""},
		{"SELECT LastName FROM Lead WHERE CreatedBy.Name LIKE 'riley%'", []string{"Cy"}, ""},
		{"SELECT LastName FROM Lead WHERE Status = 'New' AND Status = 'New' OR Status = 'Working'", nil, "MALFORMED_QUERY"},
		{"SELECT LastName FORM Lead", nil, "MALFORMED_QUERY"},
		{"SELECT FROM Lead", nil, "MALFORMED_QUERY"},
		{"SELECT LastName FROM Lead WHERE LastName = 'open", nil, "MALFORMED_QUERY"},
		{"SELECT LastName FROM Lead LIMIT -1", nil, "MALFORMED_QUERY"},
		{"SELECT Nope__c FROM Lead", nil, "INVALID_FIELD"},
		{"SELECT Boss.Name FROM Lead", nil, "INVALID_FIELD"},
		{"SELECT Id FROM Opportunity", nil, "INVALID_TYPE"},
		{"SELECT LastName FROM Lead WHERE CreatedDate = '2026-01-01'", nil, "INVALID_QUERY_FILTER_OPERATOR"},
		{"SELECT LastName FROM Lead WHERE Amount_Requested__c LIKE '1%'", nil, "INVALID_QUERY_FILTER_OPERATOR"},
	}
	for _, tt := range tests {
		ans, errs, status := runQuery(t, o, token, tt.soql)
		if tt.code != "" {
			if status != http.StatusBadRequest || len(errs) != 1 || errs[0].ErrorCode != tt.code || !strings.Contains(errs[0].Message, "ERROR at Row:1:Column:") {
				t.Errorf("%s\n  answered %d %+v, want 400 %s with the position", tt.soql, status, errs, tt.code)
			}
			continue
		}
		if got := lastNames(ans.Records); status != http.StatusOK || !slices.Equal(got, tt.want) || ans.TotalSize != len(tt.want) || !ans.Done {
			t.Errorf("%s\n  got %d %v (total %d), want %v", tt.soql, status, got, ans.TotalSize, tt.want)
		}
	}
}

func TestQueryNestsRelationshipFieldsAndCounts(t *testing.T) {
	o, token := seeded(t)
	ans, _, _ := runQuery(t, o, token, "SELECT Id, Name, Owner.Name, CreatedBy.Name, CreatedBy.Username FROM Lead WHERE LastName = 'Able'")
	rec := ans.Records[0]
	owner, _ := rec["Owner"].(map[string]any)
	by, _ := rec["CreatedBy"].(map[string]any)
	attrs, _ := rec["attributes"].(map[string]any)
	if rec["Name"] != "Ann Able" || owner["Name"] != DisplayName || by["Name"] != DisplayName || by["Username"] != Username ||
		attrs["type"] != "Lead" || !strings.HasSuffix(attrs["url"].(string), "/sobjects/Lead/"+rec["Id"].(string)) {
		t.Fatalf("record %v", rec)
	}
	ans, _, _ = runQuery(t, o, token, "SELECT COUNT() FROM Lead WHERE Status = 'New'")
	if ans.TotalSize != 2 || len(ans.Records) != 0 {
		t.Fatalf("COUNT(): %+v", ans)
	}
}

func TestQueryPagesFollowNextRecordsUrlOneBatchAtATime(t *testing.T) {
	o, token := seeded(t)
	o.SetQueryBatch(3)
	first, _, _ := runQuery(t, o, token, "SELECT LastName FROM Lead ORDER BY LastName")
	if first.Done || first.TotalSize != 4 || len(first.Records) != 3 ||
		!strings.HasPrefix(first.NextRecordsURL, "/services/data/v"+NewestVersion+"/query/01g") || !strings.HasSuffix(first.NextRecordsURL, "-3") {
		t.Fatalf("first batch %+v", first)
	}
	var next queryAnswer
	if status := get(t, o, token, first.NextRecordsURL, &next); status != http.StatusOK || !next.Done || next.NextRecordsURL != "" ||
		!slices.Equal(lastNames(next.Records), []string{"O'Brien"}) {
		t.Fatalf("next batch %d %+v", status, next)
	}
	var errs []apiError
	if status := get(t, o, token, "/services/data/v"+NewestVersion+"/query/01gNOPE-3", &errs); status != http.StatusBadRequest || errs[0].ErrorCode != "INVALID_QUERY_LOCATOR" {
		t.Fatalf("a made-up locator: %d %+v", status, errs)
	}
}

func TestColumnMetadataDescribesTheSelectedFieldsForTheSalesforceCLI(t *testing.T) {
	o, token := seeded(t)
	var cols struct {
		ColumnMetadata []struct {
			ColumnName  string `json:"columnName"`
			DisplayName string `json:"displayName"`
			Aggregate   bool   `json:"aggregate"`
			JoinColumns []struct {
				ColumnName  string `json:"columnName"`
				DisplayName string `json:"displayName"`
			} `json:"joinColumns"`
		} `json:"columnMetadata"`
		EntityName string `json:"entityName"`
	}
	q := url.QueryEscape("SELECT Id, Company, Owner.Name, Owner.Email FROM Lead")
	if status := get(t, o, token, "/services/data/v"+NewestVersion+"/query?q="+q+"&columns=true", &cols); status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	c := cols.ColumnMetadata
	if cols.EntityName != "Lead" || len(c) != 3 || c[0].ColumnName != "Id" || c[1].ColumnName != "Company" || c[2].ColumnName != "Owner" ||
		len(c[2].JoinColumns) != 2 || c[2].JoinColumns[0].ColumnName != "Name" || c[2].JoinColumns[1].DisplayName != "Owner.Email" {
		t.Fatalf("columns %+v", cols)
	}
}

func TestTheSalesforceCLIsSignInReadsUserAndOrganization(t *testing.T) {
	o := New(t, Options{})
	// The CLI sends a challenge without code_challenge_method, which Salesforce takes as S256.
	const verifier = "a-verifier-of-sufficient-length-for-pkce-0123456789"
	if got := exchange(o, authorizeWithMethod(t, o, verifier, ""), verifier); got != http.StatusOK {
		t.Fatalf("exchange after a challenge without a method: %d", got)
	}
	token := accessToken(t, o)
	var user map[string]any
	if status := get(t, o, token, "/services/data/v51.0/sobjects/User/"+UserID, &user); status != http.StatusOK || user["Username"] != Username {
		t.Fatalf("User through v51.0: %d %v", status, user)
	}
	ans, _, _ := runQuery(t, o, token, "SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization")
	if len(ans.Records) != 1 || ans.Records[0]["Name"] != OrgName || ans.Records[0]["IsSandbox"] != false {
		t.Fatalf("Organization: %+v", ans)
	}
}

func TestSearchNeedsTwoCharactersAndFindsByWordStartOrPhoneDigits(t *testing.T) {
	o, token := seeded(t)
	o.SetField(o.LeadIDs()[3], "Phone", "(555) 010-2030")
	search := func(q string) ([]string, int) {
		var raw json.RawMessage
		status := get(t, o, token, "/services/data/v"+NewestVersion+"/parameterizedSearch/?"+url.Values{"q": {q}, "sobject": {"Lead"}, "Lead.fields": {"LastName"}}.Encode(), &raw)
		var ans struct {
			SearchRecords []map[string]any `json:"searchRecords"`
		}
		json.Unmarshal(raw, &ans)
		return lastNames(ans.SearchRecords), status
	}
	for q, want := range map[string][]string{"pav": {"Able"}, "ann@able.example": {"Able"}, "5550102030": {"Dee"},
		"010-2030": {"Dee"}, "dee trucking": {"Dee"}, "rane": nil, "o'brien": {"O'Brien"}} {
		if got, status := search(q); status != http.StatusOK || !slices.Equal(got, want) {
			t.Errorf("search %q: %d %v, want %v", q, status, got, want)
		}
	}
	if _, status := search("a"); status != http.StatusBadRequest {
		t.Errorf("one character: %d", status)
	}
	var sosl struct {
		SearchRecords []map[string]any `json:"searchRecords"`
	}
	q := url.QueryEscape("FIND {Able} IN ALL FIELDS RETURNING Lead(Id, LastName WHERE Status = 'New' LIMIT 5)")
	if status := get(t, o, token, "/services/data/v"+NewestVersion+"/search?q="+q, &sosl); status != http.StatusOK || !slices.Equal(lastNames(sosl.SearchRecords), []string{"Able"}) {
		t.Errorf("SOSL: %d %+v", status, sosl)
	}
}

// FuzzQuery runs any text through the SOQL reader and evaluator: it answers or refuses, and
// never panics.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"SELECT Id FROM Lead", "SELECT Owner.Name FROM Lead WHERE (A = 'x' OR B != null) AND C IN (1, 2)",
		"SELECT COUNT() FROM Lead WHERE CreatedDate = LAST_N_DAYS:3 ORDER BY Name DESC NULLS LAST LIMIT 1 OFFSET 2",
		"SELECT Id FROM Lead WHERE Company LIKE '%\\'\\\\%'", "SELECT Id FROM LeadHistory WHERE CreatedDate > 2026-01-01T00:00:00+01:00"} {
		f.Add(s)
	}
	o := New(f, Options{})
	o.AddLead(map[string]any{"LastName": "Fuzz", "Company": "Fuzz Co", "Amount_Requested__c": 1.0}, UserID)
	f.Fuzz(func(t *testing.T, soql string) {
		q, err := parseSOQL(soql, time.Now())
		if err != nil {
			return
		}
		p, err := compile(q)
		if err != nil {
			return
		}
		o.mu.Lock()
		rows := p.run(o)
		p.project(o, rows, NewestVersion)
		o.mu.Unlock()
		p.columns()
	})
}

// FuzzSearch runs any search text and RETURNING spec through the search: it answers or
// refuses, and never panics.
func FuzzSearch(f *testing.F) {
	f.Add("Jimmy jimjo", "Id, Name FROM Lead WHERE Status = 'New' LIMIT 3")
	f.Add(`555-010\-2030*`, "Id FROM Lead")
	o := New(f, Options{})
	o.AddLead(map[string]any{"FirstName": "Jimmy", "LastName": "Jimjo", "Company": "Jimjo Jimmy Jo", "Phone": "555-010-2030"}, UserID)
	f.Fuzz(func(t *testing.T, text, returning string) {
		soslPattern.FindStringSubmatch("FIND {" + text + "} RETURNING Lead(" + returning + ")")
		clauseStart(returning)
		o.searchLeads(text, "ALL", returning, searchLimit, NewestVersion)
	})
}
