package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/recordid"
)

const leadUsage = `Usage:
  leaddesk lead create --file F --terms-accepted
                                         create a lead from a JSON object of Lead fields ("-" reads stdin), tidied
                                         and checked as the window does; prints the new 18-character id last
  leaddesk lead get ID [--fields A,B,…]  print the lead as JSON (ID: 15 or 18 characters, or a Salesforce link)
  leaddesk lead update ID --file F       change exactly the fields in the JSON object
  leaddesk lead recent                   the leads created or edited on this computer, newest first
  leaddesk lead attach ID FILE… [--type T]
                                         attach documents (PDF, JPEG, PNG, HEIC, TIFF, DOCX, XLSX; 25 MB
                                         each); prints each new ContentVersion id
  leaddesk lead files ID                 the documents attached to the lead, newest first, with their links
  leaddesk lead list [--status S] [--since DAYS] [--json]
                                         the dealer's leads in Salesforce, most recently changed first:
                                         id, status, company, name, last changed (or JSON)
  leaddesk lead search TEXT [--json]     leads by name, company, e-mail or phone, or by id or link
  leaddesk lead history ID               the lead's changes: when, who, what (sensitive values masked)

A create, update or document that cannot reach Salesforce waits in the outbox (see "leaddesk outbox --help").
`

func leadCommand(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, leadUsage)
		if len(args) == 0 {
			return &usageError{"lead needs a sub-command: create, get, update, recent, list, search, history, attach or files"}
		}
		return nil
	}
	switch args[0] {
	case "create":
		return leadCreate(ctx, args[1:], env)
	case "get":
		return leadGet(ctx, args[1:], env)
	case "update":
		return leadUpdate(ctx, args[1:], env)
	case "recent":
		return leadRecent(ctx, args[1:], env)
	case "list":
		return leadList(ctx, args[1:], env)
	case "search":
		return leadSearch(ctx, args[1:], env)
	case "history":
		return leadHistory(ctx, args[1:], env)
	case "attach":
		return leadAttach(ctx, args[1:], env)
	case "files":
		return leadFiles(ctx, args[1:], env)
	}
	return &usageError{fmt.Sprintf("unknown lead sub-command %q (create, get, update, recent, list, search, history, attach or files)", args[0])}
}

// createHelp is "lead create --help": what the file holds and what is refused before sending;
// the fields it may name follow (fieldList).
const createHelp = `lead create --file F [--terms-accepted] [--allow-duplicate]

F is a JSON object of Lead fields by API name, e.g. {"LastName":"Jimjo","Company":"Jimjo Jimmy Jo"}; "-" reads stdin.
Values are written as a clerk types them in the window, and tidied and checked exactly as the window does:
picklists take a value's start or a word of it, in any case ("llc" is LLC, "leasing" is Equipment Leasing);
phones become (512) 555-0142, SSNs 123-45-6789, states TX, amounts and years plain numbers, dates
(MM/DD/YYYY or YYYY-MM-DD) what Salesforce expects. Owners__c follows the owners given (2 when any Owner 2
field is filled in); Lead Desk also sets Date_and_Time__c and WordPress_UniqueID__c.
Fields F leaves out start from settings (leaddesk settings): Dealer ID, Account, Lead owner, Lead type; Status starts as New.
A lead is sent only once the applicant has agreed to Mazo's terms: say so with --terms-accepted, or with
"View_Terms__c": true in F. A lead without a Dealer ID is refused: Mazo credits the dealership only through it.
A refused file prints one line per problem, naming the field, and nothing is sent or kept in the outbox.`

func leadCreate(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead create", createHelp+"\n\n"+fieldList()+"\n")
	file := fs.String("file", "", "JSON file of Lead fields, or - for stdin (required)")
	terms := fs.Bool("terms-accepted", false, "the applicant has read and agreed to Mazo's terms (required, unless F says \"View_Terms__c\": true)")
	allowDup := fs.Bool("allow-duplicate", false, "save even when a duplicate rule that only warns matches")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	raw, p, c, err := fieldsAndClient(*file, env)
	if err != nil {
		return err
	}
	st, err := p.Settings()
	if err != nil {
		return err
	}
	typed := readLeadFile(raw, true)
	fillDealerDefaults(typed.values, st)
	now := time.Now()
	values, problems := lead.PrepareNew(typed.values, nil, now)
	problems = merge(typed.problems, problems)
	if problems["Dealer_ID__c"] == lead.NoDealerID {
		problems["Dealer_ID__c"] = noDealerID
	}
	if !*terms && !typed.terms && problems["View_Terms__c"] == "" {
		problems["View_Terms__c"] = termsNeeded
	}
	if len(problems) > 0 {
		return refused(problems, *file)
	}
	fields := lead.Payload(values, lead.Submission{TermsAccepted: true, At: now, ID: lead.NewSubmissionID()})
	id, kept, err := outbox.Open(p.Vault).Create(ctx, c, outbox.CreateRequest{Fields: fields,
		Options: sfclient.CreateOptions{AllowDuplicates: *allowDup}, KeepWhenSignedOut: true}, now)
	if kept.ID != "" {
		return &keptError{kept, err}
	}
	if err != nil {
		return err
	}
	remember(p, id, fields, outbox.Create)
	fmt.Fprintln(env.Stdout, id)
	return nil
}

