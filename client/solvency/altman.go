package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Model is one of Altman's Z-score models. The zero Model is unset: in a
// [Config] it means "choose by the default rule" (see [ChooseModel]).
type Model uint8

const (
	// ModelZ is the original Z-score (Altman 1968) for listed
	// manufacturers: 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5, with X4
	// built on the market value of equity. Distress below 1.81, safe
	// above 2.99.
	ModelZ Model = iota + 1
	// ModelZPrime is Z' for private manufacturers, re-estimated with the
	// book value of equity in X4: 0.717·X1 + 0.847·X2 + 3.107·X3 +
	// 0.420·X4 + 0.998·X5. Distress below 1.23, safe above 2.90.
	ModelZPrime
	// ModelZDoublePrime is Z″ for non-manufacturers, without the
	// industry-sensitive asset turnover X5: 6.56·X1 + 3.26·X2 + 6.72·X3 +
	// 1.05·X4. Distress below 1.10, safe above 2.60.
	ModelZDoublePrime
	// ModelZDoublePrimeEM is Z″ for emerging-market companies: the Z″
	// sum plus the constant 3.25, which centres the scale so that a score
	// reads as Altman's bond-rating equivalent. The cut-offs move by the
	// same constant (distress below 4.35, safe above 5.85), so the zone is
	// the one Z″ gives.
	ModelZDoublePrimeEM
)

var modelNames = enum.Names{"", "z", "z_prime", "z_double_prime", "z_double_prime_em"}

type modelSpec struct {
	weights      [5]float64
	constant     float64
	lower, upper float64
	marketEquity bool // X4 on the market value of equity, else on book equity
	usesTurnover bool // X5 in the model
	title        string
}

var modelSpecs = [...]modelSpec{
	ModelZ: {weights: [5]float64{1.2, 1.4, 3.3, 0.6, 1.0}, lower: 1.81, upper: 2.99,
		marketEquity: true, usesTurnover: true, title: "Z"},
	ModelZPrime: {weights: [5]float64{0.717, 0.847, 3.107, 0.420, 0.998}, lower: 1.23, upper: 2.90,
		usesTurnover: true, title: "Z'"},
	ModelZDoublePrime: {weights: [5]float64{6.56, 3.26, 6.72, 1.05, 0}, lower: 1.10, upper: 2.60, title: "Z''"},
	ModelZDoublePrimeEM: {weights: [5]float64{6.56, 3.26, 6.72, 1.05, 0}, constant: 3.25, lower: 4.35, upper: 5.85,
		title: "Z''-EM"},
}

// ParseModel returns the model named s ("z", "z_prime", "z_double_prime",
// "z_double_prime_em").
func ParseModel(s string) (Model, error) { return enum.Parse[Model](modelNames, "altman model", s) }

func (m Model) String() string { return enum.String(modelNames, "Model", m) }

// Title is the name the literature uses: Z, Z', Z″ or Z″-EM.
func (m Model) Title() string {
	if !m.IsValid() {
		return m.String()
	}
	return modelSpecs[m].title
}

// IsValid reports whether m is one of the named models.
func (m Model) IsValid() bool { return enum.Valid(modelNames, m) }

