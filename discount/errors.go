package discount

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is, and through it the shared sentinel of its kind
// (clientele.ErrInvalid, clientele.ErrConflict, clientele.ErrForbidden).
// A validation error lists every problem as a *clientele.FieldError and
// carries one prefix, "discount: invalid input", whichever further kinds
// (an unknown SKU, a currency mistake, a conflict) it also matches.
var (
	// ErrInvalid marks bad input: a price list, a rule set, a quote
	// request or payment terms that fail validation. The error lists
	// every problem, each a *clientele.FieldError naming the field and
	// the value.
	ErrInvalid = validate.Kind("discount: invalid input", clientele.ErrInvalid)
	// ErrConflict marks a rule set that cannot price unambiguously: two
	// rules that first_match cannot order, or a rule order under which
	// ordering more would raise the unit price. It comes with ErrInvalid
	// and names the rules.
	ErrConflict = validate.Kind("discount: conflicting rules", clientele.ErrConflict)
	// ErrUnknownSKU comes with ErrInvalid when a quote line or a rule
	// names a SKU the price list does not carry; the field error names
	// the SKU.
	ErrUnknownSKU = validate.Kind("discount: unknown SKU", clientele.ErrInvalid)
	// ErrCurrency comes with ErrInvalid for an unknown ISO 4217 code or
	// for mixing currencies between a price list, its rules and a
	// request.
	ErrCurrency = validate.Kind("discount: currency", clientele.ErrInvalid)
	// ErrNotAuthorized is returned by [Engine.Approve] when the approver
	// may not approve the discount: outside the escalation chain, or the
	// manager approving their own discount. (An approver in the chain
	// whose limit is below the rate gets an *authority.LimitError.)
	ErrNotAuthorized = validate.Kind("discount: not authorized", clientele.ErrForbidden)
)

// problems collects field problems like validate.Problems and marks the
// kinds it saw with Also, so the error it returns also matches
// ErrUnknownSKU, ErrCurrency or ErrConflict while its message keeps the
// one prefix of ErrInvalid.
type problems struct {
	validate.Problems
}

func (p *problems) addUnknownSKU(field, sku, reason string) {
	p.Also(ErrUnknownSKU)
	p.Add(field, sku, reason)
}

func (p *problems) addCurrency(field string, value any, reason string) {
	p.Also(ErrCurrency)
	p.Add(field, value, reason)
}

func (p *problems) addConflict(field string, value any, reason string) {
	p.Also(ErrConflict)
	p.Add(field, value, reason)
}

// merge records the problems of a nested validation under prefix,
// keeping the kinds it saw.
func (p *problems) merge(prefix string, q *problems) { p.Merge(prefix, q.err()) }

// err returns nil, or an error matching ErrInvalid, every field problem
// (errors.As *clientele.FieldError), and the sentinel of each kind seen.
func (p *problems) err() error { return p.Problems.Err(ErrInvalid) }
