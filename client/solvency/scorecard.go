package solvency

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// ScorecardConfig is a points-based scorecard: the score of a client is
// BasePoints plus, for each factor, the points of the bin its feature's
// value falls in. The total is read on the [Scaling] as log-odds, so the
// points are in the same unit as the score itself (with the default
// scaling, 20 points double the odds).
//
// The zero ScorecardConfig has no factors: Validate says so.
type ScorecardConfig struct {
	BasePoints float64  `json:"base_points"`
	Factors    []Factor `json:"factors"`
}

// Factor scores one feature. Bins must cover every value exactly once;
// a value that is missing (unknown input, no history) gets MissingPoints
// and lowers the confidence; a value that is undefined although its
// inputs are known (a zero denominator: no interest paid, no current
// liabilities) gets UndefinedPoints.
//
// The zero Factor scores no feature: Validate refuses it.
type Factor struct {
	Feature         Feature `json:"feature"`
	Bins            []Bin   `json:"bins"`
	MissingPoints   float64 `json:"missing_points"`
	UndefinedPoints float64 `json:"undefined_points"`
	// Reason is the words shown to a manager when this factor costs
	// points ("current liabilities are poorly covered"). Optional.
	Reason string `json:"reason,omitempty"`
}

// Bin is one interval of a numeric feature, From (included) to To
// (excluded); a missing From is minus infinity, a missing To plus
// infinity. An edge of up to 12 significant digits is met exactly by a
// statistic the package computes (see the package overview). For a categorical feature (altman_zone, payment_trend) a bin
// names one Category instead.
//
// The zero Bin covers every number (no from, no to) for 0 points.
type Bin struct {
	From     *float64 `json:"from,omitempty"`
	To       *float64 `json:"to,omitempty"`
	Category string   `json:"category,omitempty"`
	Points   float64  `json:"points"`
}

// Limits that keep a scorecard small enough to be compiled into fixed
// arrays and its points far from the float64 range.
const (
	maxBins   = 16
	maxPoints = 10000
)

// Validate reports every problem with the scorecard at once: unknown or
// repeated features, bins that overlap or leave gaps, points out of
// range.
func (c ScorecardConfig) Validate() error {
	var p validate.Problems
	c.check(&p, "", false)
	return p.Err(ErrInvalid)
}

func (c ScorecardConfig) check(p *validate.Problems, prefix string, paymentsOnly bool) {
	checkFloat(p, prefix, "base_points", c.BasePoints, -100*maxPoints, 100*maxPoints)
	if len(c.Factors) == 0 {
		p.Add(join(prefix, "factors"), nil, "a scorecard needs at least one factor")
		return
	}
	var seen [numFeatures]int
	rng := 0.0
	for i, fc := range c.Factors {
		f := join(prefix, "factors["+strconv.Itoa(i)+"]")
		switch {
		case !fc.Feature.IsValid():
			p.Add(f+".feature", fc.Feature, "unknown feature")
			continue
		case seen[fc.Feature] > 0:
			p.Addf(f+".feature", fc.Feature, "is scored already by factors[%d]", seen[fc.Feature]-1)
		case paymentsOnly && !fc.Feature.FromPayments():
			p.Add(f+".feature", fc.Feature, "an individual has no financial statements: only payment features may be scored")
		}
		seen[fc.Feature] = i + 1
		checkFloat(p, f, "missing_points", fc.MissingPoints, -maxPoints, maxPoints)
		checkFloat(p, f, "undefined_points", fc.UndefinedPoints, -maxPoints, maxPoints)
		p.Text(f+".reason", fc.Reason, validate.MaxTextLen)
		switch {
		case len(fc.Bins) == 0:
			p.Add(f+".bins", nil, "a factor needs at least one bin")
			continue
		case len(fc.Bins) > maxBins:
			p.Addf(f+".bins", len(fc.Bins), "a factor has at most %d bins", maxBins)
			continue
		}
		for j, b := range fc.Bins {
			checkFloat(p, f+".bins["+strconv.Itoa(j)+"]", "points", b.Points, -maxPoints, maxPoints)
		}
		if cats := fc.Feature.categories(); cats != nil {
			checkCategoryBins(p, f+".bins", cats, fc.Bins)
		} else {
			checkNumericBins(p, f+".bins", fc.Bins)
		}
		lo, hi := fc.pointsRange()
		rng += hi - lo
	}
	if rng == 0 && p.Len() == 0 {
		p.Add(join(prefix, "factors"), nil, "every bin of every factor has the same points: the scorecard cannot tell clients apart")
	}
}

