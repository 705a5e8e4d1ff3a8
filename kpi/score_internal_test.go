package kpi

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The score is decimal.Min(attainment, cap), which keeps the attainment
// on a tie: with a target of 1, 3/2 attains 3 × 100 / (1 × 2) = 150.00,
// equal to a cap of 150, and the score is written 150.00 (exponent -2),
// not 150. Just over (301/200 = 150.50) the cap itself is the score; a
// cap of 150.5 ties with 150.50 again. judgeCounts picks the same
// decimal as judge in each case.
func TestJudgeCountsScoreTiesWithTheCap(t *testing.T) {
	cases := []struct {
		cap      string
		num, den int64
		want     string // the score's coefficient and exponent, as String of each
		exp      int32
	}{
		{"150", 3, 2, "15000", -2},       // 150.00 ties: the attainment
		{"150", 301, 200, "150", 0},      // 150.50 > 150: the cap
		{"150.5", 301, 200, "15050", -2}, // 150.50 ties with 150.5: the attainment
		{"150.5", 302, 200, "1505", -1},  // 151.00 > 150.5: the cap
		{"150", 299, 200, "14950", -2},   // 149.50 under: the attainment
	}
	for _, c := range cases {
		cfg := DefaultConfig(ModelB2BServices)
		cfg.Benchmarks.Referrals.Target, cfg.Benchmarks.Referrals.Exceeds = decimal.NewFromInt(1), decimal.NewFromInt(2)
		cfg.ScoreCap = decimal.RequireFromString(c.cap)
		e, err := newEvaluator(cfg, Year(2026))
		require.NoError(t, err)
		got := e.judgeCounts(CriterionReferrals, c.num, c.den, "%")
		want := e.judge(CriterionReferrals, decimal.NewFromInt(c.num), decimal.NewFromInt(c.den), "%")
		for _, d := range []decimal.Decimal{got.Score, want.Score} {
			require.Equal(t, c.want, d.Coefficient().String(), "cap %s, %d/%d", c.cap, c.num, c.den)
			require.Equal(t, c.exp, d.Exponent(), "cap %s, %d/%d", c.cap, c.num, c.den)
		}
	}
}
