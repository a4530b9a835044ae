package sfclient

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"

	"golang.org/x/oauth2"
)

// ErrBadSignature means a token response's signature does not match the consumer secret:
// the answer did not come from the Salesforce org that knows the secret, so it is refused.
var ErrBadSignature = errors.New("the token response's signature does not match the consumer secret")

// issuer is what a token response is checked against: the login server it was asked of,
// the consumer secret (when the app has one) and the custom login host setting.
type issuer struct {
	login  string
	secret string
	custom bool
}

// instanceURL returns the token response's instance_url without a trailing slash, once it
// is https under Salesforce's domains (any https host with the custom login host setting),
// or on this computer when the login server is too. Errors: *HostError.
func (is issuer) instanceURL(tok *oauth2.Token) (string, error) {
	raw, _ := tok.Extra("instance_url").(string)
	raw = strings.TrimRight(raw, "/")
	if err := checkServer("The instance URL Salesforce sent", raw, loginIsLoopback(is.login), is.custom); err != nil {
		return "", err
	}
	return raw, nil
}

// verifySignature checks Salesforce's signature on a token response when a consumer secret
// is configured: base64(HMAC-SHA256(secret, id + issued_at)), compared in constant time.
// Without a secret there is nothing to check it with. ErrBadSignature on a mismatch.
func (is issuer) verifySignature(tok *oauth2.Token) error {
	if is.secret == "" {
		return nil
	}
	id, _ := tok.Extra("id").(string)
	issuedAt, _ := tok.Extra("issued_at").(string)
	got, err := base64.StdEncoding.DecodeString(stringExtra(tok, "signature"))
	if err != nil || id == "" || issuedAt == "" {
		return ErrBadSignature
	}
	if !hmac.Equal(got, tokenSignature(is.secret, id, issuedAt)) {
		return ErrBadSignature
	}
	return nil
}

// tokenSignature is the HMAC-SHA256 Salesforce signs a token response with: keyed with the
// consumer secret, over the identity URL followed by issued_at (milliseconds, as sent).
func tokenSignature(secret, id, issuedAt string) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(id + issuedAt))
	return mac.Sum(nil)
}

func stringExtra(tok *oauth2.Token, key string) string {
	s, _ := tok.Extra(key).(string)
	return s
}
