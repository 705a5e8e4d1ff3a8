package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/enum"
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
// Scores always rise with creditworthiness. Two conventions state the
// same line: Siddiqi's good:bad odds (the default, [OddsGoodBad]) and
// the bad:good odds of R's scorecard package ([OddsBadGood], as in
// [RScorecardScaling]), where the score is A − B·ln(bad:good) and so PDO
// more points halve the bad:good odds: in bad:good terms the points to
// double the odds are −PDO ([Scaling.PointsToDouble]). [Scaling.GoodBad]
// and [Scaling.BadGood] restate one scaling in the other convention.
//
// The zero Scaling is not valid: Validate reports the missing odds and
// PDO, and NewScorer refuses a config that holds it.
type Scaling struct {
	AnchorScore float64 `json:"anchor_score"`
	// AnchorOdds are the odds at AnchorScore, read as Odds says: good:bad
	// by default, so 50 means 50 clients who pay for every one who
	// defaults; bad:good with OddsBadGood, so 1/19 means one default for
	// every 19 who pay (which is 19 good:bad).
	AnchorOdds float64 `json:"anchor_odds"`
	// PDO is the number of points that doubles the good:bad odds (and
	// halves the bad:good odds). Always positive: a higher score is a
	// better client in both conventions.
	PDO float64 `json:"pdo"`
	// Odds says how AnchorOdds is read; unset (left out of the JSON)
	// means good:bad, the convention of the package before it was added.
	Odds OddsBasis `json:"odds,omitzero"`
}

// OddsBasis says which way odds are stated. The zero OddsBasis is unset,
// read as OddsGoodBad in a [Scaling].
type OddsBasis uint8

const (
	// OddsGoodBad: goods per bad (Siddiqi 2006, optbinning's Scorecard);
	// 50 means 50 payers per default.
	OddsGoodBad OddsBasis = iota + 1
	// OddsBadGood: bads per good, p/(1−p) with p the probability of
	// default (R's scorecard package, whose odds0 = 1/19 is 19 good:bad).
	OddsBadGood
)

var oddsBasisNames = enum.Names{"", "good_bad", "bad_good"}

// ParseOddsBasis returns the basis named s ("good_bad", "bad_good").
func ParseOddsBasis(s string) (OddsBasis, error) {
	return enum.Parse[OddsBasis](oddsBasisNames, "odds basis", s)
}

func (o OddsBasis) String() string { return enum.String(oddsBasisNames, "OddsBasis", o) }

// IsValid reports whether o is one of the named bases.
func (o OddsBasis) IsValid() bool { return enum.Valid(oddsBasisNames, o) }

// MarshalText implements encoding.TextMarshaler; an unset basis is an error.
func (o OddsBasis) MarshalText() ([]byte, error) {
	return enum.Marshal(oddsBasisNames, "OddsBasis", o)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (o *OddsBasis) UnmarshalText(b []byte) error {
	return enum.Unmarshal(oddsBasisNames, "odds basis", o, b)
}

// RScorecardScaling returns the defaults of R's scorecard package
// (scorecard(bins, model, points0 = 600, odds0 = 1/19, pdo = 50); see
// https://search.r-project.org/CRAN/refmans/scorecard/html/scorecard.html):
// 600 points at bad:good odds of 1/19, 50 points to halve them. Its
// score is A − B·ln(bad:good) with B = 50/ln 2 = 72.1348 and A = 600 +
// B·ln(1/19) = 387.6036, the same line as 600 points at 19:1 good:bad.
func RScorecardScaling() Scaling {
	return Scaling{AnchorScore: 600, AnchorOdds: 1.0 / 19, PDO: 50, Odds: OddsBadGood}
}

// GoodBad returns the same scaling with its anchor odds stated good:bad
// (the reciprocal when s is bad:good).
func (s Scaling) GoodBad() Scaling {
	if s.Odds == OddsBadGood {
		s.AnchorOdds = 1 / s.AnchorOdds
	}
	s.Odds = OddsGoodBad
	return s
}

// BadGood returns the same scaling with its anchor odds stated bad:good.
func (s Scaling) BadGood() Scaling {
	if s.Odds != OddsBadGood {
		s.AnchorOdds = 1 / s.AnchorOdds
	}
	s.Odds = OddsBadGood
	return s
}

// PointsToDouble returns the points that double the odds as s states
// them: PDO for good:bad odds, −PDO for bad:good odds (the "negative
// PDO" of a bad:good scorecard).
func (s Scaling) PointsToDouble() float64 {
	if s.Odds == OddsBadGood {
		return -s.PDO
	}
	return s.PDO
}

// Factor and Offset are the constants of the line: a score s has
// ln(good:bad) = (s − Offset) / Factor, with Factor = PDO / ln 2 and
// Offset the score at even odds. A learned scorecard's points are
// Factor times log-odds.
func (s Scaling) Factor() float64 { return s.compile().factor }

// Offset is the score at even (1:1) odds; see [Scaling.Factor].
func (s Scaling) Offset() float64 { return s.compile().offset }

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
	if s.Odds != 0 && !s.Odds.IsValid() {
		p.Add(join(prefix, "odds"), s.Odds, "unknown odds basis (want good_bad or bad_good)")
	}
}

// compiledScaling holds Factor = PDO / ln 2, the points per unit of
// log-odds, and Offset = AnchorScore − Factor · ln(AnchorOdds), the score
// at even (1:1) odds, for the hot path: the log-odds of a score s are
// (s − offset) / factor.
type compiledScaling struct{ factor, offset float64 }

func (s Scaling) compile() compiledScaling {
	factor := s.PDO / math.Ln2
	lnGoodBad := math.Log(s.AnchorOdds)
	if s.Odds == OddsBadGood {
		lnGoodBad = -lnGoodBad
	}
	return compiledScaling{factor, s.AnchorScore - factor*lnGoodBad}
}

// pd is the probability of default 1/(1+e^lo). It is exact to float64
// precision at both ends: when e^lo overflows to +Inf the result is 0,
// the limit, and the true value is below 1e-308.
func pd(logOdds float64) float64 { return 1 / (1 + math.Exp(logOdds)) }
