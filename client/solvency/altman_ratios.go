package solvency

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Coefficients are one published Z-score equation: the weights of X1..X5,
// a constant, the zone cut-offs and the scale X1..X4 are read on. They
// let a caller reproduce a source's equation exactly, from ratios it
// already has ([ZScoreFromRatios]); [Model.Coefficients] gives the set
// each model uses on a statement.
//
// The zero Coefficients are not valid: Validate names the missing
// weights and cut-offs.
type Coefficients struct {
	// Name says where the set comes from, e.g. "Altman 1968 (percent form)".
	Name    string     `json:"name"`
	Weights [5]float64 `json:"weights"`
	// Constant is added to the weighted sum (3.25 for Z″-EM).
	Constant float64 `json:"constant"`
	// Lower and Upper are the zone cut-offs: below Lower is distress,
	// above Upper safe, between them (both included) grey.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
	// Percent: X1..X4 are percentages (20 for 20 %), as in the equation
	// printed in Altman (1968); X5, a turnover, is always "times" (1.5).
	Percent bool `json:"percent,omitempty"`
}

// The published sets. Altman's own restatement of all of them is
// E. I. Altman, "Predicting financial distress of companies: revisiting
// the Z-score and ZETA models", NYU Stern working paper, July 2000
// (Z: equation (I) and its cut-offs 1.81/2.99; Z': 0.717, 0.847, 3.107,
// 0.420, 0.998, cut-offs 1.23/2.90; Z″: 6.56, 3.26, 6.72, 1.05, cut-offs
// 1.10/2.60); the 1968 equation is E. I. Altman, "Financial ratios,
// discriminant analysis and the prediction of corporate bankruptcy",
// Journal of Finance 23(4), 1968, p. 594.

// CoefficientsZ1968Percent returns Altman's 1968 equation as printed:
// Z = .012·X1 + .014·X2 + .033·X3 + .006·X4 + .999·X5 with X1..X4 in
// percent (so 20 % is 20), cut-offs 1.81 and 2.99.
func CoefficientsZ1968Percent() Coefficients {
	return Coefficients{Name: "Altman 1968 Z (percent form)", Weights: [5]float64{0.012, 0.014, 0.033, 0.006, 0.999},
		Lower: 1.81, Upper: 2.99, Percent: true}
}

// CoefficientsZ1968 returns the 1968 equation with X1..X4 as fractions:
// 1.2, 1.4, 3.3, 0.6 and the X5 weight as Altman printed it, 0.999.
func CoefficientsZ1968() Coefficients {
	return Coefficients{Name: "Altman 1968 Z (0.999·X5)", Weights: [5]float64{1.2, 1.4, 3.3, 0.6, 0.999}, Lower: 1.81, Upper: 2.99}
}

// CoefficientsZ returns the common textbook form 1.2, 1.4, 3.3, 0.6, 1.0,
// which [ModelZ] uses.
func CoefficientsZ() Coefficients { return ModelZ.Coefficients() }

// CoefficientsZPrime returns Z' for private firms (book equity in X4):
// 0.717, 0.847, 3.107, 0.420, 0.998, cut-offs 1.23 and 2.90.
func CoefficientsZPrime() Coefficients { return ModelZPrime.Coefficients() }

// CoefficientsZDoublePrime returns Z″ for non-manufacturers (no X5):
// 6.56, 3.26, 6.72, 1.05, cut-offs 1.10 and 2.60.
func CoefficientsZDoublePrime() Coefficients { return ModelZDoublePrime.Coefficients() }

// CoefficientsZDoublePrimeEM returns Z″ plus 3.25 for emerging markets,
// cut-offs 4.35 and 5.85.
func CoefficientsZDoublePrimeEM() Coefficients { return ModelZDoublePrimeEM.Coefficients() }

// Coefficients returns the set the model scores a statement with (the
// zero Coefficients for an invalid model).
func (m Model) Coefficients() Coefficients {
	if !m.IsValid() {
		return Coefficients{}
	}
	spec := &modelSpecs[m]
	return Coefficients{Name: "Altman " + spec.title, Weights: spec.weights, Constant: spec.constant,
		Lower: spec.lower, Upper: spec.upper}
}

