package exactsum

import (
	"math/big"

	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// Acc is an exact running total of units of one [Amounts] list (or of
// lists with the same exponent). It lives in 128 bits and moves to a big
// integer only if it ever outgrows them, so a total over millions of
// amounts costs no allocation.
//
// The zero value is 0. An Acc is a value: copies are independent.
type Acc struct {
	v   wide.Int128
	big *big.Int // the value when it outgrew 128 bits or came from wide units; never mutated
}

// Add adds unit i of a.
func (s *Acc) Add(a *Amounts, i int) {
	if a.wide == nil {
		s.AddInt64(a.ints[i])
		return
	}
	s.big = new(big.Int).Add(s.bigValue(), a.BigInt(i, new(big.Int)))
}

// AddInt64 adds u units.
func (s *Acc) AddInt64(u int64) {
	if s.big == nil {
		if r, ok := s.v.Add(wide.Int128FromInt64(u)); ok {
			s.v = r
			return
		}
	}
	s.big = new(big.Int).Add(s.bigValue(), big.NewInt(u))
}

// AddAcc adds t.
func (s *Acc) AddAcc(t Acc) {
	if s.big == nil && t.big == nil {
		if r, ok := s.v.Add(t.v); ok {
			s.v = r
			return
		}
	}
	s.big = new(big.Int).Add(s.bigValue(), t.bigValue())
}

func (s Acc) bigValue() *big.Int {
	if s.big != nil {
		return s.big
	}
	return s.v.Big(new(big.Int))
}

// Cmp returns -1, 0 or +1 as s is less than, equal to or greater than t.
func (s Acc) Cmp(t Acc) int {
	if s.big == nil && t.big == nil {
		return s.v.Cmp(t.v)
	}
	return s.bigValue().Cmp(t.bigValue())
}

// Sign returns -1, 0 or +1.
func (s Acc) Sign() int {
	if s.big != nil {
		return s.big.Sign()
	}
	return s.v.Sign()
}

// Float64 returns the total in units as a float64, for display ratios.
func (s Acc) Float64() float64 {
	if s.big != nil {
		f, _ := new(big.Float).SetInt(s.big).Float64()
		return f
	}
	return s.v.Float64()
}

// Decimal returns the total as the exact decimal units × 10^exp. It
// allocates once (the decimal's coefficient).
func (s Acc) Decimal(exp int32) decimal.Decimal {
	if v, ok := s.v.Int64(); ok && s.big == nil {
		return decimal.New(v, exp)
	}
	return decimal.NewFromBigInt(s.bigValue(), exp)
}

// MulFloorCeil returns floor(s × f) and ceil(s × f) in the same units: the
// cut-off total for a fraction f (0.8 for 80 %), rounded both ways, so a
// caller compares whole-unit totals with the exact cut-off: x ≤ s×f
// exactly when x ≤ floor, and x < s×f exactly when x < ceil.
func (s Acc) MulFloorCeil(f decimal.Decimal) (floor, ceil Acc) {
	num := new(big.Int).Mul(s.bigValue(), f.Coefficient())
	e := f.Exponent()
	ten := big.NewInt(10)
	if e >= 0 {
		num.Mul(num, new(big.Int).Exp(ten, big.NewInt(int64(e)), nil))
		r := accFromBig(num)
		return r, r
	}
	den := new(big.Int).Exp(ten, big.NewInt(-int64(e)), nil)
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // Euclidean: m ≥ 0, so q is the floor
	floor = accFromBig(q)
	if m.Sign() != 0 {
		q = new(big.Int).Add(q, big.NewInt(1))
	}
	return floor, accFromBig(q)
}

func accFromBig(x *big.Int) Acc {
	if v, ok := wide.Int128FromBig(x); ok {
		return Acc{v: v}
	}
	return Acc{big: x}
}

// Int128 returns the total as an Int128 and true, or false when it has
// outgrown 128 bits: for a hot loop that adds in registers and converts
// back with [AccOf].
func (s Acc) Int128() (wide.Int128, bool) { return s.v, s.big == nil }

// AccOf returns v as an Acc.
func AccOf(v wide.Int128) Acc { return Acc{v: v} }
