package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/outbox"
	"leaddesk/sfclient/recent"
)

const outboxUsage = `Usage:
  leaddesk outbox list             what waits to be sent: entry, action, lead, reason, time, documents
  leaddesk outbox send             send everything waiting, documents after their lead; prints each new
                                   ContentVersion id, then the lead id; exits 0 only when nothing is left
  leaddesk outbox discard ENTRY    remove one entry (its lead is not sent)
`

// keptError means a create or update did not reach Salesforce and waits in the outbox.
type keptError struct {
	entry outbox.Entry
	cause error
}

func (e *keptError) Error() string { return e.sentence() }
func (e *keptError) Unwrap() error { return e.cause }

func (e *keptError) sentence() string {
	next := `send it with "leaddesk outbox send"`
	if errors.Is(e.cause, sfclient.ErrSignInRequired) {
		next = `sign in with "leaddesk login", then send it with "leaddesk outbox send"`
	}
	what := map[string]string{outbox.Create: "lead was", outbox.Update: "change was", outbox.Attach: "documents were"}[e.entry.Action]
	return fmt.Sprintf("The %s not sent and %s kept in the outbox as entry %s (%s); %s.", what,
		map[bool]string{true: "are", false: "is"}[e.entry.Action == outbox.Attach], e.entry.ID, strings.TrimSuffix(e.entry.Reason, "."), next)
}

// signedInClient opens the profile and, when someone is signed in, a client; a nil client
// with no error means nobody is signed in (the outbox can still keep the lead).
func signedInClient(env *Env) (*sfclient.Profile, *sfclient.Client, error) {
	p, c, err := client(env)
	if p != nil && errors.Is(err, sfclient.ErrSignInRequired) {
		return p, nil, nil
	}
	return p, c, err
}

func outboxCommand(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, outboxUsage)
		if len(args) == 0 {
			return &usageError{"outbox needs a sub-command: list, send or discard"}
		}
		return nil
	}
	sub := map[string]func(context.Context, []string, *Env) error{"list": outboxList, "send": outboxSend, "discard": outboxDiscard}
	if f, ok := sub[args[0]]; ok {
		return f(ctx, args[1:], env)
	}
	return &usageError{fmt.Sprintf("unknown outbox sub-command %q (list, send or discard)", args[0])}
}

func outboxList(_ context.Context, args []string, env *Env) error {
	if _, err := parse(flags(env, "outbox list", "outbox list"), args, 0); err != nil {
		return err
	}
	p, err := openProfile(env)
	if err != nil {
		return err
	}
	entries, err := outbox.Open(p.Vault).List()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, e := range entries {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Action, e.Label(), e.Reason, e.Queued.Local().Format("01/02/2006 15:04"), waitingFiles(e))
	}
	return w.Flush()
}

func outboxSend(ctx context.Context, args []string, env *Env) error {
	if _, err := parse(flags(env, "outbox send", "outbox send"), args, 0); err != nil {
		return err
	}
	p, c, err := signedInClient(env)
	if err != nil {
		return err
	}
	box := outbox.Open(p.Vault)
	if c == nil {
		if left, _ := box.List(); len(left) == 0 {
			return nil
		}
		return sfclient.ErrNotSignedIn
	}
	results, err := box.SendAll(ctx, c, time.Now())
	if err != nil {
		return err
	}
	var last error
	for _, r := range results {
		printUploaded(env, r.Uploaded)
		if r.Err == nil {
			fmt.Fprintln(env.Stdout, r.LeadID)
			if r.Entry.Fields != nil { // not for documents alone
				remember(p, r.LeadID, r.Entry.Fields, r.Entry.Action)
			}
			continue
		}
		last = r.Err
		fmt.Fprintf(env.Stderr, "Entry %s (%s) is still waiting: %s\n", r.Entry.ID, r.Entry.Label(), sfclient.Explain(r.Err))
	}
	left, err := box.List()
	if err != nil {
		return err
	}
	if len(left) > 0 {
		if errors.Is(last, sfclient.ErrSignInRequired) {
			return last
		}
		return &plainError{fmt.Sprintf("%d entr%s still wait in the outbox; see \"leaddesk outbox list\".", len(left), map[bool]string{true: "y", false: "ies"}[len(left) == 1])}
	}
	return nil
}

func outboxDiscard(_ context.Context, args []string, env *Env) error {
	pos, err := parse(flags(env, "outbox discard", "outbox discard ENTRY"), args, 1)
	if err != nil {
		return err
	}
	p, err := openProfile(env)
	if err != nil {
		return err
	}
	if err := outbox.Open(p.Vault).Discard(pos[0]); errors.Is(err, outbox.ErrNoEntry) {
		return &plainError{fmt.Sprintf("The outbox has no entry %s; see \"leaddesk outbox list\".", pos[0])}
	} else if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Discarded %s\n", pos[0])
	return nil
}

// remember adds a lead to the recent list; failing to remember does not fail the command.
func remember(p *sfclient.Profile, id string, fields map[string]any, action string) {
	kind := recent.Created
	if action == outbox.Update {
		kind = recent.Edited
	}
	company, _ := fields["Company"].(string)
	first, _ := fields["FirstName"].(string)
	last, _ := fields["LastName"].(string)
	recent.Remember(p.Vault, recent.Lead{ID: id, Company: company, Name: joinWords(first, last), At: time.Now(), Kind: kind})
}

func joinWords(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

func leadRecent(_ context.Context, args []string, env *Env) error {
	if _, err := parse(flags(env, "lead recent", "lead recent\n\nLists the leads created or edited on this computer, newest first."), args, 0); err != nil {
		return err
	}
	p, err := openProfile(env)
	if err != nil {
		return err
	}
	list, err := recent.List(p.Vault)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, l := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", l.ID, l.At.Local().Format("01/02/2006 15:04"), l.Kind, l.Company, l.Name)
	}
	return w.Flush()
}

// waitingFiles names an entry's waiting documents for "outbox list".
func waitingFiles(e outbox.Entry) string {
	var names []string
	for _, f := range e.Files {
		names = append(names, f.Name+" ("+attach.HumanSize(f.Size)+")")
	}
	return strings.Join(names, ", ")
}
