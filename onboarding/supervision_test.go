package onboarding

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Supervised work began on Friday 2026-03-20; weekly periods run Friday
// to Thursday.
func TestReadiness(t *testing.T) {
	pl := DefaultPlan()
	o := inSupervisedWork(t, pl)
	r := o.readiness(&pl.Supervision)
	assert.Equal(t, "not ready yet: no period reviewed (4 consecutive periods on target needed)", r.Message)

	must(t, &o, pl, review("2026-03-20", 5), review("2026-03-27", 6), review("2026-04-03", 4))
	r = o.readiness(&pl.Supervision)
	assert.Equal(t, 0, r.Streak, "a period off target restarts the streak")
	assert.Equal(t, "not ready yet: 0 consecutive periods on target of 4 needed; the period 2026-04-03..2026-04-09 was short of meetings 4 of 5", r.Message)

	must(t, &o, pl, review("2026-04-10", 5), review("2026-04-17", 5), review("2026-04-24", 9))
	assert.Equal(t, 3, o.readiness(&pl.Supervision).Streak)

	gap := o.Clone()
	must(t, &gap, pl, review("2026-05-08", 8)) // skips the week of 05-01
	r = gap.readiness(&pl.Supervision)
	assert.Equal(t, 1, r.Streak)
	assert.Equal(t, "not ready yet: 1 period on target of 4 needed; the period 2026-05-08..2026-05-14 does not follow the one before it, which ended on 2026-04-30: the streak restarted", r.Message)

	gapThenShort := gap.Clone()
	must(t, &gapThenShort, pl, review("2026-05-15", 1))
	assert.Equal(t, "not ready yet: 0 consecutive periods on target of 4 needed; the period 2026-05-15..2026-05-21 was short of meetings 1 of 5",
		gapThenShort.readiness(&pl.Supervision).Message, "only the last review's effect is told")

	must(t, &o, pl, review("2026-05-01", 5))
	r = o.readiness(&pl.Supervision)
	assert.Equal(t, Readiness{Streak: 4, Needed: 4, Ready: true, Since: day("2026-05-07"),
		Message: "ready to work independently: 4 consecutive periods on target (4 needed), since 2026-05-07"}, r)

	must(t, &o, pl, review("2026-05-08", 7))
	assert.Equal(t, day("2026-05-07"), o.readiness(&pl.Supervision).Since, "readiness dates from the period that completed the streak")

	must(t, &o, pl, Event{Kind: EventPassGate, On: day("2026-05-15"), By: head})
	assert.Equal(t, StateCompleted, o.State)
}

func TestNotReadyBlocksTheLastGate(t *testing.T) {
	pl := DefaultPlan()
	o := inSupervisedWork(t, pl)
	must(t, &o, pl, review("2026-03-20", 5))
	err := tryApply(t, o, pl, Event{Kind: EventPassGate, On: day("2026-03-27"), By: head})
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, []Blocker{{Code: BlockNotReady, Message: "not ready yet: 1 period on target of 4 needed"}}, te.Blockers)
}

// Review periods: one plan period long, after supervised work began,
// never overlapping or going backwards, reviewed once ended.
func TestBadReviews(t *testing.T) {
	pl := DefaultPlan()
	o := inSupervisedWork(t, pl)
	before := o.Clone()
	bad := func(from, to, on string) error {
		return tryApply(t, o, pl, Event{Kind: EventReviewPeriod, On: day(on), By: head, Review: &Review{From: day(from), To: day(to), Results: Results{Meetings: 5}}})
	}
	problemtest.Require(t, bad("2026-03-19", "2026-03-26", "2026-03-26"), ErrInvalid, []string{
		"review.to = 2026-03-26: makes a period of 8 days (2026-03-19..2026-03-26); the plan's review period is 7 days",
		"review.from = 2026-03-19: is before supervised work began on 2026-03-20",
	})
	problemtest.Require(t, bad("2026-03-20", "2026-03-26", "2026-03-25"), ErrInvalid, []string{
		"review.to = 2026-03-26: is after the review day 2026-03-25: a period is reviewed once it has ended",
	})
	problemtest.Require(t, bad("2026-03-26", "2026-03-20", "2026-03-26"), ErrInvalid, []string{
		"review.to = 2026-03-20: is before from (2026-03-26): dates must not go backwards",
	})
	assert.Equal(t, before, o)

	must(t, &o, pl, review("2026-03-20", 5))
	problemtest.Require(t, bad("2026-03-26", "2026-04-01", "2026-04-01"), ErrInvalid, []string{
		"review.from = 2026-03-26: is not after the previous period, which ended on 2026-03-26: periods must not overlap or go backwards",
	})
}

// Full productivity is expected six months after the start (2026-03-02 +
// 6 months = 2026-09-02).
func TestProductivity(t *testing.T) {
	start := day("2026-03-02")
	cases := []struct {
		reached, asOf string
		pace          Pace
		days          int
		msg           string
	}{
		// 2026-05-07 → 2026-09-02: 24 (May) + 30 + 31 + 31 + 2 = 118
		{"2026-05-07", "2026-05-08", PaceAhead, 118, "ready on 2026-05-07, 118 days ahead of the expected 2026-09-02 (6 months from the start)"},
		{"2026-09-02", "2026-09-02", PaceAhead, 0, "ready on 2026-09-02, 0 days ahead of the expected 2026-09-02 (6 months from the start)"},
		// 2026-09-02 → 2026-10-01: 28 + 1 = 29
		{"2026-10-01", "2026-10-05", PaceBehind, 29, "ready on 2026-10-01, 29 days behind the expected 2026-09-02 (6 months from the start)"},
		{"", "2026-09-12", PaceBehind, 10, "not ready 10 days after the expected 2026-09-02 (6 months from the start)"},
		// 2026-06-02 → 2026-09-02: 28 + 31 + 31 + 2 = 92
		{"", "2026-06-02", PaceOnTrack, 92, "on track: 92 days left to the expected full productivity on 2026-09-02 (6 months from the start)"},
	}
	for _, tc := range cases {
		var reached clientele.Date
		if tc.reached != "" {
			reached = day(tc.reached)
		}
		pr := productivity(start, reached, day(tc.asOf), 6)
		assert.Equal(t, day("2026-09-02"), pr.Expected)
		assert.Equal(t, tc.pace, pr.Pace, tc.msg)
		assert.Equal(t, tc.days, pr.Days, tc.msg)
		assert.Equal(t, tc.msg, pr.Message)
	}
}
