package solvency

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The forecast's band is inclusive: a slope of exactly ±5 points per
// period is stable. Scores a, a + 5, a + 10, ... (or falling by 5) have
// a slope of exactly 5: with period numbers 0..n−1 the slope is
// 6·Σ(2i − n + 1)·yᵢ / (n·(n² − 1)), and for yᵢ = a + 5i the a terms
// cancel (Σ(2i − n + 1) = 0) and 6·5·Σ(2i − n + 1)·i = 5·n·(n² − 1).
// In float64, scores such as 600.1, 605.1, 610.1 gave slopes of
// 5.000000000000001 or 4.999999999999999, "improving" or "stable" by the
// offset.
func TestForecastBandEdgeIsExact(t *testing.T) {
	s := defaultScorer(t)
	r := rand.New(rand.NewPCG(5, 5))
	for range 2000 {
		n := 3 + r.IntN(6)
		a := decimal.New(r.Int64N(80_000), -int32(1+r.IntN(2))) // up to 800, one or two decimals
		step := decimal.NewFromInt(5)
		if r.IntN(2) == 0 {
			step = step.Neg()
		}
		scores := make([]float64, n)
		for i := range scores {
			scores[i] = a.Add(step.Mul(decimal.NewFromInt(int64(i)))).InexactFloat64()
		}
		f, err := s.Forecast(periods(scores...))
		require.NoError(t, err)
		require.Equal(t, TrendStable, f.Trend, "scores %v: slope %v", scores, f.Slope.Value)
		require.Equal(t, step.InexactFloat64(), f.Slope.Value, "scores %v", scores)
	}
	// Just past the band either way: 5.000001 and −5.000001 a period.
	f, err := s.Forecast(periods(600.1, 605.100001, 610.100002))
	require.NoError(t, err)
	assert.Equal(t, TrendImproving, f.Trend)
	f, err = s.Forecast(periods(610.1, 605.099999, 600.099998))
	require.NoError(t, err)
	assert.Equal(t, TrendDeteriorating, f.Trend)
}
