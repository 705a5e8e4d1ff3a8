package solvency

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks bad input: a statement, an invoice, a config or an
// order that fails validation. The error is a *clientele.ValidationError
// listing every problem, each a *clientele.FieldError naming the field
// and the value. It matches clientele.ErrInvalid, so a host handles bad
// input from every package as one.
var ErrInvalid = validate.Kind("solvency: invalid input", clientele.ErrInvalid)
