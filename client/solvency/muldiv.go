package solvency

import (
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// mulDivRound returns total × mul / div rounded half away from zero to
// places decimals: total.Decimal().Mul(mul).DivRound(div, places),
// exactly. A total still on its int64 path with a non-negative value is
// computed on machine words with one allocation (the result) instead of
// seven; anything else goes through decimal. mul and div are positive.
func mulDivRound(total *exactsum.Running, mul, div int64, places int32) decimal.Decimal {
	if q, ok := mulDivRoundFast(total, mul, div, places); ok {
		return decimal.New(q, -places)
	}
	return total.Decimal().Mul(decimal.NewFromInt(mul)).DivRound(decimal.NewFromInt(div), places)
}

// mulDivRoundFast is mulDivRound on the total's int64 coefficient:
// coef × mul × 10^(exp+places) / div, rounded, in 256 bits (the product
// of two int64 values and a power of ten that fits a word always fits),
// when the quotient fits an int64.
func mulDivRoundFast(total *exactsum.Running, mul, div int64, places int32) (int64, bool) {
	units, exp, ok := total.Int64()
	k := int64(exp) + int64(places)
	if !ok || units < 0 || mul <= 0 || div <= 0 || k < 0 || k > wide.MaxPow10 {
		return 0, false
	}
	n := wide.U256{uint64(units)}
	n.MulWord(uint64(mul))
	n.MulWord(wide.Pow10[k])
	if r := n.DivWord(uint64(div)); r >= uint64(div)-r { // 2r ≥ div: round half away from zero
		n.Add(&wide.U256{1})
	}
	return n.Int64()
}
