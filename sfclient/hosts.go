package sfclient

import (
	"fmt"
	"net/url"
	"strings"
)

// salesforceDomains are the host suffixes Lead Desk sends tokens to. They are the list the
// Salesforce CLI accepts (sfdx-core's SfdcUrl.isSalesforceDomain: .salesforce.com,
// .force.com with its .content. and .secure. forms, .cloudforce.com,
// .salesforceliveagent.com, and crmforce.mil for government orgs), so login.salesforce.com,
// test.salesforce.com, NAME.my.salesforce.com, NAME.sandbox.my.salesforce.com and
// NAME.lightning.force.com all pass.
var salesforceDomains = []string{".salesforce.com", ".force.com", ".cloudforce.com", ".salesforceliveagent.com", ".crmforce.mil"}

// IsSalesforceHost reports whether host lies under one of Salesforce's domains.
func IsSalesforceHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range salesforceDomains {
		if strings.HasSuffix(host, d) && len(host) > len(d) {
			return true
		}
	}
	return false
}

// HostError means an address was refused because it is not Salesforce's: a login URL typed
// (or planted) in Settings, or an instance URL a token response named.
type HostError struct {
	What string // "The login URL" or "The instance URL Salesforce sent"
	Host string // the host refused
	Why  string // what is wrong with it
}

func (e *HostError) Error() string {
	return fmt.Sprintf("%s names %s, which %s", e.What, e.Host, e.Why)
}

// checkServer accepts raw when it is an https address under Salesforce's domains; when
// custom is on (the admin's "custom login host" setting), any https address; and plain
// http or https on this computer only when loopbackOK, that is when the login URL itself is
// on this computer (the stand-in org). Errors are a *HostError naming the host.
func checkServer(what, raw string, loopbackOK, custom bool) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return &SettingsError{what, "must be a full address such as " + ProductionLoginURL}
	}
	host := u.Hostname()
	switch {
	case u.User != nil:
		return &HostError{what, host, "carries a user name or password; give the plain address"}
	case IsLoopbackHost(host):
		if loopbackOK {
			return nil
		}
		return &HostError{what, host, "is this computer; only the demo org may run here"}
	case u.Scheme != "https":
		return &HostError{what, host, "does not use https; Lead Desk sends sign-ins only over https"}
	case custom || IsSalesforceHost(host):
		return nil
	}
	return &HostError{what, host, "is not a Salesforce address (…salesforce.com, …force.com, …cloudforce.com); correct it, or ask your admin to turn on the custom login host setting if Mazo really uses it"}
}

// loginIsLoopback reports whether a login URL is on this computer (the stand-in org).
func loginIsLoopback(login string) bool {
	u, err := url.Parse(login)
	return err == nil && IsLoopbackHost(u.Hostname())
}
