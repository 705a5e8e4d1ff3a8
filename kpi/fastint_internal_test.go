package kpi

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameDigits asserts a and b have the same coefficient and exponent, so
// they print, compare and marshal alike.
func sameDigits(t *testing.T, a, b decimal.Decimal, msg string, args ...any) {
	t.Helper()
	require.Equal(t, a.Exponent(), b.Exponent(), append([]any{msg}, args...)...)
	require.Equal(t, a.Coefficient().String(), b.Coefficient().String(), append([]any{msg}, args...)...)
}

// judgeCounts agrees with judge, the decimal path, digit for digit: the
// status, measured value, attainment, score and verdict finding, over
// hand-picked edges (half-way roundings: 1/8 = 0.125 → 0.13, 2/3 →
// 66.67, exact ties with the target and the exceeding mark) and random
// counts against targets with 0 to 9 decimals.
func TestJudgeCountsEqualsDecimalPath(t *testing.T) {
	targets := []struct{ target, exceeds, cap string }{
		{"1", "2", "150"}, {"10", "20", "150"}, {"0.5", "1.5", "100"}, {"60", "80", "1000"},
		{"0.125", "0.3", "150.5"}, {"1.000000001", "3", "150"}, {"7", "7", "100"}, {"1E+2", "2E+2", "150"},
	}
	cases := [][2]int64{{1, 8}, {2, 3}, {0, 5}, {1, 1}, {2, 1}, {7, 1}, {100, 1}, {60, 100}, {80, 100},
		{1, 3}, {5, 3}, {999999, 7}, {1 << 40, 3}, {math.MaxInt64 / 3, 7}, {12, 0}}
	rng := rand.New(rand.NewPCG(11, 3))
	for range 2000 {
		cases = append(cases, [2]int64{rng.Int64N(1_000_000), 1 + rng.Int64N(400)})
	}
	for _, tg := range targets {
		cfg := DefaultConfig(ModelB2BServices)
		cfg.Benchmarks.Referrals.Target, cfg.Benchmarks.Referrals.Exceeds = decimal.RequireFromString(tg.target), decimal.RequireFromString(tg.exceeds)
		cfg.ScoreCap = decimal.RequireFromString(tg.cap)
		e, err := newEvaluator(cfg, Year(2026))
		require.NoError(t, err)
		for _, c := range cases {
			num, den := c[0], c[1]
			got := e.judgeCounts(CriterionReferrals, num, den, "%")
			gotF := e.found
			e.found = nil
			want := e.judge(CriterionReferrals, decimal.NewFromInt(num), decimal.NewFromInt(den), "%")
			wantF := e.found
			e.found = nil
			require.Equal(t, want.Status, got.Status, "%s: %d/%d", tg.target, num, den)
			sameDigits(t, want.Measured, got.Measured, "measured %d/%d", num, den)
			sameDigits(t, want.Attainment, got.Attainment, "attainment %d/%d", num, den)
			sameDigits(t, want.Score, got.Score, "score %d/%d", num, den)
			require.Equal(t, len(wantF), len(gotF))
			for i := range wantF {
				require.Equal(t, wantF[i].String(), gotF[i].String())
			}
		}
	}
}

// overallCounts agrees with the decimal mean: (90.91 + 142.86 + 136.36
// + 50 + 150 + 116.67 + 150) / 7 = 836.80 / 7 = 119.542857 → 119.54 with
// equal weights; with weights 1, 2, 0.5 the decimal path decides.
func TestOverallCountsEqualsDecimalPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	weights := [][7]string{{"1", "1", "1", "1", "1", "1", "1"}, {"1", "2", "0.5", "0", "3", "0.125", "1"}, {"0.000000001", "1", "1", "1", "1", "1", "2"}}
	for _, ws := range weights {
		cfg := DefaultConfig(ModelB2BServices)
		bs := &cfg.Benchmarks
		for i, b := range []*Benchmark{&bs.Events, &bs.Organisation, &bs.Referrals, &bs.Meetings, &bs.DecisionMaker, &bs.Plan, &bs.Funnel} {
			b.Weight = decimal.RequireFromString(ws[i])
		}
		e, err := newEvaluator(cfg, Year(2026))
		require.NoError(t, err)
		scores := [7]int64{9091, 14286, 13636, 5000, 15000, 11667, 15000}
		for round := range 300 {
			var rs [7]Result
			for i, c := range Criteria() {
				rs[i] = Result{Criterion: c, Status: StatusMeets, Score: decimal.New(scores[i], -2), Weight: cfg.Benchmarks.Of(c).Weight}
				e.scoreH[c], e.scoreOK[c] = scores[i], true
				if round > 0 && rng.IntN(5) == 0 {
					rs[i].Status = StatusNotMeasured
				}
			}
			got, ok := e.overallCounts(&rs)
			require.True(t, ok)
			for c := range e.scoreOK {
				e.scoreOK[c] = false
			}
			want := e.overall(&rs)
			require.Equal(t, want.Valid, got.Valid)
			if want.Valid {
				sameDigits(t, want.Decimal, got.Decimal, "weights %v scores %v", ws, scores)
			}
			if round == 0 && ws == weights[0] {
				assert.Equal(t, "119.54", got.Decimal.String())
			}
			for i := range scores {
				scores[i] = rng.Int64N(100_000)
			}
		}
	}
}

// percentOf writes what the decimal division writes, digit for digit:
// 1 of 8 = 12.5 → 12.50; 2 of 3 = 66.666… → 66.67 (half-up); 1 of 1 =
// 100.00; 0 of 5 = 0.00; and random counts, up to parts past int64 ×
// 100 (the decimal fallback).
func TestPercentOfEqualsDivRound(t *testing.T) {
	cases := [][2]int{{1, 8}, {2, 3}, {1, 1}, {0, 5}, {7, 2}, {1, 200}, {1, 400}, {math.MaxInt64 / 50, 3}}
	rng := rand.New(rand.NewPCG(11, 13))
	for range 2000 {
		cases = append(cases, [2]int{rng.IntN(100_000), 1 + rng.IntN(100_000)})
	}
	for _, c := range cases {
		want := count(c[0]).Mul(hundred).DivRound(count(c[1]), 2)
		sameDigits(t, want, percentOf(c[0], c[1]), "%d of %d", c[0], c[1])
	}
	sameDigits(t, decimal.RequireFromString("66.67"), percentOf(2, 3), "2 of 3")
}

// hundredthsOf reads a score with at most two decimals: 150 → 15000,
// 66.67 → 6667, 1.5 → 150; more decimals, a negative value or a
// coefficient past 18 digits are refused.
func TestHundredthsOf(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"150", 15000, true}, {"66.67", 6667, true}, {"1.5", 150, true}, {"0", 0, true}, {"1E+3", 100000, true},
		{"0.125", 0, false}, {"-1", 0, false}, {"1234567890123456789", 0, false}, {"1E+17", 0, false},
	} {
		h, ok := hundredthsOf(decimal.RequireFromString(c.in))
		assert.Equal(t, c.ok, ok, c.in)
		assert.Equal(t, c.want, h, c.in)
	}
}
