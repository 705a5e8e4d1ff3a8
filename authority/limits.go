package authority

import (
	"fmt"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// ErrLimitExceeded marks an amount beyond the actor's limit, or an actor
// with no limit at all; the error is a *LimitError. It matches
// clientele.ErrForbidden.
var ErrLimitExceeded = validate.Kind("authority: limit exceeded", clientele.ErrForbidden)

// Limit is how far one holder may go on their own signature.
type Limit struct {
	// Holder is a role, or an actor's ID for a personal limit that wins
	// over the role's.
	Holder string `json:"holder"`
	// Max is the largest amount Holder commits without approval, in the
	// unit of the list (a discount in percent points, a contract value in
	// its currency). It is never negative; 0 means every amount above
	// zero needs approval.
	Max decimal.Decimal `json:"max"`
	// ApprovedBy is the holder next up the chain, who approves amounts
	// above Max; empty at the top, above which nobody may go.
	ApprovedBy string `json:"approved_by,omitempty"`
}

// Limits is one chain (or several) of limits. The zero (nil) Limits
// grants nothing: every Check beyond zero fails.
type Limits []Limit

// Validate reports every problem: a holder missing, malformed or listed
// twice, a negative or out-of-range Max, an ApprovedBy naming no holder,
// and an approver whose Max is not above the holder's (limits strictly
// increase up the chain, which also rules out loops).
func (l Limits) Validate() error {
	var p, q validate.Problems
	holders := l.holderMap()
	for i := range l {
		x := &l[i]
		if q.ID("holder", x.Holder) {
			if j := l.first(x.Holder, holders); j < i {
				q.Add("holder", x.Holder, validate.RepeatReason("limits", j, "holder"))
			}
		}
		q.NonNegative("max", x.Max)
		q.OptionalID("approved_by", x.ApprovedBy)
		if q.Len() > 0 { // field names are built for a bad limit only
			p.Merge("["+strconv.Itoa(i)+"]", q.Err(ErrInvalid))
			q = validate.Problems{}
		}
	}
	if p.Len() > 0 {
		return p.Err(ErrInvalid)
	}
	for i, x := range l {
		if x.ApprovedBy == "" {
			continue
		}
		switch j := l.first(x.ApprovedBy, holders); {
		case j < 0:
			p.Add("["+strconv.Itoa(i)+"].approved_by", x.ApprovedBy, "no limit has this holder")
		case !l[j].Max.GreaterThan(x.Max):
			p.Addf("["+strconv.Itoa(i)+"].approved_by", x.ApprovedBy, "the approver's max %s must be above this holder's %s", l[j].Max, x.Max)
		}
	}
	return p.Err(ErrInvalid)
}

// holderMap maps each holder to its first index for a long list, so
// validation stays linear; nil for the few limits of a usual chain,
// which first scans without allocating (a policy is validated on every
// order check).
func (l Limits) holderMap() map[string]int {
	if len(l) <= 16 {
		return nil
	}
	m := make(map[string]int, len(l))
	for i := len(l) - 1; i >= 0; i-- {
		m[l[i].Holder] = i
	}
	return m
}

// first returns the first index of holder h, -1 if none, from m when
// there is one.
func (l Limits) first(h string, m map[string]int) int {
	if m != nil {
		if i, ok := m[h]; ok {
			return i
		}
		return -1
	}
	for i := range l {
		if l[i].Holder == h {
			return i
		}
	}
	return -1
}

// index finds the entry of holder.
func (l Limits) index(holder string) (int, bool) {
	if holder == "" {
		return 0, false
	}
	for i := range l {
		if l[i].Holder == holder {
			return i, true
		}
	}
	return 0, false
}

// Of returns the limit that governs a: their own entry first, then their
// role's; false when neither has one.
func (l Limits) Of(a Actor) (Limit, bool) {
	if i, ok := l.index(a.ID); ok {
		return l[i], true
	}
	if i, ok := l.index(a.Role); ok {
		return l[i], true
	}
	return Limit{}, false
}

// Check returns nil when amount is within a's limit, and otherwise a
// *LimitError naming the limit, the amount and the lowest holder up the
// chain whose limit covers it (none when the amount is above the top).
// An actor without a limit gets a *LimitError with no Holder. Check
// assumes valid Limits (see Validate) and a bounded amount.
func (l Limits) Check(a Actor, amount decimal.Decimal) error {
	own, ok := l.Of(a)
	if !ok {
		return &LimitError{Actor: a, Amount: amount}
	}
	if amount.LessThanOrEqual(own.Max) {
		return nil
	}
	e := &LimitError{Actor: a, Holder: own.Holder, Max: own.Max, Amount: amount}
	if up, ok := l.Approver(own.Holder, amount); ok {
		e.Approver = up.Holder
	}
	return e
}

// Approver returns the lowest limit up the chain from holder (holder
// excluded) that covers amount; false when none does.
func (l Limits) Approver(holder string, amount decimal.Decimal) (Limit, bool) {
	i, ok := l.index(holder)
	for steps := 0; ok && steps <= len(l); steps++ {
		next := l[i].ApprovedBy
		if i, ok = l.index(next); ok && amount.LessThanOrEqual(l[i].Max) {
			return l[i], true
		}
	}
	return Limit{}, false
}

// Outranks reports whether holder is other or above it up the chain:
// whether holder's signature may stand in for other's.
func (l Limits) Outranks(holder, other string) bool {
	i, ok := l.index(other)
	for steps := 0; ok && steps <= len(l); steps++ {
		if l[i].Holder == holder {
			return true
		}
		i, ok = l.index(l[i].ApprovedBy)
	}
	return false
}

// LimitError reports an amount beyond an actor's authority. It matches
// ErrLimitExceeded (and so clientele.ErrForbidden).
type LimitError struct {
	Actor Actor
	// Holder is the entry whose limit applied (the actor's ID or role);
	// empty when the actor has no limit at all.
	Holder string
	// Max is that limit, Amount what was asked.
	Max, Amount decimal.Decimal
	// Approver is the lowest holder up the chain whose limit covers
	// Amount: who can approve it. Empty when nobody can.
	Approver string
}

func (e *LimitError) Error() string {
	who := fmt.Sprintf("%q (%s)", e.Actor.ID, e.Actor.Role)
	amount := clientele.FormatValue(e.Amount)
	if e.Holder == "" {
		return fmt.Sprintf("authority: %s has no limit, asked %s", who, amount)
	}
	msg := fmt.Sprintf("authority: %s may commit up to %s (limit of %q), asked %s", who, clientele.FormatValue(e.Max), e.Holder, amount)
	if e.Approver == "" {
		return msg + ": above every limit of the chain"
	}
	return msg + ": needs approval by " + strconv.Quote(e.Approver)
}

// Unwrap makes errors.Is(err, ErrLimitExceeded) true.
func (e *LimitError) Unwrap() error { return ErrLimitExceeded }
