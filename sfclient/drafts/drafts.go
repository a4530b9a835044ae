// Package drafts keeps what is being typed — the new-lead form and an unsaved edit — in the
// encrypted vault (they hold SSNs and birthdays), so that a crash, a dead battery or a closed
// window loses nothing. Files listed in a form's Attachments are kept by their place on this
// computer and their document type, never their content. It never imports Fyne.
package drafts

import (
	"time"

	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/lead"
	"leaddesk/sfclient/vault"
)

// The two drafts the window keeps.
const (
	NewLead = "draft.new"
	Edit    = "draft.edit"
)

// Draft is a form as typed.
type Draft struct {
	Values     lead.Values `json:"values"`
	Terms      bool        `json:"terms,omitempty"`      // new lead: the terms box was ticked
	Submission string      `json:"submission,omitempty"` // new lead: its submission id, once submitted
	LeadID     string      `json:"lead_id,omitempty"`    // edit: the lead being edited
	Loaded     lead.Values `json:"loaded,omitempty"`     // edit: the lead as loaded
	Since      time.Time   `json:"since,omitzero"`       // edit: its LastModifiedDate when loaded
	Files      []File      `json:"files,omitempty"`      // the Attachments listed, in order
	Saved      time.Time   `json:"saved"`
}

// File is a file listed in a form's Attachments: where it is and what it was listed as. Its
// content stays in the file; Recheck finds out whether it is still the file that was listed.
type File struct {
	Path string         `json:"path"`
	Type attach.DocType `json:"type"` // as chosen, possibly not (yet) one of attach.Types
	Size int64          `json:"size"` // when it was listed
}

// Save replaces the draft called kind.
func Save(v *vault.Vault, kind string, d Draft) error { return v.Put(kind, d) }

// Load returns the draft called kind, or nil.
func Load(v *vault.Vault, kind string) (*Draft, error) {
	var d Draft
	ok, err := v.Get(kind, &d)
	if err != nil || !ok {
		return nil, err
	}
	return &d, nil
}

// Delete forgets the draft called kind.
func Delete(v *vault.Vault, kind string) error { return v.Delete(kind) }
