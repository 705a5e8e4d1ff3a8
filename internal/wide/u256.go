package wide

import (
	"math/big"
	"math/bits"
)

// U256 is an unsigned 256-bit integer, least significant word first. It
// carries the coefficient of a decimal through a few multiplications
// (a price times several factors) without overflowing.
type U256 [4]uint64

// MulWord sets x to x × y and reports whether the product fits; x is
// garbage when it does not.
func (x *U256) MulWord(y uint64) bool {
	var carry uint64
	for i := range x {
		hi, lo := bits.Mul64(x[i], y)
		lo, c := bits.Add64(lo, carry, 0)
		x[i], carry = lo, hi+c // hi ≤ 2^64−2: no overflow
	}
	return carry == 0
}

// Mul sets x to x × y and reports whether the product fits; x is
// garbage when it does not. A one-word operand costs one MulWord.
func (x *U256) Mul(y *U256) bool {
	switch {
	case y[1]|y[2]|y[3] == 0:
		return x.MulWord(y[0])
	case x[1]|x[2]|x[3] == 0:
		w := x[0]
		*x = *y
		return x.MulWord(w)
	}
	var z U256
	for j, w := range y {
		if w == 0 {
			continue
		}
		t := *x
		if !t.MulWord(w) {
			return false
		}
		for _, hi := range t[len(t)-j:] {
			if hi != 0 {
				return false // shifted out by j words
			}
		}
		var s U256
		copy(s[j:], t[:len(t)-j])
		if !z.Add(&s) {
			return false
		}
	}
	*x = z
	return true
}

// MulPow10 sets x to x × 10^n (n ≥ 0) and reports whether it fits.
func (x *U256) MulPow10(n int32) bool {
	if x.IsZero() {
		return true
	}
	for ; n > MaxPow10; n -= MaxPow10 {
		if !x.MulWord(Pow10[MaxPow10]) {
			return false
		}
	}
	return x.MulWord(Pow10[n])
}

// Add sets x to x + y and reports whether the sum fits.
func (x *U256) Add(y *U256) bool {
	var c uint64
	for i := range x {
		x[i], c = bits.Add64(x[i], y[i], c)
	}
	return c == 0
}

// Sub sets x to x − y and reports whether the difference is not
// negative (x is garbage when it is).
func (x *U256) Sub(y *U256) bool {
	var b uint64
	for i := range x {
		x[i], b = bits.Sub64(x[i], y[i], b)
	}
	return b == 0
}

// Cmp returns −1, 0 or +1 as x is less than, equal to or above y.
func (x *U256) Cmp(y *U256) int {
	for i := len(x) - 1; i >= 0; i-- {
		switch {
		case x[i] < y[i]:
			return -1
		case x[i] > y[i]:
			return 1
		}
	}
	return 0
}

// IsZero reports whether x is 0.
func (x *U256) IsZero() bool { return x[0]|x[1]|x[2]|x[3] == 0 }

// DivWord sets x to x / y and returns x mod y; y > 0.
func (x *U256) DivWord(y uint64) uint64 {
	top := len(x) - 1
	for top > 0 && x[top] == 0 {
		top--
	}
	var r uint64
	for i := top; i >= 0; i-- {
		x[i], r = bits.Div64(r, x[i], y)
	}
	return r
}

// Uint64 returns x and whether it fits in a word.
func (x *U256) Uint64() (uint64, bool) { return x[0], x[1]|x[2]|x[3] == 0 }

// Int64 returns x and whether it fits in an int64.
func (x *U256) Int64() (int64, bool) {
	v, ok := x.Uint64()
	return int64(v), ok && v < 1<<63
}

// Big returns x as a new big.Int.
func (x *U256) Big() *big.Int {
	c, w := new(big.Int), new(big.Int)
	for i := len(x) - 1; i >= 0; i-- {
		c.Lsh(c, 64).Or(c, w.SetUint64(x[i]))
	}
	return c
}

// U256FromBig returns |c| and whether it fits in 256 bits.
func U256FromBig(c *big.Int) (U256, bool) {
	var x U256
	if c.BitLen() > 256 {
		return x, false
	}
	for i, w := range c.Bits() { // little-endian words of bits.UintSize
		x[i*bits.UintSize/64] |= uint64(w) << (i * bits.UintSize % 64)
	}
	return x, true
}
