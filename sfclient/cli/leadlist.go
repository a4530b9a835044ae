package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"leaddesk/sfclient"
	"leaddesk/sfclient/recordid"
)

// This file holds the commands that read the dealer's leads: list, search and history.

// timeLayout is how the commands show a moment, in local time.
const timeLayout = "2006-01-02 15:04"

func leadList(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead list", "lead list [--status S] [--since DAYS] [--json]\n\n"+
		"Lists the dealer's leads in Salesforce (Dealer ID from settings, or created by you), the most recently\n"+
		"changed first, one per line: id, status, company, name, last changed (tab-separated).")
	status := fs.String("status", "", "only leads with this status, e.g. Working")
	since := fs.Int("since", 0, "only leads changed in the last DAYS days (0: any time)")
	asJSON := fs.Bool("json", false, "print a JSON array of leads instead of lines")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *since < 0 {
		return &usageError{"--since takes a number of days, 0 or more"}
	}
	p, c, err := client(env)
	if err != nil {
		return err
	}
	st, err := p.Settings()
	if err != nil {
		return err
	}
	leads, err := c.ListLeads(ctx, sfclient.ListOptions{DealerID: st.DealerID, Status: *status, ChangedWithinDays: *since})
	if err != nil {
		return err
	}
	return printLeads(env, leads, *asJSON)
}

func leadSearch(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead search", "lead search TEXT [--json]\n\n"+
		"Finds leads by name, company, e-mail or phone (at least two characters), or by a lead id or link;\n"+
		"prints them as \"lead list\" does. Quote TEXT of several words.")
	asJSON := fs.Bool("json", false, "print a JSON array of leads instead of lines")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	_, c, err := client(env)
	if err != nil {
		return err
	}
	leads, err := c.SearchLeads(ctx, pos[0])
	if err != nil {
		return err
	}
	return printLeads(env, leads, *asJSON)
}

func printLeads(env *Env, leads []sfclient.LeadSummary, asJSON bool) error {
	if asJSON {
		if leads == nil {
			leads = []sfclient.LeadSummary{}
		}
		out, _ := json.MarshalIndent(leads, "", "  ")
		fmt.Fprintf(env.Stdout, "%s\n", out)
		return nil
	}
	for _, l := range leads {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\t%s\n", l.ID, l.Status, oneLine(l.Company), oneLine(l.Name), l.LastModified.Local().Format(timeLayout))
	}
	if len(leads) == 0 {
		fmt.Fprintln(env.Stderr, "No leads found.")
	}
	return nil
}

// oneLine keeps a value on its line and in its column: tabs and line breaks become spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

func leadHistory(ctx context.Context, args []string, env *Env) error {
	fs := flags(env, "lead history", "lead history ID\n\n"+
		"Prints the lead's history, newest first: when, who, and what changed. Social security numbers and\n"+
		"birthdays stay masked. ID is a 15- or 18-character Lead id, or a Salesforce link to the lead.")
	pos, c, err := oneLeadAndClient(fs, args, env)
	if err != nil {
		return err
	}
	h, err := c.LeadHistory(ctx, pos[0])
	if err != nil {
		return err
	}
	if !h.Tracked {
		fmt.Fprintf(env.Stdout, "Salesforce does not track field history for this lead, so only this is known: created %s, last changed %s.\n",
			h.Created.Local().Format(timeLayout), h.LastModified.Local().Format(timeLayout))
		return nil
	}
	for _, e := range h.Entries {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\n", e.At.Local().Format(timeLayout), e.By, describeChange(e))
	}
	return nil
}

// describeChange says what one history entry changed.
func describeChange(e sfclient.HistoryEntry) string {
	switch e.Field {
	case "created":
		return "Created"
	case "leadConverted":
		return "Converted"
	}
	return fmt.Sprintf("%s: %s → %s", e.Field, shown(e.OldValue), shown(e.NewValue))
}

func shown(v any) string {
	if v == nil {
		return "(empty)"
	}
	return oneLine(fmt.Sprint(v))
}

// oneLeadAndClient reads a command's one argument, a Lead id or link (refused before any
// request when it is not one), and opens the signed-in client.
func oneLeadAndClient(fs *flag.FlagSet, args []string, env *Env) ([]string, *sfclient.Client, error) {
	pos, err := parse(fs, args, 1)
	if err != nil {
		return nil, nil, err
	}
	if _, err := recordid.ParseLead(pos[0]); err != nil {
		return nil, nil, err
	}
	_, c, err := client(env)
	if err != nil {
		return nil, nil, err
	}
	return pos, c, nil
}
