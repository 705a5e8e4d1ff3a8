package discount

import (
	"math/big"

	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// num is an exact decimal that prices a line without allocating while
// its values fit machine words, the way govalues/decimal's AddExact
// tries 64 bits before big integers.
//
// shopspring/decimal keeps each coefficient in a big.Int and allocates
// on every operation, so the few multiplications and roundings of a
// priced line would cost more than matching its rules. A num holds
// instead ±coef × 10^−dec with a 256-bit coefficient (dec ≥ 0), exactly
// as a decimal holds coefficient × 10^exp: multiplying multiplies
// coefficients and adds exponents, as decimal.Mul does; rounding divides
// by a power of ten and looks at the remainder, as decimal.Round and
// RoundBank do. When an operand is already a decimal or a result does
// not fit (a 256-bit overflow, a coefficient too long to convert), the
// operation is done by shopspring instead and its result stays a
// decimal. Nothing is approximated: a value is the same either way.
//
// Exponents may differ between the two forms (a num drops trailing
// zeros), but everything a quote shows is rounded to a fixed number of
// places or computed from values only, so quotes are equal to the last
// digit and exponent; a fuzz test and a property test price the same
// lines both ways and require it.
//
// Like math/big's, the operations set their receiver and return it, so
// a line's few values are updated in place rather than copied (a num is
// seven words): z.mul(x, y) sets z to x × y; z may be x or y.
//
// The zero num is 0.
type num struct {
	coef wide.U256
	dec  int32
	neg  bool // never set on 0
	big  bool // the value is d, not coef
	d    decimal.Decimal
}

// numOf converts d, on words when its coefficient fits 256 bits.
func numOf(d decimal.Decimal) num {
	var x num
	exp := d.Exponent()
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if c < 0 {
			x.neg, c = true, -c
		}
		for exp < 0 && c != 0 && c%10 == 0 { // fewer digits to carry
			c /= 10
			exp++
		}
		x.coef[0] = uint64(c)
	} else {
		c, ok := wide.U256FromBig(d.Coefficient())
		if !ok {
			return bigNum(d)
		}
		x.coef, x.neg = c, d.Sign() < 0
	}
	if exp > 0 && !x.coef.MulPow10(exp) {
		return bigNum(d)
	}
	x.dec = max(0, -exp)
	if x.coef.IsZero() {
		x.neg = false
	}
	return x
}

// num converts d for pricing; an engine compiled as the tests' decimal
// reference keeps every value a decimal.
func (e *Engine) num(d decimal.Decimal) num {
	if e.decimalOnly {
		return bigNum(d)
	}
	return numOf(d)
}

// bigNum holds d as a decimal, for a value that does not fit words (and
// for the tests that price everything through shopspring).
func bigNum(d decimal.Decimal) num { return num{big: true, d: d} }

// setBig sets z to d, held as a decimal.
func (z *num) setBig(d decimal.Decimal) *num {
	*z = num{big: true, d: d}
	return z
}

// decimal returns x as a decimal. A value on words allocates once, as
// decimal.New does.
func (x *num) decimal() decimal.Decimal {
	if x.big {
		return x.d
	}
	if c, ok := x.coef.Int64(); ok {
		if x.neg {
			c = -c
		}
		return decimal.New(c, -x.dec)
	}
	c := x.coef.Big()
	if x.neg {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, -x.dec)
}

// int64 returns x as c × 10^exp while it is on words and c fits an
// int64, for callers that add units (decimal.New(c, exp) is x).
func (x *num) int64() (c int64, exp int32, ok bool) {
	if x.big {
		return 0, 0, false
	}
	c, ok = x.coef.Int64()
	if x.neg {
		c = -c
	}
	return c, -x.dec, ok
}

func (x *num) isZero() bool {
	if x.big {
		return x.d.IsZero()
	}
	return x.coef.IsZero()
}

// mul sets z to x × y and returns z.
func (z *num) mul(x, y *num) *num {
	if c := x.coef; !x.big && !y.big && c.Mul(&y.coef) {
		z.coef, z.dec, z.neg, z.big = c, x.dec+y.dec, x.neg != y.neg && !c.IsZero(), false
		return z
	}
	return z.setBig(x.decimal().Mul(y.decimal()))
}

// sub sets z to x − y and returns z.
func (z *num) sub(x, y *num) *num {
	if a, b := x.coef, y.coef; !x.big && !y.big {
		if dec, ok := align(&a, x.dec, &b, y.dec); ok {
			neg := x.neg
			switch {
			case x.neg != y.neg: // the magnitudes add up
				ok = a.Add(&b)
			case a.Cmp(&b) < 0:
				b.Sub(&a)
				a, neg = b, !neg
			default:
				a.Sub(&b)
			}
			if ok {
				z.coef, z.dec, z.neg, z.big = a, dec, neg && !a.IsZero(), false
				return z
			}
		}
	}
	return z.setBig(x.decimal().Sub(y.decimal()))
}

