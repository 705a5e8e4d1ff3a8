package discount

import (
	"errors"
	"fmt"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is; the typed errors below carry the details.
var (
	// ErrInvalid marks bad input: a price list, a rule set, a quote
	// request or payment terms that fail validation. The error lists
	// every problem, each a *FieldError naming the field and the value.
	ErrInvalid = errors.New("discount: invalid input")
	// ErrConflict marks a rule set that cannot price unambiguously: two
	// rules that first_match cannot order, or a rule order under which
	// ordering more would raise the unit price. It comes with ErrInvalid
	// and names the rules.
	ErrConflict = errors.New("discount: conflicting rules")
	// ErrUnknownSKU is returned, with ErrInvalid, when a quote line or a
	// rule names a SKU the price list does not carry; the field error
	// names the SKU.
	ErrUnknownSKU = errors.New("discount: unknown SKU")
	// ErrCurrency is returned, with ErrInvalid, for an unknown ISO 4217
	// code or for mixing currencies between a price list, its rules and
	// a request.
	ErrCurrency = errors.New("discount: currency")
	// ErrApprovalRequired is returned by [Quote.Offerable] while a
	// manager discount above the manager's authority waits for approval;
	// the error is an *ApprovalRequiredError naming the approver.
	ErrApprovalRequired = errors.New("discount: approval required")
	// ErrNotAuthorized is returned by [Engine.Approve] when the approver
	// may not approve the discount: not in the escalation chain, a limit
	// below the discount, or the manager approving their own discount.
	ErrNotAuthorized = errors.New("discount: not authorized")
)

// FieldError is one problem with one input field: its path, the value
// and the reason.
type FieldError = validate.FieldError

// ValidationError lists every problem found in one input. It matches
// ErrInvalid with errors.Is.
type ValidationError = validate.Error

// ApprovalRequiredError says who must approve a quote before it can be
// sent as an offer.
type ApprovalRequiredError struct {
	// ManagerID asked for Rate; their authority allows Limit.
	ManagerID string
	Rate      decimal.Decimal
	Limit     decimal.Decimal
	// Approver is the authority (a manager ID or a role) that can approve.
	Approver string
}

func (e *ApprovalRequiredError) Error() string {
	return fmt.Sprintf("discount: manager %q asked for %s %% (limit %s %%): needs approval by %q",
		e.ManagerID, e.Rate, e.Limit, e.Approver)
}

// Unwrap makes errors.Is(err, ErrApprovalRequired) true.
func (e *ApprovalRequiredError) Unwrap() error { return ErrApprovalRequired }

// problems collects field problems like validate.Problems and remembers
// which kinds of problem it saw, so the returned error also matches
// ErrUnknownSKU, ErrCurrency or ErrConflict with errors.Is.
type problems struct {
	validate.Problems
	unknownSKU, currency, conflict bool
}

func (p *problems) addUnknownSKU(field, sku, reason string) {
	p.unknownSKU = true
	p.Add(field, sku, reason)
}

func (p *problems) addCurrency(field string, value any, reason string) {
	p.currency = true
	p.Add(field, value, reason)
}

func (p *problems) addConflict(field string, value any, reason string) {
	p.conflict = true
	p.Add(field, value, reason)
}

// merge records the problems of a nested validation under prefix,
// keeping the kinds it saw.
func (p *problems) merge(prefix string, q *problems) {
	p.Merge(prefix, q.Problems.Err(ErrInvalid))
	p.unknownSKU = p.unknownSKU || q.unknownSKU
	p.currency = p.currency || q.currency
	p.conflict = p.conflict || q.conflict
}

// err returns nil, or an error matching ErrInvalid, every field problem
// (errors.As *FieldError), and the sentinel of each kind seen.
func (p *problems) err() error {
	err := p.Problems.Err(ErrInvalid)
	if err == nil {
		return nil
	}
	if p.conflict {
		err = fmt.Errorf("%w: %w", ErrConflict, err)
	}
	if p.currency {
		err = fmt.Errorf("%w: %w", ErrCurrency, err)
	}
	if p.unknownSKU {
		err = fmt.Errorf("%w: %w", ErrUnknownSKU, err)
	}
	return err
}
