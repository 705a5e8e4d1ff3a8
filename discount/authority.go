package discount

import (
	"fmt"
	"strconv"
	"time"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// Authority is how far a manager, or everyone in a role, may discount
// on their own signature, and who approves beyond that. The entries form
// an escalation chain through ApprovedBy (manager -> head of sales ->
// director); the top of the chain has no ApprovedBy and cannot be
// exceeded.
type Authority struct {
	// ID is a manager ID or a role name. A manager's own entry, when
	// there is one, wins over their role's.
	ID string `json:"id"`
	// MaxDiscount is the largest manager discount, in percent, this
	// authority grants without approval.
	MaxDiscount decimal.Decimal `json:"max_discount"`
	// ApprovedBy is the ID of the next authority up the chain.
	ApprovedBy string `json:"approved_by,omitempty"`
}

func checkAuthority(p *problems, list []Authority) {
	before := p.Len()
	seen := make(map[string]string, len(list))
	for i, a := range list {
		f := "authority[" + strconv.Itoa(i) + "]"
		checkKey(p, f, ".id", a.ID, "authority", seen)
		checkRate(p, f+".max_discount", a.MaxDiscount)
	}
	if p.Len() > before {
		return
	}
	index := make(map[string]int, len(list))
	for i, a := range list {
		index[a.ID] = i
	}
	for i, a := range list {
		f := "authority[" + strconv.Itoa(i) + "].approved_by"
		if a.ApprovedBy == "" {
			continue
		}
		j, ok := index[a.ApprovedBy]
		if !ok {
			p.Add(f, a.ApprovedBy, "no authority has this ID")
			continue
		}
		// Limits strictly increasing up the chain also rule out loops.
		if !list[j].MaxDiscount.GreaterThan(a.MaxDiscount) {
			p.Addf(f, a.ApprovedBy, "the approver's max_discount %s %% must be above this authority's %s %%", list[j].MaxDiscount, a.MaxDiscount)
		}
	}
}

// ApprovalStatus says whether a quote may be sent as an offer.
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
	x, err := ParseApprovalStatus(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// Approval records the manager discount of a quote against authority.
type Approval struct {
	Status ApprovalStatus `json:"status"`
	// ManagerID asked for Rate percent; Authority (their own entry or
	// their role) allows Limit percent.
	ManagerID string          `json:"manager_id,omitempty"`
	Rate      decimal.Decimal `json:"rate,omitzero"`
	Authority string          `json:"authority,omitempty"`
	Limit     decimal.Decimal `json:"limit,omitzero"`
	// Approver is the lowest authority up the chain whose limit covers
	// Rate: who must approve while Status is pending.
	Approver string `json:"approver,omitempty"`
	// ApprovedBy, ApprovedAs and ApprovedAt record the approval: who (a
	// manager ID), under which authority, when.
	ApprovedBy string    `json:"approved_by,omitempty"`
	ApprovedAs string    `json:"approved_as,omitempty"`
	ApprovedAt time.Time `json:"approved_at,omitzero"`
}

// Approver is someone approving a quote: their ID and role.
type Approver struct {
	ID   string `json:"id"`
	Role string `json:"role,omitempty"`
}

// authorityFor finds the entry that governs person id in role: their
// own entry first, then their role's.
func authorityFor(index map[string]int, id, role string) (int, bool) {
	if i, ok := index[id]; ok && id != "" {
		return i, true
	}
	i, ok := index[role]
	return i, ok && role != ""
}

// approval decides whether a manager discount needs approval: within
// the manager's limit it does not; above it, the lowest authority up the
// chain whose limit covers the rate must approve; above the top of the
// chain the discount cannot be given.
func approval(list []Authority, index map[string]int, m ManagerDiscount, p *problems) Approval {
	if m.Rate.Sign() == 0 {
		return Approval{Status: ApprovalNotRequired}
	}
	if m.ManagerID == "" {
		p.Add("manager.manager_id", nil, "is required with a manager discount: approval is four-eyes")
		return Approval{}
	}
	i, ok := authorityFor(index, m.ManagerID, m.Role)
	if !ok {
		p.Add("manager.manager_id", m.ManagerID, fmt.Sprintf("no authority entry for this manager or role %q: the rules grant them no discount", m.Role))
		return Approval{}
	}
	a := Approval{Status: ApprovalNotRequired, ManagerID: m.ManagerID, Rate: m.Rate, Authority: list[i].ID, Limit: list[i].MaxDiscount}
	if m.Rate.LessThanOrEqual(list[i].MaxDiscount) {
		return a
	}
	for at := i; list[at].ApprovedBy != ""; {
		at = index[list[at].ApprovedBy]
		if m.Rate.LessThanOrEqual(list[at].MaxDiscount) {
			a.Status, a.Approver = ApprovalPending, list[at].ID
			return a
		}
	}
	p.Addf("manager.rate", m.Rate, "above every authority in the chain of %q (the top allows %s %%)", list[i].ID, topLimit(list, index, i))
	return Approval{}
}

func topLimit(list []Authority, index map[string]int, i int) decimal.Decimal {
	for list[i].ApprovedBy != "" {
		i = index[list[i].ApprovedBy]
	}
	return list[i].MaxDiscount
}

// Approve records approval of q's manager discount by approver at the
// given time and returns the approved copy. The approver's authority (own
// entry, else role) must be the one the quote names or above it in the
// chain, must cover the rate, and the approver must not be the manager
// who asked (four eyes). Errors match ErrNotAuthorized, or ErrInvalid
// for a quote with nothing to approve or from another price list, a
// missing approver ID or a zero time.
func (e *Engine) Approve(q Quote, approver Approver, at time.Time) (Quote, error) {
	if q.Approval.Status != ApprovalPending {
		return q, fmt.Errorf("%w: quote approval is %s, not pending", ErrInvalid, q.Approval.Status)
	}
	if q.PriceListID != e.pl.ID || q.Currency != e.pl.Currency {
		return q, fmt.Errorf("%w: quote from price list %q (%s), engine prices %q (%s)", ErrInvalid, q.PriceListID, q.Currency, e.pl.ID, e.pl.Currency)
	}
	var p problems
	checkID(&p, "approver.id", approver.ID)
	if at.IsZero() {
		p.Add("at", nil, "is required: an approval records when it was given")
	}
	if err := p.err(); err != nil {
		return q, err
	}
	if approver.ID == q.Approval.ManagerID {
		return q, fmt.Errorf("%w: %q cannot approve their own discount", ErrNotAuthorized, approver.ID)
	}
	i, ok := authorityFor(e.authIndex, approver.ID, approver.Role)
	if !ok {
		return q, fmt.Errorf("%w: %q (role %q) has no authority entry", ErrNotAuthorized, approver.ID, approver.Role)
	}
	if !e.inChain(q.Approval.Approver, i) {
		return q, fmt.Errorf("%w: %q approves as %q, not %q or above it", ErrNotAuthorized, approver.ID, e.rules.Authority[i].ID, q.Approval.Approver)
	}
	if q.Approval.Rate.GreaterThan(e.rules.Authority[i].MaxDiscount) {
		return q, fmt.Errorf("%w: %q may approve up to %s %%, the quote asks %s %%", ErrNotAuthorized, approver.ID, e.rules.Authority[i].MaxDiscount, q.Approval.Rate)
	}
	q.Approval.Status = ApprovalGranted
	q.Approval.ApprovedBy, q.Approval.ApprovedAs, q.Approval.ApprovedAt = approver.ID, e.rules.Authority[i].ID, at
	return q, nil
}

// inChain reports whether authority i is the authority named from, or
// above it in the chain.
func (e *Engine) inChain(from string, i int) bool {
	at, ok := e.authIndex[from]
	for ok {
		if at == i {
			return true
		}
		next := e.rules.Authority[at].ApprovedBy
		if next == "" {
			return false
		}
		at, ok = e.authIndex[next]
	}
	return false
}
