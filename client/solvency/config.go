package solvency

import (
	"math"

	"github.com/clientele-go/clientele/internal/validate"
)

// Config is the whole solvency scoring set-up. Start from
// [DefaultConfig] and change what your credit policy says; load one from
// JSON with clientele.LoadConfig[solvency.Config], which refuses unknown
// fields and validates it (every field must be given: start from the
// JSON of DefaultConfig). The zero Config is not valid: Validate names
// every missing part.
type Config struct {
	// Model is the Altman model for every business client; unset (left
	// out of the JSON) applies the default rule of [ChooseModel].
	Model Model `json:"model,omitzero"`
	// StatementMaxAgeDays flags a statement whose period ended longer
	// ago as stale (a note in the assessment). Default 548 days, 18
	// months: annual accounts appear months after the year end, so an
	// older one means a year was skipped.
	StatementMaxAgeDays int              `json:"statement_max_age_days"`
	Discipline          DisciplineConfig `json:"discipline"`
	Scaling             Scaling          `json:"scaling"`
	Grades              []GradeBand      `json:"grades"`
	// MaxReasons is how many reason codes a score carries. Default 4,
	// the number US Regulation B deems enough to explain a credit
	// decision (12 CFR 1002.9, official comment 9(b)(2)-1).
	MaxReasons int `json:"max_reasons"`
	// Business scores companies and entrepreneurs (statements and
	// payments); Individual scores private persons on payments alone.
	// Both read their points on the same scaling and grades.
	Business   ScorecardConfig `json:"business"`
	Individual ScorecardConfig `json:"individual"`
	Forecast   ForecastConfig  `json:"forecast"`
}

// DefaultConfig returns the defaults documented in the package overview:
// Altman model by the default rule, the default discipline measures,
// 600 points at 50:1 odds with PDO 20, grades A to E, four reasons, and
// the default business and individual scorecards.
func DefaultConfig() Config {
	return Config{
		StatementMaxAgeDays: 548,
		Discipline:          DefaultDisciplineConfig(),
		Scaling:             DefaultScaling(),
		Grades:              DefaultGrades(),
		MaxReasons:          4,
		Business:            DefaultBusinessScorecard(),
		Individual:          DefaultIndividualScorecard(),
		Forecast:            DefaultForecastConfig(),
	}
}

// Validate reports every problem at once, each with its field path.
func (c Config) Validate() error {
	var p validate.Problems
	if c.Model != 0 && !c.Model.IsValid() {
		p.Add("model", c.Model, "unknown Altman model (want z, z_prime, z_double_prime or z_double_prime_em)")
	}
	if c.StatementMaxAgeDays < 1 || c.StatementMaxAgeDays > 3660 {
		p.Add("statement_max_age_days", c.StatementMaxAgeDays, "must be 1 to 3660 days")
	}
	c.Discipline.check(&p, "discipline")
	c.Scaling.check(&p, "scaling")
	checkGrades(&p, "grades", c.Grades)
	if c.MaxReasons < 0 || c.MaxReasons > int(numFeatures)-1 {
		p.Addf("max_reasons", c.MaxReasons, "must be 0 to %d", numFeatures-1)
	}
	c.Business.check(&p, "business", false)
	c.Individual.check(&p, "individual", true)
	c.Forecast.check(&p, "forecast")
	return p.Err(ErrInvalid)
}

// join builds a field path: join("discipline", "recent_days").
func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// checkFloat records a problem with field prefix.name unless v is a
// finite number in lo..hi. The path is built only for a problem.
func checkFloat(p *validate.Problems, prefix, name string, v, lo, hi float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		p.Addf(join(prefix, name), v, "must be a number from %v to %v", lo, hi)
	}
}

// checkPositive records a problem with field prefix.name unless v is a
// finite number above 0.
func checkPositive(p *validate.Problems, prefix, name string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		p.Add(join(prefix, name), v, "must be a finite number above 0")
	}
}

