package discount

import (
	"math/bits"

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
	frac    decimal.Decimal // 0.05 for 5 %
	factor  decimal.Decimal // 0.95: the price kept
	display decimal.Decimal // -5: the signed percentage explanations show
	// fracFx and factorFx are frac and factor for the exact fast path.
	fracFx, factorFx fixedFactor
}

func newRate(percent decimal.Decimal) rate { return fractionRate(fraction(percent), percent.Neg()) }

// fractionRate is the rate of fraction f, shown as display.
func fractionRate(f, display decimal.Decimal) rate {
	factor := one.Sub(f)
	return rate{frac: f, factor: factor, display: display, fracFx: newFixedFactor(f), factorFx: newFixedFactor(factor)}
}

// moneySum adds amounts already rounded to the currency's minor unit.
// While their coefficients fit, it adds them as int64 (no allocation);
// an amount that does not fit, or a sum that would overflow, goes to a
// decimal part instead, so the total is exact either way.
type moneySum struct {
	units int64
	rest  decimal.Decimal
	set   bool
}

func (s *moneySum) add(v decimal.Decimal, minor int32) {
	if v.Exponent() == -minor && v.NumDigits() <= 18 {
		s.addUnits(v.CoefficientInt64(), minor)
		return
	}
	s.set = true
	s.rest = s.rest.Add(v)
}

// addUnits adds c minor units.
func (s *moneySum) addUnits(c int64, minor int32) {
	s.set = true
	if sum := s.units + c; (c >= 0) == (sum >= s.units) {
		s.units = sum
		return
	}
	s.rest = s.rest.Add(decimal.New(c, -minor))
}

func (s *moneySum) total(minor int32) decimal.Decimal {
	t := decimal.New(s.units, -minor)
	if s.rest.IsZero() {
		return t
	}
	return t.Add(s.rest)
}

// exactTotal adds non-negative decimals to the value and exponent
// decimal.Add gives (the finest exponent of the terms, and at most 0,
// the zero value's), on an int64 coefficient while it fits, so a volume
// total costs no allocation per line; a term or a sum that does not fit
// moves the total to a decimal.
type exactTotal struct {
	coef int64
	exp  int32
	big  decimal.Decimal // the total, once wide
	wide bool
}

// exactOf returns a total of v alone, with v's exponent.
func exactOf(v decimal.Decimal) exactTotal {
	if c, ok := smallCoef(v); ok {
		return exactTotal{coef: c, exp: v.Exponent()}
	}
	return exactTotal{big: v, wide: true}
}

// exactProduct returns a total of a × b, as decimal.Mul gives it.
func exactProduct(a, b decimal.Decimal) exactTotal {
	ca, okA := smallCoef(a)
	cb, okB := smallCoef(b)
	if hi, lo := bits.Mul64(uint64(ca), uint64(cb)); okA && okB && hi == 0 && lo < 1<<63 {
		return exactTotal{coef: int64(lo), exp: a.Exponent() + b.Exponent()}
	}
	return exactTotal{big: a.Mul(b), wide: true}
}

func (t *exactTotal) add(u exactTotal) {
	if !t.wide && !u.wide && t.addCoef(u.coef, u.exp) {
		return
	}
	t.big, t.wide = t.decimal().Add(u.decimal()), true
}

// addCoef adds c × 10^exp and reports whether the sum still fits.
func (t *exactTotal) addCoef(c int64, exp int32) bool {
	a, b := t.coef, c
	switch {
	case exp < t.exp:
		a = scaleUp(a, t.exp-exp)
	case exp > t.exp:
		b = scaleUp(b, exp-t.exp)
	}
	if a < 0 || b < 0 || a > 1<<62 || b > 1<<62 {
		return false // negative (scaleUp's overflow) or a sum that may not fit
	}
	t.coef, t.exp = a+b, min(t.exp, exp)
	return true
}

func (t *exactTotal) decimal() decimal.Decimal {
	if t.wide {
		return t.big
	}
	return decimal.New(t.coef, t.exp)
}

// smallCoef returns v's coefficient if it is non-negative and fits in 18
// digits.
func smallCoef(v decimal.Decimal) (int64, bool) {
	if v.Sign() < 0 || v.NumDigits() > 18 {
		return 0, false
	}
	return v.CoefficientInt64(), true
}

// scaleUp returns x × 10^n for x ≥ 0, or −1 when it does not fit in an
// int64.
func scaleUp(x int64, n int32) int64 {
	if n > maxPow10Word {
		if x == 0 {
			return 0
		}
		return -1
	}
	hi, lo := bits.Mul64(uint64(x), pow10Words[n])
	if hi != 0 || lo >= 1<<63 {
		return -1
	}
	return int64(lo)
}
