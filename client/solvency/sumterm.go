package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// sumTerm is one invoice amount read once for the several exact sums it
// enters (the total, the on-time part, the recent side, the outstanding
// and overdue figures). exactsum.Running.Add measures a decimal's digits
// on every call, with a logarithm; reading the amount once and adding its
// coefficient saves all but one of them, while the result stays exactly
// what Add gives.
type sumTerm struct {
	d     decimal.Decimal
	coef  int64
	exp   int32
	small bool // the coefficient has at most 18 digits: coef holds it
}

func termOf(d decimal.Decimal) sumTerm {
	t := sumTerm{d: d, exp: d.Exponent(), small: d.NumDigits() <= 18}
	if t.small {
		t.coef = d.CoefficientInt64()
	}
	return t
}

// addTo adds the amount to r.
func (t *sumTerm) addTo(r *exactsum.Running) {
	if t.small {
		r.AddCoef(t.coef, t.exp)
		return
	}
	r.Add(t.d)
}

// addTimesTo adds amount × days to r (days ≥ 0), without allocating
// while the product fits an int64.
func (t *sumTerm) addTimesTo(r *exactsum.Running, days int) {
	switch {
	case days == 0:
	case t.small && t.coef >= 0 && t.coef <= math.MaxInt64/int64(days):
		r.AddCoef(t.coef*int64(days), t.exp)
	default:
		r.Add(t.d.Mul(decimal.NewFromInt(int64(days))))
	}
}
