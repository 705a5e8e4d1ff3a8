package solvency

import (
	"cmp"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// sum adds money exactly. shopspring's Add allocates a big.Int per call;
// a history of invoices is summed in an int64 count of units of 10^exp
// instead, as long as every amount and the total fit, and falls back to
// decimal arithmetic the moment one does not. The zero sum is 0.
type sum struct {
	units int64
	exp   int32
	slow  decimal.Decimal
	big   bool
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func (s *sum) add(d decimal.Decimal) {
	if !s.big && s.addFast(d) {
		return
	}
	if !s.big {
		s.slow = decimal.New(s.units, s.exp)
		s.big = true
	}
	s.slow = s.slow.Add(d)
}

func (s *sum) addFast(d decimal.Decimal) bool {
	if d.NumDigits() > 18 {
		return false
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	units, exp := s.units, s.exp
	if s.units == 0 {
		exp = e
	}
	switch {
	case e < exp:
		var ok bool
		if units, ok = scaleUp(units, exp-e); !ok {
			return false
		}
		exp = e
	case e > exp:
		var ok bool
		if c, ok = scaleUp(c, e-exp); !ok {
			return false
		}
	}
	t := units + c
	if (c > 0 && t < units) || (c < 0 && t > units) {
		return false
	}
	s.units, s.exp = t, exp
	return true
}

// scaleUp multiplies v by 10^k, reporting false on overflow.
func scaleUp(v int64, k int32) (int64, bool) {
	if k < 0 || int(k) >= len(pow10) {
		return 0, v == 0 && k >= 0
	}
	p := pow10[k]
	if v > math.MaxInt64/p || v < math.MinInt64/p {
		return 0, false
	}
	return v * p, true
}

// total returns the sum; decimals are immutable, so a zero total shares
// decimal.Zero instead of allocating.
func (s *sum) total() decimal.Decimal {
	switch {
	case s.big:
		return s.slow
	case s.units == 0:
		return decimal.Zero
	}
	return decimal.New(s.units, s.exp)
}

// cmp compares the sum with d (-1, 0 or +1) without building the total
// when both fit int64 units at a common exponent.
func (s *sum) cmp(d decimal.Decimal) int {
	if !s.big && d.NumDigits() <= 18 {
		a, b := s.units, d.CoefficientInt64()
		ok := true
		switch e := d.Exponent(); {
		case e < s.exp:
			a, ok = scaleUp(a, s.exp-e)
		case e > s.exp:
			b, ok = scaleUp(b, e-s.exp)
		}
		if ok {
			return cmp.Compare(a, b)
		}
	}
	return s.total().Cmp(d)
}

// mulDivRound returns total × mul / div rounded half away from zero to
// places decimals: total().Mul(mul).DivRound(div, places), exactly. A
// sum on its fast path with a non-negative total is computed in 128 bits
// with one allocation (the result) instead of seven; anything else goes
// through decimal. mul and div are positive.
func (s *sum) mulDivRound(mul, div int64, places int32) decimal.Decimal {
	if q, ok := s.mulDivRoundFast(mul, div, places); ok {
		return decimal.New(q, -places)
	}
	return s.total().Mul(decimal.NewFromInt(mul)).DivRound(decimal.NewFromInt(div), places)
}

// mulDivRoundFast is mulDivRound on units: units × mul × 10^(exp+places)
// / div, rounded, when every step fits (the product in 128 bits, the
// quotient in an int64).
func (s *sum) mulDivRoundFast(mul, div int64, places int32) (int64, bool) {
	k := s.exp + places
	if s.big || s.units < 0 || mul <= 0 || div <= 0 || k < 0 || int(k) >= len(pow10) {
		return 0, false
	}
	// n = units × mul × 10^k as hi·2^64 + lo.
	hi, lo := bits.Mul64(uint64(s.units), uint64(mul))
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
