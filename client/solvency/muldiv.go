package solvency

import (
	"math"
	"math/bits"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// mulDivRound returns total × mul / div rounded half away from zero to
// places decimals: total.Decimal().Mul(mul).DivRound(div, places),
// exactly. A total still on its int64 path with a non-negative value is
// computed in 128 bits with one allocation (the result) instead of seven;
// anything else goes through decimal. mul and div are positive.
func mulDivRound(total *exactsum.Running, mul, div int64, places int32) decimal.Decimal {
	if q, ok := mulDivRoundFast(total, mul, div, places); ok {
		return decimal.New(q, -places)
	}
	return total.Decimal().Mul(decimal.NewFromInt(mul)).DivRound(decimal.NewFromInt(div), places)
}

// mulDivRoundFast is mulDivRound on the total's int64 coefficient:
// coef × mul × 10^(exp+places) / div, rounded, when every step fits (the
// product in 128 bits, the quotient in an int64).
func mulDivRoundFast(total *exactsum.Running, mul, div int64, places int32) (int64, bool) {
	units, exp, ok := total.Int64()
	k := int64(exp) + int64(places)
	if !ok || units < 0 || mul <= 0 || div <= 0 || k < 0 || k >= int64(len(pow10)) {
		return 0, false
	}
	// n = units × mul × 10^k as hi·2^64 + lo.
	hi, lo := bits.Mul64(uint64(units), uint64(mul))
	p := uint64(pow10[k])
	carry, lo := bits.Mul64(lo, p)
	over, hi := bits.Mul64(hi, p)
	hi, c := bits.Add64(hi, carry, 0)
	if over != 0 || c != 0 || hi >= uint64(div) {
		return 0, false // the product or the quotient is too wide
	}
	q, r := bits.Div64(hi, lo, uint64(div))
	if r >= uint64(div)-r { // 2r ≥ div: round half away from zero
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}
