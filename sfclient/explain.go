package sfclient

import (
	"context"
	"errors"
	"net"
	"strings"

	"leaddesk/sfclient/recordid"
)

// Explain turns any error from this package into one plain sentence a clerk can act on,
// with the next step. Salesforce's code, when there is one, goes in Details, not here.
func Explain(err error) string {
	var (
		api   *APIError
		busy  *PortBusyError
		netOp *net.OpError
		dns   *net.DNSError
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
	case errors.As(err, &busy):
		return busy.Error() + "."
	case errors.As(err, &api):
		return explainAPI(api)
	case errors.As(err, &netOp), errors.As(err, &dns):
		return "Salesforce could not be reached; check the internet connection and try again."
	}
	var settings *SettingsError
	if errors.As(err, &settings) {
		return settings.Error() + "."
	}
	var vaultErr interface{ Plain() string }
	if errors.As(err, &vaultErr) {
		return vaultErr.Plain()
	}
	return "Something went wrong: " + err.Error()
}

// Details is the support line for an error: Salesforce's status and code, when known.
func Details(err error) string {
	var api *APIError
	if errors.As(err, &api) {
		return api.Error()
	}
	return ""
}

const convertedSentence = "Mazo has converted this lead, so it can no longer be changed here; call your Mazo contact if something needs correcting."

func explainAPI(e *APIError) string {
	switch {
	case e.Code == "DUPLICATES_DETECTED" && e.Duplicates != nil && e.Duplicates.AllowSave:
		return "Salesforce already has a lead that looks like this one; open it, or send this one anyway."
	case e.Code == "DUPLICATES_DETECTED":
		return "Salesforce already has a lead that looks like this one and its rules block another; open the existing lead instead."
	case e.Code == "REQUEST_LIMIT_EXCEEDED":
		return "Mazo's Salesforce has used up its API requests for now; try again later (usually within the hour)."
	case e.Code == "invalid_client_id" || e.Code == "invalid_client":
		return "Salesforce does not know this consumer key (client id) or secret; check it in Settings against what Mazo sent you."
	case e.Code == "redirect_uri_mismatch":
		return "Salesforce refused the callback address; the redirect URI in Settings must match the app's callback URL exactly."
	case e.Code == "CANNOT_UPDATE_CONVERTED_LEAD":
		return convertedSentence
	case e.Code == "NOT_FOUND":
		return "Salesforce has no lead with that id, or you may not see it; check the id."
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
