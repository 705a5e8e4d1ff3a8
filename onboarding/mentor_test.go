package onboarding

import (
	"testing"

	"github.com/clientele-go/clientele/authority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExperienceMonths(t *testing.T) {
	cases := []struct {
		since, on string
		want      int
	}{
		{"2025-03-10", "2026-03-09", 11}, // a day short of a year
		{"2025-03-10", "2026-03-10", 12}, // a year to the day
		{"2025-01-31", "2025-02-28", 1},  // to the end of a shorter month, as AddMonths counts
		{"2025-01-31", "2025-02-27", 0},
		{"2021-09-01", "2026-03-06", 54}, // 4 years 6 months
		{"2026-03-10", "2026-03-01", 0},  // not yet selling
	}
	for _, tc := range cases {
		m := Mentor{SellingSince: day(tc.since)}
		assert.Equal(t, tc.want, m.ExperienceMonths(day(tc.on)), "%s..%s", tc.since, tc.on)
	}
	assert.Zero(t, Mentor{}.ExperienceMonths(day("2026-03-01")))
}

// A mentor must not be the trainee and must have 12 months of sales
// experience on the day of assignment.
func TestAssignMentor(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	before := o.Clone()

	self := Event{Kind: EventAssignMentor, On: day("2026-03-10"), By: head, Mentor: &Mentor{Actor: trainee, SellingSince: day("2020-01-01")}}
	assert.EqualError(t, tryApply(t, o, pl, self), "onboarding: invalid input: mentor.actor.id = m-17: is the trainee: a trainee cannot mentor themselves")

	assert.EqualError(t, tryApply(t, o, pl, assignMentor("2026-03-09", "2025-03-10")),
		"onboarding: invalid input: mentor.selling_since = 2025-03-10: gives 11 months of sales experience on 2026-03-09; the plan requires at least 12")
	assert.EqualError(t, tryApply(t, o, pl, assignMentor("2026-03-09", "2026-03-10")),
		"onboarding: invalid input: mentor.selling_since = 2026-03-10: is after the assignment day 2026-03-09")
	assert.Equal(t, before, o, "refused assignments change nothing")

	must(t, &o, pl, assignMentor("2026-03-10", "2025-03-10"))
	assert.Equal(t, "mentor s-3 assigned (12 months of sales experience)", o.Log[len(o.Log)-1].Note)
	assert.Equal(t, "s-3", o.MentorID())
	assert.ErrorContains(t, tryApply(t, o, pl, assignMentor("2026-03-11", "2025-03-10")), "mentor.actor.id = s-3: is the mentor already")

	other := Event{Kind: EventAssignMentor, On: day("2026-03-12"), By: head, Mentor: &Mentor{Actor: authority.Actor{ID: "s-8", Role: authority.RoleHeadOfDepartment}, SellingSince: day("2015-06-01")}}
	must(t, &o, pl, other)
	assert.Equal(t, "mentor s-8 assigned, replacing s-3 (129 months of sales experience)", o.Log[len(o.Log)-1].Note) // 2015-06 to 2026-03: 10 y 9 m
	assert.Equal(t, "s-8", o.MentorID())
}

func TestResultsNeedAMentor(t *testing.T) {
	pl := DefaultPlan()
	o := inSalesTraining(t, pl)
	err := tryApply(t, o, pl, Event{Kind: EventRecordResults, On: day("2026-03-05"), By: head, Results: &Results{Calls: 10}})
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, []Blocker{{Code: BlockNoMentor, Message: "no mentor is assigned"}}, te.Blockers)
	assert.EqualError(t, err, `onboarding "onb-1": cannot record_results while sales_training: results are recorded during mentoring: no mentor is assigned`)
}

// The mentor earns the bonus when the trainee reaches the targets within
// the 28 days from the assignment (2026-03-04 to 2026-03-31 inclusive).
func TestMentorBonus(t *testing.T) {
	pl := DefaultPlan()
	pl.Mentoring.BonusTargets = Results{Calls: 100, Applications: 2}
	results := func(on string, calls, apps int) Event {
		return Event{Kind: EventRecordResults, On: day(on), By: senior, Results: &Results{Calls: calls, Applications: apps}}
	}
	o := inSalesTraining(t, pl)
	must(t, &o, pl, assignMentor("2026-03-04", "2020-01-01"), results("2026-03-13", 60, 1))

	b := o.bonusCheck(&pl.Mentoring, day("2026-03-13"))
	assert.Equal(t, BonusCheck{MentorID: "s-3", From: day("2026-03-04"), To: day("2026-03-31"), Reached: Results{Calls: 60, Applications: 1},
		Targets: pl.Mentoring.BonusTargets, Open: true,
		Message: "mentor s-3: the bonus period runs to 2026-03-31; so far short of calls 60 of 100, applications 1 of 2"}, b)

	late := o.Clone()
	must(t, &late, pl, results("2026-04-01", 50, 1)) // a day after the period
	b = late.bonusCheck(&pl.Mentoring, day("2026-04-01"))
	assert.False(t, b.Eligible)
	assert.False(t, b.Open)
	assert.Equal(t, "mentor s-3 earns no bonus: by the end of 2026-03-04..2026-03-31 the trainee was short of calls 60 of 100, applications 1 of 2", b.Message)

	must(t, &o, pl, results("2026-03-31", 40, 1)) // the period's last day: 60 + 40 = 100 calls, 1 + 1 = 2 applications
	b = o.bonusCheck(&pl.Mentoring, day("2026-04-10"))
	assert.True(t, b.Eligible)
	assert.Equal(t, Results{Calls: 100, Applications: 2}, b.Reached)
	assert.Equal(t, "mentor s-3 earns the bonus: the trainee reached calls 100, applications 2 within 2026-03-04..2026-03-31 (targets: calls 100, applications 2)", b.Message)

	none := fresh(t)
	assert.Equal(t, BonusCheck{Message: "no mentor assigned: no mentor bonus to judge"}, none.bonusCheck(&pl.Mentoring, day("2026-03-01")))
}

func TestResultsString(t *testing.T) {
	assert.Equal(t, "none", Results{}.String())
	assert.Equal(t, "calls 3, meetings 1, contracts 2", Results{Calls: 3, Meetings: 1, Contracts: 2}.String())
	assert.True(t, Results{Meetings: 5}.Meets(Results{Meetings: 5}))
	assert.False(t, Results{Meetings: 4, Calls: 100}.Meets(Results{Meetings: 5}))
	assert.True(t, Results{}.Meets(Results{}), "no target, nothing to reach")
}
