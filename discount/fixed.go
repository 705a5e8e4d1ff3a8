package discount

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// The exact fast path. shopspring/decimal keeps each coefficient in a
// big.Int and allocates on every operation, so the few multiplications
// and roundings of a priced line cost more than matching its rules. A
// line whose numbers fit is priced instead on machine words: every
// value is an integer coefficient times a power of ten, exactly as a
// decimal is, but the coefficient is a 256-bit integer ([wide]) built
// with math/bits. Multiplying two such values multiplies coefficients
// and adds exponents, as decimal.Mul does; rounding divides by a power
// of ten and looks at the remainder, as decimal.Round and RoundBank do.
// Nothing is approximated, so the results are the decimal path's to the
// last digit; a value that would not fit (a 256-bit overflow, a
// coefficient of more than 18 digits, a negative price under additive
// rates past 100 %) sends the whole line to the decimal path instead.
// A fuzz test and a property test price the same lines both ways and
// require equal quotes.

// wide is an unsigned 256-bit integer, least significant word first.
type wide [4]uint64

// pow10Words are the powers of ten that fit in a word.
var pow10Words = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// maxPow10Word is the largest n with 10^n in a word.
const maxPow10Word = 19

// mulWord sets x to x × y and reports whether the product fits.
func (x *wide) mulWord(y uint64) bool {
	var carry uint64
	for i := range x {
		hi, lo := bits.Mul64(x[i], y)
		lo, c := bits.Add64(lo, carry, 0)
		x[i], carry = lo, hi+c // hi ≤ 2^64−2: no overflow
	}
	return carry == 0
}

// mulFactor sets x to x × f.coef and reports whether the product fits.
func (x *wide) mulFactor(f fixedFactor) bool {
	if f.hi == 0 {
		return x.mulWord(f.lo)
	}
	upper := *x
	if !upper.mulWord(f.hi) || upper[3] != 0 {
		return false
	}
	if !x.mulWord(f.lo) {
		return false
	}
	return x.add(&wide{0, upper[0], upper[1], upper[2]})
}

// mulPow10 sets x to x × 10^n (n ≥ 0) and reports whether it fits.
func (x *wide) mulPow10(n int32) bool {
	for ; n > maxPow10Word; n -= maxPow10Word {
		if !x.mulWord(pow10Words[maxPow10Word]) {
			return false
		}
	}
	return x.mulWord(pow10Words[n])
}

// add sets x to x + y and reports whether the sum fits.
func (x *wide) add(y *wide) bool {
	var c uint64
	for i := range x {
		x[i], c = bits.Add64(x[i], y[i], c)
	}
	return c == 0
}

// sub sets x to x − y and reports whether the difference is not
// negative (x is garbage when it is).
func (x *wide) sub(y *wide) bool {
	var b uint64
	for i := range x {
		x[i], b = bits.Sub64(x[i], y[i], b)
	}
	return b == 0
}

