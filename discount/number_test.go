package discount

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestExactTotalMatchesDecimal adds random quantities and amounts both
// ways, from a zero total (as a per-order pool starts) and from a first
// term (as an item or group total starts), through sums past int64, and
// requires decimal.Add's value and exponent.
func TestExactTotalMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 64))
	term := func() decimal.Decimal {
		digits := []int64{1, 9, 1_000, 999_999, 123_456_789_012_345, 999_999_999_999_999_999}
		return decimal.New(digits[rng.IntN(len(digits))]*int64(1+rng.IntN(9))/9, int32(rng.IntN(12)-8))
	}
	for range 5000 {
		var got exactTotal
		want := decimal.Decimal{}
		if rng.IntN(2) == 0 {
			v := term()
			got, want = exactOf(v), v
		}
		for range rng.IntN(6) {
			v := term()
			if rng.IntN(3) == 0 {
				w := term()
				got.add(exactProduct(v, w))
				want = want.Add(v.Mul(w))
			} else {
				got.add(exactOf(v))
				want = want.Add(v)
			}
		}
		g := got.decimal()
		require.True(t, g.Equal(want), "%s != %s", g, want)
		require.Equal(t, want.Exponent(), g.Exponent(), "%s: the exponent decimal.Add gives", want)
	}
}