// pointsRange is the lowest and highest points a factor can give a known
// value: over its bins and its undefined points.
func (fc Factor) pointsRange() (lo, hi float64) {
	lo, hi = fc.UndefinedPoints, fc.UndefinedPoints
	for _, b := range fc.Bins {
		lo, hi = math.Min(lo, b.Points), math.Max(hi, b.Points)
	}
	return lo, hi
}

// sortedBins returns the bin indices by lower edge, open-ended first.
func sortedBins(bins []Bin) []int {
	order := make([]int, len(bins))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		fa, fb := bins[a].From, bins[b].From
		switch {
		case fa == nil && fb == nil:
			return 0
		case fa == nil:
			return -1
		case fb == nil:
			return 1
		}
		return cmp.Compare(*fa, *fb)
	})
	return order
}

// checkNumericBins checks that the bins tile the real line: the lowest
// starts open, each starts where the previous ends, the highest ends
// open. Every overlap and every gap is reported.
func checkNumericBins(p *validate.Problems, prefix string, bins []Bin) {
	name := func(i int) string { return prefix + "[" + strconv.Itoa(i) + "]" }
	finite := true
	for i, b := range bins {
		if b.Category != "" {
			p.Add(name(i)+".category", strconv.Quote(b.Category), "a numeric feature's bins have from/to, not a category")
		}
		for _, e := range []struct {
			n string
			v *float64
		}{{".from", b.From}, {".to", b.To}} {
			if e.v != nil && (math.IsNaN(*e.v) || math.IsInf(*e.v, 0)) {
				p.Add(name(i)+e.n, *e.v, "must be a finite number (leave it out for an open end)")
				finite = false
			}
		}
		if b.From != nil && b.To != nil && *b.From >= *b.To {
			p.Addf(name(i)+".to", *b.To, "must be above from %v", *b.From)
		}
	}
	if !finite {
		return
	}
	order := sortedBins(bins)
	first, last := order[0], order[len(order)-1]
	if bins[first].From != nil {
		p.Addf(name(first)+".from", *bins[first].From, "leaves a gap: values below %v fall in no bin (the lowest bin starts open, without from)", *bins[first].From)
	}
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		ba, bb := bins[a], bins[b]
		switch {
		case bb.From == nil:
			p.Addf(name(b)+".from", nil, "overlaps %s: both start open", name(a))
		case ba.To == nil:
			p.Addf(name(a)+".to", nil, "overlaps %s: it runs to infinity, but %s starts at %v", name(b), name(b), *bb.From)
		case *ba.To > *bb.From:
			p.Addf(name(b)+".from", *bb.From, "overlaps %s, which runs to %v", name(a), *ba.To)
		case *ba.To < *bb.From:
			p.Addf(name(b)+".from", *bb.From, "leaves a gap: values from %v (%s.to) to %v fall in no bin", *ba.To, name(a), *bb.From)
		}
	}
	if bins[last].To != nil {
		p.Addf(name(last)+".to", *bins[last].To, "leaves a gap: values from %v up fall in no bin (the highest bin ends open, without to)", *bins[last].To)
	}
}