// cmp returns −1, 0 or +1 as x is less than, equal to or above y.
func (x *num) cmp(y *num) int {
	if a, b := x.coef, y.coef; !x.big && !y.big {
		if _, ok := align(&a, x.dec, &b, y.dec); ok {
			switch {
			case x.neg != y.neg:
				if x.neg {
					return -1
				}
				return 1
			case x.neg:
				return b.Cmp(&a)
			}
			return a.Cmp(&b)
		}
	}
	return x.decimal().Cmp(y.decimal())
}

// align scales coefficients a and b of da and db decimals to the larger
// number of decimals, returned, and reports whether both still fit.
func align(a *wide.U256, da int32, b *wide.U256, db int32) (int32, bool) {
	switch {
	case da < db:
		return db, a.MulPow10(db - da)
	case db < da:
		return da, b.MulPow10(da - db)
	}
	return da, true
}

// round sets z to x rounded to places decimals in mode m, with exactly
// places decimals, as m.Round gives it, and returns z.
func (z *num) round(x *num, places int32, m RoundingMode) *num {
	w := wide.HalfUp
	if m == RoundHalfEven {
		w = wide.HalfEven
	}
	if z.roundWords(x, places, w) {
		return z
	}
	return z.setBig(m.Round(x.decimal(), places))
}

// ceil sets z to x rounded up to places decimals, as decimal.RoundCeil
// gives its value, and returns z.
func (z *num) ceil(x *num, places int32) *num {
	w := wide.Up
	if x.neg {
		w = wide.Down
	}
	if z.roundWords(x, places, w) {
		return z
	}
	return z.setBig(x.decimal().RoundCeil(places))
}

// roundWords sets z to x rounded on words to places decimals in mode m
// (of the magnitude) and reports whether it could; z is unchanged when
// not.
func (z *num) roundWords(x *num, places int32, m wide.Rounding) bool {
	c := x.coef
	switch {
	case x.big:
		return false
	case x.dec > places:
		c.RoundPow10(x.dec-places, m)
	case x.dec < places:
		if !c.MulPow10(places - x.dec) {
			return false
		}
	}
	z.coef, z.dec, z.neg, z.big = c, places, x.neg && !c.IsZero(), false
	return true
}

// quoRound sets z to x / y rounded to places decimals in mode m, from
// the exact quotient, as m.Round would round it, and returns z; y ≤ 1
// divides by nothing. It prices a simple-interest factor (B + r·d) / B
// without cutting the quotient first.
func (z *num) quoRound(x *num, y int64, places int32, m RoundingMode) *num {
	if y <= 1 {
		return z.round(x, places, m)
	}
	if z.quoRoundWords(x, uint64(y), places, m) {
		return z
	}
	dx := x.decimal()
	q, r := dx.QuoRem(decimal.NewFromInt(y), places)
	c := q.Coefficient()
	// |r| against half of y × 10^−places, the unit of q.
	if h := r.Abs().Shift(places + 1).Cmp(decimal.NewFromInt(5 * y)); h > 0 || h == 0 && (m == RoundHalfUp || c.Bit(0) == 1) {
		c.Add(c, big.NewInt(int64(dx.Sign())))
	}
	return z.setBig(decimal.NewFromBigInt(c, -places))
}

// quoRoundWords is quoRound on words; it reports whether it could, and
// leaves z unchanged when not.
func (z *num) quoRoundWords(x *num, y uint64, places int32, m RoundingMode) bool {
	if x.big {
		return false
	}
	c := x.coef
	k := x.dec - places // digits to drop after the division
	if k < 0 {
		if !c.MulPow10(-k) {
			return false
		}
		k = 0
	}
	r := c.DivWord(y) // x × 10^places = (c + r/y) / 10^k
	var up bool
	if k == 0 {
		up = 2*r > y || 2*r == y && (m == RoundHalfUp || c[0]&1 == 1)
	} else {
		sticky := r != 0 // something below the digits dropped
		for ; k > wide.MaxPow10; k -= wide.MaxPow10 {
			if c.DivWord(wide.Pow10[wide.MaxPow10]) != 0 {
				sticky = true
			}
		}
		last, half := c.DivWord(wide.Pow10[k]), 5*wide.Pow10[k-1]
		up = last > half || last == half && (m == RoundHalfUp || sticky || c[0]&1 == 1)
	}
	if up {
		c.Add(&wide.U256{1})
	}
	z.coef, z.dec, z.neg, z.big = c, places, x.neg && !c.IsZero(), false
	return true
}
