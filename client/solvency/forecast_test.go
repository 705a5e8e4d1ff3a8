package solvency

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func periods(scores ...float64) []PeriodScore {
	out := make([]PeriodScore, len(scores))
	for i, s := range scores {
		out[i] = PeriodScore{PeriodEnd: day("2024-03-31").AddMonths(3 * i), Score: s}
	}
	return out
}

func TestForecastHandWorked(t *testing.T) {
	s := defaultScorer(t)
	// Scores 600, 610, 615, 630 at x = 0..3: x̄ = 1.5, ȳ = 613.75,
	// Σ(x−x̄)(y−ȳ) = (−1.5)(−13.75) + (−0.5)(−3.75) + 0.5·1.25 + 1.5·16.25
	// = 20.625 + 1.875 + 0.625 + 24.375 = 47.5, Σ(x−x̄)² = 5: slope 9.5,
	// intercept 613.75 − 9.5·1.5 = 599.5, next period 599.5 + 9.5·4 = 637.5:
	// improving (9.5 > 5), grade B (620..640), odds 50·2^(37.5/20).
	f, err := s.Forecast(periods(600, 610, 615, 630))
	require.NoError(t, err)
	assert.Equal(t, 4, f.Periods)
	assert.InDelta(t, 9.5, f.Slope.Value, 1e-9)
	assert.InDelta(t, 599.5, f.Intercept.Value, 1e-9)
	assert.InDelta(t, 637.5, f.Projected.Value, 1e-9)
	assert.Equal(t, TrendImproving, f.Trend)
	assert.Equal(t, GradeB, f.ProjectedGrade)
	assert.InDelta(t, 1/(1+50*math.Pow(2, 37.5/20)), f.ProjectedPD.Value, 1e-12)

	// 640, 630, 612: x̄ = 1, ȳ = 627.33, Σ(x−x̄)(y−ȳ) = −12.67 − 15.33 = −28,
	// Σ(x−x̄)² = 2: slope −14, next 627.33 + 14·1 − 14·3 = 599.33: grade D.
	f, err = s.Forecast(periods(640, 630, 612))
	require.NoError(t, err)
	assert.InDelta(t, -14, f.Slope.Value, 1e-9)
	assert.InDelta(t, 599.0+1.0/3, f.Projected.Value, 1e-9)
	assert.Equal(t, TrendDeteriorating, f.Trend)
	assert.Equal(t, GradeD, f.ProjectedGrade)

	// 620, 624, 618: slope ((−1)(−0.67) + 1·(−2.67)) / 2 = −1, within ±5.
	f, err = s.Forecast(periods(620, 624, 618))
	require.NoError(t, err)
	assert.InDelta(t, -1, f.Slope.Value, 1e-9)
	assert.Equal(t, TrendStable, f.Trend)
}

func TestForecastNeedsPeriods(t *testing.T) {
	f, err := defaultScorer(t).Forecast(periods(600, 640))
	require.NoError(t, err)
	assert.Equal(t, Trend(0), f.Trend)
	assert.False(t, f.Projected.Defined)
	assert.Equal(t, "history is unknown", f.Projected.Reason())
	assert.Equal(t, Grade(0), f.ProjectedGrade)
}

func TestForecastBadInput(t *testing.T) {
	h := periods(600, 610, 620)
	h[1].PeriodEnd = h[0].PeriodEnd
	h[2].Score = math.NaN()
	_, err := defaultScorer(t).Forecast(append(h, PeriodScore{Score: 1}))
	requireFields(t, err, "history[1].period_end", "history[2].score", "history[3].period_end")
}

func TestForecastNeedsEquallySpacedPeriods(t *testing.T) {
	s := defaultScorer(t)
	at := func(dates ...string) []PeriodScore {
		out := make([]PeriodScore, len(dates))
		for i, d := range dates {
			out[i] = PeriodScore{PeriodEnd: day(d), Score: 600 + float64(10*i)}
		}
		return out
	}
	// Quarter ends with the third quarter missing: gaps 91, 184, 90 days;
	// the usual gap is 91, and 184 is more than a fifth away from it.
	_, err := s.Forecast(at("2024-03-31", "2024-06-30", "2024-12-31", "2025-03-31"))
	list := requireFields(t, err, "history[2].period_end")
	assert.Equal(t, day("2024-12-31"), list.Fields[0].Value)
	assert.ErrorContains(t, err, "is 184 days after the previous period's end, the periods are 91 days apart")

	// Two gaps, 91 and 184 days: the usual one is the shorter, so the
	// period end after the long gap is the one named.
	_, err = s.Forecast(at("2024-03-31", "2024-06-30", "2024-12-31"))
	requireFields(t, err, "history[2].period_end")

	// Month ends (gaps 29, 31, 30, 31 days) and year ends (366, 365) pass.
	for _, h := range [][]PeriodScore{
		at("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"),
		at("2023-12-31", "2024-12-31", "2025-12-31"),
	} {
		f, err := s.Forecast(h)
		require.NoError(t, err)
		assert.InDelta(t, 10, f.Slope.Value, 1e-9)
	}
}

func TestForecastSpacingToleranceIsAFifth(t *testing.T) {
	// Gaps of 91, 91 and then g days: the usual gap is 91, and g may
	// differ from it by 91/5 = 18.2 days: 109 passes, 110 does not.
	s := defaultScorer(t)
	for g, ok := range map[int]bool{109: true, 110: false, 73: true, 72: false} {
		first := day("2024-01-01")
		h := []PeriodScore{{first, 600}, {first.AddDays(91), 610}, {first.AddDays(182), 620}, {first.AddDays(182 + g), 630}}
		_, err := s.Forecast(h)
		if ok {
			assert.NoError(t, err, "gap %d", g)
		} else {
			requireFields(t, err, "history[3].period_end")
		}
	}
}
