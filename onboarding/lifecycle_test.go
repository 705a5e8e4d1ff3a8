package onboarding

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The table, row by row: what each state allows.
func TestTransitionTable(t *testing.T) {
	inStage := []EventKind{EventCompleteTask, EventAssignMentor, EventRecordResults, EventExtend}
	gates := []EventKind{EventPassGate, EventFailGate, EventDismiss}
	want := map[State][]EventKind{
		StatePending:        {EventStart, EventDismiss},
		StateIntroduction:   append(append([]EventKind{}, inStage...), gates...),
		StateProduct:        append(append([]EventKind{}, inStage...), gates...),
		StateSalesTraining:  append(append(append([]EventKind{}, inStage...), EventScoreTest), gates...),
		StateSupervisedWork: append(append(append([]EventKind{}, inStage...), EventReviewPeriod), gates...),
		StateCompleted:      nil,
		StateNotPassed:      nil,
		StateDismissed:      nil,
	}
	for s, events := range want {
		assert.Equal(t, events, s.Events(), "%s", s)
		for k := EventStart; k <= EventDismiss; k++ {
			assert.Equal(t, contains(events, k), s.Can(k), "%s %s", s, k)
		}
		assert.Equal(t, events == nil, s.IsFinal(), "%s", s)
	}
	assert.Contains(t, Transitions(), Transition{StateSalesTraining, EventScoreTest, StateNotPassed}, "a failed final chance ends onboarding")
	assert.Contains(t, Transitions(), Transition{StateSupervisedWork, EventPassGate, StateCompleted})
	assert.Len(t, Transitions(), 2+4*7+2+1, "2 from pending, 7 per stage, score_test's two rows, review_period")
	tbl := Transitions()
	tbl[0].To = StateDismissed
	assert.Equal(t, StateIntroduction, Transitions()[0].To, "Transitions returns a copy")
}

func contains(ks []EventKind, k EventKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// Events out of order are refused with a *TransitionError naming the
// state and the event, and the record is unchanged.
func TestEventsOutOfOrder(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	before := o.Clone()
	err := tryApply(t, o, pl, Event{Kind: EventPassGate, On: day("2026-03-02"), By: head})
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, StatePending, te.State)
	assert.Equal(t, EventPassGate, te.Event)
	assert.ErrorIs(t, err, ErrInvalidTransition)
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.EqualError(t, err, `onboarding "onb-1": cannot pass_gate while pending: the event does not happen in this state (it allows start, dismiss)`)
	assert.Equal(t, before, o, "a refused event changes nothing")
	assert.False(t, o.Can(EventPassGate))
	assert.Equal(t, []EventKind{EventStart, EventDismiss}, o.Events())

	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	err = tryApply(t, o, pl, Event{Kind: EventStart, On: day("2026-03-03"), By: head})
	require.ErrorAs(t, err, &te, "a second start")

	err = tryApply(t, o, pl, scoreEvent("2026-03-02", Answer{Question: "q", Score: 1, Max: 1}))
	require.ErrorAs(t, err, &te, "the test belongs to sales training")
	assert.Contains(t, err.Error(), "cannot score_test while introduction")

	err = tryApply(t, o, pl, Event{Kind: EventCompleteTask, On: day("2026-03-02"), By: head, TaskID: "documents"})
	require.ErrorAs(t, err, &te, "a task of a later stage")
	assert.Contains(t, err.Error(), "task documents belongs to stage 3 (sales_training), and the trainee is in stage 1 (introduction)")

	must(t, &o, pl, Event{Kind: EventDismiss, On: day("2026-03-03"), By: head, Reason: "took another offer"})
	assert.Equal(t, StateDismissed, o.State)
	assert.Equal(t, "dismissed: took another offer", o.EndReason)
	ended := o.Clone()
	err = tryApply(t, o, pl, Event{Kind: EventCompleteTask, On: day("2026-03-03"), By: head, TaskID: "meet_colleagues"})
	require.ErrorAs(t, err, &te)
	assert.Contains(t, err.Error(), "the onboarding has ended; no event applies")
	assert.Equal(t, ended, o)
}

