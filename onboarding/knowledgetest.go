package onboarding

import (
	"fmt"
	"slices"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// The examiners the article names for the product knowledge test: "the
// trainer, an HR specialist or the general director". Roles are the
// host's strings (see authority.Actor); these are the defaults.
const (
	RoleTrainer         = "trainer"
	RoleHR              = "hr"
	RoleGeneralDirector = "general_director"
)

// TestPolicy is the product knowledge test of stage 3: who examines, the
// pass mark, the review window and how many retries a failure allows.
//
// The zero TestPolicy has no pass mark and no examiners: Validate names
// both as required.
type TestPolicy struct {
	// PassMark is the share of the attempt's points needed to pass, in
	// percent points (80 means 80 %), above 0 and at most 100. An attempt
	// passes when its points reach it exactly or more.
	PassMark decimal.Decimal `json:"pass_mark"`
	// ReviewMinDays and ReviewMaxDays are the review window in calendar
	// days from the start of the sales training stage: the answers are
	// checked over that time, and the result is due by its end.
	ReviewMinDays int `json:"review_min_days"`
	ReviewMaxDays int `json:"review_max_days"`
	// Retries is how many more attempts a failure allows: a failure with
	// no retry left ends the onboarding as not passed.
	Retries int `json:"retries"`
	// Examiners are the roles that may score the test.
	Examiners []string `json:"examiners"`
}

// Bounds of a knowledge test.
const (
	// MaxRetries bounds TestPolicy.Retries.
	MaxRetries = 10
	// MaxReviewDays bounds the review window: a year.
	MaxReviewDays = 366
	// MaxQuestions bounds the questions of one attempt.
	MaxQuestions = 500
	// MaxPoints bounds one question's maximum score.
	MaxPoints = 1000
)

// DefaultTestPolicy is the article's test: scored by the trainer, HR or
// the general director; answers checked over 3 to 4 weeks (21 to 28
// days); one more, final chance after a failure. The article gives no
// pass mark; 80 % is the default of Odoo's survey module
// (survey/models/survey_survey.py, scoring_success_min, "Required Score
// (%)", default=80.0), the system the issue compares with.
func DefaultTestPolicy() TestPolicy {
	return TestPolicy{
		PassMark:      decimal.NewFromInt(80),
		ReviewMinDays: 21,
		ReviewMaxDays: 28,
		Retries:       1,
		Examiners:     []string{RoleTrainer, RoleHR, RoleGeneralDirector},
	}
}

// Validate reports every problem of the policy.
func (tp TestPolicy) Validate() error {
	var p validate.Problems
	p.Share("pass_mark", tp.PassMark)
	if tp.ReviewMinDays < 0 || tp.ReviewMinDays > MaxReviewDays {
		p.Addf("review_min_days", tp.ReviewMinDays, "must be within 0..%d days", MaxReviewDays)
	}
	if tp.ReviewMaxDays < 1 || tp.ReviewMaxDays > MaxReviewDays {
		p.Addf("review_max_days", tp.ReviewMaxDays, "must be within 1..%d days", MaxReviewDays)
	} else if tp.ReviewMaxDays < tp.ReviewMinDays {
		p.Addf("review_max_days", tp.ReviewMaxDays, "must not be below review_min_days (%d)", tp.ReviewMinDays)
	}
	if tp.Retries < 0 || tp.Retries > MaxRetries {
		p.Addf("retries", tp.Retries, "must be within 0..%d", MaxRetries)
	}
	if len(tp.Examiners) == 0 {
		p.Add("examiners", nil, "is required: the roles that may score the test")
	}
	for i, r := range tp.Examiners {
		p.ID(fmt.Sprintf("examiners[%d]", i), r)
	}
	return p.Err(ErrInvalid)
}

// Answer is one question of an attempt, scored by the examiner.
//
// The zero Answer has no question and no maximum: Apply names both.
type Answer struct {
	// Question names the question or topic ("delivery_time",
	// "alternatives_out_of_stock"); unique in the attempt.
	Question string `json:"question"`
	// Score is the points given, 0..Max.
	Score int `json:"score"`
	// Max is the question's maximum, 1..MaxPoints.
	Max int `json:"max"`
}

func checkAnswers(p *validate.Problems, answers []Answer) {
	if len(answers) > MaxQuestions {
		p.Addf("answers", len(answers), "has more than %d questions", MaxQuestions)
		return
	}
	p.Each("answers", len(answers), func(q *validate.Problems, i int) {
		a := answers[i]
		q.ID("question", a.Question)
		if a.Max < 1 || a.Max > MaxPoints {
			q.Addf("max", a.Max, "must be within 1..%d points", MaxPoints)
		} else if a.Score > a.Max {
			q.Addf("score", a.Score, "is above the question's maximum of %d points", a.Max)
		}
		if a.Score < 0 {
			q.Add("score", a.Score, "must not be negative")
		}
	})
	p.Repeats("answers", "question", len(answers), func(i int) string { return answers[i].Question })
}

// Attempt is one scored attempt at the knowledge test, as recorded.
// Its outcome is fixed when it is scored: a later change of the pass mark
// does not rewrite history.
//
// The zero Attempt is none (Number 0); Apply makes them.
type Attempt struct {
	// Number counts the attempts, from 1.
	Number   int             `json:"number"`
	On       clientele.Date  `json:"on"`
	Examiner authority.Actor `json:"examiner"`
	Answers  []Answer        `json:"answers"`
	// Points and MaxPoints are the attempt's totals.
	Points    int `json:"points"`
	MaxPoints int `json:"max_points"`
	// Percent is Points / MaxPoints in percent points, rounded half-up to
	// two decimals, for display; the pass decision is exact.
	Percent decimal.Decimal `json:"percent"`
	// PassMark is the pass mark the attempt was judged against.
	PassMark decimal.Decimal `json:"pass_mark"`
	Passed   bool            `json:"passed"`
}

// percent100 is 100 %, for percentages in percent points.
var percent100 = decimal.NewFromInt(100)

// score judges answers against the pass mark: passed when
// Points × 100 ≥ PassMark × MaxPoints, compared exactly.
func score(answers []Answer, passMark decimal.Decimal) (points, maxPoints int, percent decimal.Decimal, passed bool) {
	for _, a := range answers {
		points += a.Score
		maxPoints += a.Max
	}
	// Both totals are at most MaxQuestions × MaxPoints = 500,000.
	got := decimal.NewFromInt(int64(points)).Mul(percent100)
	need := passMark.Mul(decimal.NewFromInt(int64(maxPoints)))
	percent = got.DivRound(decimal.NewFromInt(int64(maxPoints)), 2)
	return points, maxPoints, percent, got.GreaterThanOrEqual(need)
}

// canExamine reports whether the actor's role may score the test.
func (tp *TestPolicy) canExamine(a authority.Actor) bool {
	return slices.Contains(tp.Examiners, a.Role)
}

// Explain says what the attempt was and how it came out.
func (a Attempt) Explain() string {
	verdict := "passed"
	if !a.Passed {
		verdict = "failed"
	}
	rel := "reaching"
	if !a.Passed {
		rel = "below"
	}
	return fmt.Sprintf("knowledge test attempt %d, scored by %s (%s): %d of %d points (%s %%), %s the pass mark of %s %%: %s",
		a.Number, a.Examiner.ID, a.Examiner.Role, a.Points, a.MaxPoints, a.Percent, rel, a.PassMark, verdict)
}
