package solvency

import (
	"math"
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// ForecastConfig sets how a series of period scores is read.
//
// The zero ForecastConfig is not valid: Config.Validate names the
// missing min_periods.
type ForecastConfig struct {
	// BandPoints is the slope, in points per period, within which the
	// score is stable. Default 5: a quarter of the default PDO, so a
	// stable client's odds change by less than a fifth per period.
	BandPoints float64 `json:"band_points"`
	// MinPeriods is how many periods a trend needs. Default 3: two points
	// always lie on a line, the third is the first test of it.
	MinPeriods int `json:"min_periods"`
}

// DefaultForecastConfig returns a 5-point band and 3 periods.
func DefaultForecastConfig() ForecastConfig { return ForecastConfig{BandPoints: 5, MinPeriods: 3} }

func (c ForecastConfig) check(p *validate.Problems, prefix string) {
	checkFloat(p, prefix, "band_points", c.BandPoints, 0, maxPoints)
	if c.MinPeriods < 2 || c.MinPeriods > 1000 {
		p.Add(join(prefix, "min_periods"), c.MinPeriods, "must be 2 to 1000")
	}
}

// PeriodScore is a client's score at the end of one period (a quarter, a
// year), as an earlier assessment gave it.
//
// The zero PeriodScore has no period end: Forecast refuses it.
type PeriodScore struct {
	PeriodEnd clientele.Date `json:"period_end"`
	Score     float64        `json:"score"`
}

// Forecast reads the trend of a client's scores and projects the next
// period. Method: the ordinary least-squares line through the scores
// against the period number 0, 1, ..., n−1 (periods are taken as equally
// spaced, in date order),
//
//	slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²,  intercept = ȳ − slope · x̄,
//
// the trend is improving when slope > BandPoints, deteriorating when
// slope < −BandPoints, stable otherwise; the projection is the line at
// x = n, with the grade and probability of default it implies.
//
// The zero Forecast projects nothing: its measures are undefined.
type Forecast struct {
	Periods int `json:"periods"`
	// Trend is unset when there are fewer than MinPeriods periods.
	Trend Trend `json:"trend,omitzero"`
	// Slope is in points per period; Projected is the score expected for
	// the next period.
	Slope          Measure `json:"slope"`
	Intercept      Measure `json:"intercept"`
	Projected      Measure `json:"projected"`
	ProjectedGrade Grade   `json:"projected_grade,omitzero"`
	ProjectedPD    Measure `json:"projected_pd"`
}

// Forecast validates the series (period ends set, strictly increasing and
// equally spaced, scores finite) and forecasts it.
func (s *Scorer) Forecast(history []PeriodScore) (Forecast, error) {
	if err := s.errZeroScorer(); err != nil {
		return Forecast{}, err
	}
	var p validate.Problems
	for i, h := range history {
		f := "history[" + strconv.Itoa(i) + "]"
		if p.Date(f+".period_end", h.PeriodEnd, true) && i > 0 && history[i-1].PeriodEnd.IsValid() && !h.PeriodEnd.After(history[i-1].PeriodEnd) {
			p.Addf(f+".period_end", h.PeriodEnd, "must be after the previous period's end %s", history[i-1].PeriodEnd)
		}
		checkFloat(&p, f, "score", h.Score, -1e6, 1e6)
	}
	if p.Len() == 0 {
		checkSpacing(&p, history)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Forecast{}, err
	}
	fc := Forecast{Periods: len(history)}
	n := len(history)
	if n < s.cfg.Forecast.MinPeriods {
		none := undefined(CauseUnknown, "history")
		fc.Slope, fc.Intercept, fc.Projected, fc.ProjectedPD = none, none, none, none
		return fc, nil
	}
	xm := float64(n-1) / 2
	ym := 0.0
	for _, h := range history {
		ym += h.Score
	}
	ym /= float64(n)
	var sxy, sxx float64
	for i, h := range history {
		dx := float64(i) - xm
		sxy += dx * (h.Score - ym)
		sxx += dx * dx
	}
	slope := sxy / sxx
	icpt := ym - slope*xm
	next := icpt + slope*float64(n)
	// Within float error of ±band, the exact slope of the scores as
	// written decides, as the band is inclusive (a slope of exactly 5 is
	// stable). The float error is some n·10⁻¹⁶ of the largest score;
	// 10⁻⁹ of it leaves a wide margin.
	band := s.cfg.Forecast.BandPoints
	tol := 1e-9 * (maxAbsScore(history) + band)
	cmp := func(c decimal.Decimal) int { return cmpSlope(history, c) }
	slope = settle(slope, band, decimal.NewFromFloat(band), tol, cmp)
	slope = settle(slope, -band, decimal.NewFromFloat(-band), tol, cmp)
	fc.Slope, fc.Intercept, fc.Projected = measureOf(slope), measureOf(icpt), measureOf(next)
	fc.Trend = trendOf(slope, band)
	fc.ProjectedGrade = s.business.grades.of(next)
	fc.ProjectedPD = measureOf(pd((next - s.business.scaling.offset) / s.business.scaling.factor))
	return fc, nil
}

func maxAbsScore(history []PeriodScore) float64 {
	m := 0.0
	for _, h := range history {
		m = max(m, math.Abs(h.Score))
	}
	return m
}

// cmpSlope returns the sign of slope − c, exactly, for the scores read as
// the decimals they print as (600.1, not its binary neighbour): with
// period numbers 0..n−1, slope = 6·Σ(2i − n + 1)·yᵢ / (n·(n² − 1)), and
// the denominator is positive.
func cmpSlope(history []PeriodScore, c decimal.Decimal) int {
	n := int64(len(history))
	var sum decimal.Decimal
	for i, h := range history {
		sum = sum.Add(decimal.NewFromFloat(h.Score).Mul(decimal.NewFromInt(2*int64(i) - n + 1)))
	}
	den := decimal.NewFromInt(n).Mul(decimal.NewFromInt(n*n - 1)) // n ≤ the history's length, far below 2³¹
	return sum.Mul(decimal.NewFromInt(6)).Cmp(c.Mul(den))
}

// checkSpacing refuses periods that are not equally spaced, which the
// line through period numbers assumes: a missing quarter would count as
// one period and bend the slope. A gap may differ from the usual one (the
// lower median of the gaps) by a fifth, enough for months of 28 to 31
// days and years of 365 or 366.
func checkSpacing(p *validate.Problems, history []PeriodScore) {
	if len(history) < 3 {
		return
	}
	gaps := make([]int, len(history)-1)
	for i := range gaps {
		gaps[i] = history[i+1].PeriodEnd.Sub(history[i].PeriodEnd)
	}
	sorted := slices.Clone(gaps)
	slices.Sort(sorted)
	usual := sorted[(len(sorted)-1)/2]
	for i, g := range gaps {
		if 5*abs(g-usual) > usual {
			p.Addf("history["+strconv.Itoa(i+1)+"].period_end", history[i+1].PeriodEnd,
				"is %d days after the previous period's end, the periods are %d days apart: they must be equally spaced (a missing period would bend the trend)", g, usual)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
