package discount

import (
	"math"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecimalSlabLayout fails on a shopspring release whose Decimal no
// longer has the fields the slab assembles (the slab then turns itself
// off, correct but allocating again): go.mod pins v1.6.0.
func TestDecimalSlabLayout(t *testing.T) {
	require.True(t, slabLayoutHolds, "decimal.Decimal's fields changed: review decimalslab.go")
	assert.False(t, sameFields(reflect.TypeFor[struct{ a, b int64 }](), reflect.TypeFor[decimalFields]()))
}

// TestDecimalSlabEqualsNew requires every slab decimal to be decimal.New
// of the same value field for field (the big.Int's sign and words, the
// exponent), not only equal in value, across the chunk boundary; and the
// decimals made first to be unchanged after a chunk's worth more.
func TestDecimalSlabEqualsNew(t *testing.T) {
	values := []struct {
		c   int64
		exp int32
	}{
		{0, 0}, {0, -2}, {1, 0}, {-1, 0}, {12345, -2}, {-12345, -2}, {7, 3},
		{math.MaxInt64, -4}, {-math.MaxInt64, -4}, {math.MinInt64, 0},
	}
	var s decimalSlab
	var made []decimal.Decimal
	for round := range 3 * decimalChunkLen / len(values) { // past two chunk boundaries
		for _, v := range values {
			c := varied(v.c, round)
			got, want := s.decimal(c, v.exp), decimal.New(c, v.exp)
			require.True(t, reflect.DeepEqual(want, got), "%d × 10^%d: got %s (%#v)", c, v.exp, got, got)
			require.Equal(t, want.String(), got.String())
			made = append(made, got)
		}
	}
	i := 0
	for round := range 3 * decimalChunkLen / len(values) {
		for _, v := range values {
			c := varied(v.c, round)
			require.True(t, decimal.New(c, v.exp).Equal(made[i]), "decimal %d changed to %s", i, made[i])
			i++
		}
	}
}

// varied moves c away from zero by round, keeping its sign; zero and
// the int64 limits stay as they are.
func varied(c int64, round int) int64 {
	switch {
	case c == 0 || c == math.MinInt64 || c == math.MaxInt64 || c == -math.MaxInt64:
		return c
	case c < 0:
		return c - int64(round)
	}
	return c + int64(round)
}

// TestDecimalSlabArithmetic uses slab decimals as operands and checks
// shopspring's results by hand, and that the operands are unchanged:
// 12.34 × −3 = −37.02; −37.02 + 0.02 = −37.00; −37.00 rounded to 0
// places is −37.
func TestDecimalSlabArithmetic(t *testing.T) {
	var s decimalSlab
	a, b, c := s.decimal(1234, -2), s.decimal(-3, 0), s.decimal(2, -2)
	p := a.Mul(b)
	requireDec(t, "-37.02", p)
	requireDec(t, "-37.00", p.Add(c))
	requireDec(t, "-37", p.Add(c).Round(0))
	requireDec(t, "12.34", a)
	requireDec(t, "-3", b)
	requireDec(t, "0.02", c)
	assert.Equal(t, "-37.02", p.StringFixed(2))
	j, err := a.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `"12.34"`, string(j))
}

// TestQuoteAllocationsPerLine holds the benchmark's 100-line quote to
// the budget of at most 4 allocations per priced line (it makes
// about 3.2: the line's adjustments, warnings and hints, the volume
// pass; the slab makes its decimals).
func TestQuoteAllocationsPerLine(t *testing.T) {
	pl, r, reqs := benchFixture(1)
	e, err := Compile(pl, r)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(20, func() {
		if _, err := e.Quote(reqs[0]); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, allocs/float64(len(reqs[0].Lines)), 4.0, "allocations per line")
}
