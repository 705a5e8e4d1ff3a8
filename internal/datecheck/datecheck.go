// Package datecheck is the client analyses' one rule for a calendar-day
// input: unset is "is required" where the day is needed, invalid is
// refused. ledger, solvency and discount each hold the same few lines;
// they belong in internal/validate, where this package should move.
package datecheck

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Check records a missing required day or an invalid one under field,
// and reports whether d is fine: valid, or unset and not required.
func Check(p *validate.Problems, field string, d clientele.Date, required bool) bool {
	switch {
	case d.IsZero():
		if required {
			p.Add(field, nil, "is required")
		}
		return !required
	case !d.IsValid():
		p.Add(field, nil, "is not a calendar date in years 1-9999")
		return false
	}
	return true
}
