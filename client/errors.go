package client

import (
	"errors"
	"fmt"

	"github.com/clientele-go/clientele/internal/validate"
)

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is; the typed errors below carry the details.
var (
	// ErrInvalid marks bad input: a record, a config or a calculation
	// input that fails validation. The error lists every problem, each a
	// *FieldError naming the field and the value; a calculation over a
	// list (clients, orders, histories...) lists the first 100 and
	// counts the rest in one last problem ("totals = 150: 150 more
	// problems not listed"), so a million bad rows make a readable error.
	ErrInvalid = errors.New("client: invalid input")
	// ErrNotFound is returned by a Store when no client has the ID.
	ErrNotFound = errors.New("client: not found")
	// ErrAlreadyExists is returned by Store.Create for a taken ID.
	ErrAlreadyExists = errors.New("client: already exists")
	// ErrConflict is returned by a Store when a write carries a version
	// that is no longer the stored one: someone else changed the client
	// first. Re-read, re-apply, retry.
	ErrConflict = errors.New("client: version conflict")
	// ErrInvalidTransition is returned for a status change the lifecycle
	// does not allow; the error is a *TransitionError.
	ErrInvalidTransition = errors.New("client: invalid status transition")
	// ErrForbidden is returned by an AccessPolicy when the actor may not
	// read or change the client.
	ErrForbidden = errors.New("client: forbidden")
)

// FieldError is one problem with one input field: its path, the value
// and the reason. Several are reported together in a *ValidationError.
type FieldError = validate.FieldError

// ValidationError lists every problem found in one input. It matches
// ErrInvalid with errors.Is.
type ValidationError = validate.Error

// TransitionError reports a status change the lifecycle forbids.
type TransitionError struct {
	ClientID string
	From, To Status
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("client %q: cannot move from %s to %s", e.ClientID, e.From, e.To)
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// StoreError says which store operation failed on which client, and why.
// It matches ErrNotFound, ErrAlreadyExists or ErrConflict.
type StoreError struct {
	Op       string
	ClientID string
	// Given and Stored are the versions a conflicting write carried and
	// found; both 0 for other errors.
	Given, Stored int64
	Err           error
}

func (e *StoreError) Error() string {
	if e.Stored != 0 || e.Given != 0 {
		return fmt.Sprintf("%s client %q: %v (given version %d, stored version %d)", e.Op, e.ClientID, e.Err, e.Given, e.Stored)
	}
	return fmt.Sprintf("%s client %q: %v", e.Op, e.ClientID, e.Err)
}

func (e *StoreError) Unwrap() error { return e.Err }

func notFound(op, id string) error { return &StoreError{Op: op, ClientID: id, Err: ErrNotFound} }

func conflict(op, id string, given, stored int64) error {
	return &StoreError{Op: op, ClientID: id, Given: given, Stored: stored, Err: ErrConflict}
}
