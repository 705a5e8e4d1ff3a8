package solvency

import (
	"math"
	"testing"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// mulDivRound equals total × mul / div by decimal.DivRound, digit for
// digit and exponent for exponent, on and off its 128-bit path.
func TestMulDivRound(t *testing.T) {
	for _, tt := range []struct {
		name      string
		amounts   []decimal.Decimal
		mul, div  int64
		want      string
		wantExact bool // the machine-word path applies
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
		// 9×10^17 × 2^62 × 10^8 / 3 needs 120 bits: the decimal path.
		// 3×10^17 × 4,611,686,018,427,387,904 = 1,383,505,805,528,216,371,200,000,000,000,000,000.
		{"wide product", []decimal.Decimal{d("900000000000000000")}, 1 << 62, 3, "1383505805528216371200000000000000000", false},
	} {
		var s exactsum.Running
		for _, a := range tt.amounts {
			s.Add(a)
		}
		got := mulDivRound(&s, tt.mul, tt.div, 8)
		want := s.Decimal().Mul(decimal.NewFromInt(tt.mul)).DivRound(decimal.NewFromInt(tt.div), 8)
		assert.True(t, got.Equal(want), "%s: %s vs %s", tt.name, got, want)
		assert.Equal(t, want.String(), got.String(), tt.name)
		assert.Equal(t, want.Exponent(), got.Exponent(), tt.name)
		assert.Equal(t, tt.want, got.String(), tt.name)
		_, fast := mulDivRoundFast(&s, tt.mul, tt.div, 8)
		assert.Equal(t, tt.wantExact, fast, tt.name)
	}
}

// 737,869,762,948,382,065 × 2^62 × 10^2 passes 2^128 only through the
// carry from the low word into the high one: the product is
// 184,467,440,737,095,516 · 2^64 + 2^62; the high word times 100 is
// 2^64 − 16 and the low word's carry 25. Its quotient does not fit an
// int64, so it must take the decimal path, not a wrapped 128-bit
// quotient that would. 737,869,762,948,382,065 × 2^62 / 1000 =
// 3,402,823,669,209,384,636,293,953,040,951,541.76.
func TestMulDivRoundCarry(t *testing.T) {
	var s exactsum.Running
	s.Add(d("737869762948382065"))
	_, fast := mulDivRoundFast(&s, 1<<62, 1000, 2)
	assert.False(t, fast)
	assert.Equal(t, "3402823669209384636293953040951541.76", mulDivRound(&s, 1<<62, 1000, 2).String())
}

// FuzzMulDivRound: the machine-word path always equals decimal.DivRound.
// The total is fed as units (AddCoef), so every int64 coefficient, 19
// digits included, reaches it.
func FuzzMulDivRound(f *testing.F) {
	f.Add(int64(680000), int32(-2), int64(365), int64(3276), uint8(8))
	f.Add(int64(math.MaxInt64), int32(0), int64(math.MaxInt64), int64(1), uint8(0))
	f.Add(int64(5), int32(-9), int64(1), int64(2), uint8(9))
	f.Add(int64(737869762948382065), int32(0), int64(1)<<62, int64(1000), uint8(2)) // a carry into the high word
	f.Fuzz(func(t *testing.T, units int64, exp int32, mul, div int64, places uint8) {
		if mul <= 0 || div <= 0 {
			return
		}
		var s exactsum.Running
		s.AddCoef(units, max(-30, min(30, exp)))
		p := int32(places % 20)
		got := mulDivRound(&s, mul, div, p)
		want := s.Decimal().Mul(decimal.NewFromInt(mul)).DivRound(decimal.NewFromInt(div), p)
		assert.True(t, got.Equal(want), "%s vs %s", got, want)
		assert.Equal(t, want.Exponent(), got.Exponent())
	})
}