// checkCategoryBins checks that each category has exactly one bin.
func checkCategoryBins(p *validate.Problems, prefix string, cats []string, bins []Bin) {
	first := make([]int, len(cats))
	for i, b := range bins {
		f := prefix + "[" + strconv.Itoa(i) + "]"
		if b.From != nil || b.To != nil {
			p.Add(f, nil, "a categorical feature's bins name a category, not from/to")
		}
		k := slices.Index(cats, b.Category)
		switch {
		case k < 0:
			p.Addf(f+".category", strconv.Quote(b.Category), "unknown category (want one of %s)", strings.Join(cats, ", "))
		case first[k] > 0:
			p.Addf(f+".category", b.Category, "overlaps %s[%d]: the category has a bin already", prefix, first[k]-1)
		default:
			first[k] = i + 1
		}
	}
	for k, c := range cats {
		if first[k] == 0 {
			p.Addf(prefix, c, "leaves a gap: category %s has no bin", c)
		}
	}
}

// Scorecard is a validated, compiled scorecard: bins sorted into fixed
// arrays, scaling constants computed, so that scoring allocates nothing
// and takes a few dozen nanoseconds. It is immutable and safe for
// concurrent use. Build one with [NewScorer]. The zero Scorecard has no
// factors and no scaling: it scores nothing, giving the zero ScoreResult,
// whose unset Grade says so.
type Scorecard struct {
	base       float64
	baseUnits  int64
	unit       unitScale // the exact scale of points, base and grade minimums
	factors    []compiledFactor
	scaling    compiledScaling
	grades     compiledGrades
	maxReasons int
	totalRange float64
}

type compiledFactor struct {
	feature     Feature
	categorical bool
	n           int
	// edges[k] is the lower edge of sorted bin k+1 (sorted bin 0 starts
	// at minus infinity); for a categorical feature, sorted bin k is
	// category k+1.
	edges              [maxBins - 1]float64
	points             [maxBins]float64
	bin                [maxBins]int // the configured index of sorted bin k
	missing, undefined float64
	// pointUnits, missingUnits and undefinedUnits are the points on the
	// scorecard's unit scale.
	pointUnits                   [maxBins]int64
	missingUnits, undefinedUnits int64
	best, rng                    float64
	reason                       string
}

func compileScorecard(c ScorecardConfig, s Scaling, grades []GradeBand, maxReasons int) *Scorecard {
	sc := &Scorecard{base: c.BasePoints, scaling: s.compile(), grades: compileGrades(grades), maxReasons: maxReasons}
	for _, fc := range c.Factors {
		cf := compiledFactor{feature: fc.Feature, n: len(fc.Bins), missing: fc.MissingPoints,
			undefined: fc.UndefinedPoints, best: math.Inf(-1), reason: fc.Reason}
		if cats := fc.Feature.categories(); cats != nil {
			cf.categorical = true
			for i, b := range fc.Bins {
				k := slices.Index(cats, b.Category)
				cf.points[k], cf.bin[k] = b.Points, i
			}
		} else {
			for k, i := range sortedBins(fc.Bins) {
				if k > 0 {
					cf.edges[k-1] = *fc.Bins[i].From
				}
				cf.points[k], cf.bin[k] = fc.Bins[i].Points, i
			}
		}
		for _, b := range fc.Bins {
			cf.best = math.Max(cf.best, b.Points)
		}
		lo, hi := fc.pointsRange()
		cf.rng = hi - lo
		sc.totalRange += cf.rng
		sc.factors = append(sc.factors, cf)
	}
	values := []float64{c.BasePoints}
	for _, fc := range c.Factors {
		values = append(values, fc.MissingPoints, fc.UndefinedPoints)
		for _, b := range fc.Bins {
			values = append(values, b.Points)
		}
	}
	sc.unit = scaleOf(append(values, sc.grades.mins[:sc.grades.n-1]...))
	sc.baseUnits = sc.unit.units(c.BasePoints)
	for i := range sc.factors {
		cf := &sc.factors[i]
		for k := range cf.n {
			cf.pointUnits[k] = sc.unit.units(cf.points[k])
		}
		cf.missingUnits, cf.undefinedUnits = sc.unit.units(cf.missing), sc.unit.units(cf.undefined)
	}
	for i := range sc.grades.n - 1 {
		sc.grades.minUnits[i] = sc.unit.units(sc.grades.mins[i])
	}
	return sc
}

