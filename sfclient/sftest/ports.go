package sftest

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"time"
)

// FreeRedirectURI returns http://localhost:PORT/OauthRedirect on a port that 127.0.0.1 (and
// ::1, where there is IPv6) can bind right now. Ports come from 20000–31999, below the
// ephemeral range operating systems hand out for outgoing connections (Linux: 32768+), so
// that a port checked and released here is not given to some connection before the sign-in
// binds it again.
func FreeRedirectURI() (string, error) {
	for range 200 {
		port := 20000 + rand.IntN(12000)
		if bindable("127.0.0.1", port) && (bindable("::1", port) || !hasIPv6()) {
			return fmt.Sprintf("http://localhost:%d/OauthRedirect", port), nil
		}
	}
	return "", errors.New("no free loopback port found for the sign-in redirect")
}

func bindable(host string, port int) bool {
	ln, err := net.Listen("tcp", net.JoinHostPort(host, fmt.Sprint(port)))
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

func hasIPv6() bool {
	ln, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

// Browse plays a person's browser for tests and scripts: it loads the URL and follows every
// redirect, back to the app's loopback listener, and reads the page it lands on.
func Browse(u string) error {
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}
