package client_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/complaint"
)

// TestComplaintDescriptionNeverPrints: %p and %w print a complaint by
// reflection, methods skipped; its description must not show.
func TestComplaintDescriptionNeverPrints(t *testing.T) {
	c := complaint.Complaint{ID: "k-1", ClientID: "c-1", Cause: "delivery",
		Description: client.NewPersonal("call Olga on +7 812 555-00-11")}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%p", "%w", "%x"} {
		if out := fmt.Sprintf(verb, c); strings.Contains(out, "Olga") || strings.Contains(out, "4f6c6761") {
			t.Errorf("%s of a complaint leaks its description: %s", verb, out)
		}
	}
}
