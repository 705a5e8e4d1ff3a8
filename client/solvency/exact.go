package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// A statistic is reported as a float64, but a bin edge, a zone cut-off
// or a trend band is a decimal a person wrote ("1.5", "0.95"), and a
// quotient of decimal amounts that equals it must fall on its inclusive
// side whatever the scale of the amounts: 4,500,000.30 / 3,000,000.20 is
// 1.5, not the 1.4999999999999998 a float division gives.
//
// So every statistic computed from exact inputs is snapped: its float is
// compared exactly with the nearest decimal of snapDigits significant
// digits whenever it lies within float error of one. Equal, it becomes
// that decimal's float (which is what the edge parses to); otherwise it
// is kept, or moved one ulp, to the exact value's side. A float compared
// with an edge of at most snapDigits significant digits then gives the
// exact answer, and the scorecard's lookup stays a float comparison.

// snapDigits is how many significant digits an edge may have to be
// compared exactly; snapTol is the distance, in units of the last of
// those digits, within which the float does not decide. A snapped
// float's relative error is at most a few ulps (below 10⁻¹⁵), which is
// 10⁻³ of such a unit at most: the tolerance leaves a margin of two.
const (
	snapDigits = 12
	snapTol    = 2e-3
)

// snap returns f, the float approximation (within a few ulps) of an
// exact value x, adjusted as described above; cmp(neg, u, s) is the sign
// of x − c for the decimal c = ±u × 10^−s (minus when neg), computed
// exactly. cmp is called only near a decimal of snapDigits digits, which
// few values are, and snap itself allocates nothing: the decimal is
// found from the float's binary exponent and a table of powers of ten.
func snap(f float64, cmp func(neg bool, u uint64, s int) int) float64 {
	a := math.Abs(f)
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return f // zero is exact; the rest is out of range
	}
	// a = frac × 2^e with frac in [0.5, 1), so log10(a) lies in
	// [(e−1)·log10(2), e·log10(2)): its floor is the estimate below or
	// one more. (k × 78913) >> 18 is floor(k × log10(2)) for |k| ≤ 1650,
	// past every float64 exponent.
	_, e := math.Frexp(a)
	s := snapDigits - 1 - ((e - 1) * 78913 >> 18)
	m := scale10(a, s)
	if m >= 1e12 { // the floor was one more
		s--
		m = scale10(a, s)
	}
	u := math.Round(m)
	if math.Abs(m-u) > snapTol {
		return f
	}
	if u >= 1e12 { // m rounded up to the next power of ten
		u, s = 1e11, s-1
	}
	neg := f < 0
	fc := decimalFloat(uint64(u), s)
	if neg {
		fc = -fc
	}
	switch sign := cmp(neg, uint64(u), s); {
	case sign == 0:
		return fc
	case sign > 0 && f <= fc:
		return math.Nextafter(fc, math.Inf(1))
	case sign < 0 && f >= fc:
		return math.Nextafter(fc, math.Inf(-1))
	}
	return f
}

