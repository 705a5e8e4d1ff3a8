package discount

import (
	"math/big"
	"math/bits"
	"reflect"
	"unsafe"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// decimalSlab makes the decimals a quote hands out (every line's gross,
// net, net unit price and adjustment amounts) without a heap allocation
// each. decimal.New allocates a big.Int and its one-word array per
// value: about thirteen allocations a priced line, more than a third
// of a quote's time with the garbage collection they cause. The slab carves
// the big.Int and its word out of a chunk allocated once for
// [decimalChunkLen] values instead.
//
// A decimal is immutable (shopspring never writes to its big.Int, and
// hands out only copies of it), and each slot of a chunk is written
// once, when its decimal is made: quotes may keep their decimals for
// as long as they like, and a later quote on the same scratch carries
// on in the same chunk after them. A kept decimal keeps its chunk
// (about 10 KB) alive, as a kept sub-slice keeps its array.
//
// The zero decimalSlab is ready: it allocates its first chunk on first
// use.
type decimalSlab struct {
	chunk *decimalChunk
	used  int // slots of chunk already handed out
}

// decimalChunkLen is how many decimals one chunk holds: the benchmark's
// 100-line quote makes about 660, so it costs three chunk allocations
// where decimal.New cost about 1,300.
const decimalChunkLen = 256

type decimalChunk struct {
	ints  [decimalChunkLen]big.Int
	words [decimalChunkLen]big.Word
}

// decimalFields mirrors decimal.Decimal's fields, so that a decimal can
// be assembled around a big.Int of the slab: shopspring's constructors
// all copy the big.Int they are given, which is the allocation the slab
// exists to avoid.
type decimalFields struct {
	value *big.Int
	exp   int32
}

// slabLayoutHolds reports whether decimal.Decimal has exactly the fields
// of decimalFields, by name, type and offset. A shopspring release that
// changes them turns the slab off (every decimal is then made by
// decimal.New) rather than assembling a wrong value;
// TestDecimalSlabLayout fails loudly on that release.
var slabLayoutHolds = sameFields(reflect.TypeFor[decimal.Decimal](), reflect.TypeFor[decimalFields]())

func sameFields(a, b reflect.Type) bool {
	if a.Size() != b.Size() || a.NumField() != b.NumField() {
		return false
	}
	for i := range a.NumField() {
		fa, fb := a.Field(i), b.Field(i)
		if fa.Name != fb.Name || fa.Type != fb.Type || fa.Offset != fb.Offset {
			return false
		}
	}
	return true
}

// decimal returns c × 10^exp, equal to decimal.New(c, exp) field for
// field (reflect.DeepEqual holds between them).
func (s *decimalSlab) decimal(c int64, exp int32) decimal.Decimal {
	u := uint64(c)
	if c < 0 {
		u = -u
	}
	if !slabLayoutHolds || bits.UintSize == 32 && u>>32 != 0 { // two words on a 32-bit machine: rare enough to allocate
		return decimal.New(c, exp)
	}
	if s.chunk == nil || s.used == decimalChunkLen {
		s.chunk, s.used = new(decimalChunk), 0
	}
	k := s.used
	s.used++
	z := &s.chunk.ints[k]
	if u != 0 { // zero keeps a nil word array, as big.NewInt(0) does
		s.chunk.words[k] = big.Word(u)
		z.SetBits(s.chunk.words[k : k+1 : k+1])
		if c < 0 {
			z.Neg(z)
		}
	}
	f := decimalFields{value: z, exp: exp}
	return *(*decimal.Decimal)(unsafe.Pointer(&f))
}

// out returns x as a decimal for a quote's result: from the scratch's
// slab while x fits an int64, as x.decimal() otherwise.
func (st *quoteState) out(x *num) decimal.Decimal {
	if c, exp, ok := x.int64(); ok {
		return st.scr.slab.decimal(c, exp)
	}
	return x.decimal()
}

// total returns r's total as r.Decimal() does, from the scratch's slab
// while it is held in an int64: the untouched zero stays
// decimal.Decimal{}, as Running.Decimal gives it.
func (st *quoteState) total(r *exactsum.Running) decimal.Decimal {
	if c, exp, ok := r.Int64(); ok && (c != 0 || exp != 0) {
		return st.scr.slab.decimal(c, exp)
	}
	return r.Decimal()
}

// sub returns a.Sub(b), equal in value and exponent (decimal.Sub's is
// the smaller of its operands'), from the scratch's slab when both
// coefficients, scaled to that exponent, fit half an int64 and the
// difference is not zero (a zero from decimal.Sub may carry an empty
// word array rather than none).
func (st *quoteState) sub(a, b decimal.Decimal) decimal.Decimal {
	if a.NumDigits() <= 18 && b.NumDigits() <= 18 {
		ea, eb := a.Exponent(), b.Exponent()
		exp := min(ea, eb)
		x, okX := scaleUp(a.CoefficientInt64(), ea-exp)
		y, okY := scaleUp(b.CoefficientInt64(), eb-exp)
		if okX && okY && x != y {
			return st.scr.slab.decimal(x-y, exp)
		}
	}
	return a.Sub(b)
}

// scaleUp returns c × 10^k (k ≥ 0) and whether it lies within ±2^62,
// where the difference of two such values fits an int64.
func scaleUp(c int64, k int32) (int64, bool) {
	const limit = 1 << 62
	for ; k > 0; k-- {
		if c > limit/10 || c < -limit/10 {
			return 0, false
		}
		c *= 10
	}
	return c, c <= limit && c >= -limit
}
