package sfclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/recent"
)

// ownerRecord is the vault record naming whose outbox, drafts and recent leads this
// computer holds.
const ownerRecord = "owner"

// outboxRecord is the vault record package outbox keeps its list in (it imports sfclient,
// so its constant cannot be used here).
const outboxRecord = "outbox"

// Identity is who a session belongs to, or whose work the computer holds.
type Identity struct {
	OrgID    string `json:"org_id"`
	UserID   string `json:"user_id"`
	Username string `json:"username"`
}

func (s *Session) identity() Identity {
	return Identity{OrgID: s.OrgID, UserID: s.UserID, Username: s.Username}
}

// sameOrg compares org ids in their 15-character form, so an admin may give either form.
func sameOrg(a, b string) bool { return len(a) >= 15 && len(b) >= 15 && a[:15] == b[:15] }

// IdentityChangeError means a sign-in reached another org than this computer sends leads to
// (Settings.OrgID), or another user than the one whose work it holds. The person must
// confirm before the new sign-in is kept: the work on this computer would otherwise be
// shown and sent under the new user without a word.
type IdentityChangeError struct {
	Previous Identity // whose work the computer holds (or the org it is set up for)
	Next     Identity // who just signed in
	OtherOrg bool     // Next is in another org than the settings name
	// What is kept on this computer for Previous.
	Outbox, Recent int
	Drafts         bool
}

func (e *IdentityChangeError) Error() string {
	who := "as " + e.Next.Username
	if e.OtherOrg {
		who += " in another Salesforce org (" + e.Next.OrgID + ") than the one this computer sends leads to (" + e.Previous.OrgID + ")"
	} else {
		who += ", not as " + e.Previous.Username + " who used Lead Desk here before"
	}
	return "You signed in " + who + "; " + e.Kept() + ", so Lead Desk did not keep this sign-in: sign in as before, or confirm the switch."
}

// Kept says in words what work the computer holds for the previous user, and that it would
// be sent under the new one after the switch.
func (e *IdentityChangeError) Kept() string {
	if e.Outbox == 0 && e.Recent == 0 && !e.Drafts {
		return "this computer holds no unsent leads, drafts or recent leads of theirs"
	}
	return fmt.Sprintf("this computer holds %d unsent lead(s), %d recent lead(s)%s of %s, which would be shown and sent as %s after a switch",
		e.Outbox, e.Recent, map[bool]string{true: " and a draft", false: ""}[e.Drafts], e.Previous.Username, e.Next.Username)
}

// CheckIdentity compares a new session with the org this computer is set up for
// (Settings.OrgID) and with the user whose work it holds (the one recorded by AdoptSignIn,
// or the saved session's). It returns nil for the first sign-in and for the same user
// again, else an *IdentityChangeError for the window or command line to ask about.
func (p *Profile) CheckIdentity(sess *Session) (*IdentityChangeError, error) {
	st, err := p.Settings()
	if err != nil {
		return nil, err
	}
	var prev Identity
	ok, err := p.Vault.Get(ownerRecord, &prev)
	if err != nil {
		return nil, err
	}
	if !ok {
		old, err := p.LoadSession()
		if err != nil {
			return nil, err
		}
		if old != nil {
			prev = old.identity()
		}
	}
	change := &IdentityChangeError{Previous: prev, Next: sess.identity()}
	switch {
	case st.OrgID != "" && !sameOrg(st.OrgID, sess.OrgID):
		change.OtherOrg, change.Previous.OrgID = true, st.OrgID
	case prev.UserID != "" && prev.UserID != sess.UserID:
		change.OtherOrg = !sameOrg(prev.OrgID, sess.OrgID)
	default:
		return nil, nil
	}
	if err := p.countWork(change); err != nil {
		return nil, err
	}
	return change, nil
}

// countWork fills in how much of the previous user's work the vault holds.
func (p *Profile) countWork(c *IdentityChangeError) error {
	var waiting []json.RawMessage
	if _, err := p.Vault.Get(outboxRecord, &waiting); err != nil {
		return err
	}
	c.Outbox = len(waiting)
	leads, err := recent.List(p.Vault)
	if err != nil {
		return err
	}
	c.Recent = len(leads)
	for _, kind := range []string{drafts.NewLead, drafts.Edit} {
		d, err := drafts.Load(p.Vault, kind)
		if err != nil {
			return err
		}
		c.Drafts = c.Drafts || d != nil
	}
	return nil
}

// ConnectionChanged reports whether going from the settings cur (with client secret
// curSecret) to next ends the session: another login URL, consumer key or client secret
// means the saved tokens belong to a connection that no longer exists.
func ConnectionChanged(cur, next Settings, curSecret, nextSecret string) bool {
	return cur.Login() != next.Login() || cur.ClientID != next.ClientID || curSecret != nextSecret
}

// ChangeConnection saves next and the client secret. When someone is signed in and
// ConnectionChanged, it first signs out, revoking the session at the server that issued it
// (the old one), so the old tokens are never paired with the new settings. signedOut says it
// did; a failed revoke (offline) still signs out here and is returned wrapped in
// ErrRevokeFailed after the settings are saved. The window asks the person first when
// SignedIn and ConnectionChanged are both true.
func (p *Profile) ChangeConnection(ctx context.Context, hc *http.Client, next Settings, secret string) (signedOut bool, err error) {
	if err := next.Validate(); err != nil {
		return false, err
	}
	cur, curSecret, err := p.connection()
	if err != nil {
		return false, err
	}
	var revokeErr error
	if sess, err := p.LoadSession(); err != nil {
		return false, err
	} else if sess != nil && ConnectionChanged(cur, next, curSecret, secret) {
		if revokeErr = p.SignOut(ctx, hc); revokeErr != nil && !errors.Is(revokeErr, ErrRevokeFailed) {
			return false, revokeErr
		}
		signedOut = true
	}
	if err := p.SaveSettings(next); err != nil {
		return signedOut, err
	}
	if err := p.SetClientSecret(secret); err != nil {
		return signedOut, err
	}
	return signedOut, revokeErr
}

// SignedIn reports whether a session is saved.
func (p *Profile) SignedIn() (bool, error) {
	sess, err := p.LoadSession()
	return sess != nil, err
}

// AdoptSignIn keeps a finished sign-in made with the settings st and client secret: the
// previous session, if any, is revoked at the server that issued it (a failure to reach it
// does not stop the new sign-in); the settings and secret are saved only now (a sign-in
// that was given up changes nothing); the org id is remembered when the settings had none;
// the new user becomes the owner of the work on this computer; and the session is saved.
// Call CheckIdentity first and ask the person when it reports a change.
func (p *Profile) AdoptSignIn(ctx context.Context, hc *http.Client, st Settings, secret string, sess *Session) error {
	if _, err := p.ChangeConnection(ctx, hc, st, secret); err != nil && !errors.Is(err, ErrRevokeFailed) {
		return err
	}
	if err := p.SignOut(ctx, hc); err != nil && !errors.Is(err, ErrRevokeFailed) {
		return err
	}
	if !sameOrg(st.OrgID, sess.OrgID) {
		st.OrgID = sess.OrgID
		if err := p.SaveSettings(st); err != nil {
			return err
		}
	}
	if err := p.Vault.Put(ownerRecord, sess.identity()); err != nil {
		return err
	}
	return p.SaveSession(sess)
}

// RevokeSession ends sess at the server that issued it without touching what is saved
// here: for a sign-in the person chose not to keep.
func RevokeSession(ctx context.Context, hc *http.Client, sess *Session, st Settings) error {
	return revoke(ctx, hc, sess, st)
}
