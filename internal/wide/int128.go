package wide

import (
	"math/big"
	"math/bits"
)

// Int128 is a signed 128-bit integer in two's complement. It holds a sum
// of up to 2^64 int64 values without overflowing, so a running total over
// any realistic number of amounts stays in two machine words.
//
// The zero value is 0. Int128 is comparable.
type Int128 struct {
	hi int64
	lo uint64
}

// Int128FromInt64 returns v as an Int128.
func Int128FromInt64(v int64) Int128 { return Int128{hi: v >> 63, lo: uint64(v)} }

// Add returns a+b and false when the result does not fit in 128 bits.
func (a Int128) Add(b Int128) (Int128, bool) {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	r := Int128{hi: a.hi + b.hi + int64(carry), lo: lo}
	// Signed overflow: both operands have the same sign and the result
	// has the other one.
	if (a.hi^r.hi)&(b.hi^r.hi) < 0 {
		return r, false
	}
	return r, true
}

// Cmp returns -1, 0 or +1 as a is less than, equal to or greater than b.
func (a Int128) Cmp(b Int128) int {
	switch {
	case a.hi < b.hi:
		return -1
	case a.hi > b.hi:
		return 1
	case a.lo < b.lo:
		return -1
	case a.lo > b.lo:
		return 1
	}
	return 0
}

// Sign returns -1, 0 or +1.
func (a Int128) Sign() int {
	switch {
	case a.hi < 0:
		return -1
	case a.hi == 0 && a.lo == 0:
		return 0
	}
	return 1
}

// IsInt64 reports whether a fits in an int64.
func (a Int128) IsInt64() bool { return a.hi == int64(a.lo)>>63 }

// Int64 returns a and whether it fits in an int64.
func (a Int128) Int64() (int64, bool) { return int64(a.lo), a.IsInt64() }

// Float64 returns the nearest float64 (within one rounding of the high
// and low words: good for display, never for decisions).
func (a Int128) Float64() float64 {
	if a.IsInt64() {
		return float64(int64(a.lo))
	}
	return float64(a.hi)*0x1p64 + float64(a.lo)
}

// magnitude returns |a| as an unsigned 128-bit value (hi, lo) and whether
// a is negative. It is exact for the most negative value too.
func (a Int128) magnitude() (hi, lo uint64, neg bool) {
	hi, lo = uint64(a.hi), a.lo
	if a.hi >= 0 {
		return hi, lo, false
	}
	lo, borrow := bits.Sub64(0, lo, 0)
	hi, _ = bits.Sub64(0, hi, borrow)
	return hi, lo, true
}

// Big sets z to a and returns z.
func (a Int128) Big(z *big.Int) *big.Int {
	hi, lo, neg := a.magnitude()
	z.SetUint64(hi)
	z.Lsh(z, 64)
	z.Or(z, new(big.Int).SetUint64(lo))
	if neg {
		z.Neg(z)
	}
	return z
}

// Int128FromBig returns x as an Int128 and false when it does not fit.
func Int128FromBig(x *big.Int) (Int128, bool) {
	if x.BitLen() > 127 {
		return Int128{}, false
	}
	var words [2]uint64
	abs := new(big.Int).Abs(x)
	lo := new(big.Int).And(abs, new(big.Int).SetUint64(^uint64(0)))
	words[0] = lo.Uint64()
	words[1] = new(big.Int).Rsh(abs, 64).Uint64()
	r := Int128{hi: int64(words[1]), lo: words[0]}
	if x.Sign() < 0 {
		lo, borrow := bits.Sub64(0, r.lo, 0)
		hi, _ := bits.Sub64(0, uint64(r.hi), borrow)
		r = Int128{hi: int64(hi), lo: lo}
	}
	return r, true
}

// AddInt64 returns a+v, wrapping around on overflow: the inner loop of
// an exact sum of int64 values, one add with carry and no overflow
// check, since fewer than 2^63 of them added to 0 cannot overflow.
func (a Int128) AddInt64(v int64) Int128 {
	lo, carry := bits.Add64(a.lo, uint64(v), 0)
	return Int128{hi: a.hi + v>>63 + int64(carry), lo: lo}
}

// SumInt64s returns the exact sum of vs: the inner loop of every exact
// total, one 64-bit add with carry per value and no overflow check
// (fewer than 2^63 values cannot overflow 128 bits). The two halves are
// kept in locals, as the pre-refactor loop did, so the compiler can hold
// them in registers.
//
// It is never inlined: inlined into a caller (exactsum's benchmark, a
// segmentation), the compiler aligned the loop head by a NOP inside the
// loop body, one more instruction per value, the +27 % of ExactSum
// against 1e8a123, whose Amounts.Total held the loop in a function of its
// own. Out of line the loop is the old code, instruction for instruction.
//
//go:noinline
func SumInt64s(vs []int64) Int128 {
	var lo uint64
	var hi int64
	for _, v := range vs {
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(v), 0)
		hi += v>>63 + int64(carry)
	}
	return Int128{hi: hi, lo: lo}
}
