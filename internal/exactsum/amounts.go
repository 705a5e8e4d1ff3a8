package exactsum

import (
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/internal/wide"
)

// errRange is returned (inside a *rangeError) for an amount whose
// exponent lies outside ±validate.MaxExponent.
var errRange = errors.New("exactsum: amount out of range")

// rangeError names the first amount whose exponent is out of range.
// Callers validate their inputs with validate.InRange first, so the
// error is a backstop: it keeps the units of any list within 18 + 60
// digits however the list was built.
type rangeError struct {
	// Index is the amount's position in Append order.
	Index int
	Exp   int32
}

func (e *rangeError) Error() string {
	return fmt.Sprintf("exactsum: amount #%d has exponent %d, outside ±%d", e.Index, e.Exp, validate.MaxExponent)
}

// Unwrap makes errors.Is(err, errRange) true.
func (e *rangeError) Unwrap() error { return errRange }

// Amounts is a list of decimal amounts converted once to integers
// ("units") at one common exponent: amount i is unit(i) × 10^Exp. The
// common exponent is the smallest exponent of a non-zero amount, so every
// conversion is an exact multiplication.
//
// In the usual case every unit fits an int64 and the list is a plain
// []int64 ([Amounts.Ints]); sums, comparisons and sorting then cost no
// allocation. When some amount does not fit (a coefficient of 19 digits or
// more, or exponents far apart), the list is held as big integers instead
// ("wide"): slower, still exact. Every method works in both forms.
type Amounts struct {
	exp  int32
	ints []int64   // the units, unless wide
	wide []big.Int // the units when some did not fit an int64; then ints is nil
}

// Builder converts decimals into Amounts, one Append at a time. The zero
// value is ready to use.
type Builder struct {
	ints []int64
	wide []big.Int
	// exps holds each amount's own exponent, allocated only once two
	// non-zero amounts differ in exponent; until then every non-zero
	// amount has exponent uniform.
	exps    []int32
	uniform int32
	seen    bool // a non-zero amount was appended
	minExp  int32
	// bad is 1 + the index of the first amount out of range (0: none),
	// badExp its exponent.
	bad    int
	badExp int32
}

// Grow makes room for n more amounts.
func (b *Builder) Grow(n int) {
	if b.wide == nil && cap(b.ints)-len(b.ints) < n {
		ints := make([]int64, len(b.ints), len(b.ints)+n)
		copy(ints, b.ints)
		b.ints = ints
	}
}

// size reports how many amounts were appended.
func (b *Builder) size() int {
	if b.wide != nil {
		return len(b.wide)
	}
	return len(b.ints)
}

// Append adds d to the list. It does not allocate while d's coefficient
// has at most 18 digits and the list is not wide.
func (b *Builder) Append(d decimal.Decimal) {
	i := b.size()
	if b.bad == 0 && !validate.InRange(d) {
		b.bad, b.badExp = i+1, d.Exponent()
	}
	if d.Sign() == 0 {
		// A zero has no meaningful exponent (decimal.Decimal{} says 0,
		// "0.00" says -2); it must not widen the common exponent.
		b.appendUnit(d, 0, b.uniform)
		return
	}
	e := d.Exponent()
	switch {
	case !b.seen:
		b.seen, b.uniform, b.minExp = true, e, e
	case e < b.minExp:
		b.minExp = e
	}
	if e != b.uniform && b.exps == nil {
		b.exps = make([]int32, i, max(cap(b.ints), i+1))
		for j := range b.exps {
			b.exps[j] = b.uniform
		}
	}
	b.appendUnit(d, d.CoefficientInt64(), e)
}

func (b *Builder) appendUnit(d decimal.Decimal, c int64, e int32) {
	fits := b.wide == nil && d.NumDigits() <= 18
	if !fits && b.wide == nil {
		b.goWide()
	}
	if b.exps != nil {
		b.exps = append(b.exps, e)
	}
	if fits {
		b.ints = append(b.ints, c)
		return
	}
	b.wide = append(b.wide, big.Int{})
	b.wide[len(b.wide)-1].Set(d.Coefficient())
}

