package solvency

import (
	"fmt"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/validate"
)

// kindError is a sentinel that also matches the client package's
// sentinel of the same kind, so a host that handles every invalid input
// with errors.Is(err, client.ErrInvalid) needs no second case.
type kindError struct {
	msg    string
	parent error
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.parent }

// Sentinel errors. Every error the package returns matches one of them
// with errors.Is.
var (
	// ErrInvalid marks bad input: a statement, an invoice, a config or an
	// order that fails validation. The error is a *ValidationError listing
	// every problem, each a *FieldError naming the field and the value.
	// It also matches client.ErrInvalid.
	ErrInvalid error = &kindError{"solvency: invalid input", client.ErrInvalid}
	// ErrForbidden is returned when a bypass is asked by a role the
	// policy does not authorise for the outcome; the error is a
	// *BypassError. It also matches client.ErrForbidden.
	ErrForbidden error = &kindError{"solvency: bypass not authorised", client.ErrForbidden}
)

// FieldError is one problem with one input field: its path, the value
// and the reason.
type FieldError = validate.FieldError

// ValidationError lists every problem found in one input. It matches
// ErrInvalid with errors.Is.
type ValidationError = validate.Error

// BypassError reports a bypass the policy refuses: the role may not
// release a decision with this outcome.
type BypassError struct {
	Actor   string
	Role    string
	Outcome Outcome
}

func (e *BypassError) Error() string {
	return fmt.Sprintf("solvency: %s (role %q) may not bypass a %s decision", e.Actor, e.Role, e.Outcome)
}

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *BypassError) Unwrap() error { return ErrForbidden }
