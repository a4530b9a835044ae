package sfclient

import (
	"context"
	"errors"
	"io"
	"net"
	"slices"
	"strings"
	"syscall"

	"leaddesk/sfclient/recordid"
)

// Explain turns any error from this package into one plain sentence a clerk can act on,
// with the next step. Salesforce's code, when there is one, goes in Details, not here.
func Explain(err error) string {
	var (
		api     *APIError
		busy    *PortBusyError
		host    *HostError
		change  *IdentityChangeError
		network *NetworkError
		netOp   *net.OpError
		dns     *net.DNSError
	)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrNotSignedIn):
		return "You are not signed in to Salesforce on this computer; sign in first."
	case errors.Is(err, ErrSignInRequired):
		return "Your Salesforce session has ended; sign in again and your work will continue where it was."
	case errors.Is(err, ErrAccessDenied):
		return "Access was declined on the Salesforce page; sign in again and choose Allow to connect Lead Desk."
	case errors.Is(err, recordid.ErrBad):
		return strings.ToUpper(err.Error()[:1]) + err.Error()[1:] + "."
	case errors.Is(err, ErrNoCode):
		return "No sign-in code was found in what you pasted; paste the whole address the browser showed after you allowed access."
	case errors.Is(err, ErrStateMismatch):
		return "The sign-in answer did not match the request Lead Desk sent, so it was refused; start the sign-in again."
	case errors.Is(err, ErrSignInTimeout):
		return "The sign-in was not finished in time; start it again and complete it in the browser."
	case errors.Is(err, ErrLeadConverted):
		return convertedSentence
	case errors.Is(err, ErrSearchTooShort):
		return "Type at least two characters to search, or paste a lead's id or link."
	case errors.Is(err, context.Canceled):
		return "Cancelled."
	case errors.Is(err, context.DeadlineExceeded):
		return "Salesforce did not answer in time; check the connection and try again."
	case errors.Is(err, ErrBadSignature):
		return "The sign-in answer was not signed with this app's consumer secret, so Lead Desk refused it; check the consumer secret in Settings against what Mazo sent you, then sign in again."
	case errors.As(err, &busy):
		return busy.Error() + "."
	case errors.As(err, &host):
		return host.Error() + "."
	case errors.As(err, &change):
		return change.Error()
	case errors.As(err, &api):
		return explainAPI(api)
	case errors.As(err, &netOp), errors.As(err, &dns):
		return "Salesforce could not be reached; check the internet connection and try again."
	case isConnectionCut(err):
		return "The connection to Salesforce broke off before its answer arrived; check the internet connection and try again."
	case errors.As(err, &network):
		return "Lead Desk could not talk to Salesforce because of a network problem; check the internet connection (and any proxy or firewall) and try again."
	}
	var settings *SettingsError
	if errors.As(err, &settings) {
		return settings.Error() + "."
	}
	var vaultErr interface{ Plain() string }
	if errors.As(err, &vaultErr) {
		return vaultErr.Plain()
	}
	return "Something went wrong: " + MaskSensitive(err.Error())
}

// Details is the support line for an error: Salesforce's status and code, when known.
func Details(err error) string {
	var api *APIError
	if errors.As(err, &api) {
		return api.Error()
	}
	return ""
}