// goWide moves the int64 units into big integers, each at its own exponent
// (the rescaling to the common exponent happens in Amounts).
func (b *Builder) goWide() {
	b.wide = make([]big.Int, len(b.ints), len(b.ints)+1)
	for i, c := range b.ints {
		b.wide[i].SetInt64(c)
	}
	b.ints = nil
	if b.exps == nil {
		b.exps = make([]int32, len(b.wide))
		for j := range b.exps {
			b.exps[j] = b.uniform
		}
	}
}

// Amounts returns the list at its common exponent. The builder must not
// be used afterwards. The error is a *rangeError when some amount's
// exponent lies outside ±validate.MaxExponent.
func (b *Builder) Amounts() (Amounts, error) {
	if b.bad > 0 {
		return Amounts{}, &rangeError{Index: b.bad - 1, Exp: b.badExp}
	}
	if !b.seen {
		// Only zeros (or nothing): exponent 0, and every unit is 0.
		if b.wide != nil {
			return Amounts{ints: make([]int64, len(b.wide))}, nil
		}
		return Amounts{ints: b.ints}, nil
	}
	if b.wide == nil && b.exps == nil {
		return Amounts{exp: b.uniform, ints: b.ints}, nil
	}
	if b.wide == nil && b.scaleInts() {
		return Amounts{exp: b.minExp, ints: b.ints}, nil
	}
	if b.wide == nil {
		b.goWide()
	}
	var p big.Int
	ten := big.NewInt(10)
	for i := range b.wide {
		if k := b.exps[i] - b.minExp; k > 0 && b.wide[i].Sign() != 0 {
			b.wide[i].Mul(&b.wide[i], p.Exp(ten, big.NewInt(int64(k)), nil))
		}
	}
	return Amounts{exp: b.minExp, wide: b.wide}, nil
}

// scaleInts rescales the int64 units to the smallest exponent in place
// and reports whether all fit. On failure the units already rescaled have
// their exponent set to the common one, so goWide still sees each unit
// with its true exponent.
func (b *Builder) scaleInts() bool {
	for i, c := range b.ints {
		k := b.exps[i] - b.minExp
		if k == 0 || c == 0 {
			continue
		}
		if k > wide.MaxPow10Int64 {
			return false
		}
		p := int64(wide.Pow10[k])
		if c > math.MaxInt64/p || c < -math.MaxInt64/p {
			return false
		}
		b.ints[i] = c * p
		b.exps[i] = b.minExp
	}
	return true
}

// Len reports the number of amounts.
func (a *Amounts) Len() int {
	if a.wide != nil {
		return len(a.wide)
	}
	return len(a.ints)
}

// Exp returns the common exponent: amount i is unit(i) × 10^Exp.
func (a *Amounts) Exp() int32 { return a.exp }

// Ints returns the units as int64, or nil when the list is wide. Hot
// loops read this slice directly; they must not change it.
func (a *Amounts) Ints() []int64 { return a.ints }

// IsWide reports whether the units are held as big integers.
func (a *Amounts) IsWide() bool { return a.wide != nil }

// Sign returns the sign of amount i.
func (a *Amounts) Sign(i int) int {
	if a.wide != nil {
		return a.wide[i].Sign()
	}
	switch c := a.ints[i]; {
	case c < 0:
		return -1
	case c > 0:
		return 1
	}
	return 0
}

// Cmp compares amounts i and j exactly, without allocating.
func (a *Amounts) Cmp(i, j int) int {
	if a.wide != nil {
		return a.wide[i].Cmp(&a.wide[j])
	}
	switch x, y := a.ints[i], a.ints[j]; {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// Float64 returns unit i as a float64: the ratio of two units is the
// ratio of the amounts, for display.
func (a *Amounts) Float64(i int) float64 {
	if a.wide != nil {
		f, _ := new(big.Float).SetInt(&a.wide[i]).Float64()
		return f
	}
	return float64(a.ints[i])
}

// BigInt sets z to unit i and returns z.
func (a *Amounts) BigInt(i int, z *big.Int) *big.Int {
	if a.wide != nil {
		return z.Set(&a.wide[i])
	}
	return z.SetInt64(a.ints[i])
}

// FromInts returns the amounts units[i] × 10^exp without converting or
// copying anything: the columnar input of a bulk analysis is already in
// units. The caller keeps units unchanged while the Amounts are in use
// and checks exp against validate.MaxExponent.
func FromInts(units []int64, exp int32) Amounts { return Amounts{exp: exp, ints: units} }
