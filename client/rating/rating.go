package rating

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/days"
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

// Input is what the rating knows about one client over a period.
type Input struct {
	ClientID string `json:"client_id"`
	// ProfitShare is the client's share of the company's profit over the
	// period, in percent points (2.5 is 2.5 %), at most 100. Negative
	// for a loss-making client (see Config.AllowLoss).
	ProfitShare decimal.Decimal `json:"profit_share"`
	// Revenue and PreviousRevenue are the client's revenue over the
	// period and over the period of the same length before it; growth is
	// their relative change. Both non-negative.
	Revenue         decimal.Decimal `json:"revenue"`
	PreviousRevenue decimal.Decimal `json:"previous_revenue"`
	// Since is when the relationship started (Client.Since); zero if
	// unknown. Tenure runs from the earlier of Since and the first order.
	Since time.Time `json:"since,omitzero"`
	// History is the client's order history (Orders 0 if none); its
	// ClientID must be ClientID.
	History client.History `json:"history"`
	// PaymentDiscipline is the host's 0-100 payment score, nil when the
	// host has none. A missing score is not a zero: the factor is left
	// out and its weight shared among the others (see [Rate]).
	PaymentDiscipline *float64 `json:"payment_discipline,omitempty"`
}

// Contribution is one factor's part of a rating. Contributions of
// all factors add up to the score.
type Contribution struct {
	Factor Factor `json:"factor"`
	// Defined is false when the factor's input is missing or undefined;
	// then SubScore, EffectiveWeight and Contribution are 0.
	Defined  bool    `json:"defined"`
	SubScore float64 `json:"sub_score"`
	// Weight is the configured weight; EffectiveWeight the weight after
	// undefined factors' weights were shared out (both percent points).
	Weight          float64 `json:"weight"`
	EffectiveWeight float64 `json:"effective_weight"`
	// Contribution is SubScore · EffectiveWeight / 100.
	Contribution float64 `json:"contribution"`
	Explanation  string  `json:"explanation"`
}

// Rating is a client's 0-100 usefulness to the company. Scores, weights
// and contributions are float64: a rating is a dimensionless statistic,
// never money.
type Rating struct {
	ClientID string `json:"client_id"`
	// Score is the sum of the contributions, 0..100; meaningful only when
	// Defined.
	Score float64 `json:"score"`
	// Defined is false when no factor with a positive weight is defined;
	// Notes says why.
	Defined bool `json:"defined"`
	// Factors holds the four factors in the order value, growth, loyalty,
	// payment discipline.
	Factors []Contribution `json:"factors"`
	// Notes explains redistributed weights and an undefined rating.
	Notes []string `json:"notes,omitempty"`
}

// Rate rates one client as of asOf (the end of the period).
//
// # Sub-scores
//
//   - value = 100 · ProfitShare / FullMarksProfitShare, saturating at 100
//     once the share reaches the full mark; a negative share scores 0
//     (when AllowLoss) or is an error.
//   - growth = revenue change g = (Revenue − PreviousRevenue) /
//     PreviousRevenue · 100 %, mapped linearly: 100 · (g − floor) /
//     (ceiling − floor), saturating at 0 below the floor and 100 above the
//     ceiling. No revenue in the previous period leaves growth undefined
//     (a change from nothing has no percentage).
//   - loyalty = the average of a tenure half, 100 · years /
//     FullMarksTenureYears, and a repeat half, 100 · (Orders − 1) /
//     FullMarksRepeatOrders, each saturating at 100. Years are whole days
//     since the start of the relationship / 365.25. With no start known
//     (no Since, no order) loyalty is undefined.
//   - payment discipline = the host's number as given.
//
// # Weights
//
// score = Σ sub-score · effective weight / 100. An undefined factor is
// left out, not scored zero: the weights of the defined factors are
// scaled up in proportion so they sum to 100 again (with value 40 and
// growth 20 defined alone, they count 66.7 and 33.3), and a note says
// so. If no factor with a positive weight is defined, the rating is
// undefined.
//
// Errors (ErrInvalid, all at once): an invalid cfg, a zero asOf,
// a missing client ID, a profit share above 100 or negative without
// AllowLoss, a negative revenue, a profit share or revenue out of range
// (more than 30 decimal places or a scale above 10^30), a payment
// discipline outside 0..100 (or NaN), a Since or order after asOf, a
// malformed history or one of another client.
func Rate(in Input, asOf time.Time, cfg Config) (Rating, error) {
	var p validate.Problems
	p.Merge("config", cfg.Validate())
	if asOf.IsZero() {
		p.Add("as_of", nil, "is required")
	}
	checkInput(&p, "", in, asOf, cfg)
	if err := p.Err(ErrInvalid); err != nil {
		return Rating{}, err
	}
	sc := newScale(cfg)
	return sc.rate(in, asOf, make([]Contribution, numFactors)), nil
}

