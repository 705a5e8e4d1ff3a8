package learn

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// ErrInvalid marks bad input: a history whose columns disagree in length,
// a value that is not a finite number, a config out of range. The error is
// a *clientele.ValidationError naming every problem's field and value; it
// matches clientele.ErrInvalid.
var ErrInvalid = validate.Kind("learn: invalid input", clientele.ErrInvalid)

// ErrNoFit marks a well-formed history that no scorecard can be learned
// from: a feature with one value, a feature whose bins merge into one (no
// monotonic relation with the outcome), features that duplicate each
// other, perfectly separated data or a regression that does not converge.
// It too is a *clientele.ValidationError naming the feature, and matches
// clientele.ErrInvalid: the fix is in the data or the config.
var ErrNoFit = validate.Kind("learn: no scorecard fits the history", clientele.ErrInvalid)
