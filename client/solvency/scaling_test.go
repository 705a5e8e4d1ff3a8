package solvency

import (
	"github.com/clientele-go/clientele"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Siddiqi, "Credit Risk Scorecards" (Wiley 2006), ch. 6, scaling: a
// scorecard with 50:1 odds at 600 points and 20 points to double the odds
// has Factor = 20 / ln 2 = 28.8539 and Offset = 600 − 28.8539 · ln 50 =
// 487.123. (The same example: stats.stackexchange.com/questions/10092.)
func TestScalingConstants(t *testing.T) {
	s := DefaultScaling().compile()
	assert.InDelta(t, 28.8539, s.factor, 5e-5)
	assert.InDelta(t, 487.1229, s.offset, 5e-5)
	// By hand: ln 2 = 0.693147, 20/0.693147 = 28.853901; ln 50 = 3.912023,
	// 28.853901 · 3.912023 = 112.877124, 600 − 112.877124 = 487.122876.
	assert.InDelta(t, 28.853901, s.factor, 1e-6)
	assert.InDelta(t, 487.122876, s.offset, 1e-6)

	// At the anchor the odds are 50:1, so p = 1/(1 + 50) = 1/51; one PDO
	// higher they double to 100:1, p = 1/101; one PDO lower, 25:1.
	for _, tt := range []struct{ score, odds float64 }{{600, 50}, {620, 100}, {640, 200}, {580, 25}, {s.offset, 1}} {
		lo := (tt.score - s.offset) / s.factor
		assert.InDelta(t, math.Log(tt.odds), lo, 1e-12, "%v", tt.score)
		assert.InDelta(t, 1/(1+tt.odds), pd(lo), 1e-12, "%v", tt.score)
	}
}

func TestPDIsStableAtTheExtremes(t *testing.T) {
	assert.Equal(t, 0.5, pd(0))
	assert.Equal(t, 0.0, pd(800), "e^800 overflows; p is its limit, 0")
	assert.InDelta(t, math.Exp(-700), pd(700), 1e-310, "and is exact just below")
	assert.Equal(t, 1.0, pd(-800))
	m := measureOf(math.Exp(800))
	assert.False(t, m.Defined, "e^800 is beyond float64")
	assert.Equal(t, CauseOutOfRange, m.Cause)
}

func TestScalingValidate(t *testing.T) {
	assert.NoError(t, DefaultScaling().Validate())
	err := Scaling{AnchorScore: math.NaN(), AnchorOdds: 0, PDO: -20}.Validate()
	list := requireFields(t, err, "anchor_score", "anchor_odds", "pdo")
	assert.Equal(t, -20.0, list.Fields[2].Value)
	assert.Contains(t, err.Error(), "pdo = -20: must be a finite number above 0")
	requireFields(t, Scaling{AnchorScore: 600, AnchorOdds: -1, PDO: 0}.Validate(), "anchor_odds", "pdo")
}

// R's scorecard package, scorecard(points0 = 600, odds0 = 1/19, pdo =
// 50) and its ab() in R/scorecard.R
// (https://rdrr.io/cran/scorecard/src/R/scorecard.R): b = pdo/log(2),
// a = points0 + b·log(odds0), score = a − b·log(p/(1−p)).
func TestScalingBadGood(t *testing.T) {
	r := RScorecardScaling()
	require.NoError(t, r.Validate())
	c := r.compile()
	// By hand: b = 50/0.693147 = 72.134752; ln 19 = 2.944439,
	// 72.134752 · 2.944439 = 212.396376, a = 600 − 212.396376 = 387.603624.
	assert.InDelta(t, 72.134752, c.factor, 1e-6)
	assert.InDelta(t, 387.603624, c.offset, 1e-6)
	assert.InDelta(t, 387.603624, r.Offset(), 1e-6)
	assert.InDelta(t, 72.134752, r.Factor(), 1e-6)
	// R's p2score at p = 0.05 (bad:good 1/19) is 600; at bad:good 1/38
	// (p = 1/39) it is 650: 50 more points halve the bad:good odds.
	score := func(p float64) float64 { return c.offset - c.factor*math.Log(p/(1-p)) }
	assert.InDelta(t, 600, score(0.05), 1e-9)
	assert.InDelta(t, 650, score(1.0/39), 1e-9)
	assert.InDelta(t, 550, score(2.0/21), 1e-9, "bad:good 2/19 (p = 2/21), twice 1/19: 50 points fewer")
	assert.Equal(t, -50.0, r.PointsToDouble(), "in bad:good terms, the points to double the odds are −50")

	// The same line stated good:bad: 600 points at 19:1, PDO 50.
	g := r.GoodBad()
	assert.Equal(t, OddsGoodBad, g.Odds)
	assert.InDelta(t, 19, g.AnchorOdds, 1e-12)
	assert.Equal(t, 50.0, g.PointsToDouble())
	assert.InDelta(t, c.offset, g.compile().offset, 1e-9)
	assert.InDelta(t, r.AnchorOdds, g.BadGood().AnchorOdds, 1e-15, "and back")
	assert.Equal(t, g, g.GoodBad(), "restating in its own convention changes nothing")

	// Siddiqi's default stated bad:good: 600 points at 1:50, halved every 20.
	s := DefaultScaling().BadGood()
	assert.Equal(t, Scaling{AnchorScore: 600, AnchorOdds: 0.02, PDO: 20, Odds: OddsBadGood}, s)
	assert.InDelta(t, DefaultScaling().compile().offset, s.compile().offset, 1e-9)
	assert.Equal(t, Scaling{AnchorScore: 600, AnchorOdds: 50, PDO: 20, Odds: OddsGoodBad}, DefaultScaling().GoodBad(),
		"an unset basis is good:bad")

	requireFields(t, Scaling{AnchorScore: 600, AnchorOdds: 1, PDO: 20, Odds: 9}.Validate(), "odds")
}

func TestOddsBasisEnum(t *testing.T) {
	for _, o := range []OddsBasis{OddsGoodBad, OddsBadGood} {
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back OddsBasis
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
		parsed, err := ParseOddsBasis(o.String())
		require.NoError(t, err)
		assert.Equal(t, o, parsed)
	}
	_, err := ParseOddsBasis("odds")
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.False(t, OddsBasis(0).IsValid())
	_, err = OddsBasis(0).MarshalText()
	assert.Error(t, err)
}
