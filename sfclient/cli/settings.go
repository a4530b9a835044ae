package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
)

// This file holds the settings command: the dealer's defaults that every new lead starts
// with, as the window's Settings › Dealer card keeps them. The connection (login URL,
// consumer key, redirect) is set by login, which signs in with it before keeping it.

const settingsUsage = `settings [--dealer-id ID] [--account-id ID] [--owner-id ID] [--lead-type TYPE] [--terms-url URL]

Without flags, shows the settings. With flags, changes those and keeps the rest. An empty
value ("") clears one. Every new lead starts with the dealer's ids and lead type; Mazo
credits the dealership only through its Dealer ID, so "lead create" refuses a lead without one.`

func settingsCommand(_ context.Context, args []string, env *Env) error {
	fs := flags(env, "settings", settingsUsage)
	dealerID := fs.String("dealer-id", "", "Dealer_ID__c: your dealership's Account id at Mazo (001…)")
	accountID := fs.String("account-id", "", "Account__c of every new lead (001…)")
	ownerID := fs.String("owner-id", "", "OwnerId of every new lead (005…)")
	leadType := fs.String("lead-type", "", "Lead_Type__c of every new lead: "+strings.Join(sfclient.LeadTypes(), ", ")+" (default "+sfclient.DefaultLeadType+")")
	termsURL := fs.String("terms-url", "", "the page of Mazo's terms that the applicant accepts")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	home, err := sfclient.HomeFrom(env.Getenv)
	if err != nil {
		return err
	}
	st, err := sfclient.LoadSettings(home)
	if err != nil {
		return err
	}
	changes := map[string]*string{"dealer-id": &st.DealerID, "account-id": &st.AccountID, "owner-id": &st.OwnerID,
		"lead-type": &st.LeadType, "terms-url": &st.TermsURL}
	given := map[string]string{"dealer-id": *dealerID, "account-id": *accountID, "owner-id": *ownerID,
		"lead-type": *leadType, "terms-url": *termsURL}
	changed := false
	for name, field := range changes {
		if isSet(fs, name) {
			*field, changed = strings.TrimSpace(given[name]), true
		}
	}
	if !changed {
		printSettings(env, st)
		return nil
	}
	if v, ok := lead.Choose(st.LeadType, sfclient.LeadTypes()); ok {
		st.LeadType = v // as a new lead's Lead type box takes it: "vendor" is Vendor Lead
	}
	if st.LeadType != "" && !slices.Contains(sfclient.LeadTypes(), st.LeadType) {
		return &usageError{fmt.Sprintf("--lead-type must be one of: %s", strings.Join(sfclient.LeadTypes(), ", "))}
	}
	if err := sfclient.SaveSettings(home, st); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Settings saved.")
	printSettings(env, st)
	return nil
}

// printSettings shows the settings a clerk may need to check, "(not set)" for empty ones.
func printSettings(env *Env, st sfclient.Settings) {
	shown := func(v, unset string) string {
		if v == "" {
			return unset
		}
		return v
	}
	fmt.Fprintf(env.Stdout, "Login URL:     %s\n", st.Login())
	fmt.Fprintf(env.Stdout, "Consumer key:  %s\n", shown(st.ClientID, "(not set: leaddesk login --client-id …)"))
	fmt.Fprintf(env.Stdout, "Redirect URI:  %s\n", st.Redirect())
	fmt.Fprintf(env.Stdout, "Dealer ID:     %s\n", shown(st.DealerID, "(not set: new leads are refused until it is)"))
	fmt.Fprintf(env.Stdout, "Account:       %s\n", shown(st.AccountID, "(not set)"))
	fmt.Fprintf(env.Stdout, "Lead owner:    %s\n", shown(st.OwnerID, "(not set: Salesforce's assignment rules decide)"))
	fmt.Fprintf(env.Stdout, "Lead type:     %s\n", shown(st.LeadType, sfclient.DefaultLeadType))
	fmt.Fprintf(env.Stdout, "Terms page:    %s\n", shown(st.TermsURL, "(not set)"))
	if st.CustomLoginHost {
		fmt.Fprintln(env.Stdout, sfclient.CustomHostWarning)
	}
}
