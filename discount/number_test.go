package discount

import (
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestAddProductMatchesDecimal adds random quantities and price ×
// quantity products both ways, as a volume total does, through products
// and sums past int64, and requires decimal.Add's value and exponent.
func TestAddProductMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 64))
	term := func() decimal.Decimal {
		digits := []int64{1, 9, 1_000, 999_999, 123_456_789_012_345, 999_999_999_999_999_999}
		return decimal.New(digits[rng.IntN(len(digits))]*int64(1+rng.IntN(9))/9, int32(rng.IntN(12)-8))
	}
	for range 5000 {
		var got exactsum.Running
		want := decimal.Decimal{}
		for range rng.IntN(7) {
			v := term()
			if rng.IntN(3) == 0 {
				w := term()
				addProduct(&got, v, w)
				want = want.Add(v.Mul(w))
			} else {
				got.Add(v)
				want = want.Add(v)
			}
		}
		g := got.Decimal()
		require.True(t, g.Equal(want), "%s != %s", g, want)
		require.Equal(t, want.Exponent(), g.Exponent(), "%s: the exponent decimal.Add gives", want)
	}
}
