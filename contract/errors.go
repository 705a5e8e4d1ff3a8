package contract

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks bad input to the package; it matches
// clientele.ErrInvalid.
var ErrInvalid = validate.Kind("contract: invalid input", clientele.ErrInvalid)
