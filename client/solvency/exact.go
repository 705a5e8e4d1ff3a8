package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/exactsum"
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
// exact value x, adjusted as described above; cmp(c) is the sign of
// x − c, computed exactly. cmp is called only near a decimal of
// snapDigits digits, which few values are.
func snap(f float64, cmp func(c decimal.Decimal) int) float64 {
	a := math.Abs(f)
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return f // zero is exact; the rest is out of range
	}
	s := snapDigits - 1 - int(math.Floor(math.Log10(a)))
	m := scale10(a, s)
	switch { // Log10 may be off by one next to a power of ten
	case m >= 1e12:
		s--
		m = scale10(a, s)
	case m < 1e11:
		s++
		m = scale10(a, s)
	}
	u := math.Round(m)
	if math.Abs(m-u) > snapTol {
		return f
	}
	c := decimal.New(int64(u), int32(-s))
	if f < 0 {
		c = c.Neg()
	}
	fc := c.InexactFloat64() // correctly rounded, as parsing the edge is
	switch sign := cmp(c); {
	case sign == 0:
		return fc
	case sign > 0 && f <= fc:
		return math.Nextafter(fc, math.Inf(1))
	case sign < 0 && f >= fc:
		return math.Nextafter(fc, math.Inf(-1))
	}
	return f
}

// scale10 is a × 10^s.
func scale10(a float64, s int) float64 {
	if s < 0 {
		return a / math.Pow10(-s)
	}
	return a * math.Pow10(s)
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

// measure is the snapped quotient.
func (q *fraction) measure() Measure { return measureOf(snap(q.float(), q.cmp)) }

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
