package solvency

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// snapReference is snap as first written: the decimal found with Log10
// and Pow10, built as a decimal.Decimal, its float by InexactFloat64, the
// comparison by decimal arithmetic. The fast snap must agree with it on
// every input; it only avoids the logarithm and the allocations.
func snapReference(f float64, q *fraction) float64 {
	a := math.Abs(f)
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return f
	}
	pow := func(a float64, s int) float64 {
		if s < 0 {
			return a / math.Pow10(-s)
		}
		return a * math.Pow10(s)
	}
	s := snapDigits - 1 - int(math.Floor(math.Log10(a)))
	m := pow(a, s)
	switch {
	case m >= 1e12:
		s--
		m = pow(a, s)
	case m < 1e11:
		s++
		m = pow(a, s)
	}
	u := math.Round(m)
	if math.Abs(m-u) > snapTol {
		return f
	}
	c := decimal.New(int64(u), int32(-s))
	if f < 0 {
		c = c.Neg()
	}
	fc := c.InexactFloat64()
	switch sign := q.cmp(c); {
	case sign == 0:
		return fc
	case sign > 0 && f <= fc:
		return math.Nextafter(fc, math.Inf(1))
	case sign < 0 && f >= fc:
		return math.Nextafter(fc, math.Inf(-1))
	}
	return f
}

// Quotients of random amounts, many of them exactly a short decimal
// (n = d × a short decimal), some negative, some scaled by 365/days, at
// magnitudes from 10^-25 to 10^25, and some too wide for 64 bits: the
// fast snap returns what the reference does, bit for bit.
func TestSnapAgreesWithTheDecimalReference(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 5))
	short := []string{"1.5", "0.8", "0.95", "2", "1.81", "2.99", "1", "0.1", "3", "0.3333", "7.25", "100", "0.000001", "123456789012"}
	exactOn := 0
	for i := range 200_000 {
		den := decimal.New(1+r.Int64N(1_000_000_000), -int32(r.IntN(6)))
		if r.IntN(20) == 0 {
			den = den.Mul(decimal.New(1+r.Int64N(1_000_000_000), 0)).Mul(decimal.New(1+r.Int64N(1_000_000_000), 0)) // past int64
		}
		var num decimal.Decimal
		switch r.IntN(3) {
		case 0:
			num = decimal.New(r.Int64N(2_000_000_000)-1_000_000_000, -int32(r.IntN(6)))
		default:
			num = den.Mul(decimal.RequireFromString(short[r.IntN(len(short))]))
			if r.IntN(4) == 0 {
				num = num.Neg()
			}
			if r.IntN(5) == 0 {
				num = num.Add(decimal.New(1, -12)) // just off the decimal
			}
		}
		shift := int32(r.IntN(51) - 25)
		num = num.Shift(shift)
		q := fraction{mul: 1, div: 1}
		q.n.Add(num)
		q.d.Add(den)
		if r.IntN(4) == 0 {
			q.mul, q.div = daysPerYear, int64(1+r.IntN(366))
		}
		f := q.float()
		want := snapReference(f, &q)
		got := snap(f, q.cmpDecimal)
		require.Equal(t, math.Float64bits(want), math.Float64bits(got), "case %d: %s × %d / (%s × %d): float %v, want %v, got %v", i, num, q.mul, den, q.div, f, want, got)
		if want != f {
			exactOn++
		}
	}
	require.Greater(t, exactOn, 1000, "the cases must often need the exact decision")
}

// cmpQuotient refuses what does not fit 256 bits, so that the caller
// falls back to decimals; a fit decides like decimal arithmetic.
func TestCmpQuotientFallsBackPastItsWidth(t *testing.T) {
	_, ok := cmpQuotient(1, 90, 1, 1, 1, false, 1, 0)
	require.False(t, ok)
	sign, ok := cmpQuotient(3, 0, 2, 1, 1, false, 15, 1) // 3/2 against 1.5
	require.True(t, ok)
	require.Zero(t, sign)
	sign, ok = cmpQuotient(-3, 0, 2, 1, 1, false, 15, 1) // −1.5 against 1.5
	require.True(t, ok)
	require.Equal(t, -1, sign)
	sign, ok = cmpQuotient(0, 0, 2, 1, 1, true, 15, 1) // 0 against −1.5
	require.True(t, ok)
	require.Equal(t, 1, sign)
	var wide exactsum.Running
	wide.Add(decimal.RequireFromString("123456789012345678901234567890"))
	q := fraction{n: wide, mul: 1, div: 1}
	q.d.AddCoef(1, 0)
	require.Equal(t, 1, q.cmpDecimal(false, 123456789012, -18), "1.23456789012e29 is below the 30-digit numerator")
}
