package contract

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
)

// State is where a contract stands in its lifecycle on a given day. It
// is never stored: [Contract.StatusOn] computes it from the contract's
// dates and recorded events. The zero State is unset.
type State uint8

const (
	// StateDraft is a contract being prepared.
	StateDraft State = iota + 1
	// StateAgreed is a contract whose terms both parties have agreed,
	// not yet signed.
	StateAgreed
	// StateSigned is a signed contract whose start date has not come.
	StateSigned
	// StateActive is a signed contract between its start and end dates.
	StateActive
	// StateCompleted is a contract both parties have performed.
	StateCompleted
	// StateExpired is a contract whose end date passed before it was
	// completed.
	StateExpired
	// StateTerminated is a contract ended early, with a reason and a
	// notice period.
	StateTerminated
	// StateSuperseded is a contract replaced by its amendment or its
	// re-registration (a new number, changed party details).
	StateSuperseded
	numStates
)

var stateNames = enum.Names{"", "draft", "agreed", "signed", "active", "completed", "expired", "terminated", "superseded"}

// ParseState returns the state named s ("draft", "agreed", ...).
func ParseState(s string) (State, error) { return enum.Parse[State](stateNames, "contract state", s) }

func (s State) String() string { return enum.String(stateNames, "State", s) }

// IsValid reports whether s is one of the named states.
func (s State) IsValid() bool { return enum.Valid(stateNames, s) }

// IsFinal reports whether no recorded event leaves s (a renewal aside,
// which links a successor and leaves s as it is).
func (s State) IsFinal() bool {
	return s == StateCompleted || s == StateTerminated || s == StateSuperseded
}

// MarshalText implements encoding.TextMarshaler; an unset state is an error.
func (s State) MarshalText() ([]byte, error) { return enum.Marshal(stateNames, "State", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *State) UnmarshalText(b []byte) error {
	return enum.Unmarshal(stateNames, "contract state", s, b)
}

// EventKind is what happens to a contract. Most events are recorded by
// the host (Contract.Apply); two happen by the calendar alone and are
// never recorded: EventStart (the start date comes) and EventEnd (the
// end date passes).
type EventKind uint8

const (
	// EventAgree records that both parties agreed the terms.
	EventAgree EventKind = iota + 1
	// EventSign records the signature (see Policy.Sign, which checks
	// the document package and the signer's authority first).
	EventSign
	// EventStart happens on the start date of a signed contract.
	EventStart
	// EventEnd happens the day after the end date in force: the
	// contract expires unless it renews automatically.
	EventEnd
	// EventComplete records that both parties performed the contract.
	EventComplete
	// EventTerminate records an early end, with a reason and a notice
	// period; the contract is terminated when the notice runs out.
	EventTerminate
	// EventExtend records a new, later end date; the earlier ends stay
	// in the history.
	EventExtend
	// EventRenew records that a successor contract continues this one
	// (see Renewal); this contract runs on to its own end.
	EventRenew
	// EventStopAutoRenewal records a notice not to renew automatically.
	EventStopAutoRenewal
	// EventSupersede records that an amendment or a re-registration
	// replaces this contract (see Amendment, Reregistration).
	EventSupersede
	numEvents
)

var eventNames = enum.Names{"", "agree", "sign", "start", "end", "complete", "terminate", "extend", "renew", "stop_auto_renewal", "supersede"}

// ParseEventKind returns the event named s ("agree", "sign", ...).
func ParseEventKind(s string) (EventKind, error) {
	return enum.Parse[EventKind](eventNames, "contract event", s)
}

func (k EventKind) String() string { return enum.String(eventNames, "EventKind", k) }

// IsValid reports whether k is one of the named events.
func (k EventKind) IsValid() bool { return enum.Valid(eventNames, k) }

// IsCalendar reports whether k happens by the calendar alone (start,
// end) and so is never recorded.
func (k EventKind) IsCalendar() bool { return k == EventStart || k == EventEnd }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k EventKind) MarshalText() ([]byte, error) { return enum.Marshal(eventNames, "EventKind", k) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *EventKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(eventNames, "contract event", k, b)
}

// transitions is the lifecycle table: transitions[state][event] is the
// state the event leads to, 0 where the event is not allowed. It is
// printed in the package documentation; TestTransitionTable pins it.
var transitions = [numStates][numEvents]State{
	StateDraft: {
		EventAgree:     StateAgreed,
		EventTerminate: StateTerminated,
	},
	StateAgreed: {
		EventSign:      StateSigned,
		EventTerminate: StateTerminated,
	},
	StateSigned: {
		EventStart:           StateActive,
		EventTerminate:       StateTerminated,
		EventExtend:          StateSigned,
		EventStopAutoRenewal: StateSigned,
		EventSupersede:       StateSuperseded,
	},
	StateActive: {
		EventEnd:             StateExpired,
		EventComplete:        StateCompleted,
		EventTerminate:       StateTerminated,
		EventExtend:          StateActive,
		EventRenew:           StateActive,
		EventStopAutoRenewal: StateActive,
		EventSupersede:       StateSuperseded,
	},
	StateExpired: {
		EventComplete: StateCompleted,
		EventRenew:    StateExpired,
	},
	StateCompleted: {
		EventRenew: StateCompleted,
	},
}

// Next returns the state event k leads to from s, and false when the
// lifecycle does not allow k in s.
func (s State) Next(k EventKind) (State, bool) {
	if !s.IsValid() || !k.IsValid() {
		return 0, false
	}
	next := transitions[s][k]
	return next, next != 0
}

// Events returns the events a host may record in state s, in the order
// of the EventKind constants; the calendar events are left out.
func (s State) Events() []EventKind {
	var out []EventKind
	for k := EventKind(1); k < numEvents; k++ {
		if _, ok := s.Next(k); ok && !k.IsCalendar() {
			out = append(out, k)
		}
	}
	return out
}

// TransitionError reports an event the lifecycle does not allow. It
// matches ErrInvalidTransition (and so clientele.ErrInvalid). Its zero
// value prints an empty refusal; the package fills From, Event and On.
type TransitionError struct {
	ContractID string
	// From is the contract's state on the event's day.
	From  State
	Event EventKind
	On    clientele.Date
	// Reason says why, beyond the table, when there is more to say (a
	// termination notice already given, an event dated before the last
	// one).
	Reason string
}

func (e *TransitionError) Error() string {
	msg := fmt.Sprintf("contract %q: cannot %s on %s: the contract is %s", e.ContractID, e.Event, e.On, e.From)
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }
