package kpi

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks bad input: a config, a period or a manager's inputs
// that fail validation. The error is a *clientele.ValidationError listing
// every problem, each naming the field and the value (a long input's
// first 100, and how many more). It matches clientele.ErrInvalid.
var ErrInvalid = validate.Kind("kpi: invalid input", clientele.ErrInvalid)
