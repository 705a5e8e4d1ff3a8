package discount

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestGraduatedWordsMatchesDecimal requires the blend of graduated bands
// computed on words to be graduatedFraction's, digit for digit, over
// random valid tier tables, prior volumes and volumes.
func TestGraduatedWordsMatchesDecimal(t *testing.T) {
	e := &Engine{}
	rng := rand.New(rand.NewPCG(1, 2))
	words := 0
	for range 50000 {
		var tiers []Tier
		var m, r int64
		for range 1 + rng.IntN(4) {
			m += int64(rng.IntN(5000)) + 1
			r = min(r+int64(rng.IntN(300)), 1000)
			tiers = append(tiers, Tier{Min: decimal.New(m, -int32(rng.IntN(3))), Rate: decimal.New(r, -1)})
		}
		v := &cvolume{tiers: tiers}
		valid := true
		for i, tr := range tiers {
			if i > 0 && !tr.Min.GreaterThan(tiers[i-1].Min) {
				valid = false
			}
			v.mins = append(v.mins, e.num(tr.Min))
			v.pcts = append(v.pcts, e.num(tr.Rate))
		}
		if !valid {
			continue
		}
		x := decimal.New(int64(rng.IntN(100000))+1, -int32(rng.IntN(4)))
		prior := decimal.Zero
		if rng.IntN(2) == 0 {
			prior = decimal.New(int64(rng.IntN(10000)), -int32(rng.IntN(3)))
		}
		pn, xn := e.num(prior), e.num(x)
		c, zero, ok := graduatedWords(v, &pn, &xn)
		if !ok {
			continue
		}
		words++
		want := graduatedFraction(tiers, prior, x)
		if zero {
			require.True(t, want.IsZero(), "%v %s %s", tiers, prior, x)
			continue
		}
		require.Zero(t, c.Big().Cmp(want.Coefficient()), "%v %s %s: %s", tiers, prior, x, want)
		require.Equal(t, int32(-(rateDivPrecision + 4)), want.Exponent())
	}
	require.Greater(t, words, 10000)
}

// TestSlabSubMatchesDecimal requires quoteState.sub to give a.Sub(b) in
// value and exponent.
func TestSlabSubMatchesDecimal(t *testing.T) {
	st := quoteState{scr: &quoteScratch{}}
	rng := rand.New(rand.NewPCG(3, 4))
	coef := func() int64 {
		switch rng.IntN(4) {
		case 0:
			return rng.Int64N(1e18) - 5e17
		case 1:
			return 0
		}
		return rng.Int64N(20000) - 10000
	}
	for range 20000 {
		a := decimal.New(coef(), int32(rng.IntN(12))-8)
		b := decimal.New(coef(), int32(rng.IntN(12))-8)
		want, got := a.Sub(b), st.sub(a, b)
		require.True(t, want.Equal(got), "%s - %s: %s, got %s", a, b, want, got)
		require.Equal(t, want.Exponent(), got.Exponent(), "%s - %s", a, b)
	}
	require.True(t, decimal.Decimal{}.Sub(decimal.New(5, -1)).Equal(st.sub(decimal.Decimal{}, decimal.New(5, -1))))
}
