package rating

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// perfectInput scores 100 on every factor that defined marks defined
// (value, growth, loyalty, payment discipline) and leaves the others
// undefined: a profit share at the full mark of 10 %; revenue 1,000,000
// against 100 (far above the +50 % ceiling) or no previous revenue;
// ten years of tenure (of 5) and 30 repeat orders (of 12), or no start at
// all; a payment score of 100 or none.
func perfectInput(defined [numFactors]bool) Input {
	in := validInput()
	in.ProfitShare = decimal.NewFromInt(10)
	in.Revenue, in.PreviousRevenue = decimal.NewFromInt(1_000_000), decimal.NewFromInt(100)
	if !defined[1] {
		in.PreviousRevenue = decimal.Zero
	}
	in.Since = ratingAsOf.AddDays(-3653)
	in.History.Orders = 31
	if !defined[2] {
		in.Since = clientele.Date{}
		in.History.Orders, in.History.FirstOrder, in.History.LastOrder, in.History.Total = 0, clientele.Date{}, clientele.Date{}, decimal.Zero
	}
	in.PaymentDiscipline = ptr(100)
	if !defined[3] {
		in.PaymentDiscipline = nil
	}
	return in
}

// Issue 8: weights 50/30/10/10, growth undefined, the other factors at
// 100 rated 100.00000000000001. The 30 growth points are shared among
// the 70 defined: effective weights 50·100/70, 10·100/70, 10·100/70 =
// 71.43, 14.29, 14.29, summing to exactly 100, so the score, a weighted
// mean of three 100s, is exactly 100.
func TestRateRedistributionStaysWithinRange(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Weights = Weights{Value: decimal.NewFromInt(50), Growth: decimal.NewFromInt(30), Loyalty: decimal.NewFromInt(10), PaymentDiscipline: decimal.NewFromInt(10)}
	r, err := Rate(perfectInput([numFactors]bool{true, false, true, true}), ratingAsOf, cfg)
	require.NoError(t, err)
	assert.Equal(t, 100.0, r.Score)
	assert.Equal(t, 500.0/7, r.Factors[0].EffectiveWeight, "50·100/70, rounded once")
	assert.Equal(t, 100.0/7, r.Factors[2].EffectiveWeight, "10·100/70, rounded once")
	assert.Equal(t, 500.0/7, r.Factors[0].Contribution, "100 · 50/70")
}

// TestRateWeightedMeanOfEqualSubScoresIsThatScore: over random weightings
// in hundredths of a point (summing to 100) and random sets of defined
// factors, clients scoring 100 on every defined factor rate exactly 100.
// Float redistribution failed about one weighting in seven.
func TestRateWeightedMeanOfEqualSubScoresIsThatScore(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for range 3000 {
		// Three cuts of 0..10000 hundredths give four weights summing to 100.
		cuts := []int64{r.Int64N(10001), r.Int64N(10001), r.Int64N(10001)}
		a, b, c := min(cuts[0], cuts[1], cuts[2]), max(cuts[0], cuts[1], cuts[2]), cuts[0]+cuts[1]+cuts[2]
		c -= a + b
		w := [numFactors]int64{a, c - a, b - c, 10000 - b}
		cfg := DefaultConfig()
		cfg.Weights = Weights{Value: decimal.New(w[0], -2), Growth: decimal.New(w[1], -2), Loyalty: decimal.New(w[2], -2), PaymentDiscipline: decimal.New(w[3], -2)}
		require.NoError(t, cfg.Validate())
		var defined [numFactors]bool
		defined[0] = true // value is always defined
		for i := 1; i < numFactors; i++ {
			defined[i] = r.IntN(2) == 0
		}
		got, err := Rate(perfectInput(defined), ratingAsOf, cfg)
		require.NoError(t, err)
		if !got.Defined {
			continue // every defined factor weighs 0
		}
		require.Equal(t, 100.0, got.Score, "weights %v, defined %v", w, defined)
		for _, f := range got.Factors {
			require.True(t, f.EffectiveWeight >= 0 && f.EffectiveWeight <= 100, "weights %v: %v", w, f)
		}
	}
}

// Revenues of 401 digits (an exponent of 0 is within the bound; the
// coefficient is not bounded) made growth Inf − Inf = NaN and the score
// NaN. Both are scaled down alike: equal revenues are 0 % growth, 50 on
// -50..+50; ten times the previous one is +900 %, 100.
func TestRateGrowthOfHugeRevenues(t *testing.T) {
	huge := decimal.RequireFromString("1" + strings.Repeat("0", 400))
	for _, c := range []struct {
		rev  decimal.Decimal
		want float64
	}{{huge, 50}, {huge.Shift(1), 100}, {decimal.NewFromInt(5), 0}} {
		in := validInput()
		in.Revenue, in.PreviousRevenue = c.rev, huge
		r, err := Rate(in, ratingAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, c.want, r.Factors[1].SubScore, c.rev.Exponent())
		assert.True(t, r.Score >= 0 && r.Score <= 100, "score %v", r.Score)
	}
}
