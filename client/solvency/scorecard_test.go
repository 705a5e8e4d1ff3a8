package solvency

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultScorer(t testing.TB) *Scorer {
	t.Helper()
	s, err := NewScorer(DefaultConfig())
	require.NoError(t, err)
	return s
}

// healthy sets features that land in known bins of the default business
// scorecard.
func healthy(t testing.TB) Features {
	var f Features
	for ft, v := range map[Feature]float64{
		FeatureCurrentRatio:        1.6,  // [1.5, 2): 20
		FeatureEquityToAssets:      0.4,  // [0.3, 0.5): 20
		FeatureInterestCoverage:    3,    // [3, 6): 20, the edge belongs to the upper bin
		FeatureDSO:                 30,   // [30, 60): 15
		FeatureOnTimeShareByAmount: 0.9,  // [0.8, 0.95): 30
		FeatureAvgDaysLateWeighted: 4,    // below 5: 30
		FeatureOldestOverdueDays:   0,    // below 1: 30
		FeatureWrittenOff:          0,    // below 1: 20
		FeatureQuickLiquid:         0.05, // not in the default card: ignored
	} {
		require.NoError(t, f.Set(ft, measureOf(v)))
	}
	f.SetZone(ZoneGrey)     // 25
	f.SetTrend(TrendStable) // 10
	return f
}

func TestScoreHandWorked(t *testing.T) {
	sc := defaultScorer(t).Scorecard(client.KindCompany)
	f := healthy(t)
	r := sc.Score(&f)
	// 420 + 25 + 20 + 20 + 20 + 15 + 30 + 30 + 30 + 20 + 10 = 640, two
	// PDO above 600: odds 50 · 2² = 200, p = 1/201, grade A (640 and up).
	assert.InDelta(t, 640, r.Score, 1e-9)
	assert.InDelta(t, math.Log(200), r.LogOdds, 1e-12)
	assert.InDelta(t, 200, r.Odds.Value, 1e-9)
	assert.InDelta(t, 1.0/201, r.PD, 1e-12)
	assert.Equal(t, GradeA, r.Grade)
	assert.Equal(t, 1.0, r.Confidence)
	require.Len(t, r.Factors, 10)
	assert.Equal(t, FactorScore{Feature: FeatureInterestCoverage, Status: FactorScored, Value: 3, Bin: 2, Points: 20, BestPoints: 25}, r.Factors[3])

	// Points lost against the best bin: zone 45 − 25 = 20, on-time 40 −
	// 30 = 10, current ratio, equity, coverage and DSO 5 each: the first
	// four, ties in configuration order.
	var got []Feature
	var lost []float64
	for _, rc := range r.Reasons {
		got = append(got, rc.Feature)
		lost = append(lost, rc.Lost)
	}
	assert.Equal(t, []Feature{FeatureAltmanZone, FeatureOnTimeShareByAmount, FeatureCurrentRatio, FeatureEquityToAssets}, got)
	assert.Equal(t, []float64{20, 10, 5, 5}, lost)
	assert.Equal(t, "Altman Z-score below the safe zone", r.Reasons[0].Text)
}

