package exactsum

import (
	"math"
	"math/bits"

	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// Running is an exact running total of decimals, streamed one at a time.
// By definition its total is, in value and in exponent, what folding
// acc = acc.Add(d) from the zero decimal.Decimal{} gives: decimal.Add's
// exponent is the smaller of its operands', so the total's exponent is
// the smallest exponent added, and never above 0 (the zero decimal's).
// Callers that show the exponent (a price list in cents, a quote whose
// totals keep two decimals) get exactly what a loop of Adds would give.
//
// While the total fits, it is an int64 coefficient at that exponent, and
// Add costs no allocation. A term with more than 18 digits, a sum that
// overflows an int64, or a rescale that does (exponents far apart) moves
// the total to a decimal.Decimal for good: exact, and the fold by
// construction, since decimal.Add's result depends only on the values and
// exponents of its operands.
//
// The zero value is 0 (decimal.Decimal{}). A Running is a value: copies
// are independent.
type Running struct {
	coef int64
	exp  int32
	wide bool            // the total is dec
	dec  decimal.Decimal // the total, once it left the int64 form
}

// Add adds d. It does not allocate while the total stays in an int64 and
// d's coefficient has at most 18 digits; the zero decimal.Decimal{},
// whose coefficient is nil, is read as 0 at exponent 0.
func (r *Running) Add(d decimal.Decimal) {
	if !r.wide && d.NumDigits() <= 18 && r.addFast(d.CoefficientInt64(), d.Exponent()) {
		return
	}
	r.dec, r.wide = r.Decimal().Add(d), true
}

// AddCoef adds c × 10^exp, as Add(decimal.New(c, exp)) would, for a
// caller that already holds the amount as units (minor units of a
// currency, a product of two coefficients).
func (r *Running) AddCoef(c int64, exp int32) {
	if !r.wide && r.addFast(c, exp) {
		return
	}
	r.dec, r.wide = r.Decimal().Add(decimal.New(c, exp)), true
}

// AddRunning adds the total of t. It equals adding each of t's terms in
// value and exponent too: t's exponent is the smallest of its terms' and
// 0, and r's is already at most 0.
func (r *Running) AddRunning(t Running) {
	if !t.wide {
		r.AddCoef(t.coef, t.exp)
		return
	}
	r.Add(t.dec)
}

// addFast adds c × 10^e to the int64 total and reports whether the result
// fits; when it does not, r is unchanged.
func (r *Running) addFast(c int64, e int32) bool {
	a, exp := r.coef, r.exp
	var ok bool
	switch {
	case e < exp:
		if a, ok = scaleInt64(a, int64(exp)-int64(e)); !ok {
			return false
		}
		exp = e
	case e > exp:
		if c, ok = scaleInt64(c, int64(e)-int64(exp)); !ok {
			return false
		}
	}
	s := a + c
	if (a^s)&(c^s) < 0 { // both operands have the sign the sum lost
		return false
	}
	r.coef, r.exp = s, exp
	return true
}

// scaleInt64 returns v × 10^k (k > 0) and false when it does not fit an
// int64. Zero scales to zero however far apart the exponents are.
func scaleInt64(v int64, k int64) (int64, bool) {
	switch {
	case v == 0:
		return 0, true
	case k > wide.MaxPow10Int64:
		return 0, false
	}
	p := int64(wide.Pow10[k])
	if v > math.MaxInt64/p || v < math.MinInt64/p {
		return 0, false
	}
	return v * p, true
}

// Int64 returns the total as coef × 10^exp and true while it is held in
// an int64, for callers with their own integer fast path on top (a
// product and a division in 128 bits). Once the total has left the int64
// form ok is false, even if its value would fit again: use Decimal.
func (r *Running) Int64() (coef int64, exp int32, ok bool) {
	return r.coef, r.exp, !r.wide
}

// Decimal returns the total. It allocates once (the coefficient), except
// for the untouched zero value, which is decimal.Decimal{} itself.
func (r *Running) Decimal() decimal.Decimal {
	switch {
	case r.wide:
		return r.dec
	case r.coef == 0 && r.exp == 0:
		return decimal.Decimal{}
	}
	return decimal.New(r.coef, r.exp)
}

// Cmp returns -1, 0 or +1 as the total is less than, equal to or greater
// than d, as r.Decimal().Cmp(d) would. While the total is in an int64
// and d's coefficient has at most 18 digits it builds nothing: the side
// with the larger exponent is scaled in 128 bits, and a scale of 10^19 or
// more already outgrows any int64.
func (r *Running) Cmp(d decimal.Decimal) int {
	if r.wide || d.NumDigits() > 18 {
		return r.Decimal().Cmp(d)
	}
	a, b := r.coef, d.CoefficientInt64()
	sa, sb := sign64(a), sign64(b)
	switch {
	case sa != sb:
		if sa > sb {
			return 1
		}
		return -1
	case sa == 0:
		return 0
	}
	// Same sign, both non-zero: compare magnitudes, then apply the sign.
	var c int
	switch ea, eb := int64(r.exp), int64(d.Exponent()); {
	case ea > eb:
		c = cmpScaled(abs64(a), ea-eb, abs64(b))
	case ea < eb:
		c = -cmpScaled(abs64(b), eb-ea, abs64(a))
	default:
		c = cmpUint64(abs64(a), abs64(b))
	}
	return c * sa
}

// cmpScaled compares x × 10^k with y (k > 0, x > 0).
func cmpScaled(x uint64, k int64, y uint64) int {
	if k > wide.MaxPow10Int64 {
		return 1 // x × 10^19 ≥ 10^19 > 2^63 ≥ y
	}
	hi, lo := bits.Mul64(x, wide.Pow10[k])
	if hi != 0 {
		return 1
	}
	return cmpUint64(lo, y)
}

func cmpUint64(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func sign64(v int64) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

// abs64 returns |v| as a uint64, exact for math.MinInt64 too.
func abs64(v int64) uint64 {
	if v < 0 {
		return -uint64(v)
	}
	return uint64(v)
}