// RateAll rates every client of the base, in input order. Errors are
// those of Rate, each under "inputs[i]", plus an empty base and a
// repeated client ID.
func RateAll(inputs []Input, asOf time.Time, cfg Config) ([]Rating, error) {
	var p validate.Problems
	p.Limit("inputs", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	if asOf.IsZero() {
		p.Add("as_of", nil, "is required")
	}
	if len(inputs) == 0 {
		p.Add("inputs", nil, "the client base is empty")
	}
	p.Each("inputs", len(inputs), func(q *validate.Problems, i int) { checkInput(q, "", inputs[i], asOf, cfg) })
	p.Repeats("inputs", "client_id", len(inputs), func(i int) string { return inputs[i].ClientID })
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	sc := newScale(cfg)
	out := make([]Rating, len(inputs))
	factors := make([]Contribution, numFactors*len(inputs))
	for i := range inputs {
		out[i] = sc.rate(inputs[i], asOf, factors[numFactors*i:numFactors*(i+1):numFactors*(i+1)])
	}
	return out, nil
}

func checkInput(p *validate.Problems, prefix string, in Input, asOf time.Time, cfg Config) {
	if strings.TrimSpace(in.ClientID) == "" {
		p.Add(validate.Path(prefix, "client_id"), nil, "is required")
	}
	// who names the client in a reason; built only for a problem found.
	who := func() string { return fmt.Sprintf("client %q: ", in.ClientID) }
	// The range comes first: comparing an out-of-range decimal with 100
	// would rescale it to billions of digits.
	switch {
	case !validate.InRange(in.ProfitShare):
		p.Add(validate.Path(prefix, "profit_share"), validate.Sci(in.ProfitShare), who()+validate.RangeReason)
	case in.ProfitShare.GreaterThan(hundred):
		p.Add(validate.Path(prefix, "profit_share"), in.ProfitShare, who()+"a share of the company's profit cannot exceed 100 %")
	case in.ProfitShare.Sign() < 0 && !cfg.AllowLoss:
		p.Add(validate.Path(prefix, "profit_share"), in.ProfitShare, who()+"is negative (a loss-making client); set allow_loss to rate it 0 on value")
	}
	for _, a := range []struct {
		name string
		v    decimal.Decimal
	}{{"revenue", in.Revenue}, {"previous_revenue", in.PreviousRevenue}} {
		switch {
		case !validate.InRange(a.v):
			p.Add(validate.Path(prefix, a.name), validate.Sci(a.v), who()+validate.RangeReason)
		case a.v.Sign() < 0:
			p.Add(validate.Path(prefix, a.name), a.v, who()+"must not be negative")
		}
	}
	if d := in.PaymentDiscipline; d != nil && !(*d >= 0 && *d <= 100) { // NaN fails both
		p.Add(validate.Path(prefix, "payment_discipline"), *d, who()+"must be within 0..100 (leave it out when unknown)")
	}
	if !asOf.IsZero() && in.Since.After(asOf) {
		p.Add(validate.Path(prefix, "since"), in.Since.Format(time.RFC3339), who()+"is after the as-of date "+asOf.Format(time.RFC3339))
	}
	switch {
	case in.History.ClientID != in.ClientID:
		p.Addf(validate.Path(prefix, "history.client_id"), in.History.ClientID, "is not the client's ID %q (pass a history with orders 0 for a client that never ordered)", in.ClientID)
	default:
		p.Merge(validate.Path(prefix, "history"), in.History.ValidateAsOf(asOf))
	}
}

// daysPerYear is the mean Julian year, so that four years with a
// leap day are exactly four years.
const daysPerYear = 365.25

// numFactors is the number of factors: value, growth, loyalty,
// payment discipline.
const numFactors = 4

// scale is a config made ready to rate many clients: what each
// rating reads from the config, converted once. Sub-scores are float64
// statistics (see Rating), so the inputs are converted to float64 once
// each and the arithmetic is plain floating point; the text of an
// explanation prints the decimals as given.
type scale struct {
	cfg     Config
	weights [numFactors]float64
	// full, floor and ceiling are FullMarksProfitShare, GrowthFloor and
	// GrowthCeiling, as numbers and as text.
	full, floor, ceiling          float64
	fullText, floorText, ceilText string
}

func newScale(cfg Config) *scale {
	w := cfg.Weights
	return &scale{
		cfg:       cfg,
		weights:   [numFactors]float64{toFloat(w.Value), toFloat(w.Growth), toFloat(w.Loyalty), toFloat(w.PaymentDiscipline)},
		full:      toFloat(cfg.FullMarksProfitShare),
		floor:     toFloat(cfg.GrowthFloor),
		ceiling:   toFloat(cfg.GrowthCeiling),
		fullText:  cfg.FullMarksProfitShare.String(),
		floorText: cfg.GrowthFloor.String(),
		ceilText:  cfg.GrowthCeiling.String(),
	}
}

// rate rates one valid input as of asOf, filling factors (length
// numFactors) with the contributions.
func (sc *scale) rate(in Input, asOf time.Time, factors []Contribution) Rating {
	factors[0] = sc.value(in)
	factors[1] = sc.growth(in)
	factors[2] = sc.loyalty(in, asOf)
	factors[3] = payment(in)
	r := Rating{ClientID: in.ClientID, Factors: factors}
	defined, undefined := 0.0, 0.0
	for i := range factors {
		c := &factors[i]
		c.Weight = sc.weights[i]
		if c.Defined {
			defined += c.Weight
		} else {
			undefined += c.Weight
		}
	}
	if defined == 0 {
		r.Notes = []string{"undefined: no factor with a positive weight is defined"}
		return r
	}
	r.Defined = true
	for i := range factors {
		c := &factors[i]
		if !c.Defined {
			continue
		}
		c.EffectiveWeight = c.Weight * 100 / defined
		c.Contribution = c.SubScore * c.EffectiveWeight / 100
		r.Score += c.Contribution
	}
	if undefined > 0 {
		r.Notes = []string{redistributed(factors)}
	}
	return r
}

// redistributed says which undefined factors' weights were shared
// among which defined ones.
func redistributed(factors []Contribution) string {
	var missing, kept []string
	for _, c := range factors {
		if c.Defined {
			kept = append(kept, c.Factor.String())
		} else if c.Weight > 0 {
			missing = append(missing, c.Factor.String()+" ("+num(c.Weight)+" points)")
		}
	}
	return "undefined " + strings.Join(missing, ", ") + " left out, not counted as zero: the weight was shared among " +
		strings.Join(kept, ", ") + " in proportion to their weights"
}

func (sc *scale) value(in Input) Contribution {
	c := Contribution{Factor: Value, Defined: true}
	share := toFloat(in.ProfitShare)
	text := in.ProfitShare.String()
	switch {
	case in.ProfitShare.Sign() < 0:
		c.Explanation = "profit share " + text + " %: the company loses money on the client, value 0"
	case in.ProfitShare.GreaterThanOrEqual(sc.cfg.FullMarksProfitShare):
		c.SubScore = 100
		c.Explanation = "profit share " + text + " % reaches the full mark of " + sc.fullText + " %: value 100 (saturated)"
	default:
		c.SubScore = 100 * (share / sc.full) // share < full: at most 100 after rounding
		c.Explanation = "profit share " + text + " % of the full mark of " + sc.fullText + " %: value " + num(c.SubScore)
	}
	return c
}

func (sc *scale) growth(in Input) Contribution {
	c := Contribution{Factor: Growth}
	if in.PreviousRevenue.Sign() == 0 {
		c.Explanation = "no revenue in the previous period (now " + in.Revenue.String() + "): growth from nothing has no percentage, undefined"
		return c
	}
	c.Defined = true
	prev := toFloat(in.PreviousRevenue)
	g := (toFloat(in.Revenue) - prev) * 100 / prev
	head := "revenue " + in.Revenue.String() + " against " + in.PreviousRevenue.String() + " the period before: " + signed(g) + " %"
	switch {
	case g <= sc.floor:
		c.Explanation = head + ", at or below the floor of " + sc.floorText + " %: growth 0 (saturated)"
	case g >= sc.ceiling:
		c.SubScore = 100
		c.Explanation = head + ", at or above the ceiling of " + sc.ceilText + " %: growth 100 (saturated)"
	default:
		c.SubScore = 100 * ((g - sc.floor) / (sc.ceiling - sc.floor)) // within 0..100 after rounding
		c.Explanation = head + ", linear from " + sc.floorText + " % (0) to " + sc.ceilText + " % (100): growth " + num(c.SubScore)
	}
	return c
}

func (sc *scale) loyalty(in Input, asOf time.Time) Contribution {
	c := Contribution{Factor: Loyalty}
	start := in.Since
	if f := in.History.FirstOrder; !f.IsZero() && (start.IsZero() || f.Before(start)) {
		start = f
	}
	if start.IsZero() {
		c.Explanation = "no start of the relationship known (no since, no order): loyalty undefined"
		return c
	}
	c.Defined = true
	full, fullRepeats := sc.cfg.FullMarksTenureYears, sc.cfg.FullMarksRepeatOrders
	years := float64(days.Between(start, asOf)) / daysPerYear
	tenure := saturate(100 * years / float64(full))
	repeats := max(in.History.Orders-1, 0)
	repeat := saturate(100 * float64(repeats) / float64(fullRepeats))
	c.SubScore = (tenure + repeat) / 2
	c.Explanation = "tenure " + num(years) + " years of " + strconv.Itoa(full) + " for full marks (" + num(tenure) +
		") and " + strconv.Itoa(repeats) + " repeat orders of " + strconv.Itoa(fullRepeats) + " (" + num(repeat) +
		"), averaged: loyalty " + num(c.SubScore)
	return c
}

func payment(in Input) Contribution {
	c := Contribution{Factor: PaymentDiscipline}
	if in.PaymentDiscipline == nil {
		c.Explanation = "no payment-discipline score supplied: undefined"
		return c
	}
	c.Defined = true
	c.SubScore = *in.PaymentDiscipline
	c.Explanation = "payment discipline " + num(c.SubScore) + ", as supplied by the host"
	return c
}

// saturate caps a sub-score at its full marks of 100: the
// documented saturation of tenure and repeat orders (inputs are never
// negative here, so there is no lower cap).
func saturate(x float64) float64 { return math.Min(x, 100) }

// num prints a statistic with one decimal, or none when whole.
func num(x float64) string {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], x, 'f', 1, 64)
	if n := len(b); n >= 2 && b[n-2] == '.' && b[n-1] == '0' {
		b = b[:n-2]
	}
	return string(b)
}

func signed(x float64) string {
	if x > 0 {
		return "+" + num(x)
	}
	return num(x)
}

// toFloat converts a decimal input to the float64 the statistics are
// computed in, correctly rounded. A coefficient of at most 15 digits and
// an exponent within ±22 are both exact in float64, so one multiplication
// or division rounds once, without the big.Rat that InexactFloat64
// allocates; anything else takes InexactFloat64.
func toFloat(d decimal.Decimal) float64 {
	e := d.Exponent()
	if d.NumDigits() > 15 || e < -22 || e > 22 {
		return d.InexactFloat64()
	}
	c := float64(d.CoefficientInt64())
	if e < 0 {
		return c / pow10[-e]
	}
	return c * pow10[e]
}

// pow10 holds 10^0 ... 10^22, every power of ten a float64 holds
// exactly.
var pow10 = func() (p [23]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()
