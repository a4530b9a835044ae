// Package outbox keeps creates, updates and documents that could not reach Salesforce
// (offline, outage, API limit, sign-in needed) in the encrypted vault, with the reason and
// the time, and sends them later — a create exactly once: every new lead carries a
// submission id (WordPress_UniqueID__c), and when an earlier attempt may have landed, the
// lead is looked up by that id before anything is sent again. Documents wait with their lead
// (one entry per lead) as encrypted copies beside the vault, and are sent in order once the
// lead exists, each looked up by title and size first when an earlier attempt may have
// landed (files.go).
//
// It never imports Fyne.
package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"leaddesk/sfclient"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/vault"
)

// record is the vault record the outbox lives in.
const record = "outbox"

// Actions.
const (
	Create = "create"
	Update = "update"
	Attach = "attach" // documents for an existing lead
)

// Entry is one create or update waiting to be sent.
type Entry struct {
	ID     string         `json:"id"`
	Action string         `json:"action"`            // Create, Update or Attach
	LeadID string         `json:"lead_id,omitempty"` // for Update, and for Create once known
	Fields map[string]any `json:"fields"`
	// Since guards an Update like the edit panel's save (If-Unmodified-Since); zero for none.
	Since time.Time `json:"since,omitzero"`
	// Uncertain is set when an earlier attempt of this Create may have reached Salesforce.
	Uncertain bool      `json:"uncertain,omitempty"`
	Reason    string    `json:"reason"` // the plain sentence of the last failure
	Details   string    `json:"details,omitempty"`
	Queued    time.Time `json:"queued"`
	Tried     time.Time `json:"tried"`
	Attempts  int       `json:"attempts"`
	// Files are documents waiting to be attached to the lead once it exists, in order.
	Files []WaitingFile `json:"files,omitempty"`
}

// Label names the entry for a list: company and name for a create, the lead id for an update.
func (e Entry) Label() string {
	switch e.Action {
	case Update:
		return "changes to lead " + e.LeadID
	case Attach:
		return filesLabel(len(e.Files)) + " for lead " + e.LeadID
	}
	name := fmt.Sprint(e.Fields["Company"])
	if who := joinName(e.Fields); who != "" {
		name += " (" + who + ")"
	}
	if len(e.Files) > 0 {
		name += " with " + filesLabel(len(e.Files))
	}
	return "new lead for " + name
}