// A gate passed with required tasks missing is refused with each
// missing task as a blocker; Check says so without applying.
func TestGateWithMissingTasks(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head},
		Event{Kind: EventCompleteTask, On: day("2026-03-02"), By: head, TaskID: "company_briefing"})
	before := o.Clone()
	pass := Event{Kind: EventPassGate, On: day("2026-03-04"), By: head}
	err := o.Check(pl, pass)
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, before, o, "Check applies nothing")
	var missing []string
	for _, b := range te.Blockers {
		assert.Equal(t, BlockTaskNotDone, b.Code)
		missing = append(missing, b.TaskID)
	}
	assert.Equal(t, []string{"meet_colleagues", "office_suite_account", "accounting_account", "crm_account", "client_information", "first_tasks"}, missing)
	assert.Contains(t, err.Error(), "the gate of stage 1 (introduction) is not met: required task meet_colleagues (Meet the colleagues, owner hr) is not done; ")
	require.ErrorIs(t, tryApply(t, o, pl, pass), ErrInvalidTransition)
	assert.Equal(t, before, o)

	// Sales training wants the mentor and the test besides the tasks.
	s := inSalesTraining(t, pl)
	err = tryApply(t, s, pl, Event{Kind: EventPassGate, On: day("2026-03-04"), By: head})
	require.ErrorAs(t, err, &te)
	codes := map[BlockerCode]int{}
	for _, b := range te.Blockers {
		codes[b.Code]++
	}
	assert.Equal(t, map[BlockerCode]int{BlockTaskNotDone: 7, BlockNoMentor: 1, BlockTestNotPassed: 1}, codes)
}

// A host may drop a task's requirement: the gate then ignores it.
func TestOptionalTasksDoNotBlock(t *testing.T) {
	pl := DefaultPlan()
	for i := range pl.Stages[0].Tasks {
		pl.Stages[0].Tasks[i].Required = i == 0
	}
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head},
		Event{Kind: EventCompleteTask, On: day("2026-03-02"), By: head, TaskID: "company_briefing"},
		Event{Kind: EventPassGate, On: day("2026-03-02"), By: head},
		// an earlier stage's task may still be done later
		Event{Kind: EventCompleteTask, On: day("2026-03-03"), By: head, TaskID: "meet_colleagues"})
	assert.Equal(t, StateProduct, o.State)
}

func TestFailGateEndsAsNotPassed(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	doStage(t, &o, pl, "2026-03-02")
	must(t, &o, pl, Event{Kind: EventFailGate, On: day("2026-03-04"), By: head, Reason: "made no cold calls"})
	assert.Equal(t, StateNotPassed, o.State)
	assert.Equal(t, day("2026-03-04"), o.Ended)
	assert.Equal(t, "failed the gate of stage 2 (product): made no cold calls", o.EndReason)
	last := o.Log[len(o.Log)-1]
	assert.Equal(t, Entry{On: day("2026-03-04"), Event: EventFailGate, By: head, From: StateProduct, To: StateNotPassed,
		Note: "not passed: failed the gate of stage 2 (product): made no cold calls"}, last)
}

// Dates going backwards are refused, naming the last event.
func TestDatesMustNotGoBackwards(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	before := o.Clone()
	err := tryApply(t, o, pl, Event{Kind: EventCompleteTask, On: day("2026-03-01"), By: head, TaskID: "meet_colleagues"})
	assert.EqualError(t, err, "onboarding: invalid input: on = 2026-03-01: is before the last recorded event (start on 2026-03-02): dates must not go backwards")
	assert.Equal(t, before, o)

	bad := o.Clone()
	bad.Log = append(bad.Log, Entry{On: day("2026-02-01")})
	assert.ErrorContains(t, bad.Validate(), "log[1].on = 2026-02-01: is before log[0].on (2026-03-02)")
}

// Each event carries exactly the payload its kind needs.
func TestEventPayloadMustMatchItsKind(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	cases := []struct {
		e    Event
		want string
	}{
		{Event{}, "kind: is required"},
		{Event{Kind: EventStart, By: head}, "on: is required"},
		{Event{Kind: EventStart, On: day("2026-03-02")}, "by.id: is required"},
		{Event{Kind: EventStart, On: day("2026-03-02"), By: head, TaskID: "x"}, "task_id: must be empty for a start event"},
		{Event{Kind: EventCompleteTask, On: day("2026-03-02"), By: head}, "task_id: is required"},
		{Event{Kind: EventDismiss, On: day("2026-03-02"), By: head}, "reason: is required: say why (dismiss)"},
		{Event{Kind: EventExtend, On: day("2026-03-02"), By: head, Reason: "r"}, "days = 0: must be within 1..260 working days"},
		{Event{Kind: EventPassGate, On: day("2026-03-02"), By: head, Days: 3}, "days = 3: must be empty for a pass_gate event"},
		{Event{Kind: EventScoreTest, On: day("2026-03-02"), By: head}, "answers: is required"},
		{Event{Kind: EventRecordResults, On: day("2026-03-02"), By: head, Results: &Results{Calls: -1}}, "results.calls = -1: must be within 0..1000000"},
		{Event{Kind: EventStart, On: day("2026-03-02"), By: head, Reason: string([]byte{'a', 0})}, `reason = "a\x00": must be printable UTF-8`},
	}
	for _, tc := range cases {
		err := tryApply(t, o, pl, tc.e)
		assert.ErrorIs(t, err, ErrInvalid, "%+v", tc.e)
		assert.ErrorContains(t, err, tc.want)
		assert.Equal(t, fresh(t), o)
	}
}

