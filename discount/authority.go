package discount

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// ApprovalStatus says whether a quote may be sent as an offer.
// The zero ApprovalStatus is unset, the status of a quote never
// priced: it does not marshal.
type ApprovalStatus uint8

const (
	// ApprovalNotRequired: no manager discount, or one within the
	// manager's authority.
	ApprovalNotRequired ApprovalStatus = iota + 1
	// ApprovalPending: the manager discount exceeds the manager's
	// authority; the quote is not an offer until approved.
	ApprovalPending
	// ApprovalGranted: a higher authority approved the discount.
	ApprovalGranted
)

var approvalNames = enum.Names{"", "not_required", "pending", "granted"}

// ParseApprovalStatus returns the status named s ("not_required",
// "pending", "granted").
func ParseApprovalStatus(s string) (ApprovalStatus, error) {
	return enum.Parse[ApprovalStatus](approvalNames, "approval status", s)
}

func (v ApprovalStatus) String() string { return enum.String(approvalNames, "ApprovalStatus", v) }

// IsValid reports whether v is one of the named statuses.
func (v ApprovalStatus) IsValid() bool { return enum.Valid(approvalNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v ApprovalStatus) MarshalText() ([]byte, error) {
	return enum.Marshal(approvalNames, "ApprovalStatus", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *ApprovalStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(approvalNames, "approval status", v, b)
}

// Approval records the manager discount of a quote against the rules'
// authority limits. The zero Approval has no status: a quote that carries
// it was never checked, and [Quote.Offerable] refuses it.
type Approval struct {
	Status ApprovalStatus `json:"status"`
	// Manager asked for Rate percent; the limit of Holder (their own
	// entry or their role's) allows Limit percent.
	Manager authority.Actor `json:"manager,omitzero"`
	Rate    decimal.Decimal `json:"rate,omitzero"`
	Holder  string          `json:"holder,omitempty"`
	Limit   decimal.Decimal `json:"limit,omitzero"`
	// Approver is the lowest holder up the chain whose limit covers
	// Rate: who must approve while Status is pending.
	Approver string `json:"approver,omitempty"`
	// Signature records who approved and when, and ApprovedAs the holder
	// whose limit they approved under.
	Signature  authority.Signature `json:"signature,omitzero"`
	ApprovedAs string              `json:"approved_as,omitempty"`
}

// checkAuthority checks the limits as authority.Limits does, and that
// each is a discount rate: bounded to 8 decimals, at most 100 %.
func checkAuthority(p *problems, l authority.Limits) {
	p.Merge("authority", l.Validate())
	for i, x := range l {
		if validate.InRange(x.Max) && x.Max.Sign() >= 0 {
			checkRate(p, "authority["+strconv.Itoa(i)+"].max", x.Max)
		}
	}
}

// approval decides whether a manager discount needs approval: within
// the manager's limit it does not; above it, the lowest holder up the
// chain whose limit covers the rate must approve; above the top of the
// chain the discount cannot be given.
func approval(l authority.Limits, m ManagerDiscount, p *problems) Approval {
	if m.Rate.Sign() == 0 {
		return Approval{Status: ApprovalNotRequired}
	}
	if m.By.ID == "" {
		p.Add("manager.by.id", nil, "is required with a manager discount: approval is four-eyes")
		return Approval{}
	}
	own, ok := l.Of(m.By)
	if !ok {
		p.Addf("manager.by", m.By.ID, "no authority limit for this manager or their role %q: the rules grant them no discount", m.By.Role)
		return Approval{}
	}
	a := Approval{Status: ApprovalNotRequired, Manager: m.By, Rate: m.Rate, Holder: own.Holder, Limit: own.Max}
	var le *authority.LimitError
	if !errors.As(l.Check(m.By, m.Rate), &le) {
		return a
	}
	if le.Approver == "" {
		p.Addf("manager.rate", m.Rate, "above every limit of the chain from %q: nobody may approve it", own.Holder)
		return Approval{}
	}
	a.Status, a.Approver = ApprovalPending, le.Approver
	return a
}

// Approve records the approval of q's manager discount by sig and
// returns the approved copy. The signer's limit (own entry, else role)
// must be the one the quote names or above it in the chain (else
// ErrNotAuthorized), the signer must not be the manager who asked
// (ErrNotAuthorized: four eyes), and their limit must cover the rate
// (else the *authority.LimitError of their limit). A quote with nothing
// to approve or from another price list, and an incomplete signature,
// are ErrInvalid.
func (e *Engine) Approve(q Quote, sig authority.Signature) (Quote, error) {
	if err := e.ready(); err != nil {
		return q, err
	}
	var p problems
	switch {
	case q.Approval.Status == 0:
		p.Add("approval.status", nil, "is unset, not pending: the quote was not priced by Engine.Quote, so there is nothing to approve")
	case q.Approval.Status != ApprovalPending:
		p.Addf("approval.status", nil, "is %q, not pending: nothing to approve", q.Approval.Status.String())
	case q.PriceListID != e.pl.ID || q.Currency != e.pl.Currency:
		p.Addf("price_list_id", q.PriceListID, "this engine prices list %q in %s, the quote is in %s", e.pl.ID, e.pl.Currency, clientele.FormatValue(q.Currency))
	}
	p.Merge("signature", sig.Validate())
	if err := p.err(); err != nil {
		return q, err
	}
	if sig.By.ID == q.Approval.Manager.ID {
		return q, fmt.Errorf("%w: %q cannot approve their own discount", ErrNotAuthorized, sig.By.ID)
	}
	own, ok := e.rules.Authority.Of(sig.By)
	if !ok {
		return q, fmt.Errorf("%w: %q (role %q) has no authority limit", ErrNotAuthorized, sig.By.ID, sig.By.Role)
	}
	if !e.rules.Authority.Outranks(own.Holder, q.Approval.Approver) {
		return q, fmt.Errorf("%w: %q approves as %q, not %q or above it", ErrNotAuthorized, sig.By.ID, own.Holder, clientele.FormatValue(q.Approval.Approver))
	}
	if err := e.rules.Authority.Check(sig.By, q.Approval.Rate); err != nil {
		return q, err
	}
	q.Approval.Status = ApprovalGranted
	q.Approval.Signature, q.Approval.ApprovedAs = sig, own.Holder
	return q, nil
}
