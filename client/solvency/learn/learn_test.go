package learn

import (
	"encoding/json"
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
	requireFields(t, err, ErrInvalid, "test", "columns[0].values[5]", "columns[1].values", "columns[2].values[0]")
	h = generate(100, 1)
	h.Columns[0].Feature, h.Columns[2].Feature = 0, solvency.FeatureAvgDaysLateWeighted
	_, err = Learn(h, DefaultConfig())
	requireFields(t, err, ErrInvalid, "columns[0].feature", "columns[2].feature")

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

// A categorical feature's categories are grouped by bad rate; each gets
// its group's points, and a category never seen in training gets 0
// points (WoE 0, the average client).
func TestLearnCategorical(t *testing.T) {
	h := generate(20000, 9)
	n := len(h.Bad)
	trend := Column{Feature: solvency.FeaturePaymentTrend, Values: make([]float64, n)}
	zone := Column{Feature: solvency.FeatureAltmanZone, Values: make([]float64, n)}
	for r := range n {
		switch late := h.Columns[1].Values[r]; {
		case late > 15:
			trend.Values[r] = float64(solvency.TrendDeteriorating)
		case h.Columns[0].Values[r] > 0.8:
			trend.Values[r] = float64(solvency.TrendImproving)
		default:
			trend.Values[r] = float64(solvency.TrendStable)
		}
		zone.Values[r] = float64(solvency.ZoneSafe) // distress and grey never occur
		if r%3 == 0 {
			zone.Values[r] = float64(solvency.ZoneGrey)
		}
	}
	h.Columns = []Column{h.Columns[0], trend}
	res, err := Learn(h, DefaultConfig())
	require.NoError(t, err)
	tr := res.Features[1]
	assert.Equal(t, Trend(0), tr.Trend)
	js, err := json.Marshal(res)
	require.NoError(t, err, "a result with a categorical feature marshals (its unset trend is left out)")
	assert.NotContains(t, string(js), `"trend":""`)
	pts := map[string]float64{}
	for _, b := range res.Scorecard.Factors[1].Bins {
		pts[b.Category] = b.Points
	}
	assert.Greater(t, pts["improving"], pts["stable"])
	assert.Greater(t, pts["stable"], pts["deteriorating"])
	for _, b := range tr.Bins {
		assert.NotEmpty(t, b.Categories)
	}

	// The scorer reads the category points.
	sc := solvency.DefaultConfig()
	sc.Scaling, sc.Individual = res.Scaling, res.Scorecard
	scorer, err := solvency.NewScorer(sc)
	require.NoError(t, err)
	var f solvency.Features
	require.NoError(t, f.Set(solvency.FeatureOnTimeShare, solvency.Measure{Value: 0.5, Defined: true}))
	f.SetTrend(solvency.TrendDeteriorating)
	got := scorer.Scorecard(client.KindIndividual).Score(&f)
	share := res.Scorecard.Factors[0]
	want := res.Scorecard.BasePoints + share.Bins[binOf(binsOf(share), 0.5)].Points + pts["deteriorating"]
	assert.InDelta(t, want, got.Score, 1e-9)

	// Only two zones occur (the generator's zone says nothing): the
	// unseen one, distress, scores 0.
	h.Columns = []Column{h.Columns[0], zone}
	cfg := DefaultConfig()
	cfg.MinBinShare = 0
	res, err = Learn(h, cfg)
	require.NoError(t, err)
	assert.Equal(t, solvency.Bin{Category: "distress"}, res.Scorecard.Factors[1].Bins[0], "0 points")
	last := res.Features[1].Bins[len(res.Features[1].Bins)-1]
	assert.Equal(t, BinReport{Categories: []string{"distress"}}, last)

	// One category only: refused.
	for r := range zone.Values {
		zone.Values[r] = float64(solvency.ZoneSafe)
	}
	_, err = Learn(h, cfg)
	list := requireFields(t, err, ErrNoFit, "columns[1].values")
	assert.Contains(t, list.Fields[0].Reason, "fewer than two categories")
}
