package qcut

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks bad input: the error lists every problem, each a
// *clientele.FieldError naming the field and the value (a long input's
// first 100, and how many more). It matches clientele.ErrInvalid.
var ErrInvalid = validate.Kind("qcut: invalid input", clientele.ErrInvalid)