// MarshalText implements encoding.TextMarshaler; an unset model is an error.
func (m Model) MarshalText() ([]byte, error) { return enum.Marshal(modelNames, "Model", m) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (m *Model) UnmarshalText(b []byte) error {
	return enum.Unmarshal(modelNames, "altman model", m, b)
}

// Zone is the Z-score's verdict. The zero Zone is unset (no score).
type Zone uint8

const (
	// ZoneDistress: below the lower cut-off, the profile of firms that
	// failed within two years in Altman's samples.
	ZoneDistress Zone = iota + 1
	// ZoneGrey: between the cut-offs, where the model misclassifies most.
	ZoneGrey
	// ZoneSafe: above the upper cut-off.
	ZoneSafe
)

var zoneNames = enum.Names{"", "distress", "grey", "safe"}

// ParseZone returns the zone named s ("distress", "grey", "safe").
func ParseZone(s string) (Zone, error) { return enum.Parse[Zone](zoneNames, "zone", s) }

func (z Zone) String() string { return enum.String(zoneNames, "Zone", z) }

// IsValid reports whether z is one of the named zones.
func (z Zone) IsValid() bool { return enum.Valid(zoneNames, z) }

// MarshalText implements encoding.TextMarshaler; an unset zone is an error.
func (z Zone) MarshalText() ([]byte, error) { return enum.Marshal(zoneNames, "Zone", z) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (z *Zone) UnmarshalText(b []byte) error { return enum.Unmarshal(zoneNames, "zone", z, b) }

// Facts are what the default model choice needs to know about a business
// client beyond its statement.
//
// The zero Facts describe a company that is neither a manufacturer nor in
// an emerging market: Z″ by the default rule.
type Facts struct {
	// Manufacturer: the client makes goods (Altman's Z and Z' samples
	// were manufacturers; asset turnover X5 is only comparable among them).
	Manufacturer bool `json:"manufacturer,omitempty"`
	// EmergingMarket: the client operates in an emerging market, where
	// Altman recommends the Z″-EM score.
	EmergingMarket bool `json:"emerging_market,omitempty"`
}

// Why the default rule chose a model, one constant per branch.
const (
	whyExplicit      = "chosen in the configuration"
	whyEmerging      = "emerging-market company: Z''-EM"
	whyNonManufactur = "not a manufacturer: Z'' (no asset turnover)"
	whyListed        = "listed manufacturer with a market value of equity: Z"
	whyPrivate       = "manufacturer without a market value of equity (private): Z'"
)

// ChooseModel applies the default rule: an emerging-market company gets
// Z″-EM; any other non-manufacturer Z″; a manufacturer whose market value
// of equity is known (a listed one) Z; any other manufacturer (a private
// one) Z'. It returns the model and the reason in words.
func ChooseModel(s Statement, f Facts) (Model, string) {
	switch {
	case f.EmergingMarket:
		return ModelZDoublePrimeEM, whyEmerging
	case !f.Manufacturer:
		return ModelZDoublePrime, whyNonManufactur
	case s.MarketEquity.Valid:
		return ModelZ, whyListed
	default:
		return ModelZPrime, whyPrivate
	}
}

// Altman is one Z-score with everything that made it: the model and why
// it was chosen, the five variables, the score and its zone.
//
// The zero Altman is no score (an unset Model and Zone).
type Altman struct {
	Model Model `json:"model"`
	// Why says how the model was chosen.
	Why string `json:"why"`
	// X1 = working capital / total assets (liquidity).
	X1 Measure `json:"x1"`
	// X2 = retained earnings / total assets (cumulative profitability,
	// which also reflects the firm's age).
	X2 Measure `json:"x2"`
	// X3 = EBIT / total assets (earning power of the assets), EBIT
	// scaled to a year when the statement covers another period.
	X3 Measure `json:"x3"`
	// X4 = equity / total liabilities: market value of equity for Z,
	// book value for Z', Z″ and Z″-EM (how far assets can fall before
	// liabilities exceed them).
	X4 Measure `json:"x4"`
	// X5 = revenue / total assets (asset turnover), revenue scaled to a
	// year; undefined with cause not_used in the Z″ models.
	X5 Measure `json:"x5"`
	// Score is the weighted sum, undefined when a variable the model uses
	// is; its Field then names the missing input.
	Score Measure `json:"score"`
	// Zone is unset when Score is undefined.
	Zone Zone `json:"zone,omitzero"`
}

// ZScore validates the statement and computes the Z-score with model m,
// which must be valid (choose it with [ChooseModel] to apply the default
// rule).
func ZScore(s Statement, m Model) (Altman, error) {
	var p validate.Problems
	if !m.IsValid() {
		p.Add("model", m, "unknown Altman model (want z, z_prime, z_double_prime or z_double_prime_em)")
	}
	s.check(&p, "")
	if err := p.Err(ErrInvalid); err != nil {
		return Altman{}, err
	}
	return zscore(&s, m, whyExplicit), nil
}

// zscore computes the score; s is valid and m is a valid model.
func zscore(s *Statement, m Model, why string) Altman {
	spec := &modelSpecs[m]
	a := Altman{Model: m, Why: why}
	var qs [5]fraction
	qs[0], a.X1 = ratioFraction(difference(s.CurrentAssets, "current_assets", s.CurrentLiabilities, "current_liabilities"), s.TotalAssets, "total_assets", false)
	qs[1], a.X2 = ratioFraction(named(s.RetainedEarnings, "retained_earnings"), s.TotalAssets, "total_assets", false)
	// Altman's X3 and X5 are a year's EBIT and sales against the assets:
	// a quarter's figures are scaled to 365 days first.
	qs[2], a.X3 = ratioFraction(named(s.EBIT, "ebit").annualised(s.days()), s.TotalAssets, "total_assets", false)
	if spec.marketEquity {
		qs[3], a.X4 = ratioFraction(named(s.MarketEquity, "market_equity"), s.TotalLiabilities, "total_liabilities", false)
	} else {
		qs[3], a.X4 = ratioFraction(named(s.Equity, "equity"), s.TotalLiabilities, "total_liabilities", false)
	}
	if spec.usesTurnover {
		qs[4], a.X5 = ratioFraction(named(s.Revenue, "revenue").annualised(s.days()), s.TotalAssets, "total_assets", false)
	} else {
		a.X5 = undefined(CauseNotUsed, "")
	}
	xs := [5]Measure{a.X1, a.X2, a.X3, a.X4, a.X5}
	z, size := spec.constant, math.Abs(spec.constant)
	for i, x := range xs {
		if spec.weights[i] == 0 {
			continue
		}
		if !x.Defined {
			a.Score = x
			return a
		}
		z += spec.weights[i] * x.Value
		size += math.Abs(spec.weights[i] * x.Value)
	}
	if !measureOf(z).Defined {
		a.Score = measureOf(z)
		return a
	}
	// Within float error of a cut-off, the exact weighted sum decides.
	ex := &modelExact[m]
	cmp := func(c decimal.Decimal) int { return cmpZ(ex, &qs, c) }
	z = settle(z, spec.lower, ex.lower, zTol*size, cmp)
	z = settle(z, spec.upper, ex.upper, zTol*size, cmp)
	a.Score = measureOf(z)
	a.Zone = zoneOf(z, spec.lower, spec.upper)
	return a
}

// zTol bounds the float error of a Z-score relative to the sum of its
// terms' sizes: each variable is within a few ulps, and the weighted sum
// adds six roundings, some 10⁻¹⁵ in all; 10⁻¹² leaves a wide margin.
const zTol = 1e-12

// modelDecimal holds a model's weights, constant and cut-offs as the
// decimals they are written as (1.2, 3.25, 1.81), for the exact zone.
type modelDecimal struct {
	weights                [5]decimal.Decimal
	constant, lower, upper decimal.Decimal
}

var modelExact = func() (out [len(modelSpecs)]modelDecimal) {
	for m := ModelZ; m.IsValid(); m++ {
		spec, ex := &modelSpecs[m], &out[m]
		for i, w := range spec.weights {
			ex.weights[i] = decimal.NewFromFloat(w)
		}
		ex.constant, ex.lower, ex.upper = decimal.NewFromFloat(spec.constant), decimal.NewFromFloat(spec.lower), decimal.NewFromFloat(spec.upper)
	}
	return out
}()

// cmpZ returns the sign of Z − c, exactly: with Z = constant + Σ wᵢ·qᵢ
// and every qᵢ = nᵢ/dᵢ (dᵢ > 0), the sign of (constant − c)·Πdᵢ +
// Σ wᵢ·nᵢ·Π_{j≠i}dⱼ, built one variable at a time.
func cmpZ(ex *modelDecimal, qs *[5]fraction, c decimal.Decimal) int {
	sum, prod := ex.constant.Sub(c), decimal.NewFromInt(1)
	for i := range qs {
		if ex.weights[i].IsZero() {
			continue
		}
		q := &qs[i]
		n := ex.weights[i].Mul(q.n.Decimal()).Mul(decimal.NewFromInt(q.mul))
		d := q.d.Decimal().Mul(decimal.NewFromInt(q.div))
		sum = sum.Mul(d).Add(n.Mul(prod))
		prod = prod.Mul(d)
	}
	return sum.Sign()
}

// settle returns z, or, when z lies within tol of the cut-off c (whose
// decimal is cd), the float that compares with c as the exact value
// does: c itself when equal, else z kept or moved one ulp to the exact
// side.
func settle(z, c float64, cd decimal.Decimal, tol float64, cmp func(decimal.Decimal) int) float64 {
	if math.Abs(z-c) > tol {
		return z
	}
	switch sign := cmp(cd); {
	case sign == 0:
		return c
	case sign > 0:
		return math.Max(z, math.Nextafter(c, math.Inf(1)))
	default:
		return math.Min(z, math.Nextafter(c, math.Inf(-1)))
	}
}

func zoneOf(z, lower, upper float64) Zone {
	switch {
	case z < lower:
		return ZoneDistress
	case z > upper:
		return ZoneSafe
	default:
		return ZoneGrey
	}
}
