package sfclient

import "fmt"

// lastSeenRecord names the vault record of what the clerk last saw of each lead.
const lastSeenRecord = "last_seen_status"

// StatusChange is a lead whose Status changed since the clerk last saw it.
type StatusChange struct {
	Lead LeadSummary // as it is now
	Was  string      // the Status the clerk last saw
}

// LastSeen returns, per lead id, the Status the clerk last saw (empty when nothing was
// seen yet). It lives in the encrypted vault: a lead's status is the dealer's business.
func (p *Profile) LastSeen() (map[string]string, error) {
	seen := map[string]string{}
	if _, err := p.Vault.Get(lastSeenRecord, &seen); err != nil {
		return nil, fmt.Errorf("read which lead statuses were seen: %w", err)
	}
	return seen, nil
}

// MarkSeen records the current Status of leads as seen, keeping what was seen of others.
func (p *Profile) MarkSeen(leads ...LeadSummary) error {
	seen, err := p.LastSeen()
	if err != nil {
		return err
	}
	for _, l := range leads {
		seen[l.ID] = l.Status
	}
	if err := p.Vault.Put(lastSeenRecord, seen); err != nil {
		return fmt.Errorf("remember which lead statuses were seen: %w", err)
	}
	return nil
}

// StatusChanges returns the leads whose Status differs from what seen says the clerk last
// saw, in the order of leads. A lead never seen is not a change: it is new to the list.
func StatusChanges(leads []LeadSummary, seen map[string]string) []StatusChange {
	var out []StatusChange
	for _, l := range leads {
		if was, ok := seen[l.ID]; ok && was != l.Status {
			out = append(out, StatusChange{Lead: l, Was: was})
		}
	}
	return out
}
