package solvency

import (
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fractionalCard is an individual scorecard of base points and two
// factors, written-off invoices (none: first bin) and the oldest overdue
// invoice's age (none: first bin), worth a and b points.
func fractionalCard(t *testing.T, base, a, b float64) *Scorer {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Individual = ScorecardConfig{BasePoints: base, Factors: []Factor{
		{Feature: FeatureWrittenOff, Bins: bins([]float64{1}, a, 0)},
		{Feature: FeatureOldestOverdueDays, Bins: bins([]float64{1}, b, 0)},
	}}
	s, err := NewScorer(cfg)
	require.NoError(t, err)
	return s
}

// Grade minimums are inclusive, and points add up exactly: 619.4 + 0.3 +
// 0.3 is 620, grade B (620..640), though in float64 it is
// 619.9999999999999, which was grade C.
func TestFractionalPointsReachTheGradeExactly(t *testing.T) {
	s := fractionalCard(t, 619.4, 0.3, 0.3)
	a, err := s.Assess(Input{Kind: client.KindIndividual, Invoices: twoInvoices(d("100"), d("100"), 0)}, day("2025-06-30"))
	require.NoError(t, err)
	assert.Equal(t, 620.0, a.Result.Score)
	assert.Equal(t, GradeB, a.Result.Grade)
}

// Random bases and points of one or two decimals whose exact sum is a
// grade minimum (560, 600, 620, 640) always reach that grade, and the
// score is the minimum itself.
func TestFractionalPointsOnEveryMinimum(t *testing.T) {
	r := rand.New(rand.NewPCG(62, 0))
	mins := map[int64]Grade{560: GradeD, 600: GradeC, 620: GradeB, 640: GradeA}
	for range 300 {
		places := int32(1 + r.IntN(2))
		a, b := decimal.New(r.Int64N(2000), -places), decimal.New(r.Int64N(2000), -places)
		for min, grade := range mins {
			base := decimal.NewFromInt(min).Sub(a).Sub(b)
			s := fractionalCard(t, base.InexactFloat64(), a.InexactFloat64(), b.InexactFloat64())
			res, err := s.Assess(Input{Kind: client.KindIndividual, Invoices: twoInvoices(d("100"), d("100"), 0)}, day("2025-06-30"))
			require.NoError(t, err)
			require.Equal(t, float64(min), res.Result.Score, "%s + %s + %s", base, a, b)
			require.Equal(t, grade, res.Result.Grade, "%s + %s + %s", base, a, b)
		}
	}
}

// Points beyond the exact scale (17 significant digits) are added in
// float64, as before: the scale reports them.
func TestScaleOfPointsPastTwelvePlaces(t *testing.T) {
	assert.Equal(t, unitScale{places: 2, exact: true}, scaleOf([]float64{619.4, 0.25, 30, -12.5}))
	assert.False(t, scaleOf([]float64{0.1234567890123}).exact, "13 places")
	assert.False(t, scaleOf([]float64{1e6, 1e-12}).exact, "10^18 units")
	assert.Equal(t, int64(61940), unitScale{places: 2, exact: true}.units(619.4))
}
