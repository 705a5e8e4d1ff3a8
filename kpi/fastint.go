package kpi

import (
	"math"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// The criteria measured from counts (every one but a revenue plan) are
// ratios of small integers against config decimals. judgeCounts decides
// and rounds them in int64 when every product fits, which spares a team
// of a thousand managers the big-integer arithmetic of decimal division;
// the results are equal digit for digit (same coefficient, same
// exponent) to judge's decimal path, which it falls back to otherwise.

// fixed is a config decimal as coef × 10^-scale in int64, when it fits.
type fixed struct {
	coef  int64
	scale int32 // 0..maxFixedScale
	ok    bool
}

const maxFixedScale = 9

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func fixedOf(d decimal.Decimal) fixed {
	c, exp := d.Coefficient(), d.Exponent()
	if !c.IsInt64() || c.Sign() < 0 || exp < -maxFixedScale || exp > 18 {
		return fixed{}
	}
	v := c.Int64()
	if exp > 0 {
		p, ok := mul(v, pow10[exp])
		return fixed{coef: p, ok: ok}
	}
	return fixed{coef: v, scale: -exp, ok: true}
}

// mul returns a×b for non-negative a and b, and whether it fits.
func mul(a, b int64) (int64, bool) {
	if a != 0 && b > math.MaxInt64/a {
		return 0, false
	}
	return a * b, true
}

// hundredths returns n/d in hundredths rounded half-up, as decimal's
// DivRound(d, 2) does for non-negative values: ⌊(200n + d) / 2d⌋.
func hundredths(n, d int64) (int64, bool) {
	if d <= 0 || n < 0 || d > math.MaxInt64/2 {
		return 0, false
	}
	n200, ok := mul(n, 200)
	if !ok || n200 > math.MaxInt64-d {
		return 0, false
	}
	return (n200 + d) / (2 * d), true
}

// hundredthsOf returns d in hundredths when d is non-negative, has at
// most two decimals and fits: a score judge computed in decimals joins
// the int64 overall.
func hundredthsOf(d decimal.Decimal) (int64, bool) {
	exp := d.Exponent()
	if exp < -2 || exp > 16 || d.Sign() < 0 || d.NumDigits() > 18 {
		return 0, false
	}
	return mul(d.CoefficientInt64(), pow10[exp+2])
}

// percentOf returns the count part as a percentage of the count whole
// (above zero), rounded half-up to two decimals as decimal's DivRound
// writes it (same coefficient, same exponent), in int64 when it fits.
func percentOf(part, whole int) decimal.Decimal {
	if n, ok := mul(int64(part), 100); ok {
		if h, ok := hundredths(n, int64(whole)); ok {
			return decimal.New(h, -2)
		}
	}
	return count(part).Mul(hundred).DivRound(count(whole), 2)
}

// atLeast reports whether num/den ≥ f: num × 10^scale ≥ coef × den.
func atLeast(num, den int64, f fixed) (bool, bool) {
	l, ok1 := mul(num, pow10[f.scale])
	r, ok2 := mul(f.coef, den)
	return l >= r, ok1 && ok2
}

// countBenchmark is a criterion's benchmark in int64, computed once per
// evaluator.
type countBenchmark struct{ target, exceeds, weight fixed }

// judgeCounts is judge for a ratio of counts num/den (num already in the
// benchmark's unit): the same Result and verdict finding, in int64 when
// it fits. It records the score in hundredths for overall.
func (e *evaluator) judgeCounts(c Criterion, num, den int64, unit string) Result {
	e.scoreOK[c] = false
	cb := &e.counts[c]
	if den == 0 || num < 0 || den < 0 || !cb.target.ok || !cb.exceeds.ok || cb.target.coef <= 0 {
		return e.judge(c, decimal.NewFromInt(num), decimal.NewFromInt(den), unit)
	}
	exceeds, ok1 := atLeast(num, den, cb.exceeds)
	meets, ok2 := atLeast(num, den, cb.target)
	measured, ok3 := hundredths(num, den)
	// Attainment in percent: 100 × num / (target × den).
	n, ok4 := mul(num, 100*pow10[cb.target.scale])
	d, ok5 := mul(cb.target.coef, den)
	var attainment int64
	ok6 := false
	if ok4 && ok5 {
		attainment, ok6 = hundredths(n, d)
	}
	if !(ok1 && ok2 && ok3 && ok6) {
		return e.judge(c, decimal.NewFromInt(num), decimal.NewFromInt(den), unit)
	}
	b := e.cfg.Benchmarks.Of(c)
	r := Result{Criterion: c, Unit: unit, Target: b.Target, Exceeds: b.Exceeds, Weight: b.Weight, Status: StatusBelow,
		Measured: decimal.New(measured, -2), Attainment: decimal.New(attainment, -2)}
	switch {
	case exceeds:
		r.Status = StatusExceeds
	case meets:
		r.Status = StatusMeets
	}
	// Score is decimal.Min(Attainment, ScoreCap): the cap only when it is
	// strictly below, Attainment on a tie (Min keeps its first argument).
	// With the cap in hundredths that is an int64 comparison.
	if e.scoreCap.ok && e.scoreCap.scale <= 2 {
		capH := e.scoreCap.coef * pow10[2-e.scoreCap.scale]
		r.Score = r.Attainment
		if capH < attainment {
			r.Score = e.cfg.ScoreCap
		}
		e.scoreH[c], e.scoreOK[c] = min(attainment, capH), true
	} else {
		r.Score = decimal.Min(r.Attainment, e.cfg.ScoreCap)
	}
	e.found = append(e.found, Finding{Kind: FindingVerdict, Status: r.Status, Word: unit,
		Amounts: [4]decimal.Decimal{r.Measured, b.Target, b.Exceeds, r.Attainment}})
	return r
}

// overallCounts is overall in int64 when every measured, weighted
// criterion went through judgeCounts and the weights fit: Σ(score ×
// weight) / Σ weight, rounded half-up to hundredths. ok is false
// otherwise.
func (e *evaluator) overallCounts(rs *[7]Result) (decimal.NullDecimal, bool) {
	var sum, weights int64
	for i := range rs {
		r := &rs[i]
		if r.Status == StatusNotMeasured || r.Weight.Sign() == 0 {
			continue
		}
		w := e.counts[r.Criterion].weight
		if !e.scoreOK[r.Criterion] || !w.ok {
			return decimal.NullDecimal{}, false
		}
		// Every weight to the finest scale among them, so they add up.
		wc, ok1 := mul(w.coef, pow10[maxFixedScale-w.scale])
		sw, ok2 := mul(e.scoreH[r.Criterion], wc)
		if !ok1 || !ok2 || sw > math.MaxInt64-sum || wc > math.MaxInt64-weights {
			return decimal.NullDecimal{}, false
		}
		sum, weights = sum+sw, weights+wc
	}
	if weights == 0 {
		return decimal.NullDecimal{}, true
	}
	// sum is in hundredths × weight units: the mean in hundredths is
	// sum / weights, rounded: hundredths(sum, 100 × weights).
	w100, ok := mul(weights, 100)
	if !ok {
		return decimal.NullDecimal{}, false
	}
	h, ok := hundredths(sum, w100)
	if !ok {
		return decimal.NullDecimal{}, false
	}
	return decimal.NewNullDecimal(decimal.New(h, -2)), true
}

// unitsOf returns a non-negative d as coef × 10^exp without allocating
// (Coefficient copies), when its coefficient has at most 18 digits.
func unitsOf(d decimal.Decimal) (coef int64, exp int32, ok bool) {
	if d.Sign() < 0 || d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// atScale returns coef × 10^exp in units of 10^-scale (exp + scale ≥ 0),
// when it fits an int64.
func atScale(coef int64, exp, scale int32) (int64, bool) {
	k := int64(exp) + int64(scale)
	switch {
	case coef == 0:
		return 0, true
	case k < 0 || k >= int64(len(pow10)):
		return 0, false
	}
	return mul(coef, pow10[k])
}

// revenueUnits returns a non-negative running revenue and a revenue plan
// in int64 units of the finer of their exponents (10^-scale, scale ≥ 0
// since the revenue's exponent never is above 0), when both fit.
func revenueUnits(revenue *exactsum.Running, target decimal.Decimal) (done, goal int64, scale int32, ok bool) {
	rc, re, ok1 := revenue.Int64()
	tc, te, ok2 := unitsOf(target)
	if !ok1 || !ok2 || rc < 0 {
		return 0, 0, 0, false
	}
	scale = max(-re, -te)
	done, ok1 = atScale(rc, re, scale)
	goal, ok2 = atScale(tc, te, scale)
	return done, goal, scale, ok1 && ok2
}

// roundHalfUp returns coef × 10^exp (coef ≥ 0) rounded half-up to places
// decimals at exponent -places, as decimal's Round writes it: Round
// truncates to places + 1 decimals, adds 5 and drops the last digit,
// which is ⌊v × 10^places + ½⌋ for v ≥ 0. ok is false when a power of
// ten or the result does not fit an int64.
func roundHalfUp(coef int64, exp, places int32) (decimal.Decimal, bool) {
	k := int64(exp) + int64(places)
	switch {
	case coef < 0 || k >= int64(len(pow10)) || -k >= int64(len(pow10)):
		return decimal.Decimal{}, false
	case k >= 0:
		v, ok := mul(coef, pow10[k])
		if !ok {
			return decimal.Decimal{}, false
		}
		return decimal.New(v, -places), true
	}
	d := pow10[-k]
	q, r := coef/d, coef%d
	if r >= d-r { // r ≥ d/2, without overflow
		q++
	}
	return decimal.New(q, -places), true
}
