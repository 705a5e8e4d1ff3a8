package contract

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is, and each matches the clientele sentinel of its kind;
// the typed errors below carry the details.
var (
	// ErrInvalid marks bad input: a record, an event, a config or a
	// report's arguments that fail validation. The error is a
	// *clientele.ValidationError listing every problem, each naming the
	// field and the value.
	ErrInvalid = validate.Kind("contract: invalid input", clientele.ErrInvalid)
	// ErrInvalidTransition marks an event the lifecycle does not allow
	// in the contract's state on the event's day; the error is a
	// *TransitionError.
	ErrInvalidTransition = validate.Kind("contract: invalid transition", clientele.ErrInvalid)
	// ErrIncompletePackage marks signing refused while a required
	// document is missing or not verified; the error is a *SigningError
	// listing every missing document.
	ErrIncompletePackage = validate.Kind("contract: document package incomplete", clientele.ErrInvalid)
	// ErrUnknownType marks a contract whose type the Policy does not
	// configure.
	ErrUnknownType = validate.Kind("contract: unknown contract type", clientele.ErrInvalid)
	// ErrNotFound is returned by a Store when no contract has the ID.
	ErrNotFound = validate.Kind("contract: not found", clientele.ErrNotFound)
	// ErrAlreadyExists is returned by Store.Create for a taken ID.
	ErrAlreadyExists = validate.Kind("contract: already exists", clientele.ErrConflict)
	// ErrConflict is returned by a Store when a write carries a version
	// that is no longer the stored one. Re-read, re-apply, retry.
	ErrConflict = validate.Kind("contract: version conflict", clientele.ErrConflict)
)

// StoreError says which store operation failed on which contract, and
// why. It matches ErrNotFound, ErrAlreadyExists or ErrConflict.
type StoreError struct {
	// Op is the store method that failed: "get", "create", "update" or "list".
	Op         string
	ContractID string
	// Given and Stored are the versions a conflicting write carried and
	// found; both 0 for other errors.
	Given, Stored int64
	Err           error
}

func (e *StoreError) Error() string {
	if e.Stored != 0 || e.Given != 0 {
		return fmt.Sprintf("%s contract %q: %v (given version %d, stored version %d)", e.Op, e.ContractID, e.Err, e.Given, e.Stored)
	}
	return fmt.Sprintf("%s contract %q: %v", e.Op, e.ContractID, e.Err)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *StoreError) Unwrap() error { return e.Err }

func notFound(op, id string) error { return &StoreError{Op: op, ContractID: id, Err: ErrNotFound} }

func conflict(op, id string, given, stored int64) error {
	return &StoreError{Op: op, ContractID: id, Given: given, Stored: stored, Err: ErrConflict}
}
