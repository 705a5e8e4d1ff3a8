package receivables

import "github.com/clientele-go/clientele/internal/enum"

// Status is where an invoice stands in the book: open (something is
// still owed), settled (nothing is: paid, discounted or credited in
// full) or cancelled. Whether an open invoice is overdue depends on the
// day: see InvoiceStatus.DaysOverdue.
type Status uint8

const (
	// StatusOpen: the invoice still asks for money.
	StatusOpen Status = iota + 1
	// StatusSettled: payments, the early-payment discount and credit
	// notes cover it in full.
	StatusSettled
	// StatusCancelled: voided, with a reason; it asks nothing.
	StatusCancelled
)

var statusNames = enum.Names{"", "open", "settled", "cancelled"}

// ParseStatus returns the status named s ("open", "settled", "cancelled").
func ParseStatus(s string) (Status, error) { return enum.Parse[Status](statusNames, "status", s) }

func (s Status) String() string { return enum.String(statusNames, "Status", s) }

// IsValid reports whether s is one of the named statuses.
func (s Status) IsValid() bool { return enum.Valid(statusNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s Status) MarshalText() ([]byte, error) { return enum.Marshal(statusNames, "Status", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *Status) UnmarshalText(b []byte) error { return enum.Unmarshal(statusNames, "status", s, b) }