func leadGet(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead get", "lead get ID [--fields A,B,…]\n\nID is a 15- or 18-character Lead id, or a Salesforce link to the lead.")
	fieldList := fs.String("fields", "", "comma-separated field API names (default: all)")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	if _, err := recordid.ParseLead(pos[0]); err != nil {
		return err
	}
	var fields []string
	for _, f := range strings.Split(*fieldList, ",") {
		if f = strings.TrimSpace(f); f != "" {
			fields = append(fields, f)
		}
	}
	_, c, err := client(env)
	if err != nil {
		return err
	}
	rec, err := c.GetLead(ctx, pos[0], fields)
	if err != nil {
		return err
	}
	delete(rec, "attributes")
	out, _ := json.MarshalIndent(rec, "", "  ")
	fmt.Fprintf(env.Stdout, "%s\n", out)
	return nil
}

func leadUpdate(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead update", "lead update ID --file F\n\nChanges exactly the fields in F (a JSON object of Lead fields by API name; \"-\" reads stdin); null or \"\" clears one.\n"+
		"Values are tidied and checked as the window does (see \"leaddesk lead create --help\"); a value given to an Owner 2 field\n"+
		"makes Owners__c 2. A refused file prints one line per problem, and nothing is sent or kept.")
	file := fs.String("file", "", "JSON file of the fields to change, or - for stdin (required)")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	full, err := recordid.ParseLead(pos[0])
	if err != nil {
		return err
	}
	raw, p, c, err := fieldsAndClient(*file, env)
	if err != nil {
		return err
	}
	typed := readLeadFile(raw, false)
	values, problems := lead.PrepareChanges(typed.values, nil, time.Now())
	if problems = merge(typed.problems, problems); len(problems) > 0 {
		return refused(problems, *file)
	}
	fields := lead.ChangePayload(values)
	kept, err := outbox.Open(p.Vault).Change(ctx, c, outbox.ChangeRequest{LeadID: full, Changes: fields, KeepWhenSignedOut: true}, time.Now())
	if kept.ID != "" {
		return &keptError{kept, err}
	}
	if err != nil {
		return err
	}
	remember(p, full, fields, outbox.Update)
	fmt.Fprintf(env.Stdout, "Updated lead %s\n", full)
	return nil
}

// fieldsAndClient reads the fields file first (a bad file needs no sign-in to be reported),
// then opens the profile and, when someone is signed in, a client.
func fieldsAndClient(file string, env *Env) (map[string]any, *sfclient.Profile, *sfclient.Client, error) {
	fields, err := readFields(file, env)
	if err != nil {
		return nil, nil, nil, err
	}
	p, c, err := signedInClient(env)
	return fields, p, c, err
}

// maxFieldsFile bounds what lead create and update read: 8 MiB.
const maxFieldsFile = 8 << 20

// readFields reads a JSON object of Lead fields from a file or stdin, keeping numbers as
// written.
func readFields(name string, env *Env) (map[string]any, error) {
	if name == "" {
		return nil, &usageError{"--file is required (a JSON file of Lead fields, or - for stdin)"}
	}
	in := env.Stdin
	if name == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, &plainError{fmt.Sprintf("Lead Desk could not read %s (%v); check the file name.", name, errors.Unwrap(err))}
		}
		defer f.Close()
		in = f
	}
	// At most maxFieldsFile bytes are read, whatever the source: /dev/zero or a wrong file
	// must not fill the memory.
	data, err := io.ReadAll(io.LimitReader(in, maxFieldsFile+1))
	if err != nil {
		return nil, &plainError{fmt.Sprintf("Lead Desk could not read %s (%v); check the file name.", name, errors.Unwrap(err))}
	}
	if len(data) > maxFieldsFile {
		return nil, &plainError{fmt.Sprintf("%s is larger than 8 MiB, far more than a lead's fields; check that you gave the right file.", name)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var fields map[string]any
	if err := dec.Decode(&fields); err != nil || fields == nil {
		return nil, &plainError{fmt.Sprintf("%s is not a JSON object of Lead fields (%s); write it like {\"LastName\": \"Jimjo\", \"Company\": \"Jimjo Jimmy Jo\"}.", name, jsonProblem(err))}
	}
	if dec.More() {
		return nil, &plainError{fmt.Sprintf("%s holds more than one JSON value; give one object of Lead fields.", name)}
	}
	return fields, nil
}

func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return "it is null"
	case errors.As(err, &syntax):
		return fmt.Sprintf("syntax error at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		return "it is a " + typ.Value + ", not an object"
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return "it is empty or cut short"
	}
	return "it cannot be read"
}
