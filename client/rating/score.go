package rating

import (
	"math"
	"math/big"
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
//
// The weights are the exception: they are decimals that sum to exactly
// 100, and shared out in floating point they did not (50/30/10/10 with
// growth undefined gave a score of 100.00000000000001). So the shares
// of each set of defined factors are computed once, in exact rational
// arithmetic on the decimal weights, and rounded once; and a score that
// rounding would still push outside its sub-scores' range (so possibly
// past 100) is computed exactly. A scale is for one goroutine at a time.
type scale struct {
	cfg     Config
	weights [numFactors]float64
	// exact holds the weights as exact rationals.
	exact [numFactors]big.Rat
	// shares caches each set of defined factors' shares, by the set's
	// bit mask (bit i for factor i).
	shares [1 << numFactors]*shareSet
	// full, floor and ceiling are FullMarksProfitShare, GrowthFloor and
	// GrowthCeiling, as numbers and as text.
	full, floor, ceiling          float64
	fullText, floorText, ceilText string
}

// shareSet is how one set of defined factors shares the rating: with D
// the sum of their weights, factor i's share is w_i / D.
type shareSet struct {
	den big.Rat // D; zero when no defined factor has a positive weight
	// share[i] is w_i / D exactly; float[i] that rounded once, and
	// effective[i] 100 · w_i / D rounded once.
	share            [numFactors]big.Rat
	float, effective [numFactors]float64
}

func newScale(cfg Config) *scale {
	w := cfg.Weights
	sc := &scale{
		cfg:       cfg,
		weights:   [numFactors]float64{toFloat(w.Value), toFloat(w.Growth), toFloat(w.Loyalty), toFloat(w.PaymentDiscipline)},
		full:      toFloat(cfg.FullMarksProfitShare),
		floor:     toFloat(cfg.GrowthFloor),
		ceiling:   toFloat(cfg.GrowthCeiling),
		fullText:  cfg.FullMarksProfitShare.String(),
		floorText: cfg.GrowthFloor.String(),
		ceilText:  cfg.GrowthCeiling.String(),
	}
	for i, d := range [numFactors]decimal.Decimal{w.Value, w.Growth, w.Loyalty, w.PaymentDiscipline} {
		sc.exact[i].Set(d.Rat())
	}
	return sc
}

// ratHundred is 100 as a rational, for effective weights in percent
// points.
var ratHundred = big.NewRat(100, 1)

// sharesOf returns the shares of the factors in mask, computing them
// the first time.
func (sc *scale) sharesOf(mask int) *shareSet {
	if s := sc.shares[mask]; s != nil {
		return s
	}
	s := &shareSet{}
	for i := range numFactors {
		if mask&(1<<i) != 0 {
			s.den.Add(&s.den, &sc.exact[i])
		}
	}
	if s.den.Sign() != 0 {
		var eff big.Rat
		for i := range numFactors {
			if mask&(1<<i) != 0 {
				s.share[i].Quo(&sc.exact[i], &s.den)
				s.float[i], _ = s.share[i].Float64()
				s.effective[i], _ = eff.Mul(&s.share[i], ratHundred).Float64()
			}
		}
	}
	sc.shares[mask] = s
	return s
}

// rate rates one valid input as of asOf, filling factors (length
// numFactors) with the contributions.
//
// With D the sum of the defined factors' weights, a defined factor's
// effective weight is 100 · w / D, its contribution sub-score · w / D,
// and the score their sum: a weighted mean of the sub-scores, so it lies
// between the least and the greatest of them. Computed in float64 from
// the exactly rounded shares it is within a few ulps of the exact mean;
// should those ulps take it outside that range, the score and the
// contributions are computed exactly and rounded once instead.
func (sc *scale) rate(in Input, asOf clientele.Date, factors []Contribution) Rating {
	factors[0] = sc.value(in)
	factors[1] = sc.growth(in)
	factors[2] = sc.loyalty(in, asOf)
	factors[3] = payment(in)
	r := Rating{ClientID: in.ClientID, Factors: factors}
	mask, undefined := 0, false
	for i := range factors {
		c := &factors[i]
		c.Weight = sc.weights[i]
		if c.Defined {
			mask |= 1 << i
		} else if c.Weight > 0 {
			undefined = true
		}
	}
	set := sc.sharesOf(mask)
	if set.den.Sign() == 0 {
		r.Notes = []string{"undefined: no factor with a positive weight is defined"}
		return r
	}
	r.Defined = true
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range factors {
		c := &factors[i]
		if !c.Defined || set.float[i] == 0 {
			continue // a factor of weight 0 bounds nothing
		}
		c.EffectiveWeight = set.effective[i]
		c.Contribution = c.SubScore * set.float[i]
		r.Score += c.Contribution
		lo, hi = min(lo, c.SubScore), max(hi, c.SubScore)
	}
	if r.Score < lo || r.Score > hi {
		r.Score = exactMean(factors, set)
	}
	if undefined {
		r.Notes = []string{redistributed(factors)}
	}
	return r
}

// exactMean sets each defined factor's contribution to sub-score · w / D
// rounded once, and returns their exact sum rounded once. Every
// sub-score is finite (they lie in 0..100), as SetFloat64 needs.
func exactMean(factors []Contribution, set *shareSet) float64 {
	var total, term big.Rat
	for i := range factors {
		c := &factors[i]
		if !c.Defined {
			continue
		}
		term.SetFloat64(c.SubScore)
		term.Mul(&term, &set.share[i])
		c.Contribution, _ = term.Float64()
		total.Add(&total, &term)
	}
	score, _ := total.Float64()
	return score
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
	rev, prev := revenues(in.Revenue, in.PreviousRevenue)
	g := (rev - prev) * 100 / prev
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

// maxRevenueDigits is how many integer digits a revenue may have before
// growth is computed on both revenues scaled down alike: 10^300 and
// its hundredfold still make a finite float64 difference.
const maxRevenueDigits = 300

// revenues returns rev and prev as float64, both divided by the same
// power of ten when either has more than maxRevenueDigits integer digits
// (a bounded exponent does not bound the coefficient): growth depends
// only on their ratio, and 10^400 against 10^400 would otherwise be
// Inf against Inf, a growth of NaN.
func revenues(rev, prev decimal.Decimal) (float64, float64) {
	digits := max(rev.NumDigits()+int(rev.Exponent()), prev.NumDigits()+int(prev.Exponent()))
	if k := digits - maxRevenueDigits; k > 0 {
		rev, prev = rev.Shift(int32(-k)), prev.Shift(int32(-k))
	}
	return toFloat(rev), toFloat(prev)
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
