package client

import (
	"slices"

	"github.com/clientele-go/clientele/internal/enum"
)

// Status is where a client stands in its lifecycle:
//
//	prospect ──► active ◄──► dormant
//	    │          │            │
//	    └────────► lost ◄───────┘
//	               │
//	               └──► active (win-back)
//
// A prospect becomes active with its first order, or is lost. An active
// client goes dormant when it stops ordering, or is lost outright (it
// closes, goes to a competitor). Dormant and lost clients are reactivated
// straight to active. Nothing goes back to prospect: a client that has
// ordered once is never a prospect again.
type Status uint8

const (
	// StatusProspect is a potential client that has not ordered yet.
	StatusProspect Status = iota + 1
	// StatusActive is a client that orders.
	StatusActive
	// StatusDormant is a client that has stopped ordering for a while but
	// is not given up.
	StatusDormant
	// StatusLost is a client that is gone (or a prospect that never
	// converted).
	StatusLost
)

var statusNames = enum.Names{"", "prospect", "active", "dormant", "lost"}

// allowedTransitions is the lifecycle table: from -> the statuses it may
// move to.
var allowedTransitions = map[Status][]Status{
	StatusProspect: {StatusActive, StatusLost},
	StatusActive:   {StatusDormant, StatusLost},
	StatusDormant:  {StatusActive, StatusLost},
	StatusLost:     {StatusActive},
}

// ParseStatus returns the status named s ("prospect", "active",
// "dormant", "lost").
func ParseStatus(s string) (Status, error) {
	return enum.Parse[Status](statusNames, "client status", s)
}

func (s Status) String() string { return enum.String(statusNames, "Status", s) }

// IsValid reports whether s is one of the named statuses.
func (s Status) IsValid() bool { return enum.Valid(statusNames, s) }

// CanMoveTo reports whether the lifecycle allows s -> to.
func (s Status) CanMoveTo(to Status) bool { return slices.Contains(allowedTransitions[s], to) }

// Next returns the statuses s may move to, in lifecycle order.
func (s Status) Next() []Status { return slices.Clone(allowedTransitions[s]) }

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s Status) MarshalText() ([]byte, error) { return enum.Marshal(statusNames, "Status", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(statusNames, "client status", s, b)
}
