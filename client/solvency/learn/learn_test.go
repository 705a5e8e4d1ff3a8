package learn

import (
	"math"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLearnGeneratedHistory(t *testing.T) {
	h := generate(20000, 7)
	cfg := DefaultConfig()
	res, err := Learn(h, cfg)
	require.NoError(t, err)

	// Everything is deterministic: the same history and config learn the
	// same scorecard.
	again, err := Learn(h, cfg)
	require.NoError(t, err)
	assert.Equal(t, res, again)

	require.Len(t, res.Features, 3)
	share, late, noise := res.Features[0], res.Features[1], res.Features[2]
	assert.Equal(t, TrendDescending, share.Trend, "the bad rate falls as the on-time share rises")
	assert.Equal(t, TrendAscending, late.Trend, "and rises with the days late")
	assert.Greater(t, share.IV, 0.3)
	assert.Greater(t, late.IV, 0.1)
	assert.Less(t, noise.IV, 0.01, "written_off carries no signal in the generator")
	for _, f := range res.Features {
		assert.LessOrEqual(t, len(f.Bins), cfg.MaxBins)
		for k, b := range f.Bins {
			assert.Positive(t, b.Goods, "%v bin %d", f.Feature, k)
			assert.Positive(t, b.Bads, "%v bin %d", f.Feature, k)
			assert.GreaterOrEqual(t, float64(b.Goods+b.Bads), cfg.MinBinShare*float64(res.Train.Rows), "%v bin %d", f.Feature, k)
			if k > 0 { // the trend holds
				prev := f.Bins[k-1].BadRate
				if f.Trend == TrendAscending {
					assert.GreaterOrEqual(t, b.BadRate, prev)
				} else {
					assert.LessOrEqual(t, b.BadRate, prev)
				}
			}
			assert.Equal(t, b.Points, math.Round(b.Points), "whole points")
		}
	}
	assert.InDelta(t, 1, share.Coefficient, 0.2, "the signal features keep a coefficient near 1")
	assert.InDelta(t, 1, late.Coefficient, 0.2)
	assert.Greater(t, res.Test.AUC, 0.7)
	assert.InDelta(t, res.Train.AUC, res.Test.AUC, 0.03, "no overfitting on a 3-feature card")
	assert.InDelta(t, 2*res.Test.AUC-1, res.Test.Gini, 1e-15)
	assert.Equal(t, len(h.Bad), res.Train.Rows+res.Test.Rows)
	assert.InDelta(t, 0.3, float64(res.Test.Rows)/float64(len(h.Bad)), 0.02, "the seeded split holds out about test_share")

	// The scorer accepts the learned card and scores as the learner did.
	sc := solvency.DefaultConfig()
	sc.Scaling, sc.Individual = res.Scaling, res.Scorecard
	sc.Business.Factors = append(sc.Business.Factors[:0:0], res.Scorecard.Factors...)
	sc.Business.BasePoints = res.Scorecard.BasePoints
	scorer, err := solvency.NewScorer(sc)
	require.NoError(t, err)
	card := scorer.Scorecard(client.KindIndividual)
	for r := range 200 {
		var f solvency.Features
		want := res.Scorecard.BasePoints
		for j, col := range h.Columns {
			fc := res.Scorecard.Factors[j]
			if !col.known(r) {
				want += fc.MissingPoints
				continue
			}
			require.NoError(t, f.Set(col.Feature, solvency.Measure{Value: col.Values[r], Defined: true}))
			want += fc.Bins[binOf(binsOf(fc), col.Values[r])].Points
		}
		got := card.Score(&f)
		assert.InDelta(t, want, got.Score, 1e-9, "row %d", r)
	}
}

// binsOf rebuilds the lower edges of a factor's bins.
func binsOf(fc solvency.Factor) []bin {
	out := make([]bin, len(fc.Bins))
	for k, b := range fc.Bins {
		if b.From != nil {
			out[k].lo = *b.From
		}
	}
	return out
}

// The PDO scaling: points are Factor·β·WoE, the base Offset + Factor·β₀.
// With R scorecard's scaling (600 at 1/19 bad:good, PDO 50), Factor =
// 72.134752 and Offset = 387.603624.
func TestLearnScalesPoints(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Scaling = solvency.RScorecardScaling()
	cfg.PointsDecimals = 2
	res, err := Learn(generate(5000, 3), cfg)
	require.NoError(t, err)
	assert.InDelta(t, 387.603624+72.134752*res.Intercept, res.Scorecard.BasePoints, 0.005)
	for j, f := range res.Features {
		for _, b := range f.Bins {
			assert.InDelta(t, 72.134752*f.Coefficient*b.WoE, b.Points, 0.005)
		}
		assert.Equal(t, res.Scorecard.Factors[j].MissingPoints, f.Missing.Points)
	}
}

func TestLearnCallerSplitAndTrend(t *testing.T) {
	h := generate(4000, 11)
	h.Test = make([]bool, len(h.Bad))
	for r := range h.Test {
		h.Test[r] = r >= 3000 // a time split: the newest quarter is held out
	}
	cfg := DefaultConfig()
	cfg.Trends = map[solvency.Feature]Trend{solvency.FeatureWrittenOff: TrendDescending}
	res, err := Learn(h, cfg)
	require.NoError(t, err)
	assert.Equal(t, 1000, res.Test.Rows)
	assert.Equal(t, TrendDescending, res.Features[2].Trend)
}

func TestLearnRefusesBadInput(t *testing.T) {
	_, err := Learn(History{}, Config{})
	requireFields(t, err, ErrInvalid, "config.fine_bins", "config.max_bins", "config.test_share", "config.scaling.anchor_odds",
		"config.scaling.pdo", "config.max_iterations", "config.tolerance", "bad", "columns")

	h := generate(100, 1)
	h.Columns[0].Values[5] = math.NaN()
	h.Columns[1].Values = h.Columns[1].Values[:10]
	h.Columns[2].Feature = solvency.FeaturePaymentTrend
	h.Test = []bool{true}
	_, err = Learn(h, DefaultConfig())
	requireFields(t, err, ErrInvalid, "test", "columns[0].values[5]", "columns[1].values", "columns[2].feature")

	// Only goods in the training part.
	h = generate(100, 1)
	for r := range h.Bad {
		h.Bad[r] = false
	}
	_, err = Learn(h, DefaultConfig())
	requireFields(t, err, ErrInvalid, "bad", "bad")
}

func TestLearnRefusesUnlearnable(t *testing.T) {
	h := generate(2000, 5)
	for r := range h.Columns[2].Values {
		h.Columns[2].Values[r] = 1 // one value
	}
	cfg := DefaultConfig()
	cfg.Trends = map[solvency.Feature]Trend{solvency.FeatureOnTimeShare: TrendAscending} // against the data
	_, err := Learn(h, cfg)
	list := requireFields(t, err, ErrNoFit, "columns[0].values", "columns[2].values")
	assert.Contains(t, list.Fields[0].Reason, "merge into one")
	assert.Contains(t, list.Fields[1].Reason, "fewer than two distinct")

	// The same feature twice under two names: the WoE columns coincide.
	h = generate(2000, 5)
	h.Columns[2] = Column{Feature: solvency.FeatureOnTimeShareByAmount, Values: h.Columns[0].Values}
	_, err = Learn(h, DefaultConfig())
	list = requireFields(t, err, ErrNoFit, "columns")
	assert.Contains(t, list.Fields[0].Reason, "linearly dependent")
}

func requireFields(t *testing.T, err, kind error, fields ...string) *clientele.ValidationError {
	t.Helper()
	require.ErrorIs(t, err, kind)
	require.ErrorIs(t, err, clientele.ErrInvalid)
	list, ok := err.(*clientele.ValidationError)
	require.True(t, ok, "%T", err)
	var got []string
	for _, f := range list.Fields {
		got = append(got, f.Field)
	}
	assert.Equal(t, fields, got, err.Error())
	return list
}