// pow10f holds 10^0 ... 10^22, every power of ten a float64 holds
// exactly.
var pow10f = func() (p [23]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// scale10 is a × 10^s, within an ulp or two.
func scale10(a float64, s int) float64 {
	switch {
	case s >= 0 && s < len(pow10f):
		return a * pow10f[s]
	case s < 0 && -s < len(pow10f):
		return a / pow10f[-s]
	case s < 0:
		return a / math.Pow10(-s)
	}
	return a * math.Pow10(s)
}

// decimalFloat is u × 10^−s (u < 10^12) correctly rounded, as parsing
// the decimal gives: one operation on two exact floats while the power
// of ten is exact, else by way of a decimal.
func decimalFloat(u uint64, s int) float64 {
	switch {
	case s >= 0 && s < len(pow10f):
		return float64(u) / pow10f[s]
	case s < 0 && -s < len(pow10f):
		return float64(u) * pow10f[-s]
	}
	return decimal.New(int64(u), int32(-s)).InexactFloat64()
}

// decimalOf is ±u × 10^−s as a decimal.
func decimalOf(neg bool, u uint64, s int) decimal.Decimal {
	c := decimal.New(int64(u), int32(-s))
	if neg {
		return c.Neg()
	}
	return c
}

// fraction is an exact quotient of decimal sums, n × mul / (d × div),
// with d, mul and div positive: a ratio, a share, an average. Sums are
// exactsum.Running, which add without allocating while they fit an
// int64.
type fraction struct {
	n, d     exactsum.Running
	mul, div int64
}

// fractionOf is n / d.
func fractionOf(n, d decimal.Decimal) fraction {
	var f fraction
	f.n.Add(n)
	f.d.Add(d)
	f.mul, f.div = 1, 1
	return f
}

// float is the quotient in float64, within a few ulps.
func (q *fraction) float() float64 {
	v := runningFloat(&q.n) / runningFloat(&q.d)
	if q.mul != q.div {
		v = v * float64(q.mul) / float64(q.div)
	}
	return v
}

// cmp returns the sign of n × mul / (d × div) − c, exactly.
func (q *fraction) cmp(c decimal.Decimal) int {
	left := q.n.Decimal().Mul(decimal.NewFromInt(q.mul))
	return left.Cmp(c.Mul(q.d.Decimal()).Mul(decimal.NewFromInt(q.div)))
}

// cmpDecimal returns the sign of n × mul / (d × div) − c for c = ±u ×
// 10^−s, exactly: by cross-multiplying 256-bit integers while the sums
// are held in int64s and the products fit, without allocating; else with
// decimals.
func (q *fraction) cmpDecimal(neg bool, u uint64, s int) int {
	if cn, en, ok := q.n.Int64(); ok {
		if cd, ed, ok := q.d.Int64(); ok {
			if sign, ok := cmpQuotient(cn, int(en)-int(ed), uint64(cd), uint64(q.mul), uint64(q.div), neg, u, s); ok {
				return sign
			}
		}
	}
	return q.cmp(decimalOf(neg, u, s))
}

// cmpQuotient returns the sign of cn × mul × 10^k / (cd × div) − c for
// c = ±u × 10^−s (u > 0; cd, mul, div > 0), and whether the products fit
// 256 bits. Multiplied through by cd × div, it compares |cn| × mul ×
// 10^(k+s) with u × cd × div when the signs agree.
func cmpQuotient(cn int64, k int, cd, mul, div uint64, neg bool, u uint64, s int) (int, bool) {
	sc := 1
	if neg {
		sc = -1
	}
	sn := 0
	switch {
	case cn > 0:
		sn = 1
	case cn < 0:
		sn = -1
	}
	if sn != sc {
		if sn == 0 {
			return -sc, true
		}
		return sn, true
	}
	mag := uint64(cn)
	if cn < 0 {
		mag = -mag
	}
	left, right := wide.U256{mag}, wide.U256{u}
	p := k + s
	if p > 80 || p < -80 {
		return 0, false // far past 256 bits
	}
	ok := left.MulWord(mul) && right.MulWord(cd) && right.MulWord(div)
	if p >= 0 {
		ok = ok && left.MulPow10(int32(p))
	} else {
		ok = ok && right.MulPow10(int32(-p))
	}
	if !ok {
		return 0, false
	}
	return sn * left.Cmp(&right), true
}

// measure is the snapped quotient.
func (q *fraction) measure() Measure { return measureOf(snap(q.float(), q.cmpDecimal)) }

// runningFloat is the total in float64 within two roundings, without
// allocating while it is held in an int64.
func runningFloat(r *exactsum.Running) float64 {
	coef, exp, ok := r.Int64()
	if !ok {
		d := r.Decimal()
		return d.InexactFloat64()
	}
	return scale10(float64(coef), int(exp))
}
