package solvency

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
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
