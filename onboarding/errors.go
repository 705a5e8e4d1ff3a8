package onboarding

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is, and each matches the clientele sentinel of its kind.
var (
	// ErrInvalid marks bad input: a plan, an event or a record that fails
	// validation (a score above the question's maximum, a trainee as their
	// own mentor, a date before the last recorded one). The error is a
	// *clientele.ValidationError listing every problem with its field.
	ErrInvalid = validate.Kind("onboarding: invalid input", clientele.ErrInvalid)
	// ErrInvalidTransition marks an event the lifecycle does not allow in
	// the onboarding's state, or whose gate is not met; the error is a
	// *TransitionError that says what blocks it.
	ErrInvalidTransition = validate.Kind("onboarding: invalid transition", clientele.ErrInvalid)
	// ErrNotFound is returned by a Store when no onboarding has the ID.
	ErrNotFound = validate.Kind("onboarding: not found", clientele.ErrNotFound)
	// ErrAlreadyExists is returned by Store.Create for a taken ID.
	ErrAlreadyExists = validate.Kind("onboarding: already exists", clientele.ErrConflict)
	// ErrConflict is returned by a Store when a write carries a version
	// that is no longer the stored one. Re-read, re-apply, retry.
	ErrConflict = validate.Kind("onboarding: version conflict", clientele.ErrConflict)
)

// TransitionError reports an event refused by the lifecycle: either the
// transition table has no row for the event in the state (Blockers is
// empty), or it has one but the gate is not met (Blockers says what is
// missing, each in words). The onboarding is unchanged.
//
// The zero TransitionError names no event; Apply returns filled ones.
type TransitionError struct {
	OnboardingID string
	State        State
	Event        EventKind
	// Reason says why, in a sentence a person reads.
	Reason string
	// Blockers lists what stands in the way of a gate, when that is the
	// reason.
	Blockers []Blocker
}

func (e *TransitionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "onboarding %q: cannot %s while %s: %s", e.OnboardingID, e.Event, e.State, e.Reason)
	for i, bl := range e.Blockers {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(bl.Message)
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// StoreError says which store operation failed on which onboarding, and
// why. It matches ErrNotFound, ErrAlreadyExists or ErrConflict.
//
// The zero StoreError wraps nothing; stores return filled ones.
type StoreError struct {
	// Op is the store method that failed: "get", "create", "update", "delete" or "list".
	Op           string
	OnboardingID string
	// Given and Stored are the versions a conflicting write carried and
	// found; both 0 for other errors.
	Given, Stored int64
	Err           error
}

func (e *StoreError) Error() string {
	if e.Stored != 0 || e.Given != 0 {
		return fmt.Sprintf("%s onboarding %q: %v (given version %d, stored version %d)", e.Op, e.OnboardingID, e.Err, e.Given, e.Stored)
	}
	return fmt.Sprintf("%s onboarding %q: %v", e.Op, e.OnboardingID, e.Err)
}

// Unwrap returns the sentinel.
func (e *StoreError) Unwrap() error { return e.Err }

func notFound(op, id string) error {
	return &StoreError{Op: op, OnboardingID: id, Err: ErrNotFound}
}

func conflict(op, id string, given, stored int64) error {
	return &StoreError{Op: op, OnboardingID: id, Given: given, Stored: stored, Err: ErrConflict}
}
