package discount

import "github.com/clientele-go/clientele/internal/enum"

// Policy is how the rule discounts that match one line combine. It is
// set once per rule set and applies to volume, segment, VIP, loyalty
// and promotion rules; the manager discount and the payment adjustment
// are separate steps (see the package documentation).
// The zero Policy is unset, which Rules.Validate refuses: how rules
// combine is a choice to make.
type Policy uint8

const (
	// FirstMatch applies only the matching rule with the best (lowest)
	// priority, as an Odoo pricelist applies its first matching rule.
	// Two rules with the same priority that can match the same item are
	// a configuration error: nothing would decide between them.
	FirstMatch Policy = iota + 1
	// BestForClient applies only the matching rule that gives the largest
	// discount on the line; a tie goes to the better priority, then to
	// the smaller rule ID, and costs the client nothing either way.
	BestForClient
	// Additive adds the rates of every matching rule and applies the sum
	// to the list price: 20 % + 10 % = 30 % (ERPNext "apply multiple
	// pricing rules"). A sum above 100 % stops at 100 %, reported as a
	// cap.
	Additive
	// Compounding applies every matching rule, in priority order, to the
	// price the previous one left: 20 % then 10 % = 28 % (ERPNext "apply
	// discount on discounted rate").
	Compounding
)

var policyNames = enum.Names{"", "first_match", "best_for_client", "additive", "compounding"}

// ParsePolicy returns the policy named s ("first_match",
// "best_for_client", "additive", "compounding").
func ParsePolicy(s string) (Policy, error) {
	return enum.Parse[Policy](policyNames, "combination policy", s)
}

func (p Policy) String() string { return enum.String(policyNames, "Policy", p) }

// IsValid reports whether p is one of the named policies.
func (p Policy) IsValid() bool { return enum.Valid(policyNames, p) }

// MarshalText implements encoding.TextMarshaler; an unset policy is an error.
func (p Policy) MarshalText() ([]byte, error) { return enum.Marshal(policyNames, "Policy", p) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (p *Policy) UnmarshalText(b []byte) error {
	return enum.Unmarshal(policyNames, "combination policy", p, b)
}
