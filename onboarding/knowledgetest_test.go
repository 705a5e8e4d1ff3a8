package onboarding

import (
	"testing"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pass decision is Points × 100 ≥ PassMark × MaxPoints, exact, with
// the mark itself passing (as Odoo's survey: scoring_percentage >=
// scoring_success_min).
func TestScore(t *testing.T) {
	cases := []struct {
		name    string
		answers []Answer
		mark    string
		points  int
		max     int
		percent string
		passed  bool
	}{
		{"exactly the mark passes", []Answer{{"a", 8, 10}}, "80", 8, 10, "80", true},             // 800 ≥ 800
		{"one point short fails", []Answer{{"a", 79, 100}}, "80", 79, 100, "79", false},          // 7900 < 8000
		{"thirds", []Answer{{"a", 1, 3}, {"b", 1, 3}}, "33.34", 2, 6, "33.33", false},            // 200 < 33.34 × 6 = 200.04; 2/6 = 33.333... → 33.33
		{"thirds at 33.33", []Answer{{"a", 1, 3}, {"b", 1, 3}}, "33.33", 2, 6, "33.33", true},    // 200 ≥ 199.98
		{"a fractional mark", []Answer{{"a", 5, 8}}, "62.5", 5, 8, "62.5", true},                 // 500 ≥ 62.5 × 8 = 500
		{"rounded percent, exact verdict", []Answer{{"a", 2, 3}}, "66.67", 2, 3, "66.67", false}, // 200 < 200.01, though 66.666... shows as 66.67
		{"zero points", []Answer{{"a", 0, 5}}, "1", 0, 5, "0", false},
		{"all points at 100", []Answer{{"a", 5, 5}}, "100", 5, 5, "100", true},
	}
	for _, tc := range cases {
		points, max, percent, passed := score(tc.answers, decimal.RequireFromString(tc.mark))
		assert.Equal(t, tc.points, points, tc.name)
		assert.Equal(t, tc.max, max, tc.name)
		assert.Equal(t, tc.percent, percent.String(), tc.name)
		assert.Equal(t, tc.passed, passed, tc.name)
	}
}

// One failure leaves one more, final chance; a second failure ends the
// onboarding as not passed, with both scores in the reason.
func TestFinalRetry(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	must(t, &o, pl, scoreEvent("2026-03-20", Answer{"features", 5, 10}, Answer{"delivery_time", 1, 5})) // 6 of 15 = 40 %
	assert.Equal(t, StateSalesTraining, o.State)
	assert.Equal(t, "knowledge test attempt 1, scored by t-9 (trainer): 6 of 15 points (40 %), below the pass mark of 80 %: failed; one more, final chance left", o.Log[len(o.Log)-1].Note)

	st, err := o.StatusOn(pl, day("2026-03-23"))
	require.NoError(t, err)
	require.NotNil(t, st.Test)
	assert.Equal(t, 1, st.Test.ChancesLeft)
	assert.Contains(t, st.Summary, "the knowledge test is not passed: 1 failed attempt (40 %; pass mark 80 %), one more, final chance left")

	must(t, &o, pl, scoreEvent("2026-03-27", Answer{"features", 7, 10}, Answer{"delivery_time", 4, 5})) // 11 of 15 = 73.33 %
	assert.Equal(t, StateNotPassed, o.State)
	assert.Equal(t, day("2026-03-27"), o.Ended)
	assert.Equal(t, "failed the knowledge test 2 times, the last chance included (40 %, then 73.33 %; pass mark 80 %)", o.EndReason)
	assert.Equal(t, Transition{StateSalesTraining, EventScoreTest, StateNotPassed}, Transition{o.Log[len(o.Log)-1].From, EventScoreTest, o.Log[len(o.Log)-1].To})
	assert.ErrorIs(t, tryApply(t, o, pl, scoreEvent("2026-03-28", Answer{"features", 10, 10})), ErrInvalidTransition, "no third attempt")
}

func TestRetriesAreConfigurable(t *testing.T) {
	fail := Answer{"q", 1, 10}
	for _, retries := range []int{0, 2} {
		pl := DefaultPlan()
		pl.Test.Retries = retries
		o := inSalesTraining(t, pl)
		for i := range retries {
			must(t, &o, pl, scoreEvent("2026-03-20", fail))
			assert.Equal(t, StateSalesTraining, o.State, "retries %d, failure %d", retries, i+1)
		}
		must(t, &o, pl, scoreEvent("2026-03-20", fail))
		assert.Equal(t, StateNotPassed, o.State, "retries %d: failure %d ends it", retries, retries+1)
		assert.Len(t, o.Attempts, retries+1)
	}
}

func TestTestAfterPassIsRefused(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	must(t, &o, pl, scoreEvent("2026-03-20", Answer{"q", 9, 10}))
	err := tryApply(t, o, pl, scoreEvent("2026-03-21", Answer{"q", 10, 10}))
	assert.ErrorIs(t, err, ErrInvalidTransition)
	assert.ErrorContains(t, err, "the knowledge test is passed already")
}

// A score above the question's maximum, a repeated question, an examiner
// the plan does not name: errors naming the field and the value.
func TestBadScores(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	before := o.Clone()
	err := tryApply(t, o, pl, scoreEvent("2026-03-20", Answer{"features", 8, 10}, Answer{"delivery_time", 12, 10}, Answer{"features", 1, 1},
		Answer{"packaging", -1, 5}, Answer{"x", 0, 0}))
	problemtest.Require(t, err, ErrInvalid, []string{
		"answers[1].score = 12: is above the question's maximum of 10 points",
		"answers[3].score = -1: must not be negative",
		"answers[4].max = 0: must be within 1..1000 points",
		"answers[2].question = features: repeats answers[0]",
	})
	assert.Equal(t, before, o)

	err = tryApply(t, o, pl, Event{Kind: EventScoreTest, On: day("2026-03-20"), By: authority.Actor{ID: "m-2", Role: authority.RoleManager},
		Answers: []Answer{{"q", 10, 10}}})
	assert.EqualError(t, err, "onboarding: invalid input: by.role = manager: may not score the knowledge test; the plan's examiners are trainer, hr, general_director")
	assert.Equal(t, before, o)

	for _, by := range []authority.Actor{{ID: "hr-1", Role: RoleHR}, {ID: "d-1", Role: RoleGeneralDirector}} {
		c := o.Clone()
		assert.NoError(t, tryApply(t, c, pl, Event{Kind: EventScoreTest, On: day("2026-03-20"), By: by, Answers: []Answer{{"q", 10, 10}}}), "the article's examiners: %s", by.Role)
	}

	many := make([]Answer, MaxQuestions+1)
	err = tryApply(t, o, pl, scoreEvent("2026-03-20", many...))
	assert.ErrorContains(t, err, "answers = 501: has more than 500 questions")
}

// The review window runs 21 to 28 days from the start of sales training
// (Tuesday 2026-03-03): it opens on 03-24 and closes on 03-31; a test not
// passed by then is overdue.
func TestReviewWindow(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	st, err := o.StatusOn(pl, day("2026-03-31"))
	require.NoError(t, err)
	assert.Equal(t, day("2026-03-24"), st.Test.Opens)  // 03-03 + 21
	assert.Equal(t, day("2026-03-31"), st.Test.Closes) // 03-03 + 28
	assert.False(t, st.Test.Overdue, "the last day of the window")
	assert.Equal(t, "the knowledge test's answers are checked from 2026-03-03; the result is due between 2026-03-24 and 2026-03-31", st.Test.Message)

	st, err = o.StatusOn(pl, day("2026-04-01"))
	require.NoError(t, err)
	assert.True(t, st.Test.Overdue)
	assert.Equal(t, "the knowledge test is overdue: its review window closed on 2026-03-31", st.Test.Message)

	must(t, &o, pl, scoreEvent("2026-04-01", Answer{"q", 10, 10}))
	st, err = o.StatusOn(pl, day("2026-04-01"))
	require.NoError(t, err)
	assert.False(t, st.Test.Overdue)
	assert.Equal(t, "the knowledge test was passed on 2026-04-01 at attempt 1 (100 %)", st.Test.Message)
}

// An attempt keeps the pass mark it was judged against.
func TestAttemptKeepsItsPassMark(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	must(t, &o, pl, scoreEvent("2026-03-20", Answer{"q", 7, 10}))
	pl.Test.PassMark = decimal.NewFromInt(60)
	st, err := o.StatusOn(pl, day("2026-03-20"))
	require.NoError(t, err)
	assert.False(t, st.Test.Passed, "70 % failed against the 80 % of its day")
	assert.Equal(t, "80", o.Attempts[0].PassMark.String())
}