func TestZeroOnboardingNamesWhatIsMissing(t *testing.T) {
	var o Onboarding
	err := tryApply(t, o, DefaultPlan(), Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, "id: is required")
	assert.ErrorContains(t, err, "trainee.id: is required")
	assert.ErrorContains(t, err, "state: is required (build the record with New)")
	_, err = o.StatusOn(DefaultPlan(), day("2026-03-02"))
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = New("", trainee)
	assert.ErrorContains(t, err, "id: is required")
}

// Extensions lengthen the stage's target and move tasks due on its last
// day; they are bounded in all.
func TestExtend(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head},
		Event{Kind: EventExtend, On: day("2026-03-02"), By: head, Days: 2, Reason: "the CRM was down"})
	assert.Equal(t, "stage 1 (introduction) extended by 2 working days to 5: the CRM was down", o.Log[1].Note)
	st, err := o.StatusOn(pl, day("2026-03-06"))
	require.NoError(t, err)
	assert.Equal(t, 5, st.TargetDays, "3 + 2")
	assert.Equal(t, 5, st.DaysInStage, "Monday to Friday")
	assert.Zero(t, st.DaysOver)
	for _, ts := range st.OverdueTasks {
		assert.Contains(t, []string{"office_suite_account", "accounting_account", "crm_account"}, ts.TaskID,
			"only the tasks with their own due day (day 1) are late; the others moved to day 5")
	}
	must(t, &o, pl, Event{Kind: EventExtend, On: day("2026-03-06"), By: head, Days: 258, Reason: "r"})
	err = tryApply(t, o, pl, Event{Kind: EventExtend, On: day("2026-03-06"), By: head, Days: 1, Reason: "r"})
	assert.ErrorContains(t, err, "days = 1: would extend the stage by 261 working days in all, the limit is 260")
}

func TestErrorsMatchTheirKinds(t *testing.T) {
	for _, c := range []struct{ err, kind error }{
		{ErrInvalid, clientele.ErrInvalid}, {ErrInvalidTransition, clientele.ErrInvalid},
		{ErrNotFound, clientele.ErrNotFound}, {ErrAlreadyExists, clientele.ErrConflict}, {ErrConflict, clientele.ErrConflict},
	} {
		assert.True(t, errors.Is(c.err, c.kind), "%v", c.err)
	}
	err := conflict("update", "o-1", 1, 2)
	assert.EqualError(t, err, `update onboarding "o-1": onboarding: version conflict (given version 1, stored version 2)`)
	assert.ErrorIs(t, err, ErrConflict)
}

// The log is bounded: the last event that fits is accepted and the
// record still validates (a store takes it); the next one is refused.
func TestLogIsBounded(t *testing.T) {
	pl := DefaultPlan()
	o := inSupervisedWork(t, pl)
	for len(o.Log) < MaxLogEntries-1 {
		o.Log = append(o.Log, o.Log[len(o.Log)-1])
	}
	e := Event{Kind: EventExtend, On: day("2026-03-20"), By: head, Days: 1, Reason: "r"}
	must(t, &o, pl, e)
	require.NoError(t, o.Validate())
	assert.ErrorContains(t, tryApply(t, o, pl, e), "log = 10000: is full: an onboarding records at most 10000 events")
	o.Log = append(o.Log, o.Log[0])
	assert.ErrorContains(t, o.Validate(), "log = 10001: holds more than 10000 entries")

	bad := inSupervisedWork(t, pl)
	bad.Results = append(bad.Results, ResultsEntry{Results: Results{Calls: MaxCount + 1}})
	assert.ErrorContains(t, bad.Validate(), "results[0].results.calls = 1000001: must be within 0..1000000")
}

