package contract

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Party is a side of the contract. The zero Party is unset.
type Party uint8

const (
	// PartyCompany is the company the account manager works for.
	PartyCompany Party = iota + 1
	// PartyClient is the client.
	PartyClient
)

var partyNames = enum.Names{"", "company", "client"}

// ParseParty returns the party named s ("company", "client").
func ParseParty(s string) (Party, error) { return enum.Parse[Party](partyNames, "party", s) }

func (p Party) String() string { return enum.String(partyNames, "Party", p) }

// IsValid reports whether p is one of the named parties.
func (p Party) IsValid() bool { return enum.Valid(partyNames, p) }

// MarshalText implements encoding.TextMarshaler; an unset party is an error.
func (p Party) MarshalText() ([]byte, error) { return enum.Marshal(partyNames, "Party", p) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (p *Party) UnmarshalText(b []byte) error { return enum.Unmarshal(partyNames, "party", p, b) }

// ObligationKind is what a party has to do. The zero ObligationKind is
// unset.
type ObligationKind uint8

const (
	// ObligeDeliver is to deliver goods.
	ObligeDeliver ObligationKind = iota + 1
	// ObligePay is to pay an amount.
	ObligePay
	// ObligeProvideDocuments is to hand over documents (acts, invoices,
	// certificates).
	ObligeProvideDocuments
	// ObligeRenderService is to render a service.
	ObligeRenderService
)

var obligationKindNames = enum.Names{"", "deliver", "pay", "provide_documents", "render_service"}

// ParseObligationKind returns the kind named s ("deliver", "pay", ...).
func ParseObligationKind(s string) (ObligationKind, error) {
	return enum.Parse[ObligationKind](obligationKindNames, "obligation kind", s)
}

func (k ObligationKind) String() string { return enum.String(obligationKindNames, "ObligationKind", k) }

// IsValid reports whether k is one of the named kinds.
func (k ObligationKind) IsValid() bool { return enum.Valid(obligationKindNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k ObligationKind) MarshalText() ([]byte, error) {
	return enum.Marshal(obligationKindNames, "ObligationKind", k)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *ObligationKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(obligationKindNames, "obligation kind", k, b)
}

// Obligation is one thing one party must do by a due date. Whether it
// is pending, due soon, overdue, fulfilled or lapsed is not stored: it
// follows from the dates (see Contract.ObligationOn). The zero
// Obligation is invalid: it has no ID, party, kind or due date.
type Obligation struct {
	// ID is unique within the contract.
	ID    string         `json:"id"`
	Party Party          `json:"party"`
	Kind  ObligationKind `json:"kind"`
	// Due is the last day to fulfil it on time.
	Due clientele.Date `json:"due"`
	// Amount is the sum to pay or the value to deliver, where one
	// applies, in the contract's currency; null otherwise.
	Amount decimal.NullDecimal `json:"amount,omitzero"`
	// FulfilledOn is the day the obligation was fulfilled; unset while
	// it is open.
	FulfilledOn clientele.Date `json:"fulfilled_on,omitzero"`
	// ReleasedOn is the day the other party released the obligation
	// (waived it, or both agreed to drop it); ReleaseReason says why.
	ReleasedOn    clientele.Date `json:"released_on,omitzero"`
	ReleaseReason string         `json:"release_reason,omitempty"`
}

func (o Obligation) check(p *validate.Problems) {
	p.ID("id", o.ID)
	checkEnum(p, "party", o.Party, "party")
	checkEnum(p, "kind", o.Kind, "obligation kind")
	p.Date("due", o.Due, true)
	if o.Amount.Valid {
		p.NonNegative("amount", o.Amount.Decimal)
	}
	p.Date("fulfilled_on", o.FulfilledOn, false)
	if p.Date("released_on", o.ReleasedOn, false) && !o.ReleasedOn.IsZero() {
		p.Required("release_reason", o.ReleaseReason, validate.MaxTextLen)
		if !o.FulfilledOn.IsZero() {
			p.Add("released_on", o.ReleasedOn, "a fulfilled obligation cannot also be released")
		}
	} else if o.ReleaseReason != "" {
		p.Add("release_reason", o.ReleaseReason, "only a released obligation has a release reason")
	}
}

// ObligationStatus is where an obligation stands on a day. The zero
// ObligationStatus is unset.
type ObligationStatus uint8

const (
	// ObligationPending is open and due later than the due-soon window.
	ObligationPending ObligationStatus = iota + 1
	// ObligationDueSoon is open and due within the window (due today
	// included).
	ObligationDueSoon
	// ObligationOverdue is open past its due date.
	ObligationOverdue
	// ObligationFulfilledOnTime was fulfilled on or before its due date.
	ObligationFulfilledOnTime
	// ObligationFulfilledLate was fulfilled after its due date.
	ObligationFulfilledLate
	// ObligationLapsed is no longer owed: released by the other party,
	// or due after the contract ended early (a termination or
	// supersession frees what falls due after it, never what fell due
	// before).
	ObligationLapsed
)

var obligationStatusNames = enum.Names{"", "pending", "due_soon", "overdue", "fulfilled_on_time", "fulfilled_late", "lapsed"}

// ParseObligationStatus returns the status named s ("pending", ...).
func ParseObligationStatus(s string) (ObligationStatus, error) {
	return enum.Parse[ObligationStatus](obligationStatusNames, "obligation status", s)
}

func (s ObligationStatus) String() string {
	return enum.String(obligationStatusNames, "ObligationStatus", s)
}

// IsValid reports whether s is one of the named statuses.
func (s ObligationStatus) IsValid() bool { return enum.Valid(obligationStatusNames, s) }

// IsOpen reports whether the obligation is still owed.
func (s ObligationStatus) IsOpen() bool {
	return s == ObligationPending || s == ObligationDueSoon || s == ObligationOverdue
}

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s ObligationStatus) MarshalText() ([]byte, error) {
	return enum.Marshal(obligationStatusNames, "ObligationStatus", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *ObligationStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(obligationStatusNames, "obligation status", s, b)
}

// ObligationCheck is an obligation's status on a day, explained. The
// zero ObligationCheck (Status 0) is what ObligationOn returns with
// false: no such obligation, or no valid day.
type ObligationCheck struct {
	Status ObligationStatus `json:"status"`
	// Days counts, by status: days left to the due date (pending, due
	// soon), days past it (overdue), days late (fulfilled late), days
	// early (fulfilled on time, 0 on the due date itself); 0 for lapsed.
	Days int `json:"days"`
	// Reason says the same in words.
	Reason string `json:"reason"`
}

// statusOn classifies o on day and says why. endedOn is the day the
// contract ended early (its termination or supersession took effect),
// unset if it did not; dueSoonDays is the due-soon window.
func (o Obligation) statusOn(day, endedOn clientele.Date, dueSoonDays int) ObligationCheck {
	st, days := o.classify(day, endedOn, dueSoonDays)
	return ObligationCheck{Status: st, Days: days, Reason: o.explain(st, days, endedOn, dueSoonDays)}
}

// classify is statusOn without the words, for reports that word only
// the lines they list.
func (o Obligation) classify(day, endedOn clientele.Date, dueSoonDays int) (ObligationStatus, int) {
	switch {
	case !o.FulfilledOn.IsZero() && !o.FulfilledOn.After(day):
		if late := o.FulfilledOn.Sub(o.Due); late > 0 {
			return ObligationFulfilledLate, late
		} else {
			return ObligationFulfilledOnTime, -late
		}
	case !o.ReleasedOn.IsZero() && !o.ReleasedOn.After(day):
		return ObligationLapsed, 0
	case !endedOn.IsZero() && !endedOn.After(day) && o.Due.After(endedOn):
		return ObligationLapsed, 0
	}
	switch left := o.Due.Sub(day); {
	case left < 0:
		return ObligationOverdue, -left
	case left <= dueSoonDays:
		return ObligationDueSoon, left
	default:
		return ObligationPending, left
	}
}

// explain words a status classify found.
func (o Obligation) explain(st ObligationStatus, days int, endedOn clientele.Date, dueSoonDays int) string {
	switch st {
	case ObligationFulfilledLate:
		return fmt.Sprintf("fulfilled on %s, %d days after the due date %s", o.FulfilledOn, days, o.Due)
	case ObligationFulfilledOnTime:
		return fmt.Sprintf("fulfilled on %s, due %s", o.FulfilledOn, o.Due)
	case ObligationLapsed:
		if !o.ReleasedOn.IsZero() {
			return fmt.Sprintf("released on %s: %s", o.ReleasedOn, o.ReleaseReason)
		}
		return fmt.Sprintf("due %s, after the contract ended on %s", o.Due, endedOn)
	case ObligationOverdue:
		return fmt.Sprintf("due %s, %d days overdue", o.Due, days)
	case ObligationDueSoon:
		return fmt.Sprintf("due %s, in %d days (within the %d-day window)", o.Due, days, dueSoonDays)
	default:
		return fmt.Sprintf("due %s, in %d days", o.Due, days)
	}
}
