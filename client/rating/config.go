package rating

import (
	"slices"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Factor is one of the four factors of the client rating. The zero
// value is unset.
type Factor uint8

const (
	// Value is the client's share of the company's profit.
	Value Factor = iota + 1
	// Growth is the period-over-period change of the client's revenue.
	Growth
	// Loyalty is tenure and repeat orders.
	Loyalty
	// PaymentDiscipline is how well the client pays, a 0-100 number
	// the host supplies (from its own solvency or receivables scoring).
	PaymentDiscipline
)

var factorNames = enum.Names{"", "value", "growth", "loyalty", "payment_discipline"}

// ParseFactor returns the factor named s ("value", "growth",
// "loyalty", "payment_discipline").
func ParseFactor(s string) (Factor, error) {
	return enum.Parse[Factor](factorNames, "rating factor", s)
}

func (f Factor) String() string { return enum.String(factorNames, "Factor", f) }

// IsValid reports whether f is one of the named factors.
func (f Factor) IsValid() bool { return enum.Valid(factorNames, f) }

// MarshalText implements encoding.TextMarshaler; an unset factor is an error.
func (f Factor) MarshalText() ([]byte, error) {
	return enum.Marshal(factorNames, "Factor", f)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (f *Factor) UnmarshalText(b []byte) error {
	return enum.Unmarshal(factorNames, "rating factor", f, b)
}

// Weights are the factors' weights in percent points ("40" is 40 %
// of the rating); they must sum to exactly 100.
type Weights struct {
	Value             decimal.Decimal `json:"value"`
	Growth            decimal.Decimal `json:"growth"`
	Loyalty           decimal.Decimal `json:"loyalty"`
	PaymentDiscipline decimal.Decimal `json:"payment_discipline"`
}

// Config sets the weights and the normalisation of each factor to a
// 0-100 sub-score. Percentages are decimal percent points, as everywhere
// in the library: "10" is 10 %.
type Config struct {
	Weights Weights `json:"weights"`
	// FullMarksProfitShare is the profit share (0 < s <= 100) that earns
	// the full 100 on value: value = 100 · share / FullMarksProfitShare,
	// saturating at 100 for any larger share.
	FullMarksProfitShare decimal.Decimal `json:"full_marks_profit_share"`
	// AllowLoss lets a negative profit share (a client the company loses
	// money on) be rated: it scores 0 on value. When false a negative
	// share is an input error.
	AllowLoss bool `json:"allow_loss"`
	// GrowthFloor and GrowthCeiling (percent points, -100 <= floor <
	// ceiling <= 1000) map the revenue change linearly to 0..100: a change
	// at or below the floor scores 0, at or above the ceiling 100.
	GrowthFloor   decimal.Decimal `json:"growth_floor"`
	GrowthCeiling decimal.Decimal `json:"growth_ceiling"`
	// FullMarksTenureYears (1..100) is the tenure that earns the full 100
	// on the tenure half of loyalty: tenure/FullMarksTenureYears · 100,
	// saturating at 100.
	FullMarksTenureYears int `json:"full_marks_tenure_years"`
	// FullMarksRepeatOrders (1..1,000,000) is the number of repeat orders
	// (orders after the first) that earns the full 100 on the repeat half
	// of loyalty, saturating likewise.
	FullMarksRepeatOrders int `json:"full_marks_repeat_orders"`
}

// DefaultConfig returns the library's default rating. The article
// asks the manager to "assess each client's usefulness to the company"
// without a formula, so the numbers are ours, chosen from its facts:
//
//   - weights value 40, growth 20, loyalty 20, payment discipline 20:
//     the article defines the key client by the share of profit it
//     brings, so value weighs most;
//   - full marks on value at a 10 % profit share: the article's "a few
//     key clients bring more than 50 % of the profit" is five clients at
//     10 % each, so 10 % is a key client's share;
//   - growth from -50 % (0) to +50 % (100): flat revenue scores 50;
//   - full marks on tenure after 5 years, on repeat orders after 12 (a
//     year of monthly orders);
//   - a loss-making client is rated, with 0 on value.
func DefaultConfig() Config {
	return Config{
		Weights: Weights{
			Value: decimal.NewFromInt(40), Growth: decimal.NewFromInt(20),
			Loyalty: decimal.NewFromInt(20), PaymentDiscipline: decimal.NewFromInt(20),
		},
		FullMarksProfitShare:  decimal.NewFromInt(10),
		AllowLoss:             true,
		GrowthFloor:           decimal.NewFromInt(-50),
		GrowthCeiling:         decimal.NewFromInt(50),
		FullMarksTenureYears:  5,
		FullMarksRepeatOrders: 12,
	}
}

var hundred = decimal.NewFromInt(100)

// Validate reports every problem at once: a weight outside 0..100,
// weights not summing to 100, and a normalisation bound out of range.
func (c Config) Validate() error {
	var p validate.Problems
	w := c.Weights
	p.Percent("weights.value", w.Value, 0, 100)
	p.Percent("weights.growth", w.Growth, 0, 100)
	p.Percent("weights.loyalty", w.Loyalty, 0, 100)
	p.Percent("weights.payment_discipline", w.PaymentDiscipline, 0, 100)
	// Decimals are compared and added only once in range (see
	// validate.MaxExponent).
	weights := []decimal.Decimal{w.Value, w.Growth, w.Loyalty, w.PaymentDiscipline}
	if !slices.ContainsFunc(weights, func(d decimal.Decimal) bool { return !validate.InRange(d) }) {
		if sum := decimal.Sum(weights[0], weights[1:]...); !sum.Equal(hundred) {
			p.Add("weights", sum, "must sum to 100 percent points")
		}
	}
	p.Share("full_marks_profit_share", c.FullMarksProfitShare)
	okFloor := p.CheckRange("growth_floor", c.GrowthFloor)
	okCeiling := p.CheckRange("growth_ceiling", c.GrowthCeiling)
	if okFloor && c.GrowthFloor.LessThan(decimal.NewFromInt(-100)) {
		p.Add("growth_floor", c.GrowthFloor, "must be at least -100 (revenue cannot fall by more than all of it)")
	}
	if okCeiling && c.GrowthCeiling.GreaterThan(decimal.NewFromInt(1000)) {
		p.Add("growth_ceiling", c.GrowthCeiling, "must be at most 1000 (tenfold growth)")
	}
	if okFloor && okCeiling && !c.GrowthFloor.LessThan(c.GrowthCeiling) {
		p.Addf("growth_ceiling", c.GrowthCeiling, "must be above growth_floor %s", c.GrowthFloor)
	}
	if c.FullMarksTenureYears < 1 || c.FullMarksTenureYears > 100 {
		p.Add("full_marks_tenure_years", c.FullMarksTenureYears, "must be within 1..100")
	}
	if c.FullMarksRepeatOrders < 1 || c.FullMarksRepeatOrders > 1_000_000 {
		p.Add("full_marks_repeat_orders", c.FullMarksRepeatOrders, "must be within 1..1000000")
	}
	return p.Err(ErrInvalid)
}