// cmp returns −1, 0 or +1 as x is less than, equal to or above y.
func (x *wide) cmp(y *wide) int {
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

// divWord sets x to x / y and returns x mod y; y > 0.
func (x *wide) divWord(y uint64) uint64 {
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

// int64 returns x and whether it fits in an int64.
func (x *wide) int64() (int64, bool) {
	return int64(x[0]), x[1] == 0 && x[2] == 0 && x[3] == 0 && x[0] < 1<<63
}

// roundPow10 returns x / 10^k rounded to an integer in mode m, the
// integer decimal.Round (half up) or RoundBank (half even) gives when it
// drops k digits; k ≥ 0.
func roundPow10(x wide, k int32, m RoundingMode) wide {
	if k == 0 {
		return x
	}
	r, top, zerosBelow := x.dropDigits(k)
	half := 5 * pow10Words[top-1]
	if r > half || r == half && (m != RoundHalfEven || !zerosBelow || x[0]&1 == 1) {
		x.add(&wide{1}) // x < 2^256 / 10: no carry out
	}
	return x
}

// ceilPow10 returns x / 10^k rounded up, as decimal.RoundCeil does; k ≥ 0.
func ceilPow10(x wide, k int32) wide {
	if k == 0 {
		return x
	}
	if r, _, zerosBelow := x.dropDigits(k); r != 0 || !zerosBelow {
		x.add(&wide{1})
	}
	return x
}

// dropDigits divides x by 10^k (k ≥ 1), lower digits first. It returns
// the remainder of the last division, the top digits dropped (r below
// 10^top), and whether every digit below those was zero: all a rounding
// needs to know.
func (x *wide) dropDigits(k int32) (r uint64, top int32, zerosBelow bool) {
	zerosBelow = true
	for ; k > maxPow10Word; k -= maxPow10Word {
		if x.divWord(pow10Words[maxPow10Word]) != 0 {
			zerosBelow = false
		}
	}
	return x.divWord(pow10Words[k]), k, zerosBelow
}

// ceilUnits returns d × f rounded up to places decimals, as a coefficient
// at 10^−places, and whether it fits in an int64; d ≥ 0.
func ceilUnits(d decimal.Decimal, f fixedFactor, places int32) (int64, bool) {
	df := newFixedFactor(d)
	if !df.ok {
		return 0, false
	}
	p := fixedPrice{coef: wide{df.lo, df.hi}, dec: df.dec}
	if !p.mul(f) {
		return 0, false
	}
	if p.dec < places {
		if !p.coef.mulPow10(places - p.dec) {
			return 0, false
		}
		p.dec = places
	}
	c := ceilPow10(p.coef, p.dec-places)
	return c.int64()
}

// fixedFactor is an exact decimal coef × 10^−dec with a coefficient of
// at most 128 bits (hi, lo) and no trailing zeros; ok is false for a
// value the fast path cannot carry (negative, or too long).
type fixedFactor struct {
	hi, lo uint64
	dec    int32
	ok     bool
}

// newFixedFactor converts d. It runs when rules are compiled or
// resolved (once per graduated blend), never per line.
func newFixedFactor(d decimal.Decimal) fixedFactor {
	if d.Sign() < 0 {
		return fixedFactor{}
	}
	if d.Sign() == 0 {
		return fixedFactor{ok: true}
	}
	exp := d.Exponent()
	var x wide
	if d.NumDigits() <= 18 {
		x[0] = uint64(d.CoefficientInt64())
	} else {
		c := d.Coefficient()
		if c.BitLen() > 128 {
			return fixedFactor{}
		}
		for i, w := range c.Bits() { // little-endian words of bits.UintSize
			x[i*bits.UintSize/64] |= uint64(w) << (i * bits.UintSize % 64)
		}
	}
	for exp < 0 && x.divisible10() {
		x.divWord(10)
		exp++
	}
	if exp > 0 && !x.mulPow10(exp) {
		return fixedFactor{}
	}
	if x[2] != 0 || x[3] != 0 {
		return fixedFactor{}
	}
	return fixedFactor{hi: x[1], lo: x[0], dec: max(0, -exp), ok: true}
}

// divisible10 reports whether x is a multiple of ten.
func (x wide) divisible10() bool { return x.divWord(10) == 0 }

// unitsAt returns d × 10^dec, if it is an integer below 2^63.
func unitsAt(d decimal.Decimal, dec int32) (uint64, bool) {
	f := newFixedFactor(d.Shift(dec))
	return f.lo, f.ok && f.dec == 0 && f.hi == 0 && f.lo < 1<<63
}

// fixedPrice is an exact non-negative price coef × 10^−dec.
type fixedPrice struct {
	coef wide
	dec  int32
}

// mul sets p to p × f and reports whether it fits.
func (p *fixedPrice) mul(f fixedFactor) bool {
	if !f.ok || !p.coef.mulFactor(f) {
		return false
	}
	p.dec += f.dec
	return true
}

// subProduct sets p to p − units × 10^−unitDec × f, the additive
// policy's step, and reports whether the result fits and is not
// negative.
func (p *fixedPrice) subProduct(units uint64, unitDec int32, f fixedFactor) bool {
	term := fixedPrice{coef: wide{units}, dec: unitDec}
	if !term.mul(f) || !p.align(&term) {
		return false
	}
	return p.coef.sub(&term.coef)
}

// align brings p and q to the same number of decimals, the larger one,
// and reports whether both still fit.
func (p *fixedPrice) align(q *fixedPrice) bool {
	switch {
	case p.dec < q.dec:
		if !p.coef.mulPow10(q.dec - p.dec) {
			return false
		}
		p.dec = q.dec
	case q.dec < p.dec:
		if !q.coef.mulPow10(p.dec - q.dec) {
			return false
		}
		q.dec = p.dec
	}
	return true
}

// lessThanUnits reports whether p < units × 10^−dec, and whether that
// could be decided (false on an overflow).
func (p *fixedPrice) lessThanUnits(units uint64, dec int32) (less, ok bool) {
	a, b := *p, fixedPrice{coef: wide{units}, dec: dec}
	if !a.align(&b) {
		return false, false
	}
	return a.coef.cmp(&b.coef) < 0, true
}

// times returns p × m × 10^−qd rounded to places decimals in mode, as a
// coefficient at 10^−places, and whether it fits in an int64.
func (p *fixedPrice) times(m uint64, qd, places int32, mode RoundingMode) (int64, bool) {
	x := p.coef
	if !x.mulWord(m) {
		return 0, false
	}
	return roundScaled(x, p.dec+qd, places, mode)
}

// roundScaled rounds x × 10^−dec to places decimals (places ≤ dec) and
// returns the coefficient at 10^−places, if it fits in an int64.
func roundScaled(x wide, dec, places int32, mode RoundingMode) (int64, bool) {
	if dec < places {
		return 0, false
	}
	r := roundPow10(x, dec-places, mode)
	return r.int64()
}

// decimal returns p as a decimal (allocating: for the rare steps that
// explain themselves in decimals, the cap and the floor).
func (p *fixedPrice) decimal() decimal.Decimal { return decimal.NewFromBigInt(p.coef.big(), -p.dec) }

// big returns x as a big.Int.
func (x *wide) big() *big.Int {
	c, w := new(big.Int), new(big.Int)
	for i := len(x) - 1; i >= 0; i-- {
		c.Lsh(c, 64).Or(c, w.SetUint64(x[i]))
	}
	return c
}

// fixedQuantity returns q as m × 10^−qd with m < 2^63, or false.
func fixedQuantity(q decimal.Decimal) (m uint64, qd int32, ok bool) {
	if q.Sign() <= 0 || q.NumDigits() > 18 {
		return 0, 0, false
	}
	c, exp := uint64(q.CoefficientInt64()), q.Exponent()
	if exp <= 0 {
		return c, -exp, true
	}
	x := wide{c}
	if !x.mulPow10(exp) {
		return 0, 0, false
	}
	v, fits := x.int64()
	return uint64(v), 0, fits
}
