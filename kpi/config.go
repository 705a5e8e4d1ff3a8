package kpi

import (
	"fmt"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// BusinessModel names the article's benchmark profiles. A host with
// another market writes its own Config (any profile name) instead.
type BusinessModel uint8

const (
	// ModelConsumerGoods: everyday consumer goods sold to retailers,
	// where about 20 meetings a day is a great figure.
	ModelConsumerGoods BusinessModel = iota + 1
	// ModelB2BServices: services to businesses, 1-2 meetings a day;
	// effectiveness also shows in repeat requests.
	ModelB2BServices
	// ModelConsulting: consulting services, where one contract per ten
	// prospective clients is the norm.
	ModelConsulting
)

var modelNames = enum.Names{"", "consumer_goods", "b2b_services", "consulting"}

// ParseBusinessModel returns the model named s ("consumer_goods",
// "b2b_services", "consulting").
func ParseBusinessModel(s string) (BusinessModel, error) {
	return enum.Parse[BusinessModel](modelNames, "business model", s)
}

func (m BusinessModel) String() string { return enum.String(modelNames, "BusinessModel", m) }

// IsValid reports whether m is one of the named models.
func (m BusinessModel) IsValid() bool { return enum.Valid(modelNames, m) }

// MarshalText implements encoding.TextMarshaler; an unset model is an error.
func (m BusinessModel) MarshalText() ([]byte, error) {
	return enum.Marshal(modelNames, "BusinessModel", m)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (m *BusinessModel) UnmarshalText(b []byte) error {
	return enum.Unmarshal(modelNames, "business model", m, b)
}

// Benchmark is one criterion's yardstick. For events and meetings,
// Target and Exceeds are counts per PerWorkingDays working days (20
// meetings per 1 day, 1 event per 20 days); for the other criteria they
// are percentages (10 means 10 %) and PerWorkingDays is 0. A value at or
// over Target meets it, at or over Exceeds exceeds it. Weight is the
// criterion's share in the overall score (0 leaves it out).
type Benchmark struct {
	Target         decimal.Decimal `json:"target"`
	Exceeds        decimal.Decimal `json:"exceeds"`
	PerWorkingDays int             `json:"per_working_days,omitempty"`
	Weight         decimal.Decimal `json:"weight"`
}

// Benchmarks holds the seven criteria's yardsticks.
type Benchmarks struct {
	Events        Benchmark `json:"events"`
	Organisation  Benchmark `json:"organisation"`
	Referrals     Benchmark `json:"referrals"`
	Meetings      Benchmark `json:"meetings"`
	DecisionMaker Benchmark `json:"decision_maker"`
	Plan          Benchmark `json:"plan"`
	Funnel        Benchmark `json:"funnel"`
}

// Of returns the benchmark of criterion c (the zero Benchmark for an
// unknown one).
func (b *Benchmarks) Of(c Criterion) Benchmark {
	switch c {
	case CriterionEvents:
		return b.Events
	case CriterionOrganisation:
		return b.Organisation
	case CriterionReferrals:
		return b.Referrals
	case CriterionMeetings:
		return b.Meetings
	case CriterionDecisionMaker:
		return b.DecisionMaker
	case CriterionPlan:
		return b.Plan
	case CriterionFunnel:
		return b.Funnel
	}
	return Benchmark{}
}

// isRate reports whether c is measured as a count per working days.
func isRate(c Criterion) bool { return c == CriterionEvents || c == CriterionMeetings }

// Stage is a step of the opportunity funnel and the probability (in
// percent, 0-100) that a deal standing there is won, which weights the
// pipeline.
type Stage struct {
	Name        string          `json:"name"`
	Probability decimal.Decimal `json:"probability"`
}

// Config is a benchmark profile and the rules of the measurements: data a
// host loads with clientele.LoadConfig. DefaultConfig gives the article's
// three profiles. The zero Config is refused by Validate (and so by
// Evaluate), naming every missing field.
type Config struct {
	// Profile names the profile ("b2b_services", or a host's own).
	Profile    string     `json:"profile"`
	Benchmarks Benchmarks `json:"benchmarks"`
	// CleanDayShare (percent, over 50 and at most 100) is how much of a
	// day's calls and meetings one kind must make for the day to count as
	// a call day or a meeting day (criterion 2).
	CleanDayShare decimal.Decimal `json:"clean_day_share"`
	// DecisionMakerMeetings is N of criterion 5: a client met N or more
	// times in the period without a contract most likely never saw the
	// decision maker.
	DecisionMakerMeetings int `json:"decision_maker_meetings"`
	// Stages are the funnel's steps in order, each with its probability.
	Stages []Stage `json:"stages"`
	// ReadyStage is the stage at which a deal is ready to sign: a deal
	// there before the period's end but won in the next period's first
	// DeferWindowDays days is checked for deferral (criterion 6).
	ReadyStage      string `json:"ready_stage"`
	DeferWindowDays int    `json:"defer_window_days"`
	// StaleDays: an open deal with no stage change for this many days by
	// the period's end is stale.
	StaleDays int `json:"stale_days"`
	// RepeatRequests asks for the repeat-request rate, the sign of
	// effectiveness in service markets.
	RepeatRequests bool `json:"repeat_requests"`
	// ScoreCap (percent, 100-1000) caps a criterion's score, so one
	// criterion far over target cannot hide the others.
	ScoreCap decimal.Decimal `json:"score_cap"`
}

// The limits Validate sets on the whole-number settings.
const (
	maxDecisionMakerMeetings = 1000
	maxDeferWindowDays       = 31
	maxStaleDays             = 3660
	maxStages                = 50
	maxPerWorkingDays        = 366
)

// DefaultConfig returns the article's profile for model (see the package
// documentation for each number and its source); an unknown model gets
// the B2B services profile's shape with an empty profile name, which
// Validate refuses.
func DefaultConfig(model BusinessModel) Config {
	profile := ""
	if model.IsValid() {
		profile = model.String()
	}
	d := decimal.NewFromInt
	one := d(1)
	share := func(target, exceeds int64) Benchmark {
		return Benchmark{Target: d(target), Exceeds: d(exceeds), Weight: one}
	}
	c := Config{
		Profile: profile,
		Benchmarks: Benchmarks{
			Events:        Benchmark{Target: d(1), Exceeds: d(2), PerWorkingDays: 20, Weight: one},
			Organisation:  share(60, 80),
			Referrals:     share(20, 40),
			Meetings:      Benchmark{Target: d(1), Exceeds: d(2), PerWorkingDays: 1, Weight: one},
			DecisionMaker: share(10, 20),
			Plan:          share(100, 110),
			Funnel:        share(10, 20),
		},
		CleanDayShare:         d(80),
		DecisionMakerMeetings: 3,
		Stages: []Stage{
			{Name: "appointment_scheduled", Probability: d(20)},
			{Name: "qualified_to_buy", Probability: d(40)},
			{Name: "presentation_scheduled", Probability: d(60)},
			{Name: "decision_maker_bought_in", Probability: d(80)},
			{Name: "contract_sent", Probability: d(90)},
		},
		ReadyStage:      "contract_sent",
		DeferWindowDays: 5,
		StaleDays:       30,
		RepeatRequests:  true,
		ScoreCap:        d(150),
	}
	if model == ModelConsumerGoods {
		c.Benchmarks.Meetings = Benchmark{Target: d(20), Exceeds: d(25), PerWorkingDays: 1, Weight: one}
		c.RepeatRequests = false
	}
	return c
}

// Validate reports every problem with the config at once: a missing
// profile name, a benchmark whose target is not above zero or whose
// exceeding mark is below it, a rate without its working days (or a
// share with them), a negative weight, weights summing to zero, a clean
// day share not over 50 %, stage probabilities outside 0-100 %, repeated
// or missing stage names, a ready stage that is not a stage, and counts
// of days out of range.
func (c Config) Validate() error {
	var p validate.Problems
	c.check(&p)
	return p.Err(ErrInvalid)
}

func (c *Config) check(p *validate.Problems) {
	p.Name("profile", c.Profile)
	weights := decimal.Zero
	weightsOK := true
	for _, cr := range Criteria() {
		b := c.Benchmarks.Of(cr)
		field := "benchmarks." + cr.String()
		if !checkBenchmark(p, field, cr, b) {
			weightsOK = false
			continue
		}
		weights = weights.Add(b.Weight)
	}
	if weightsOK && weights.Sign() == 0 {
		p.Add("benchmarks", weights, "has weights summing to zero: at least one criterion must count")
	}
	if p.CheckRange("clean_day_share", c.CleanDayShare) &&
		(c.CleanDayShare.LessThanOrEqual(decimal.NewFromInt(50)) || c.CleanDayShare.GreaterThan(decimal.NewFromInt(100))) {
		p.Add("clean_day_share", c.CleanDayShare, "must be a percentage over 50 and at most 100, so a day is of one kind only")
	}
	checkCount(p, "decision_maker_meetings", c.DecisionMakerMeetings, 1, maxDecisionMakerMeetings)
	checkCount(p, "defer_window_days", c.DeferWindowDays, 1, maxDeferWindowDays)
	checkCount(p, "stale_days", c.StaleDays, 1, maxStaleDays)
	if p.CheckRange("score_cap", c.ScoreCap) &&
		(c.ScoreCap.LessThan(decimal.NewFromInt(100)) || c.ScoreCap.GreaterThan(decimal.NewFromInt(1000))) {
		p.Add("score_cap", c.ScoreCap, "must be a percentage within 100..1000")
	}
	c.checkStages(p)
}

func (c *Config) checkStages(p *validate.Problems) {
	switch {
	case len(c.Stages) == 0:
		p.Add("stages", nil, "is required: list the funnel's stages in order")
		return
	case len(c.Stages) > maxStages:
		p.Addf("stages", len(c.Stages), "lists too many stages; the limit is %d", maxStages)
		return
	}
	for i, s := range c.Stages {
		f := fmt.Sprintf("stages[%d]", i)
		p.Name(f+".name", s.Name)
		p.Percent(f+".probability", s.Probability, 0, 100)
	}
	p.Repeats("stages", "name", len(c.Stages), func(i int) string { return c.Stages[i].Name })
	if p.Name("ready_stage", c.ReadyStage) && c.stageIndex(c.ReadyStage) < 0 {
		p.Add("ready_stage", c.ReadyStage, "is not one of the stages")
	}
}

// stageIndex returns the position of the stage named name, or -1.
func (c *Config) stageIndex(name string) int {
	for i := range c.Stages {
		if c.Stages[i].Name == name {
			return i
		}
	}
	return -1
}

func checkBenchmark(p *validate.Problems, field string, cr Criterion, b Benchmark) bool {
	ok := p.CheckRange(field+".target", b.Target)
	if ok && b.Target.Sign() <= 0 {
		p.Add(field+".target", b.Target, "must be above zero")
		ok = false
	}
	if p.CheckRange(field+".exceeds", b.Exceeds) && ok && b.Exceeds.LessThan(b.Target) {
		p.Addf(field+".exceeds", b.Exceeds, "must not be below the target (%s)", b.Target)
	}
	if isRate(cr) {
		checkCount(p, field+".per_working_days", b.PerWorkingDays, 1, maxPerWorkingDays)
	} else if b.PerWorkingDays != 0 {
		p.Add(field+".per_working_days", b.PerWorkingDays, "applies to events and meetings only: this criterion is a percentage")
	}
	return p.NonNegative(field+".weight", b.Weight)
}

func checkCount(p *validate.Problems, field string, v, lo, hi int) {
	if v < lo || v > hi {
		p.Addf(field, v, "must be within %d..%d", lo, hi)
	}
}
