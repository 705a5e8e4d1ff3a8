package solvency

import (
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// sumOf adds the amounts with sum and, as the reference, with decimal.Add.
func sumOf(amounts ...decimal.Decimal) (got, want decimal.Decimal) {
	var s sum
	want = decimal.Zero
	for _, a := range amounts {
		s.add(a)
		want = want.Add(a)
	}
	return s.total(), want
}

func TestSumIsExact(t *testing.T) {
	big := decimal.New(math.MaxInt64, 0)
	for _, tt := range []struct {
		name    string
		amounts []decimal.Decimal
		want    string
	}{
		{"empty", nil, "0"},
		{"mixed exponents", []decimal.Decimal{d("0.1"), d("0.02"), d("3"), d("-0.005")}, "3.115"},
		{"back to zero, then a finer exponent", []decimal.Decimal{d("5"), d("-5"), d("0.001")}, "0.001"},
		// 9,223,372,036,854,775,807 twice overflows int64: the decimal fallback.
		{"past int64", []decimal.Decimal{big, big}, "18446744073709551614"},
		{"past int64 downwards", []decimal.Decimal{big.Neg(), big.Neg(), d("-2")}, "-18446744073709551616"},
		// Ten 18-digit amounts, each on the fast path, overflow int64 together.
		{"18 digits ten times", slices.Repeat([]decimal.Decimal{d("999999999999999999")}, 10), "9999999999999999990"},
		{"18 digits ten times downwards", slices.Repeat([]decimal.Decimal{d("-999999999999999999")}, 10), "-9999999999999999990"},
		// A 19-digit coefficient beyond int64 is never read as one.
		{"19 digits", []decimal.Decimal{d("9999999999999999999"), d("1")}, "10000000000000000000"},
		// Rescaling 10^18 units by 10 overflows.
		{"rescale overflow", []decimal.Decimal{d("1000000000000000000"), d("0.1")}, "1000000000000000000.1"},
		// Exponents too far apart for 10^k to fit.
		{"exponents apart", []decimal.Decimal{d("1e30"), d("1e-5")}, "1000000000000000000000000000000.00001"},
	} {
		got, want := sumOf(tt.amounts...)
		assert.Equal(t, tt.want, got.String(), tt.name)
		assert.True(t, got.Equal(want), "%s: %s vs decimal.Add %s", tt.name, got, want)
	}
}

// FuzzSum: the fast sum always equals decimal.Add, whatever the
// coefficients and exponents.
func FuzzSum(f *testing.F) {
	f.Add(int64(math.MaxInt64), int32(0), int64(math.MaxInt64), int32(0), int64(-7), int32(-3))
	f.Add(int64(1), int32(-2), int64(-1), int32(-2), int64(5), int32(18))
	f.Add(int64(123), int32(-30), int64(1), int32(30), int64(0), int32(-400))
	f.Fuzz(func(t *testing.T, a int64, ae int32, b int64, be int32, c int64, ce int32) {
		clamp := func(e int32) int32 { return max(-60, min(60, e)) } // money-sized exponents
		got, want := sumOf(decimal.New(a, clamp(ae)), decimal.New(b, clamp(be)), decimal.New(c, clamp(ce)))
		assert.True(t, got.Equal(want), "%s vs %s", got, want)
	})
}
