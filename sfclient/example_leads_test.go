package sfclient_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/sftest"
)

// exampleDesk signs a fresh profile in to a stand-in org holding the demo dealer's leads,
// as the window does after the clerk clicks Sign in. The examples below start from it.
func exampleDesk() (*sfclient.Profile, *sfclient.Client, *sftest.Org, func()) {
	redirect, _ := sftest.FreeRedirectURI()
	org, err := sftest.Start(sftest.Options{RedirectURIs: []string{redirect}})
	if err != nil {
		panic(err)
	}
	home, _ := os.MkdirTemp("", "leaddesk-example")
	done := func() { org.Close(); os.RemoveAll(home) }
	p, err := sfclient.OpenProfile(home, testVault())
	if err != nil {
		panic(err)
	}
	p.SaveSettings(sfclient.Settings{LoginURL: org.URL, ClientID: org.ClientID(), RedirectURI: redirect, DealerID: dealer})
	in, _ := p.SignIn(nil)
	sess, err := in.Login(context.Background(), sfclient.LoginOptions{OpenBrowser: sftest.Browse, Timeout: 10 * time.Second})
	if err != nil {
		panic(err)
	}
	p.SaveSession(sess)
	c, err := p.Client(sfclient.ClientOptions{})
	if err != nil {
		panic(err)
	}
	return p, c, org, done
}

func ExampleClient_ListLeads() {
	p, c, org, done := exampleDesk()
	defer done()
	moving := org.SeedDemo(dealer)
	org.SetStatusByMazo(moving, "Working")

	st, _ := p.Settings()
	leads, err := c.ListLeads(context.Background(), sfclient.ListOptions{DealerID: st.DealerID})
	if err != nil {
		fmt.Println(sfclient.Explain(err))
		return
	}
	for _, l := range leads {
		fmt.Printf("%s | %s | %s | %s | converted: %v\n", l.Status, l.Company, l.Name, l.Equipment(), l.IsConverted)
	}
	// Output:
	// Working | Jimjo Jimmy Jo | Jimmy Jimjo | 2020 Kubota KX080 | converted: false
	// Unqualified | Becker Farms | Tom Becker | 2023 John Deere 8R 410 | converted: false
	// Nurturing | Hill Country Paving | Priya Natarajan | 2019 Volvo DD25B | converted: false
	// Working | Carter Excavation Inc | Dwayne Carter | 2021 Caterpillar 320 | converted: false
	// Qualified | Alvarez Landscaping LLC | Maria Alvarez | 2022 Bobcat T66 | converted: true
}

func ExampleClient_SearchLeads() {
	_, c, org, done := exampleDesk()
	defer done()
	org.SeedDemo(dealer)

	// Text finds leads by name, company, e-mail or phone; an id or a link finds that lead.
	for _, text := range []string{"carter", "830-555-0117"} {
		leads, err := c.SearchLeads(context.Background(), text)
		if err != nil {
			fmt.Println(sfclient.Explain(err))
			continue
		}
		for _, l := range leads {
			fmt.Printf("%q found %s of %s\n", text, l.Name, l.Company)
		}
	}
	_, err := c.SearchLeads(context.Background(), "c")
	fmt.Println(sfclient.Explain(err))
	// Output:
	// "carter" found Dwayne Carter of Carter Excavation Inc
	// "830-555-0117" found Priya Natarajan of Hill Country Paving
	// Type at least two characters to search, or paste a lead's id or link.
}

func ExampleClient_LeadHistory() {
	_, c, org, done := exampleDesk()
	defer done()
	id := org.SeedDemo(dealer)
	org.SetStatusByMazo(id, "Working")

	h, err := c.LeadHistory(context.Background(), id)
	switch {
	case err != nil:
		fmt.Println(sfclient.Explain(err))
	case !h.Tracked:
		fmt.Println("Salesforce does not track this lead's field history; created", h.Created, "last changed", h.LastModified)
	default:
		for _, e := range h.Entries {
			fmt.Println(e.By, e.Field, e.OldValue, e.NewValue)
		}
	}
	// Output:
	// Morgan Mazo Status New Working
	// Dana Clerk created <nil> <nil>
}

func ExampleStatusChanges() {
	p, c, org, done := exampleDesk()
	defer done()
	id := org.SeedDemo(dealer)
	ctx := context.Background()
	opts := sfclient.ListOptions{DealerID: dealer}

	leads, _ := c.ListLeads(ctx, opts)
	p.MarkSeen(leads...) // the clerk looked at the list

	org.SetStatusByMazo(id, "Working") // Mazo works the lead
	leads, _ = c.ListLeads(ctx, opts)
	seen, _ := p.LastSeen()
	for _, ch := range sfclient.StatusChanges(leads, seen) {
		fmt.Printf("%s is now %s (was %s)\n", ch.Lead.Company, ch.Lead.Status, ch.Was)
	}
	// Output:
	// Jimjo Jimmy Jo is now Working (was New)
}

func ExampleLeadCache() {
	_, c, org, done := exampleDesk()
	defer done()
	org.SeedDemo(dealer)
	cache := sfclient.NewLeadCache(c, time.Minute)
	ctx := context.Background()

	org.ResetLog()
	cache.List(ctx, sfclient.ListOptions{DealerID: dealer}) // asks Salesforce
	cache.List(ctx, sfclient.ListOptions{DealerID: dealer}) // fresh: answered from memory
	fmt.Println("requests:", len(org.Requests()))
	cache.Forget() // after a save, or when the clerk asks for a refresh
	cache.List(ctx, sfclient.ListOptions{DealerID: dealer})
	fmt.Println("requests:", len(org.Requests()))
	// Output:
	// requests: 1
	// requests: 2
}

func ExampleRecord_Converted() {
	_, c, org, done := exampleDesk()
	defer done()
	id := org.SeedDemo(dealer)
	org.ConvertLead(id)
	ctx := context.Background()

	rec, _ := c.GetLead(ctx, id, nil)
	if converted, day := rec.Converted(); converted {
		fmt.Println("read-only: converted on", len(day) == len("2006-01-02"))
	}
	err := c.UpdateLead(ctx, id, map[string]any{"Title": "Owner"}, time.Time{})
	fmt.Println(errors.Is(err, sfclient.ErrLeadConverted))
	fmt.Println(sfclient.Explain(err))
	// Output:
	// read-only: converted on true
	// true
	// Mazo has converted this lead, so it can no longer be changed here; call your Mazo contact if something needs correcting.
}
