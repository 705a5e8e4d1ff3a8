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
		// cmp agrees with decimal's comparison, against any of the terms.
		var s sum
		s.add(decimal.New(a, clamp(ae)))
		s.add(decimal.New(b, clamp(be)))
		other := decimal.New(c, clamp(ce))
		assert.Equal(t, s.total().Cmp(other), s.cmp(other))
	})
}

// mulDivRound equals total × mul / div by decimal.DivRound, digit for
// digit and exponent for exponent, on and off its 128-bit path.
func TestSumMulDivRound(t *testing.T) {
	for _, tt := range []struct {
		name      string
		amounts   []decimal.Decimal
		mul, div  int64
		want      string
		wantExact bool // the 128-bit path applies
	}{
		// 6,800 × 365 / (12 × 273) = 757.631257631…: 757.63125763.
		{"hand-worked history", []decimal.Decimal{d("1000"), d("2000"), d("500"), d("1500"), d("1000"), d("800")}, 365, 12 * 273, "757.63125763", true},
		// 1,000 × 365 / 360 = 1,013.888…9 rounds up.
		{"rounds up", []decimal.Decimal{d("1000")}, 365, 360, "1013.88888889", true},
		// 0.00000001 × 1 / 2 = 0.000000005: half, away from zero.
		{"exact half", []decimal.Decimal{d("0.00000001")}, 1, 2, "0.00000001", true},
		{"below half", []decimal.Decimal{d("0.00000001")}, 1, 3, "0", true},
		{"zero", nil, 365, 4380, "0", true},
		// Nine decimals: exp + places < 0, the decimal path.
		{"finer than places", []decimal.Decimal{d("0.000000001")}, 365, 12, "0.00000003", false},
		// A total past int64: the decimal path.
		{"past int64", []decimal.Decimal{d("9000000000000000000"), d("9000000000000000000")}, 365, 4380, "1500000000000000000", false},
		// 9×10^17 × 2^62 × 10^8 needs 151 bits: the decimal path.
		// 3×10^17 × 4,611,686,018,427,387,904 = 1,383,505,805,528,216,371,200,000,000,000,000,000.
		{"wide product", []decimal.Decimal{d("900000000000000000")}, 1 << 62, 3, "1383505805528216371200000000000000000", false},
	} {
		var s sum
		for _, a := range tt.amounts {
			s.add(a)
		}
		got := s.mulDivRound(tt.mul, tt.div, 8)
		want := s.total().Mul(decimal.NewFromInt(tt.mul)).DivRound(decimal.NewFromInt(tt.div), 8)
		assert.True(t, got.Equal(want), "%s: %s vs %s", tt.name, got, want)
		assert.Equal(t, want.String(), got.String(), tt.name)
		assert.Equal(t, want.Exponent(), got.Exponent(), tt.name)
		assert.Equal(t, tt.want, got.String(), tt.name)
		_, fast := s.mulDivRoundFast(tt.mul, tt.div, 8)
		assert.Equal(t, tt.wantExact, fast, tt.name)
	}
}

// 737,869,762,948,382,065 × 2^62 × 10^2 passes 2^128 only through the
// carry from the low word into the high one: the product is
// 184,467,440,737,095,516 · 2^64 + 2^62; the high word times 100 is
// 2^64 − 16 and the low word's carry 25. It must take the decimal path,
// not divide the wrapped high word (whose quotient would fit an int64 and
// pass unnoticed). 737,869,762,948,382,065 × 2^62 / 1000 =
// 3,402,823,669,209,384,636,293,953,040,951,541.76.
func TestSumMulDivRoundCarry(t *testing.T) {
	var s sum
	s.add(d("737869762948382065"))
	_, fast := s.mulDivRoundFast(1<<62, 1000, 2)
	assert.False(t, fast)
	assert.Equal(t, "3402823669209384636293953040951541.76", s.mulDivRound(1<<62, 1000, 2).String())
}

// FuzzSumMulDivRound: the 128-bit path always equals decimal.DivRound.
func FuzzSumMulDivRound(f *testing.F) {
	f.Add(int64(680000), int32(-2), int64(365), int64(3276), uint8(8))
	f.Add(int64(math.MaxInt64), int32(0), int64(math.MaxInt64), int64(1), uint8(0))
	f.Add(int64(5), int32(-9), int64(1), int64(2), uint8(9))
	f.Add(int64(737869762948382065), int32(0), int64(1)<<62, int64(1000), uint8(2)) // a carry into the high word
	f.Fuzz(func(t *testing.T, units int64, exp int32, mul, div int64, places uint8) {
		if mul <= 0 || div <= 0 {
			return
		}
		var s sum
		s.add(decimal.New(units, max(-30, min(30, exp))))
		p := int32(places % 20)
		got := s.mulDivRound(mul, div, p)
		want := s.total().Mul(decimal.NewFromInt(mul)).DivRound(decimal.NewFromInt(div), p)
		assert.True(t, got.Equal(want), "%s vs %s", got, want)
		assert.Equal(t, want.Exponent(), got.Exponent())
	})
}

func TestSumCmp(t *testing.T) {
	for _, tt := range []struct {
		amounts []decimal.Decimal
		d       string
		want    int
	}{
		{[]decimal.Decimal{d("50"), d("30"), d("120"), d("150")}, "350", 0},
		{[]decimal.Decimal{d("50"), d("30"), d("120"), d("150")}, "349.99", 1},
		{[]decimal.Decimal{d("0.1"), d("0.2")}, "0.3", 0},
		{[]decimal.Decimal{d("0.1"), d("0.2")}, "1e-30", 1},      // exponents too far apart: decimal
		{[]decimal.Decimal{d("1e30")}, "1000000000000000000", 1}, // the sum past int64
		{nil, "0", 0},
		{nil, "-0.01", 1},
		{[]decimal.Decimal{d("5")}, "99999999999999999999", -1}, // d past int64
	} {
		var s sum
		for _, a := range tt.amounts {
			s.add(a)
		}
		assert.Equal(t, tt.want, s.cmp(d(tt.d)), "%v vs %s", tt.amounts, tt.d)
		assert.Equal(t, s.total().Cmp(d(tt.d)), s.cmp(d(tt.d)))
	}
}
