// Command leaddesk is Lead Desk: a desktop app (and command line) that sends equipment
// dealers' financing leads to Mazo Capital Solutions' Salesforce.
package main

import (
	"context"
	"os"

	"leaddesk/sfclient/cli"
)

// version is stamped by the release build (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Env{Version: version}))
}
