package onboarding

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/stretchr/testify/require"
)

var (
	day     = clientele.MustParseDate
	trainee = authority.Actor{ID: "m-17", Role: authority.RoleManager}
	head    = authority.Actor{ID: "h-1", Role: authority.RoleHeadOfDepartment}
	trainer = authority.Actor{ID: "t-9", Role: RoleTrainer}
	senior  = authority.Actor{ID: "s-3", Role: authority.RoleLeadManager}
)

// fresh returns a pending onboarding of trainee m-17.
func fresh(t testing.TB) Onboarding {
	t.Helper()
	o, err := New("onb-1", trainee)
	require.NoError(t, err)
	return o
}

// must applies events that must be accepted.
func must(t testing.TB, o *Onboarding, pl Plan, events ...Event) {
	t.Helper()
	for _, e := range events {
		next, err := o.Apply(pl, e)
		require.NoError(t, err, "%s on %s", e.Kind, e.On)
		*o = next
	}
}

// tryApply applies an event that may be refused and returns the error;
// on a refusal the returned record must be the zero Onboarding, as Apply
// documents.
func tryApply(t testing.TB, o Onboarding, pl Plan, e Event) error {
	t.Helper()
	next, err := o.Apply(pl, e)
	if err != nil {
		require.Zero(t, next, "a refused event returns the zero Onboarding")
	}
	return err
}

// doStage completes every task of the current stage on day on, then
// passes its gate the same day.
func doStage(t testing.TB, o *Onboarding, pl Plan, on string) {
	t.Helper()
	for _, task := range pl.stage(o.State.Stage()).Tasks {
		must(t, o, pl, Event{Kind: EventCompleteTask, On: day(on), By: head, TaskID: task.ID})
	}
	must(t, o, pl, Event{Kind: EventPassGate, On: day(on), By: head})
}

// inSalesTraining returns an onboarding started on Monday 2026-03-02 that
// passed stage 1 on 03-02 and stage 2 on 03-03: sales training began on
// Tuesday 2026-03-03.
func inSalesTraining(t testing.TB, pl Plan) Onboarding {
	t.Helper()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	doStage(t, &o, pl, "2026-03-02")
	doStage(t, &o, pl, "2026-03-03")
	return o
}

func assignMentor(on string, since string) Event {
	return Event{Kind: EventAssignMentor, On: day(on), By: head, Mentor: &Mentor{Actor: senior, SellingSince: day(since)}}
}

func scoreEvent(on string, answers ...Answer) Event {
	return Event{Kind: EventScoreTest, On: day(on), By: trainer, Answers: answers}
}

// inSupervisedWork returns an onboarding that began supervised work on
// Friday 2026-03-20, with mentor s-3 and the test passed on the first
// attempt.
func inSupervisedWork(t testing.TB, pl Plan) Onboarding {
	t.Helper()
	o := inSalesTraining(t, pl)
	must(t, &o, pl, assignMentor("2026-03-03", "2020-01-01"), scoreEvent("2026-03-20", Answer{Question: "q", Score: 9, Max: 10}))
	doStage(t, &o, pl, "2026-03-20")
	require.Equal(t, StateSupervisedWork, o.State)
	return o
}

func review(from string, meetings int) Event {
	f := day(from)
	return Event{Kind: EventReviewPeriod, On: f.AddDays(6), By: head, Review: &Review{From: f, To: f.AddDays(6), Results: Results{Meetings: meetings}}}
}
