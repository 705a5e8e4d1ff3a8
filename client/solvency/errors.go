package solvency

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks bad input: a statement, an invoice, a config or an
// order that fails validation. The error is a *clientele.ValidationError
// listing every problem, each a *clientele.FieldError naming the field
// and the value. It matches clientele.ErrInvalid, so a host handles bad
// input from every package as one.
var ErrInvalid = validate.Kind("solvency: invalid input", clientele.ErrInvalid)

// ErrForbidden is returned when a bypass is asked by a role the policy
// does not authorise for the outcome; the error is a *BypassError.
var ErrForbidden = validate.Kind("solvency: bypass not authorised", client.ErrForbidden)

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
