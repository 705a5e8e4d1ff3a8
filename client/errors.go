package client

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is, and each matches the clientele sentinel of its kind
// (ErrInvalid matches clientele.ErrInvalid, ErrNotFound
// clientele.ErrNotFound, ...); the typed errors below carry the details.
var (
	// ErrInvalid marks bad input: a record, a config or a calculation
	// input that fails validation. The error lists every problem, each a
	// *FieldError naming the field and the value; a calculation over a
	// list (clients, orders, histories...) lists the first 100 and
	// counts the rest in one last problem ("totals = 150: 150 more
	// problems not listed"), so a million bad rows make a readable error.
	// The list is a *clientele.ValidationError of *clientele.FieldError.
	ErrInvalid = validate.Kind("client: invalid input", clientele.ErrInvalid)
	// ErrNotFound is returned by a Store when no client has the ID.
	ErrNotFound = validate.Kind("client: not found", clientele.ErrNotFound)
	// ErrAlreadyExists is returned by Store.Create for a taken ID.
	ErrAlreadyExists = validate.Kind("client: already exists", clientele.ErrConflict)
	// ErrConflict is returned by a Store when a write carries a version
	// that is no longer the stored one: someone else changed the client
	// first. Re-read, re-apply, retry.
	ErrConflict = validate.Kind("client: version conflict", clientele.ErrConflict)
	// ErrInvalidTransition is returned for a status change the lifecycle
	// does not allow; the error is a *TransitionError.
	ErrInvalidTransition = validate.Kind("client: invalid status transition", clientele.ErrInvalid)
	// ErrForbidden is returned by an AccessPolicy when the actor may not
	// read or change the client.
	ErrForbidden = validate.Kind("client: forbidden", clientele.ErrForbidden)
)

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
	// Op is the store method that failed: "get", "create", "update", "delete" or "list".
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

// Unwrap returns the sentinel, for errors.Is.
func (e *StoreError) Unwrap() error { return e.Err }

func notFound(op, id string) error { return &StoreError{Op: op, ClientID: id, Err: ErrNotFound} }

func conflict(op, id string, given, stored int64) error {
	return &StoreError{Op: op, ClientID: id, Given: given, Stored: stored, Err: ErrConflict}
}
