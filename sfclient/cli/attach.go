package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/recordid"
)

func leadAttach(ctx context.Context, args []string, env *Env) error {
	var types []string
	for _, t := range attach.Types {
		types = append(types, `"`+string(t)+`"`)
	}
	fs := flags(env, "lead attach", "lead attach ID FILE… [--type T]\n\n"+
		"Attaches documents to the lead and prints each new ContentVersion id, one a line. Accepted: "+
		"PDF, JPEG, PNG, HEIC, TIFF, DOCX and XLSX files of at most "+attach.HumanSize(attach.MaxSize)+" each.\n"+
		"T is one of "+strings.Join(types, ", ")+" (or its first word: licence, bank, check, quote, tax, other);\n"+
		"it begins each document's title. What cannot be sent now waits, encrypted, in the outbox.")
	typ := fs.String("type", string(attach.Other), "document type of every FILE")
	pos, err := parse(fs, args, -2)
	if err != nil {
		return err
	}
	leadID, err := recordid.ParseLead(pos[0])
	if err != nil {
		return err
	}
	docType, err := attach.ParseType(*typ)
	if err != nil {
		return &usageError{err.Error()}
	}
	// Every file is checked before anything is kept or sent.
	var docs []outbox.Document
	for _, path := range pos[1:] {
		f, err := attach.CheckFile(path)
		if err != nil {
			return err
		}
		docs = append(docs, outbox.Document{File: f, Type: docType})
	}
	p, c, err := signedInClient(env)
	if err != nil {
		return err
	}
	res := outbox.Open(p.Vault).Attach(ctx, c, outbox.AttachRequest{LeadID: leadID, Documents: docs, KeepWhenSignedOut: true}, time.Now())
	printUploaded(env, res.Uploaded)
	if res.Kept {
		return &keptError{res.Entry, res.Err}
	}
	return res.Err
}

// printUploaded prints one line per attached document: its new ContentVersion id, or the
// ContentDocument id an earlier lost upload had already made.
func printUploaded(env *Env, uploaded []outbox.Uploaded) {
	for _, u := range uploaded {
		if u.VersionID != "" {
			fmt.Fprintln(env.Stdout, u.VersionID)
		} else {
			fmt.Fprintf(env.Stdout, "%s (attached by an earlier attempt)\n", u.DocumentID)
		}
	}
}

func leadFiles(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead files", "lead files ID\n\nLists the documents attached to the lead, newest first: title, type, size, when attached, and the address that opens it in Salesforce.")
	pos, c, err := oneLeadAndClient(fs, args, env)
	if err != nil {
		return err
	}
	docs, err := c.ListFiles(ctx, pos[0])
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		fmt.Fprintln(env.Stderr, "No documents are attached to this lead.")
		return nil
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, d := range docs {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", d.Title, strings.ToUpper(d.Extension), attach.HumanSize(d.Size), d.Created.Local().Format("01/02/2006 15:04"), d.URL)
	}
	return w.Flush()
}