// oauthSentences are Lead Desk's own words for the OAuth error codes Salesforce's authorize
// and token endpoints use. A callback's error_description is never shown: anyone can put
// any text in it.
var oauthSentences = map[string]string{
	"invalid_client_id":          "Salesforce does not know this consumer key (client id) or secret; check it in Settings against what Mazo sent you.",
	"invalid_client":             "Salesforce does not know this consumer key (client id) or secret; check it in Settings against what Mazo sent you.",
	"invalid_client_credentials": "Salesforce does not know this consumer key (client id) or secret; check it in Settings against what Mazo sent you.",
	"redirect_uri_mismatch":      "Salesforce refused the callback address; the redirect URI in Settings must match the app's callback URL exactly.",
	"redirect_uri_missing":       "Salesforce refused the callback address; the redirect URI in Settings must match the app's callback URL exactly.",
	"invalid_request":            "Salesforce found the sign-in request malformed; start the sign-in again, and tell support if it repeats.",
	"unsupported_response_type":  "Salesforce refused the kind of sign-in Lead Desk asked for; ask Mazo's admin to allow the authorization-code flow for the app.",
	"unsupported_grant_type":     "Salesforce refused the kind of sign-in Lead Desk asked for; ask Mazo's admin to allow the authorization-code flow for the app.",
	"invalid_scope":              "Salesforce refused the permissions Lead Desk asks for (api, refresh_token); ask Mazo's admin to add them to the app.",
	"invalid_grant":              "Salesforce did not accept the sign-in code or saved sign-in; sign in again.",
	"immediate_unsuccessful":     "Salesforce needs you to sign in on its page; start the sign-in again.",
	"inactive_user":              "Salesforce says this user is inactive; ask Mazo's admin to activate the user, then sign in again.",
	"inactive_org":               "Salesforce says this org is inactive or locked; ask Mazo's admin.",
	"rate_limit_exceeded":        "Salesforce has seen too many sign-ins from this user for now; wait a few minutes and try again.",
	"server_error":               "Salesforce had an internal problem during the sign-in; try again in a few minutes.",
	"temporarily_unavailable":    "Salesforce's sign-in is unavailable right now; try again in a few minutes.",
}

const convertedSentence = "Mazo has converted this lead, so it can no longer be changed here; call your Mazo contact if something needs correcting."

func explainAPI(e *APIError) string {
	if s, ok := oauthSentences[e.Code]; ok {
		return s
	}
	switch {
	case e.Code == "DUPLICATES_DETECTED" && e.Duplicates != nil && e.Duplicates.AllowSave:
		return "Salesforce already has a lead that looks like this one; open it, or send this one anyway."
	case e.Code == "DUPLICATES_DETECTED":
		return "Salesforce already has a lead that looks like this one and its rules block another; open the existing lead instead."
	case e.Code == "INVALID_CROSS_REFERENCE_KEY" && slices.Contains(e.Fields, "FirstPublishLocationId"):
		return "Salesforce has no lead with that id to attach the document to, or you may not see it; check the id."
	case e.Code == "REQUEST_LIMIT_EXCEEDED":
		return "Mazo's Salesforce has used up its API requests for now; try again later (usually within the hour)."
	case e.Code == "CANNOT_UPDATE_CONVERTED_LEAD":
		return convertedSentence
	case (e.Code == "NOT_FOUND" || e.Status == 404) && e.Call == CallLead:
		return "Salesforce has no lead with that id, or you may not see it; check the id."
	case (e.Code == "NOT_FOUND" || e.Status == 404) && e.Call == CallUserInfo:
		return "Lead Desk could not read the signed-in user: this server does not answer Salesforce's user-info address; check the login URL in Settings, or tell support."
	case e.Code == "NOT_FOUND" || e.Status == 404:
		return "Salesforce does not offer what Lead Desk asked for at this address; check the login URL in Settings, or tell support."
	case e.Code == "PRECONDITION_FAILED" || e.Status == 412:
		return "Someone else changed this lead after you opened it; compare the changes before saving again."
	case e.Status == 503 || e.Status == 502 || e.Status == 504:
		return "Salesforce is unavailable right now (it may be down for maintenance); try again in a few minutes."
	case e.Status >= 500:
		return "Salesforce had an internal problem; try again in a few minutes."
	case len(e.AllFields()) > 0 && e.Message != "":
		return "Salesforce did not accept the lead: " + strings.TrimSuffix(MaskSensitive(e.Message), ".") + "; correct the marked fields and send again."
	case e.Message != "":
		return "Salesforce did not accept the request: " + strings.TrimSuffix(MaskSensitive(e.Message), ".") + "."
	}
	return "Salesforce did not accept the request; try again, and give support the details below if it keeps happening."
}

// isConnectionCut reports a connection that ended before an answer: EOF, a reset, or a
// broken pipe, however deep net/http wrapped it.
func isConnectionCut(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}
