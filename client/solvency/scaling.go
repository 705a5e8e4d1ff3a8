package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/validate"
)

// Scaling ties scorecard points to odds by "points to double the odds"
// (Siddiqi 2006, ch. 6): a score s means good:bad odds of
//
//	odds = exp((s − Offset) / Factor),  Factor = PDO / ln 2,
//	Offset = AnchorScore − Factor · ln(AnchorOdds),
//
// so AnchorScore points are AnchorOdds to 1, and every PDO more points
// double the odds. The probability of default is p = 1 / (1 + odds). With
// the defaults (600 points at 50:1, PDO 20), Factor = 28.8539 and
// Offset = 487.1229; 620 points are 100:1 and p = 1/101.
//
// The zero Scaling is not valid: Validate reports the missing odds and
// PDO, and NewScorer refuses a config that holds it.
type Scaling struct {
	AnchorScore float64 `json:"anchor_score"`
	// AnchorOdds are the good:bad odds at AnchorScore: 50 means 50
	// clients who pay for every one who defaults.
	AnchorOdds float64 `json:"anchor_odds"`
	// PDO is the number of points that doubles the odds.
	PDO float64 `json:"pdo"`
}

// DefaultScaling returns 600 points at 50:1 odds with 20 points to double
// the odds, the worked example of Siddiqi (2006) and a common convention.
func DefaultScaling() Scaling { return Scaling{AnchorScore: 600, AnchorOdds: 50, PDO: 20} }

// Validate reports every problem: PDO and odds must be positive, all
// three finite.
func (s Scaling) Validate() error {
	var p validate.Problems
	s.check(&p, "")
	return p.Err(ErrInvalid)
}

func (s Scaling) check(p *validate.Problems, prefix string) {
	checkFloat(p, prefix, "anchor_score", s.AnchorScore, -1e6, 1e6)
	checkPositive(p, prefix, "anchor_odds", s.AnchorOdds)
	checkPositive(p, prefix, "pdo", s.PDO)
}

// compiledScaling holds Factor = PDO / ln 2, the points per unit of
// log-odds, and Offset = AnchorScore − Factor · ln(AnchorOdds), the score
// at even (1:1) odds, for the hot path: the log-odds of a score s are
// (s − offset) / factor.
type compiledScaling struct{ factor, offset float64 }

func (s Scaling) compile() compiledScaling {
	factor := s.PDO / math.Ln2
	return compiledScaling{factor, s.AnchorScore - factor*math.Log(s.AnchorOdds)}
}

// pd is the probability of default 1/(1+e^lo). It is exact to float64
// precision at both ends: when e^lo overflows to +Inf the result is 0,
// the limit, and the true value is below 1e-308.
func pd(logOdds float64) float64 { return 1 / (1 + math.Exp(logOdds)) }