// Bounds of a coefficient set and of a ratio: far beyond any published
// figure, near enough that the exact sum stays small.
const (
	maxCoefficient = 1e3
	maxRatio       = 1e9
)

// Validate reports every problem: weights, constant and cut-offs finite
// and bounded, at least one weight not zero, Lower at most Upper.
func (c Coefficients) Validate() error {
	var p validate.Problems
	c.check(&p, "")
	return p.Err(ErrInvalid)
}

func (c Coefficients) check(p *validate.Problems, prefix string) {
	p.Text(join(prefix, "name"), c.Name, validate.MaxTextLen)
	nonzero := false
	for i, w := range c.Weights {
		checkFloat(p, prefix, "weights["+strconv.Itoa(i)+"]", w, -maxCoefficient, maxCoefficient)
		nonzero = nonzero || w != 0
	}
	if !nonzero {
		p.Add(join(prefix, "weights"), nil, "at least one weight must not be 0")
	}
	checkFloat(p, prefix, "constant", c.Constant, -maxCoefficient, maxCoefficient)
	checkFloat(p, prefix, "lower", c.Lower, -maxCoefficient, maxCoefficient)
	checkFloat(p, prefix, "upper", c.Upper, -maxCoefficient, maxCoefficient)
	if c.Lower > c.Upper {
		p.Addf(join(prefix, "upper"), c.Upper, "must be at least lower %v", c.Lower)
	}
}

// AltmanRatios are the five Altman variables as a textbook gives them:
// X1 working capital / total assets, X2 retained earnings / total
// assets, X3 EBIT / total assets, X4 equity / total liabilities, X5 sales
// / total assets. Any finite value up to 10⁹ in size is a legal input to
// the formula: negative working capital, retained earnings or EBIT, a
// negative book equity, all score as the equation says. X5 is ignored
// by a set whose X5 weight is 0.
//
// The zero AltmanRatios are all 0: a firm with nothing scores the
// constant.
type AltmanRatios struct {
	X1 float64 `json:"x1"`
	X2 float64 `json:"x2"`
	X3 float64 `json:"x3"`
	X4 float64 `json:"x4"`
	X5 float64 `json:"x5"`
}

// RatioZ is a Z-score computed from ratios: the set used, each weighted
// term, the score and its zone.
//
// The zero RatioZ is no score (an unset Zone).
type RatioZ struct {
	Coefficients string `json:"coefficients"`
	// Terms are weight × X for X1..X5 (0 for a weight of 0).
	Terms [5]float64 `json:"terms"`
	Score float64    `json:"score"`
	Zone  Zone       `json:"zone"`
}

// ZScoreFromRatios validates the ratios and the coefficient set and
// computes constant + Σ weight·X. No statement is built, so no statement
// check applies. The ratios and weights are read as the decimals they
// print as (0.2, 1.2), the sum is exact and the zone compares that exact
// sum with the cut-offs: a score that lands on 1.81 is grey, as on paper.
func ZScoreFromRatios(r AltmanRatios, c Coefficients) (RatioZ, error) {
	var p validate.Problems
	xs := [5]float64{r.X1, r.X2, r.X3, r.X4, r.X5}
	for i, x := range xs {
		if c.Weights[i] != 0 || i < 4 {
			checkFloat(&p, "", "x"+strconv.Itoa(i+1), x, -maxRatio, maxRatio)
		}
	}
	c.check(&p, "coefficients")
	if err := p.Err(ErrInvalid); err != nil {
		return RatioZ{}, err
	}
	out := RatioZ{Coefficients: c.Name}
	sum := decimal.NewFromFloat(c.Constant)
	for i, x := range xs {
		if c.Weights[i] == 0 {
			continue
		}
		term := decimal.NewFromFloat(c.Weights[i]).Mul(decimal.NewFromFloat(x))
		out.Terms[i] = term.InexactFloat64()
		sum = sum.Add(term)
	}
	out.Score = sum.InexactFloat64()
	switch {
	case sum.LessThan(decimal.NewFromFloat(c.Lower)):
		out.Zone = ZoneDistress
	case sum.GreaterThan(decimal.NewFromFloat(c.Upper)):
		out.Zone = ZoneSafe
	default:
		out.Zone = ZoneGrey
	}
	return out, nil
}