func TestScoreMissingAndUndefined(t *testing.T) {
	sc := defaultScorer(t).Scorecard(client.KindCompany)
	f := healthy(t)
	require.NoError(t, f.Set(FeatureCurrentRatio, undefined(CauseUnknown, "inventory")))
	require.NoError(t, f.Set(FeatureEquityToAssets, Measure{}))                                  // unknown
	require.NoError(t, f.Set(FeatureInterestCoverage, undefined(CauseZero, "interest_expense"))) // no debt
	r := sc.Score(&f)
	// From 640: current ratio 20 → 5 missing, equity 20 → 5 missing,
	// coverage 20 → 25 undefined (no interest to cover): 640 − 15 − 15 + 5 = 615, grade C.
	assert.InDelta(t, 615, r.Score, 1e-9)
	assert.Equal(t, GradeC, r.Grade)
	assert.Equal(t, FactorMissing, r.Factors[1].Status)
	assert.Equal(t, -1, r.Factors[1].Bin)
	assert.Equal(t, FactorUndefined, r.Factors[3].Status)
	assert.Equal(t, CauseZero, r.Factors[3].Cause)
	assert.Equal(t, CauseZero, r.Factors[3].Cause)
	b, err := json.Marshal(r.Factors[1])
	require.NoError(t, err)
	assert.JSONEq(t, `{"feature":"current_ratio","status":"missing","cause":"unknown","bin":-1,"points":5,"best_points":25}`, string(b))
	b, err = json.Marshal(r.Factors[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"feature":"altman_zone","status":"scored","bin":1,"value":2,"points":25,"best_points":45}`, string(b))
	// The card's points range: zone 45, current 25, equity 25, coverage
	// 25, DSO 20, on-time 40, lateness 30, overdue 30, write-offs 20,
	// trend 10 = 270; the two missing factors span 25 each: 1 − 50/270.
	assert.InDelta(t, 1-50.0/270, r.Confidence, 1e-12)
	// Losses: zone 20, current 20 (missing), equity 20 (missing), on-time 10.
	require.Len(t, r.Reasons, 4)
	assert.Equal(t, Reason{Feature: FeatureCurrentRatio, Status: FactorMissing, Lost: 20,
		Text: "current assets cover current liabilities poorly"}, r.Reasons[1])
	assert.Equal(t, FeatureOnTimeShareByAmount, r.Reasons[3].Feature)
}

func TestScoreStrongButNewBusiness(t *testing.T) {
	var f Features
	for ft, v := range map[Feature]float64{FeatureCurrentRatio: 2.5, FeatureEquityToAssets: 0.6, FeatureInterestCoverage: 10, FeatureDSO: 20} {
		require.NoError(t, f.Set(ft, measureOf(v)))
	}
	f.SetZone(ZoneSafe)
	r := defaultScorer(t).Scorecard(client.KindCompany).Score(&f)
	// Best on every statement factor (45 + 25 + 25 + 25 + 20 = 140), no
	// payment history (missing: 10 + 10 + 15 + 10 + 5 = 50): 420 + 190 = 610, C.
	assert.InDelta(t, 610, r.Score, 1e-9)
	assert.Equal(t, GradeC, r.Grade)
	assert.InDelta(t, 140.0/270, r.Confidence, 1e-12)
}

func TestScoreNothingKnown(t *testing.T) {
	s := defaultScorer(t)
	var f Features
	r := s.Scorecard(client.KindCompany).Score(&f)
	// Every factor missing: 420 + 10 + 5·4 + 10 + 10 + 15 + 10 + 5 = 500.
	assert.InDelta(t, 500, r.Score, 1e-9)
	assert.Equal(t, 0.0, r.Confidence)
	assert.Equal(t, GradeE, r.Grade)
	// The individual card: 430 + 20 + 20 + 30 + 20 + 10 = 530.
	r = s.Scorecard(client.KindIndividual).Score(&f)
	assert.InDelta(t, 530, r.Score, 1e-9)
	assert.Equal(t, GradeE, r.Grade)
}

func TestScoreIntoAllocatesNothing(t *testing.T) {
	sc := defaultScorer(t).Scorecard(client.KindCompany)
	f := healthy(t)
	var r ScoreResult
	sc.ScoreInto(&r, &f)
	allocs := testing.AllocsPerRun(100, func() { sc.ScoreInto(&r, &f) })
	assert.Zero(t, allocs)
	assert.InDelta(t, 640, r.Score, 1e-9)
}

func TestGradeBands(t *testing.T) {
	g := compileGrades(DefaultGrades())
	for score, want := range map[float64]Grade{700: GradeA, 640: GradeA, 639.999: GradeB, 620: GradeB,
		600: GradeC, 599.9: GradeD, 560: GradeD, 559.99: GradeE, -1e6: GradeE} {
		assert.Equal(t, want, g.of(score), "%v", score)
	}
}

func TestBinLookupEdges(t *testing.T) {
	sc := compileScorecard(ScorecardConfig{Factors: []Factor{{Feature: FeatureDSO, Bins: []Bin{
		// Listed out of order on purpose: compiled sorted.
		{From: ptr(60), Points: 0}, {To: ptr(30), Points: 20}, {From: ptr(30), To: ptr(60), Points: 10}}}}},
		DefaultScaling(), DefaultGrades(), 4)
	cf := &sc.factors[0]
	for v, want := range map[float64]float64{-5: 20, 29.999: 20, 30: 10, 59.99: 10, 60: 0, 1e9: 0} {
		assert.Equal(t, want, cf.points[cf.lookup(v)], "%v", v)
	}
	assert.Equal(t, 1, cf.bin[0], "the open-below bin is configured second")
}

func TestScorecardValidateReportsOverlapsAndGaps(t *testing.T) {
	c := ScorecardConfig{Factors: []Factor{
		{Feature: FeatureCurrentRatio, Bins: []Bin{
			{To: ptr(1), Points: 0},
			{From: ptr(0.8), To: ptr(1.5), Points: 10}, // overlaps the first
			{From: ptr(2), Points: 20},                 // leaves 1.5..2 uncovered
		}},
		{Feature: FeatureDSO, Bins: []Bin{{From: ptr(0), To: ptr(30)}, {From: ptr(30), Points: 1}}},            // nothing below 0
		{Feature: FeatureEquityToAssets, Bins: []Bin{{To: ptr(0.5)}, {From: ptr(0.5), To: ptr(1), Points: 1}}}, // nothing from 1
		{Feature: FeatureAltmanZone, Bins: []Bin{{Category: "distress"}, {Category: "distress"}, {Category: "safe", Points: 9}}},
		{Feature: FeatureCurrentRatio, Bins: []Bin{{Points: 1}}},
		{Feature: FeatureCashRatio, Bins: []Bin{{To: ptr(1)}, {To: ptr(2), Points: 1}, {From: ptr(2), Points: 2}}},
		{Feature: FeatureDSO + 100, Bins: []Bin{{Points: 1}}},
	}}
	err := c.Validate()
	list := requireFields(t, err,
		"factors[0].bins[1].from", "factors[0].bins[2].from",
		"factors[1].bins[0].from",
		"factors[2].bins[1].to",
		"factors[3].bins[1].category", "factors[3].bins",
		"factors[4].feature",
		"factors[5].bins[1].from",
		"factors[6].feature")
	msg := err.Error()
	assert.Contains(t, msg, "factors[0].bins[1].from = 0.8: overlaps factors[0].bins[0], which runs to 1")
	assert.Contains(t, msg, "factors[0].bins[2].from = 2: leaves a gap: values from 1.5 (factors[0].bins[1].to) to 2 fall in no bin")
	assert.Contains(t, msg, "factors[1].bins[0].from = 0: leaves a gap: values below 0 fall in no bin")
	assert.Contains(t, msg, "factors[2].bins[1].to = 1: leaves a gap: values from 1 up fall in no bin")
	assert.Contains(t, msg, "factors[3].bins = grey: leaves a gap: category grey has no bin")
	assert.Contains(t, msg, "factors[4].feature = current_ratio: is scored already by factors[0]")
	assert.Contains(t, msg, "factors[5].bins[1].from: overlaps factors[5].bins[0]: both start open")
	assert.Equal(t, 0.8, list.Fields[0].Value)
}

func TestScorecardValidateOtherProblems(t *testing.T) {
	requireFields(t, ScorecardConfig{}.Validate(), "factors")
	c := ScorecardConfig{BasePoints: math.Inf(1), Factors: []Factor{
		{Feature: FeatureDSO, MissingPoints: math.NaN(), Bins: []Bin{{Points: 1e9, Category: "x"}}},
		{Feature: FeatureCashRatio},
		{Feature: FeaturePaymentTrend, Bins: []Bin{{Category: "sideways"}, {From: ptr(1), Category: "stable"}}},
		{Feature: FeatureCurrentRatio, Bins: []Bin{{To: ptr(2)}, {From: ptr(2), To: ptr(1)}}},
	}}
	requireFields(t, c.Validate(),
		"base_points",
		"factors[0].missing_points", "factors[0].bins[0].points", "factors[0].bins[0].category",
		"factors[1].bins",
		"factors[2].bins[0].category", "factors[2].bins[1]", "factors[2].bins", "factors[2].bins",
		"factors[3].bins[1].to", "factors[3].bins[1].to")

	flat := ScorecardConfig{Factors: []Factor{{Feature: FeatureDSO, Bins: []Bin{{Points: 3}}, UndefinedPoints: 3}}}
	assert.ErrorContains(t, flat.Validate(), "cannot tell clients apart")
}

func TestFeaturesSet(t *testing.T) {
	var f Features
	requireFields(t, f.Set(FeatureAltmanZone, measureOf(1)), "feature")
	requireFields(t, f.Set(Feature(0), measureOf(1)), "feature")
	err := f.Set(FeatureDSO, Measure{Value: math.NaN(), Defined: true})
	requireFields(t, err, "dso")
	assert.ErrorContains(t, err, "dso = NaN: must be a finite number")
	require.NoError(t, f.Set(FeatureDSO, measureOf(45)))
	assert.Equal(t, measureOf(45), f.Get(FeatureDSO))
	assert.Equal(t, CauseUnknown, f.Get(FeatureCashRatio).Cause, "never set is missing")
	f.SetZone(ZoneSafe)
	assert.Equal(t, float64(ZoneSafe), f.Get(FeatureAltmanZone).Value)
	f.SetZone(0)
	assert.False(t, f.Get(FeatureAltmanZone).Defined)

	cats := FeatureAltmanZone.Categories()
	assert.Equal(t, []string{"distress", "grey", "safe"}, cats)
	cats[0] = "spoilt"
	assert.Equal(t, "distress", ZoneDistress.String(), "Categories returns a copy")
	assert.Nil(t, FeatureDSO.Categories())
}

// NewFeatures reads each feature from its own field: every field gets a
// value of its own here, and each feature must come back with it.
func TestNewFeaturesReadsEachField(t *testing.T) {
	r := Ratios{
		CurrentRatio: measureOf(1.1), QuickExInventory: measureOf(1.2), QuickLiquid: measureOf(1.3),
		CashRatio: measureOf(1.4), DebtToEquity: measureOf(1.5), EquityToAssets: measureOf(1.6),
		InterestCoverage: measureOf(1.7), DSO: measureOf(1.8),
	}
	z := Altman{Score: measureOf(2.5), Zone: ZoneGrey}
	dd := Discipline{
		Evaluated: 7, OnTimeShare: measureOf(0.21), OnTimeShareByAmount: measureOf(0.22),
		AvgDaysLate: measureOf(3.1), AvgDaysLateWeighted: measureOf(3.2), MaxDaysLate: measureOf(3.3),
		OldestOverdueDays: 34, OverdueShare: measureOf(0.35), WrittenOff: 2, Trend: TrendDeteriorating,
		Scoring: DisciplineScore{Score: measureOf(37)},
	}
	f := NewFeatures(r, z, dd)
	for ft, want := range map[Feature]float64{
		FeatureCurrentRatio: 1.1, FeatureQuickExInventory: 1.2, FeatureQuickLiquid: 1.3, FeatureCashRatio: 1.4,
		FeatureDebtToEquity: 1.5, FeatureEquityToAssets: 1.6, FeatureInterestCoverage: 1.7, FeatureDSO: 1.8,
		FeatureAltmanZone:  float64(ZoneGrey),
		FeatureOnTimeShare: 0.21, FeatureOnTimeShareByAmount: 0.22, FeatureAvgDaysLate: 3.1,
		FeatureAvgDaysLateWeighted: 3.2, FeatureMaxDaysLate: 3.3, FeatureOldestOverdueDays: 34,
		FeatureOverdueShare: 0.35, FeatureWrittenOff: 2, FeatureDisciplineScore: 37,
		FeaturePaymentTrend: float64(TrendDeteriorating),
	} {
		m := f.Get(ft)
		assert.True(t, m.Defined, ft.String())
		assert.Equal(t, want, m.Value, ft.String())
	}
	for ft := FeatureCurrentRatio; ft < numFeatures; ft++ {
		assert.True(t, f.Get(ft).Defined, "every feature is covered above: %s", ft)
	}
}

// A Measure built by hand that claims to be defined but holds NaN or an
// infinity is out of range, never a NaN in a score or in JSON.
func TestNewFeaturesRefusesNaN(t *testing.T) {
	r := Ratios{CurrentRatio: Measure{Value: math.NaN(), Defined: true}, DSO: Measure{Value: math.Inf(1), Defined: true}}
	f := NewFeatures(r, Altman{}, Discipline{})
	assert.Equal(t, CauseOutOfRange, f.Get(FeatureCurrentRatio).Cause)
	assert.Equal(t, CauseOutOfRange, f.Get(FeatureDSO).Cause)
	res := defaultScorer(t).Scorecard(client.KindCompany).Score(&f)
	// The undefined points: current ratio 25, DSO 0.
	assert.Equal(t, FactorUndefined, res.Factors[1].Status)
	assert.Equal(t, 25.0, res.Factors[1].Points)
	assert.Equal(t, FactorUndefined, res.Factors[4].Status)
	_, err := json.Marshal(res)
	require.NoError(t, err)
}

func TestBinsAndBandsMustNotBeEmpty(t *testing.T) {
	// A bin from 1 to 1 holds no value.
	c := ScorecardConfig{Factors: []Factor{{Feature: FeatureDSO, Bins: []Bin{
		{To: ptr(1)}, {From: ptr(1), To: ptr(1), Points: 5}, {From: ptr(1), Points: 10}}}}}
	err := c.Validate()
	requireFields(t, err, "factors[0].bins[1].to")
	assert.ErrorContains(t, err, "factors[0].bins[1].to = 1: must be above from 1")

	// Two bands with one minimum leave the second grade empty.
	cfg := DefaultConfig()
	cfg.Grades = []GradeBand{{GradeA, ptr(640)}, {GradeB, ptr(640)}, {GradeC, nil}}
	requireFields(t, cfg.Validate(), "grades[1].min_score")
}

// A factor's share of the confidence is its whole spread of points for a
// known value, undefined points included: bins 0..10 with undefined 30
// span 30. Missing it on a card whose other factor spans 10 leaves
// 1 − 30/40 = 0.25 of the card on known data.
func TestConfidenceCountsUndefinedPoints(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Business = ScorecardConfig{BasePoints: 600, Factors: []Factor{
		{Feature: FeatureInterestCoverage, Bins: bins([]float64{3}, 0, 10), UndefinedPoints: 30},
		{Feature: FeatureDSO, Bins: bins([]float64{30}, 10, 0)},
	}}
	s, err := NewScorer(cfg)
	require.NoError(t, err)
	var f Features
	require.NoError(t, f.Set(FeatureDSO, measureOf(10)))
	r := s.Scorecard(client.KindCompany).Score(&f)
	assert.InDelta(t, 0.25, r.Confidence, 1e-12)
	assert.InDelta(t, 610, r.Score, 1e-12, "600 + missing 0 + DSO 10")
}