// bins builds numeric bins from edges and points: len(points) =
// len(edges)+1, the first bin open below, the last open above.
func bins(edges []float64, points ...float64) []Bin {
	out := make([]Bin, len(points))
	for i := range out {
		out[i].Points = points[i]
		if i > 0 {
			out[i].From = ptr(edges[i-1])
		}
		if i < len(edges) {
			out[i].To = ptr(edges[i])
		}
	}
	return out
}

// DefaultBusinessScorecard returns the default scorecard for companies
// and entrepreneurs; the package overview lays out its bins and the
// reasoning. Its scores run from 420 (worst on every factor) to 690.
func DefaultBusinessScorecard() ScorecardConfig {
	return ScorecardConfig{
		BasePoints: 420,
		Factors: append([]Factor{
			{Feature: FeatureAltmanZone, Bins: []Bin{
				{Category: "distress", Points: 0}, {Category: "grey", Points: 25}, {Category: "safe", Points: 45}},
				MissingPoints: 10, UndefinedPoints: 25, Reason: "Altman Z-score below the safe zone"},
			{Feature: FeatureCurrentRatio, Bins: bins([]float64{1, 1.5, 2}, 0, 10, 20, 25),
				MissingPoints: 5, UndefinedPoints: 25, Reason: "current assets cover current liabilities poorly"},
			{Feature: FeatureEquityToAssets, Bins: bins([]float64{0.1, 0.3, 0.5}, 0, 10, 20, 25),
				MissingPoints: 5, UndefinedPoints: 0, Reason: "little equity: the business runs on borrowed money"},
			{Feature: FeatureInterestCoverage, Bins: bins([]float64{1.5, 3, 6}, 0, 10, 20, 25),
				MissingPoints: 5, UndefinedPoints: 25, Reason: "earnings cover interest poorly"},
			{Feature: FeatureDSO, Bins: bins([]float64{30, 60, 90}, 20, 15, 5, 0),
				MissingPoints: 5, UndefinedPoints: 0, Reason: "its own customers pay it slowly (high DSO)"},
		}, paymentFactors(1)...),
	}
}

// DefaultIndividualScorecard returns the default scorecard for private
// persons: payment behaviour alone, with twice the business card's
// payment points so that it spans a similar range, 430 to 690. A person
// with no history yet scores 530 (grade E: prepayment).
func DefaultIndividualScorecard() ScorecardConfig {
	return ScorecardConfig{BasePoints: 430, Factors: paymentFactors(2)}
}

// paymentFactors returns the payment factors of the default cards with
// every points figure multiplied by k: 1 on the business card, 2 on the
// individual card, which rests on payments alone.
func paymentFactors(k float64) []Factor {
	fs := []Factor{
		{Feature: FeatureOnTimeShareByAmount, Bins: bins([]float64{0.5, 0.8, 0.95}, 0, 15, 30, 40),
			MissingPoints: 10, UndefinedPoints: 10, Reason: "invoices often paid after the due date"},
		{Feature: FeatureAvgDaysLateWeighted, Bins: bins([]float64{5, 15, 30}, 30, 20, 10, 0),
			MissingPoints: 10, UndefinedPoints: 10, Reason: "pays late on average"},
		{Feature: FeatureOldestOverdueDays, Bins: bins([]float64{1, 30, 90}, 30, 25, 10, 0),
			MissingPoints: 15, UndefinedPoints: 15, Reason: "has overdue invoices"},
		{Feature: FeatureWrittenOff, Bins: bins([]float64{1}, 20, 0),
			MissingPoints: 10, UndefinedPoints: 10, Reason: "invoices written off as bad debt"},
		{Feature: FeaturePaymentTrend, Bins: []Bin{
			{Category: "improving", Points: 10}, {Category: "stable", Points: 10}, {Category: "deteriorating", Points: 0}},
			MissingPoints: 5, UndefinedPoints: 5, Reason: "pays later than it used to"},
	}
	for i := range fs {
		f := &fs[i]
		f.MissingPoints *= k
		f.UndefinedPoints *= k
		for j := range f.Bins {
			f.Bins[j].Points *= k
		}
	}
	return fs
}