func joinName(f map[string]any) string {
	var parts []string
	for _, k := range []string{"FirstName", "LastName"} {
		if s, ok := f[k].(string); ok && s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// Outbox is the list in the vault, and the encrypted copies of waiting documents beside it.
type Outbox struct {
	v        *vault.Vault
	progress func(file WaitingFile, sent, total int64)
}

// Open returns the outbox kept in v.
func Open(v *vault.Vault) *Outbox { return &Outbox{v: v} }

// List returns the waiting entries, oldest first.
func (o *Outbox) List() ([]Entry, error) {
	var entries []Entry
	if _, err := o.v.Get(record, &entries); err != nil {
		return nil, err
	}
	return entries, nil
}

// change rewrites the list under the vault's lock.
func (o *Outbox) change(f func([]Entry) ([]Entry, error)) error {
	return o.v.Update(record, func(old json.RawMessage) (any, error) {
		var entries []Entry
		if old != nil {
			if err := json.Unmarshal(old, &entries); err != nil {
				return nil, fmt.Errorf("%w: the outbox cannot be read", vault.ErrDamaged)
			}
		}
		entries, err := f(entries)
		if err != nil || len(entries) == 0 {
			return nil, err
		}
		return entries, nil
	})
}

// Add keeps a failed create or update, with why it failed, and returns it with its new id.
func (o *Outbox) Add(e Entry, cause error, now time.Time) (Entry, error) {
	e.ID = newEntryID()
	e.Queued, e.Tried, e.Attempts = now, now, 1
	e.note(cause)
	err := o.change(func(entries []Entry) ([]Entry, error) { return append(entries, e), nil })
	return e, err
}

func (e *Entry) note(cause error) {
	e.Reason, e.Details = sfclient.Explain(cause), sfclient.Details(cause)
	if e.Action == Create && sfclient.MayHaveLanded(cause) {
		e.Uncertain = true // stays set: once unknown, always look up first
	}
}

// Discard removes the entry with this id, and the copies of its documents. ErrNoEntry when
// there is none.
func (o *Outbox) Discard(id string) error {
	var gone []WaitingFile
	err := o.change(func(entries []Entry) ([]Entry, error) {
		i := slices.IndexFunc(entries, func(e Entry) bool { return e.ID == id })
		if i < 0 {
			return nil, ErrNoEntry
		}
		gone = entries[i].Files
		return slices.Delete(entries, i, i+1), nil
	})
	if err == nil {
		for _, f := range gone {
			o.dropCopy(f.ID)
		}
	}
	return err
}

// ErrNoEntry means the outbox has no entry with that id.
var ErrNoEntry = errors.New("the outbox has no entry with that id")

// Result is what sending one entry did.
type Result struct {
	Entry  Entry
	LeadID string // the lead created or updated, on success
	// Uploaded lists the documents attached by this send, in order (also when Err is set:
	// those before the failure stay attached and leave the outbox).
	Uploaded []Uploaded
	Err      error // nil on success
	Kept     bool  // the entry is still waiting (a failure worth trying again)
}

// Send sends the entry with this id. On success it is removed; on a failure worth retrying
// it stays with the new reason; on a refusal (validation, a conflict) it stays too, with
// Salesforce's reason, for the person to open and correct.
func (o *Outbox) Send(ctx context.Context, c *sfclient.Client, id string, now time.Time) Result {
	entries, err := o.List()
	if err != nil {
		return Result{Err: err, Kept: true}
	}
	i := slices.IndexFunc(entries, func(e Entry) bool { return e.ID == id })
	if i < 0 {
		return Result{Err: ErrNoEntry}
	}
	e := entries[i]
	unlock := lockEntry(e.ID)
	defer unlock()
	leadID, err := o.deliver(ctx, c, &e)
	var uploaded []Uploaded
	if err == nil && len(e.Files) > 0 {
		uploaded, err = o.sendFiles(ctx, c, &e)
	}
	if err == nil {
		if derr := o.finish(e.ID); derr != nil {
			return Result{Entry: e, LeadID: leadID, Uploaded: uploaded, Err: derr, Kept: true}
		}
		return Result{Entry: e, LeadID: leadID, Uploaded: uploaded}
	}
	e.Tried, e.Attempts = now, e.Attempts+1
	e.note(err)
	uerr := o.edit(e.ID, func(stored *Entry) {
		stored.Tried, stored.Attempts, stored.Reason, stored.Details, stored.Uncertain = e.Tried, e.Attempts, e.Reason, e.Details, e.Uncertain
	})
	return Result{Entry: e, LeadID: leadID, Uploaded: uploaded, Err: errors.Join(err, uerr), Kept: true}
}

// SendAll sends every waiting entry, oldest first, and reports each. Copies of documents
// that no entry lists any more (left by a killed process) are deleted first.
func (o *Outbox) SendAll(ctx context.Context, c *sfclient.Client, now time.Time) ([]Result, error) {
	if err := o.sweepOrphans(now); err != nil {
		return nil, err
	}
	entries, err := o.List()
	if err != nil {
		return nil, err
	}
	var results []Result
	for _, e := range entries {
		r := o.Send(ctx, c, e.ID, now)
		results = append(results, r)
		if errors.Is(r.Err, context.Canceled) || errors.Is(r.Err, sfclient.ErrSignInRequired) {
			break // the rest would fail the same way
		}
	}
	return results, nil
}

// deliver sends one entry's create or update. A created lead with documents waiting turns
// the entry into an Attach entry for that lead at once, so the lead is never created twice.
func (o *Outbox) deliver(ctx context.Context, c *sfclient.Client, e *Entry) (string, error) {
	switch e.Action {
	case Update:
		return e.LeadID, c.UpdateLead(ctx, e.LeadID, e.Fields, e.Since)
	case Attach:
		return e.LeadID, nil
	}
	id, err := createLead(ctx, c, e.Fields, sfclient.CreateOptions{}, e.Uncertain)
	if err == nil && len(e.Files) > 0 {
		e.Action, e.LeadID, e.Uncertain = Attach, id, false
		err = o.edit(e.ID, func(stored *Entry) { stored.Action, stored.LeadID, stored.Uncertain = Attach, id, false })
	}
	return id, err
}

// createLead creates a lead. When an earlier attempt may have landed, the lead is first
// looked up by its submission id, and the one found is used instead of creating another.
func createLead(ctx context.Context, c *sfclient.Client, fields map[string]any, opts sfclient.CreateOptions, mayHaveLanded bool) (string, error) {
	if uid, _ := fields["WordPress_UniqueID__c"].(string); mayHaveLanded && uid != "" {
		ids, err := c.FindBySubmissionID(ctx, uid)
		if err != nil {
			return "", err
		}
		if len(ids) > 0 {
			return ids[0], nil
		}
	}
	return c.CreateLead(ctx, fields, opts)
}

// CreateRequest is a new lead to send.
type CreateRequest struct {
	Fields  map[string]any // given a submission id (WordPress_UniqueID__c) when it has none
	Options sfclient.CreateOptions
	// MayHaveLanded says an earlier attempt of this same lead (same submission id) may have
	// reached Salesforce, so it is looked up before it is sent again.
	MayHaveLanded bool
	// KeepWhenSignedOut keeps the lead in the outbox when the session is dead. The command
	// line does; the window instead asks the person to sign in and then sends it.
	KeepWhenSignedOut bool
}

// Create sends a new lead now, or keeps it in the outbox when that fails in a way worth
// retrying: then the returned entry's ID is set and err says why. A refusal (validation,
// duplicates) is returned as err with nothing kept. c may be nil when nobody is signed in.
func (o *Outbox) Create(ctx context.Context, c *sfclient.Client, r CreateRequest, now time.Time) (string, Entry, error) {
	if uid, _ := r.Fields["WordPress_UniqueID__c"].(string); uid == "" {
		r.Fields["WordPress_UniqueID__c"] = lead.NewSubmissionID()
	}
	err := error(sfclient.ErrNotSignedIn)
	if c != nil {
		var id string
		if id, err = createLead(ctx, c, r.Fields, r.Options, r.MayHaveLanded); err == nil {
			return id, Entry{}, nil
		}
	}
	if !o.keeps(err, r.KeepWhenSignedOut) {
		return "", Entry{}, err
	}
	e, addErr := o.Add(Entry{Action: Create, Fields: r.Fields, Uncertain: r.MayHaveLanded}, err, now)
	return "", e, errors.Join(err, addErr)
}

// ChangeRequest is a change to an existing lead.
type ChangeRequest struct {
	LeadID            string
	Changes           map[string]any
	Since             time.Time // If-Unmodified-Since; zero for none
	KeepWhenSignedOut bool      // as in CreateRequest
}

// Change updates a lead now, or keeps the change in the outbox like Create.
func (o *Outbox) Change(ctx context.Context, c *sfclient.Client, r ChangeRequest, now time.Time) (Entry, error) {
	err := error(sfclient.ErrNotSignedIn)
	if c != nil {
		if err = c.UpdateLead(ctx, r.LeadID, r.Changes, r.Since); err == nil {
			return Entry{}, nil
		}
	}
	if !o.keeps(err, r.KeepWhenSignedOut) {
		return Entry{}, err
	}
	e, addErr := o.Add(Entry{Action: Update, LeadID: r.LeadID, Fields: r.Changes, Since: r.Since}, err, now)
	return e, errors.Join(err, addErr)
}

func (o *Outbox) keeps(err error, whenSignedOut bool) bool {
	if errors.Is(err, sfclient.ErrSignInRequired) {
		return whenSignedOut
	}
	return sfclient.Keep(err)
}