// A host may change the plan: without the test and mentor gates, sales
// training passes on its tasks alone and the test cannot be scored;
// without readiness, supervised work passes without reviews.
func TestHostChangesTheGates(t *testing.T) {
	pl := DefaultPlan()
	pl.Stages[2].Gate = Gate{}
	pl.Stages[3].Gate = Gate{}
	o := inSalesTraining(t, pl)
	err := tryApply(t, o, pl, scoreEvent("2026-03-04", Answer{"q", 1, 1}))
	assert.ErrorIs(t, err, ErrInvalidTransition)
	assert.ErrorContains(t, err, "the plan holds no knowledge test in this stage")
	doStage(t, &o, pl, "2026-03-04")
	assert.Equal(t, StateSupervisedWork, o.State)
	st, err := o.StatusOn(pl, day("2026-03-04"))
	require.NoError(t, err)
	assert.Nil(t, st.Test)
	assert.Contains(t, st.Summary, "Not ready yet: no period reviewed (4 consecutive periods on target needed). The gate is met")
	must(t, &o, pl, Event{Kind: EventPassGate, On: day("2026-03-05"), By: head})
	assert.Equal(t, StateCompleted, o.State)
	assert.Equal(t, day("2026-03-05"), o.Ended)
	st, err = o.StatusOn(pl, day("2026-03-05"))
	require.NoError(t, err)
	assert.Equal(t, "ready on 2026-03-05, 181 days ahead of the expected 2026-09-02 (6 months from the start)", st.Productivity.Message,
		"no readiness: the completion day counts; 03-05 → 09-02 = 26 + 30 + 31 + 30 + 31 + 31 + 2 = 181")
}

func TestCanAndAvailableFollowTheState(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	assert.True(t, o.Can(EventStart))
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	assert.False(t, o.Can(EventStart))
	assert.Equal(t, []EventKind{EventCompleteTask, EventAssignMentor, EventRecordResults, EventExtend, EventPassGate, EventFailGate, EventDismiss}, o.Events())
	p := fresh(t)
	must(t, &p, pl, Event{Kind: EventDismiss, On: day("2026-03-01"), By: head, Reason: "did not come"})
	assert.Equal(t, StateDismissed, p.State)
	assert.Empty(t, p.Events())
}

// Apply returns a new record and leaves its receiver alone: two events
// applied to the same stored record give two independent records, even
// when the receiver's slices have spare capacity an append could reach,
// and changing every slice of a result changes nothing in the receiver.
func TestApplyReturnsARecordSharingNothing(t *testing.T) {
	pl := DefaultPlan()
	base := inSupervisedWork(t, pl)
	must(t, &base, pl, review("2026-03-20", 1)) // short of target: a review with shortfalls
	require.NotEmpty(t, base.Reviews[0].Shortfalls)
	require.NotEmpty(t, base.Attempts[0].Answers)
	base.Stages = slices.Grow(base.Stages, 4)
	base.TasksDone = slices.Grow(base.TasksDone, 4)
	base.Mentors = slices.Grow(base.Mentors, 4)
	base.Results = slices.Grow(base.Results, 4)
	base.Reviews = slices.Grow(base.Reviews, 4)
	base.Log = slices.Grow(base.Log, 4)
	snapshot := jsonOf(t, base) // not Clone: the copy under test

	results := Event{Kind: EventRecordResults, On: day("2026-03-28"), By: head, Results: &Results{Calls: 7}}
	period := Event{Kind: EventReviewPeriod, On: day("2026-04-02"), By: head, Review: &Review{From: day("2026-03-27"), To: day("2026-04-02"), Results: Results{Meetings: 9}}}
	a, err := base.Apply(pl, results)
	require.NoError(t, err)
	b, err := base.Apply(pl, period)
	require.NoError(t, err)
	require.JSONEq(t, snapshot, jsonOf(t, base), "Apply changes no record it is called on")
	assert.Equal(t, EventRecordResults, a.Log[len(a.Log)-1].Event, "b's append did not overwrite a's entry")
	assert.Equal(t, EventReviewPeriod, b.Log[len(b.Log)-1].Event)
	assert.Len(t, a.Results, len(base.Results)+1)
	assert.Len(t, b.Reviews, len(base.Reviews)+1)

	results.Results.Calls = 1000 // the event's payload is copied, not kept
	assert.Equal(t, 7, a.Results[len(a.Results)-1].Results.Calls)

	for i := range a.Stages {
		a.Stages[i].ExtraDays = 99
	}
	for i := range a.TasksDone {
		a.TasksDone[i].TaskID = "changed"
	}
	for i := range a.Mentors {
		a.Mentors[i].Mentor.Actor.ID = "changed"
	}
	for i := range a.Results {
		a.Results[i].Results.Calls = -1
	}
	for i := range a.Attempts {
		a.Attempts[i].Answers[0].Question = "changed"
	}
	for i := range a.Reviews {
		a.Reviews[i].Shortfalls[0] = "changed"
	}
	for i := range a.Log {
		a.Log[i].Note = "changed"
	}
	assert.JSONEq(t, snapshot, jsonOf(t, base), "nothing in the result aliases the receiver")
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
