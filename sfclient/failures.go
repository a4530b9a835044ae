package sfclient

import (
	"context"
	"errors"
	"net"
	"syscall"
)

// Keep reports whether a create or update that failed with err should wait in the outbox
// and be sent again later: the connection failed or timed out, Salesforce was down (5xx, an
// HTML outage page), its API limit was reached, or the person must sign in again. Salesforce
// refusing the values (validation, duplicates, a conflict) is not kept: it goes back to the
// person. A cancellation is not kept either: the person chose to stop.
func Keep(err error) bool {
	var api *APIError
	switch {
	case err == nil || errors.Is(err, context.Canceled):
		return false
	case errors.Is(err, ErrSignInRequired):
		return true
	case errors.As(err, &api):
		return api.Status >= 500 || api.Code == "REQUEST_LIMIT_EXCEEDED" || api.Status == 0
	}
	return true // connection errors, time-outs, unreadable answers
}

// MayHaveLanded reports whether a create that failed with err may nevertheless have been
// saved by Salesforce, so that sending it again could make a second lead: the request may
// have been sent (the connection broke or timed out afterwards, or Salesforce answered 5xx).
// A cancellation counts: the request may have been on its way. Connections that were never
// made (refused, unknown host), refusals and sign-in failures before sending are safe to
// send again.
func MayHaveLanded(err error) bool {
	var (
		api *APIError
		dns *net.DNSError
		op  *net.OpError
	)
	switch {
	case err == nil || errors.Is(err, ErrSignInRequired):
		return false
	case errors.As(err, &api):
		return api.Status >= 500
	case errors.As(err, &dns), errors.Is(err, syscall.ECONNREFUSED):
		return false
	case errors.As(err, &op) && op.Op == "dial":
		return false
	}
	return true
}
