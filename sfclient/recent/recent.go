// Package recent remembers the leads created or edited on this computer (id, company, name,
// when, created or edited), newest first, in the encrypted vault. It never imports Fyne.
package recent

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"leaddesk/sfclient/vault"
)

const record = "recent"

// Limit is how many leads are remembered; older ones are forgotten.
const Limit = 200

// How a lead was touched.
const (
	Created = "created"
	Edited  = "edited"
)

// Lead is one remembered lead.
type Lead struct {
	ID      string    `json:"id"`
	Company string    `json:"company"`
	Name    string    `json:"name"`
	At      time.Time `json:"at"`
	Kind    string    `json:"kind"` // Created or Edited
}

// Remember puts l first; an older mention of the same lead is dropped. A company or name l
// does not carry (an edit sends only the fields that changed) is taken from that older
// mention, so the list still says whose lead it is.
func Remember(v *vault.Vault, l Lead) error {
	return v.Update(record, func(old json.RawMessage) (any, error) {
		var list []Lead
		if old != nil && json.Unmarshal(old, &list) != nil {
			return nil, fmt.Errorf("%w: the recent leads cannot be read", vault.ErrDamaged)
		}
		if i := slices.IndexFunc(list, func(x Lead) bool { return x.ID == l.ID }); i >= 0 {
			l.Company = cmp.Or(l.Company, list[i].Company)
			l.Name = cmp.Or(l.Name, list[i].Name)
		}
		list = slices.DeleteFunc(list, func(x Lead) bool { return x.ID == l.ID })
		list = append([]Lead{l}, list...)
		if len(list) > Limit {
			list = list[:Limit]
		}
		return list, nil
	})
}

// List returns the remembered leads, newest first.
func List(v *vault.Vault) ([]Lead, error) {
	var list []Lead
	_, err := v.Get(record, &list)
	return list, err
}
