package rating

import (
	"math"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

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
func (sc *scale) rate(in Input, asOf clientele.Date, factors []Contribution) Rating {
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

func (sc *scale) loyalty(in Input, asOf clientele.Date) Contribution {
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
	years := float64(asOf.Sub(start)) / daysPerYear
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
