// Command quickstart runs an account manager's day on the library's
// in-memory stores and prints a readable report.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/clientele-go/clientele/client"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run() error {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	c := client.Client{
		ID: "c-001", Kind: client.KindCompany, DisplayName: "Vostok Trading",
		Contacts:  client.Contacts{Email: client.NewPersonal("buyer@vostok.example")},
		ManagerID: "m-anna", Status: client.StatusProspect,
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if err := c.MoveTo(client.StatusActive, today); err != nil {
		return err
	}
	fmt.Println("Clients")
	fmt.Printf("  %v, contacts %v\n", c, c.Contacts)
	return nil
}