// ScoreResult is a scored client: the score, what it means (log-odds,
// odds, probability of default, grade), how much of it rests on data
// (confidence), each factor's points and the reason codes. Points, odds
// and probabilities are float64 statistics.
//
// The zero ScoreResult is no score: its Grade is unset.
type ScoreResult struct {
	// Score is BasePoints plus every factor's points.
	Score float64 `json:"score"`
	// LogOdds is ln(good:bad odds) = (Score − Offset) / Factor.
	LogOdds float64 `json:"log_odds"`
	// Odds are the good:bad odds e^LogOdds, undefined beyond the float64
	// range.
	Odds Measure `json:"odds"`
	// PD is the implied probability of default, 1 / (1 + odds).
	PD    float64 `json:"pd"`
	Grade Grade   `json:"grade"`
	// Confidence is the share of the scorecard's points range that rests
	// on known data: 1 when nothing is missing, lower by each missing
	// factor's range (the spread between its lowest and highest points).
	Confidence float64       `json:"confidence"`
	Factors    []FactorScore `json:"factors"`
	// Reasons are the factors that cost the most points against their
	// best bin, largest loss first, at most Config.MaxReasons.
	Reasons []Reason `json:"reasons"`
}

// FactorScore is one factor's contribution. It holds no pointers, so
// that scoring writes results at memory speed.
//
// The zero FactorScore is no factor: its Feature and Status are unset.
type FactorScore struct {
	Feature Feature      `json:"feature"`
	Status  FactorStatus `json:"status"`
	// Cause says why the value is missing or undefined.
	Cause Cause `json:"cause,omitzero"`
	// Bin is the index of the configured bin the value fell in, -1 when
	// the value is missing or undefined.
	Bin int `json:"bin"`
	// Value is the feature's value when Status is scored (for a
	// categorical feature, the category's number: a Zone or a Trend),
	// else 0 and meaningless.
	Value      float64 `json:"value"`
	Points     float64 `json:"points"`
	BestPoints float64 `json:"best_points"`
}

// MarshalJSON leaves the value out unless the factor was scored, so that
// a missing value never reads as 0.
func (fs FactorScore) MarshalJSON() ([]byte, error) {
	type plain FactorScore
	out := struct {
		plain
		Value *float64 `json:"value,omitempty"`
	}{plain: plain(fs)}
	if fs.Status == FactorScored {
		out.Value = &fs.Value
	}
	return json.Marshal(out)
}

// Reason is a reason code: a factor that cost points, how many (Lost =
// BestPoints − Points) and the words configured for it.
//
// The zero Reason names no feature.
type Reason struct {
	Feature Feature      `json:"feature"`
	Status  FactorStatus `json:"status"`
	Lost    float64      `json:"lost"`
	Text    string       `json:"text,omitempty"`
}

// Score scores the features. The result's slices are its only
// allocations; use ScoreInto to reuse them.
func (sc *Scorecard) Score(f *Features) ScoreResult {
	var r ScoreResult
	sc.ScoreInto(&r, f)
	return r
}

