package receivables

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Sentinel errors. Each matches the clientele sentinel of its kind.
var (
	// ErrInvalid marks bad input: a malformed entry, an entry the book
	// refuses (an unknown invoice, a due date before the issue date, a
	// credit note larger than what is owed), a bad ageing config. The
	// error is a *clientele.ValidationError naming each field and value.
	ErrInvalid = validate.Kind("receivables: invalid input", clientele.ErrInvalid)
	// ErrCurrency is matched, beside ErrInvalid, by an entry or a report
	// in a currency other than the book's.
	ErrCurrency = validate.Kind("receivables: currency mismatch", clientele.ErrInvalid)
	// ErrCancelled is matched, beside ErrInvalid, by a payment, credit
	// note or credit application naming a cancelled invoice.
	ErrCancelled = validate.Kind("receivables: invoice cancelled", clientele.ErrInvalid)
	// ErrNotFound is returned by a Store when no account has the
	// contract ID.
	ErrNotFound = validate.Kind("receivables: not found", clientele.ErrNotFound)
	// ErrAlreadyExists is returned by Store.Create for a contract that
	// has an account already.
	ErrAlreadyExists = validate.Kind("receivables: already exists", clientele.ErrConflict)
	// ErrConflict is returned when a write carries a version that is no
	// longer the stored one (re-read, re-apply, retry), and when a
	// payment reuses the ID of a different payment already recorded.
	ErrConflict = validate.Kind("receivables: conflict", clientele.ErrConflict)
)

// StoreError says which store operation failed on which contract's
// account, and why. It matches ErrNotFound, ErrAlreadyExists or
// ErrConflict.
type StoreError struct {
	// Op is the store method that failed: "get", "create", "record" or "list".
	Op         string
	ContractID string
	// Given and Stored are the versions a conflicting write carried and
	// found; both 0 for other errors.
	Given, Stored int64
	Err           error
}

func (e *StoreError) Error() string {
	if e.Stored != 0 || e.Given != 0 {
		return fmt.Sprintf("%s account of contract %q: %v (given version %d, stored version %d)", e.Op, e.ContractID, e.Err, e.Given, e.Stored)
	}
	return fmt.Sprintf("%s account of contract %q: %v", e.Op, e.ContractID, e.Err)
}

// Unwrap makes errors.Is match the sentinel.
func (e *StoreError) Unwrap() error { return e.Err }

// PaymentConflictError reports a payment whose ID is already recorded
// for a different payment: recording the same payment twice is
// idempotent, two payments under one ID are a host error. It matches
// ErrConflict.
type PaymentConflictError struct {
	ContractID, PaymentID string
	Recorded, Given       Payment
}

func (e *PaymentConflictError) Error() string {
	return fmt.Sprintf("receivables: conflict: contract %q: payment %q is recorded as %s on %s, not %s on %s",
		e.ContractID, e.PaymentID, e.Recorded.Amount, e.Recorded.Date, e.Given.Amount, e.Given.Date)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *PaymentConflictError) Unwrap() error { return ErrConflict }
