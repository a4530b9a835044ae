package sfclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"leaddesk/sfclient/atomicfile"
	"leaddesk/sfclient/lead"
)

// Login URLs Salesforce publishes for production and sandbox orgs.
const (
	ProductionLoginURL = "https://login.salesforce.com"
	SandboxLoginURL    = "https://test.salesforce.com"
	// DefaultRedirectURI is the callback the Salesforce CLI uses; admins often register it.
	DefaultRedirectURI = "http://localhost:1717/OauthRedirect"
	// DefaultScopes are what Lead Desk needs: the REST API and a refresh token.
	DefaultScopes = "api refresh_token"
)

// Settings are the non-secret settings, kept as plain JSON in settings.json. The client
// secret and tokens never live here; they are in the vault.
type Settings struct {
	LoginURL    string `json:"login_url,omitempty"`    // empty means ProductionLoginURL
	ClientID    string `json:"client_id,omitempty"`    // the connected app's consumer key
	RedirectURI string `json:"redirect_uri,omitempty"` // empty means DefaultRedirectURI
	APIVersion  string `json:"api_version,omitempty"`  // pinned, e.g. "62.0"; empty means the newest the org offers
	DealerID    string `json:"dealer_id,omitempty"`    // Dealer_ID__c: the dealer's Account id at Mazo
	AccountID   string `json:"account_id,omitempty"`   // Account__c
	OwnerID     string `json:"owner_id,omitempty"`     // OwnerId
	LeadType    string `json:"lead_type,omitempty"`    // Lead_Type__c; empty means "Vendor Lead"
	TermsURL    string `json:"terms_url,omitempty"`    // the terms page "these terms" links to
	// CustomLoginHost lets the login URL and instance URL be any https host, not only
	// Salesforce's domains. Off by default; an admin turns it on for a proxy or a private
	// Salesforce deployment, and Settings and whoami then show CustomHostWarning.
	CustomLoginHost bool `json:"custom_login_host,omitempty"`
	// OrgID is the Salesforce organization this computer sends leads to: the one of the first
	// sign-in, or one the admin gives. A sign-in to another org is reported, never silently
	// accepted (see Profile.CheckIdentity).
	OrgID string `json:"org_id,omitempty"`
}

// CustomHostWarning is what Settings and whoami show while CustomLoginHost is on.
const CustomHostWarning = "Warning: the custom login host setting is on, so Lead Desk sends sign-ins to hosts outside Salesforce's domains; turn it off unless your admin asked for it."

// LeadTypes are the values Lead_Type__c takes, from the field catalogue.
func LeadTypes() []string {
	f, _ := lead.ByName("Lead_Type__c")
	return f.Values
}

// DefaultLeadType is the lead type of a new lead while Settings names none.
const DefaultLeadType = "Vendor Lead"

// NewLeadDefaults are the fields every new lead starts with, by API name: the dealer's ids
// from these settings, the lead type (DefaultLeadType when unset) and the status "New". An
// id that is not set is an empty string, so a caller can tell it is missing.
func (s Settings) NewLeadDefaults() map[string]string {
	leadType := s.LeadType
	if leadType == "" {
		leadType = DefaultLeadType
	}
	return map[string]string{"Dealer_ID__c": s.DealerID, "Account__c": s.AccountID, "OwnerId": s.OwnerID,
		"Lead_Type__c": leadType, "Status": "New"}
}

// SettingsError says which setting is wrong and why.
type SettingsError struct {
	Setting string
	Problem string
}

func (e *SettingsError) Error() string { return fmt.Sprintf("%s %s", e.Setting, e.Problem) }

// Login returns the login URL without a trailing slash, defaulting to production.
func (s Settings) Login() string {
	if s.LoginURL == "" {
		return ProductionLoginURL
	}
	return strings.TrimRight(s.LoginURL, "/")
}

// Redirect returns the redirect URI, defaulting to DefaultRedirectURI.
func (s Settings) Redirect() string {
	if s.RedirectURI == "" {
		return DefaultRedirectURI
	}
	return s.RedirectURI
}

// Validate checks what sign-in needs: a client id, a login URL that is https under
// Salesforce's domains (any https host with CustomLoginHost; http only on this computer, for
// the stand-in org) and an absolute redirect URI. Errors: *SettingsError or *HostError.
func (s Settings) Validate() error {
	if strings.TrimSpace(s.ClientID) == "" {
		return &SettingsError{"The consumer key (client id)", "is missing; enter the one Mazo sent you in Settings"}
	}
	if err := checkServer("The login URL", s.Login(), loginIsLoopback(s.Login()), s.CustomLoginHost); err != nil {
		return err
	}
	u, err := url.Parse(s.Redirect())
	if err != nil || u.Scheme == "" || u.Host == "" {
		return &SettingsError{"The redirect URI", "must be a full address such as " + DefaultRedirectURI}
	}
	return nil
}

// IsLoopbackHost reports whether host is localhost or a loopback address.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Home returns the folder Lead Desk keeps its state in: $LEADDESK_HOME when set, else
// os.UserConfigDir()/leaddesk (%AppData%\leaddesk, ~/Library/Application Support/leaddesk,
// ~/.config/leaddesk).
func Home() (string, error) { return HomeFrom(os.Getenv) }

// HomeFrom is Home with the environment read through getenv.
func HomeFrom(getenv func(string) string) (string, error) {
	if h := getenv("LEADDESK_HOME"); h != "" {
		return filepath.Abs(h)
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the settings folder: %w", err)
	}
	return filepath.Join(dir, "leaddesk"), nil
}

const settingsFile = "settings.json"

// LoadSettings reads settings.json from home. A missing file gives empty settings; a
// damaged one is an error naming the file (the file is left as it is).
func LoadSettings(home string) (Settings, error) {
	var s Settings
	data, err := os.ReadFile(filepath.Join(home, settingsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read settings: %w", err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return s, &SettingsError{"The settings file " + filepath.Join(home, settingsFile), "is damaged; fix or delete it"}
	}
	return s, nil
}

// SaveSettings replaces settings.json in home atomically (mode 0600).
func SaveSettings(home string, s Settings) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode settings: %w", err)
	}
	return atomicfile.Write(filepath.Join(home, settingsFile), append(data, '\n'), 0o600)
}