// ScoreInto scores the features into dst, reusing dst's Factors and
// Reasons slices: once they have grown to the scorecard's size, scoring
// allocates nothing.
func (sc *Scorecard) ScoreInto(dst *ScoreResult, f *Features) {
	if sc.scaling.factor == 0 { // the zero Scorecard: no scale to read points on
		*dst = ScoreResult{}
		return
	}
	n := len(sc.factors)
	factors, reasons := dst.Factors, dst.Reasons[:0]
	if cap(factors) < n {
		factors = make([]FactorScore, n)
	}
	factors = factors[:n]
	if cap(reasons) < sc.maxReasons {
		reasons = make([]Reason, 0, sc.maxReasons)
	}
	total, units, missingRange := sc.base, sc.baseUnits, 0.0
	for i := range sc.factors {
		cf := &sc.factors[i]
		fs := &factors[i]
		*fs = FactorScore{Feature: cf.feature, Bin: -1, BestPoints: cf.best}
		switch st := f.state[cf.feature]; {
		case st == stateDefined:
			v := f.value[cf.feature]
			if k := cf.lookup(v); k >= 0 {
				fs.Status, fs.Points, fs.Bin, fs.Value = FactorScored, cf.points[k], cf.bin[k], v
				units += cf.pointUnits[k]
			} else {
				fs.Status, fs.Points, fs.Cause = FactorUndefined, cf.undefined, CauseOutOfRange
				units += cf.undefinedUnits
			}
		case st == 0 || Cause(st-stateDefined) == CauseUnknown:
			fs.Status, fs.Points, fs.Cause = FactorMissing, cf.missing, CauseUnknown
			missingRange += cf.rng
			units += cf.missingUnits
		default:
			fs.Status, fs.Points, fs.Cause = FactorUndefined, cf.undefined, Cause(st-stateDefined)
			units += cf.undefinedUnits
		}
		total += fs.Points
	}
	grade := sc.grades.of(total)
	if sc.unit.exact { // the exact sum and its grade
		total, grade = sc.unit.float(units), sc.grades.ofUnits(units)
	}
	// Reason codes: repeatedly the factor that lost the most points
	// against its best bin, the earlier one among equals.
	var taken uint32
	for len(reasons) < sc.maxReasons {
		best, bestLost := -1, 0.0
		for i := range factors {
			if lost := factors[i].BestPoints - factors[i].Points; lost > bestLost && taken&(1<<i) == 0 {
				best, bestLost = i, lost
			}
		}
		if best < 0 {
			break
		}
		taken |= 1 << best
		fs := &factors[best]
		reasons = append(reasons, Reason{Feature: fs.Feature, Status: fs.Status, Lost: bestLost, Text: sc.factors[best].reason})
	}
	lo := (total - sc.scaling.offset) / sc.scaling.factor
	// One exponential serves both: 1/(1+e^lo) loses nothing at either
	// end (e^lo overflowing to +Inf gives p = 0, the limit).
	e := math.Exp(lo)
	*dst = ScoreResult{
		Score: total, LogOdds: lo, Odds: measureOf(e), PD: 1 / (1 + e), Grade: grade,
		Confidence: 1 - missingRange/sc.totalRange, Factors: factors, Reasons: reasons,
	}
}

// lookup returns the sorted bin of v, or -1 for a categorical value out of
// range (which the Features API does not produce).
func (cf *compiledFactor) lookup(v float64) int {
	if cf.categorical {
		k := int(v) - 1
		if k < 0 || k >= cf.n || float64(k+1) != v {
			return -1
		}
		return k
	}
	// The edges are sorted: the bin is the number of edges at or below v.
	k := 0
	for _, e := range cf.edges[:cf.n-1] {
		if v >= e {
			k++
		}
	}
	return k
}

// FactorStatus says how a factor was scored. The zero value is unset.
type FactorStatus uint8

const (
	// FactorScored: the value fell in a bin.
	FactorScored FactorStatus = iota + 1
	// FactorMissing: an input was unknown; MissingPoints were given and
	// the confidence lowered.
	FactorMissing
	// FactorUndefined: the inputs are known but the figure is undefined
	// (a zero denominator); UndefinedPoints were given.
	FactorUndefined
)

var factorStatusNames = enum.Names{"", "scored", "missing", "undefined"}

// ParseFactorStatus returns the status named s ("scored", "missing",
// "undefined").
func ParseFactorStatus(s string) (FactorStatus, error) {
	return enum.Parse[FactorStatus](factorStatusNames, "factor status", s)
}

func (s FactorStatus) String() string { return enum.String(factorStatusNames, "FactorStatus", s) }

// IsValid reports whether s is one of the named statuses.
func (s FactorStatus) IsValid() bool { return enum.Valid(factorStatusNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s FactorStatus) MarshalText() ([]byte, error) {
	return enum.Marshal(factorStatusNames, "FactorStatus", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *FactorStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(factorStatusNames, "factor status", s, b)
}
