package sfclient

import (
	"fmt"
	"log/slog"
	"net/url"
	"time"
)

// Session is what a sign-in yields and the vault keeps: the tokens, where the org lives, and
// who signed in. Its String, GoString and LogValue never show the tokens.
type Session struct {
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token"`
	InstanceURL  string    `json:"instance_url"`
	IdentityURL  string    `json:"id"`
	IssuedAt     time.Time `json:"issued_at"`
	Scope        string    `json:"scope,omitempty"`
	APIVersion   string    `json:"api_version"` // the newest the org offered at sign-in
	Username     string    `json:"username"`
	DisplayName  string    `json:"display_name"`
	UserID       string    `json:"user_id"`
	OrgID        string    `json:"org_id"`
	SignedInAt   time.Time `json:"signed_in_at"`
	// LoginURL is the login server that issued the session; refresh and revoke go only
	// there, whatever the settings say later. ClientID is the consumer key it was issued to.
	LoginURL string `json:"login_url,omitempty"`
	ClientID string `json:"client_id,omitempty"`
}

// Issuer is the login server that issued the session: LoginURL, or for a session saved
// before Lead Desk recorded it, the scheme and host of its identity URL (Salesforce's "id",
// which the login server that issued the tokens hands out). Empty when neither is known.
func (s *Session) Issuer() string {
	if s.LoginURL != "" {
		return s.LoginURL
	}
	u, err := url.Parse(s.IdentityURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// String describes the session without its tokens.
func (s *Session) String() string {
	if s == nil {
		return "not signed in"
	}
	return fmt.Sprintf("%s (%s) at %s", s.DisplayName, s.Username, s.InstanceURL)
}

// GoString keeps %#v from printing the tokens.
func (s *Session) GoString() string { return "sfclient.Session{" + s.String() + "}" }

// LogValue keeps slog from printing the tokens.
func (s *Session) LogValue() slog.Value { return slog.StringValue(s.String()) }
