package ledger

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
)

// State is where an invoice stands on a day.
type State uint8

const (
	// StateNotIssued: issued after the day, so not part of the history yet.
	StateNotIssued State = iota + 1
	// StateOpen: owed, not yet past due.
	StateOpen
	// StateOverdue: owed and past due.
	StateOverdue
	// StatePaid: paid in full by the day.
	StatePaid
	// StateWrittenOff: written off by the day.
	StateWrittenOff
)

var stateNames = enum.Names{"", "not_issued", "open", "overdue", "paid", "written_off"}

func (s State) String() string { return enum.String(stateNames, "State", s) }

// IsValid reports whether s is one of the named states.
func (s State) IsValid() bool { return enum.Valid(stateNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset state is an error.
func (s State) MarshalText() ([]byte, error) { return enum.Marshal(stateNames, "State", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *State) UnmarshalText(b []byte) error { return enum.Unmarshal(stateNames, "state", s, b) }

// Standing is an invoice's state on a day and how many days late it is.
type Standing struct {
	State State
	// DaysLate counts the days from the due date to the payment or the
	// write-off (0 when on time or earlier), or to the day for an
	// overdue invoice.
	DaysLate int
}

// StateOn says where the invoice stands on day. A payment or a write-off
// dated after day has not happened yet on day. Payment discipline, the
// exposure check and receivables ageing all read invoices through it,
// so they agree on what is owed and overdue. It assumes a valid invoice
// (see Validate) and a valid day.
func (in *Invoice) StateOn(day clientele.Date) Standing {
	if in.Issued.After(day) {
		return Standing{State: StateNotIssued}
	}
	switch {
	case !in.Paid.IsZero() && !in.Paid.After(day):
		return Standing{State: StatePaid, DaysLate: max(0, in.Paid.Sub(in.Due))}
	case !in.WrittenOff.IsZero() && !in.WrittenOff.After(day):
		return Standing{State: StateWrittenOff, DaysLate: max(0, in.WrittenOff.Sub(in.Due))}
	case !in.Due.Before(day):
		return Standing{State: StateOpen}
	}
	return Standing{State: StateOverdue, DaysLate: day.Sub(in.Due)}
}
