package discount

import (
	"math/bits"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// Bounds on every decimal the package accepts. A decimal string can
// carry an exponent such as "1e-999999999"; comparing or adding such a
// value makes shopspring rescale the other operand to a billion digits.
// Every input decimal is checked against these bounds before any other
// arithmetic touches it, so a hostile config or request fails
// validation instead of exhausting memory.
const (
	// maxIntDigits bounds the integer part of any amount or quantity:
	// 10^15 units of any currency is beyond any real order.
	maxIntDigits = 15
	// maxCoefficientDigits bounds the total significant digits.
	maxCoefficientDigits = 40
	// percentDecimals is the finest percentage accepted: 8 decimal places
	// of a percent point (12.12345678 %).
	percentDecimals = 8
	// quantityDecimals is the finest quantity accepted (a milligram of a
	// kilogram-priced item is 6 places).
	quantityDecimals = 6
)

var (
	hundred = decimal.NewFromInt(100)
	one     = decimal.NewFromInt(1)
)

// checkShape records a problem and returns false when v has more than
// maxDecimals decimal places (trailing zeros do not count), more than
// maxIntDigits integer digits, or too many digits altogether. Only when
// it returns true may v be compared or computed with.
func checkShape(p *problems, field string, v decimal.Decimal, maxDecimals int32) bool {
	if v.NumDigits() > maxCoefficientDigits {
		p.Addf(field, v, "has more than %d digits", maxCoefficientDigits)
		return false
	}
	n := v.Normalize()
	exp := n.Exponent()
	if exp < -maxDecimals {
		p.Addf(field, v, "has more than %d decimal places", maxDecimals)
		return false
	}
	if exp > maxIntDigits || n.NumDigits()+int(exp) > maxIntDigits {
		p.Addf(field, v, "is too large (more than %d integer digits)", maxIntDigits)
		return false
	}
	return true
}

// checkPercent records a problem unless v is a well-formed percentage
// in percent points within lo..hi, both ends allowed.
func checkPercent(p *problems, field string, v decimal.Decimal, lo, hi int64) bool {
	if !checkShape(p, field, v, percentDecimals) {
		return false
	}
	before := p.Len()
	p.Percent(field, v, lo, hi)
	return p.Len() == before
}

// checkMoney records a problem unless v is a well-formed, non-negative
// amount with at most decimals decimal places.
func checkMoney(p *problems, field string, v decimal.Decimal, decimals int32) bool {
	if !checkShape(p, field, v, decimals) {
		return false
	}
	if v.Sign() < 0 {
		p.Add(field, v, "must not be negative")
		return false
	}
	return true
}

// fraction converts percent points to a fraction: 12.5 -> 0.125, exactly.
func fraction(percent decimal.Decimal) decimal.Decimal { return percent.Shift(-2) }

// rate is a discount rate precomputed in the forms pricing needs, so the
// hot path neither subtracts, negates nor converts.
type rate struct {
	frac    num             // 0.05 for 5 %
	factor  num             // 0.95: the price kept
	display decimal.Decimal // -5: the signed percentage explanations show
}

// rate returns the rate of percent.
func (e *Engine) rate(percent decimal.Decimal) rate {
	return e.fractionRate(fraction(percent), percent.Neg())
}

// fractionRate is the rate of fraction f, shown as display.
func (e *Engine) fractionRate(f, display decimal.Decimal) rate {
	return rate{frac: e.num(f), factor: e.num(one.Sub(f)), display: display}
}

// addProduct adds a × b to t, as t.Add(a.Mul(b)) would (decimal.Mul's
// coefficient is the product of the coefficients, its exponent the sum
// of the exponents), without building the product when both factors are
// non-negative, fit 18 digits and their product an int64: a volume total
// by amount costs no allocation per line.
func addProduct(t *exactsum.Running, a, b decimal.Decimal) {
	ca, okA := smallCoef(a)
	cb, okB := smallCoef(b)
	if hi, lo := bits.Mul64(uint64(ca), uint64(cb)); okA && okB && hi == 0 && lo < 1<<63 {
		t.AddCoef(int64(lo), a.Exponent()+b.Exponent())
		return
	}
	t.Add(a.Mul(b))
}

// smallCoef returns v's coefficient if it is non-negative and fits in 18
// digits.
func smallCoef(v decimal.Decimal) (int64, bool) {
	if v.Sign() < 0 || v.NumDigits() > 18 {
		return 0, false
	}
	return v.CoefficientInt64(), true
}
