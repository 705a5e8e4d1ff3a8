package onboarding

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Started Monday 2026-03-02, on Thursday 03-05 the trainee is on working
// day 4 of a 3-day stage 1; the system administrator's accounts were due
// on day 1 (03-02) and are 3 working days late (03-03, 03-04, 03-05);
// the HR tasks were due on day 3 (03-04) and are 1 day late.
func TestStatusOverdue(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head},
		Event{Kind: EventCompleteTask, On: day("2026-03-02"), By: head, TaskID: "crm_account"},
		Event{Kind: EventCompleteTask, On: day("2026-03-03"), By: head, TaskID: "client_information"},
		Event{Kind: EventCompleteTask, On: day("2026-03-03"), By: head, TaskID: "first_tasks"})
	st, err := o.StatusOn(pl, day("2026-03-05"))
	require.NoError(t, err)
	assert.Equal(t, StateIntroduction, st.State)
	assert.Equal(t, StageIntroduction, st.Stage)
	assert.Equal(t, day("2026-03-02"), st.StageSince)
	assert.Equal(t, 4, st.DaysInStage)
	assert.Equal(t, 3, st.TargetDays)
	assert.Equal(t, 1, st.DaysOver)

	late := map[string]int{}
	for _, ts := range st.OverdueTasks {
		late[ts.TaskID] = ts.DaysLate
	}
	assert.Equal(t, map[string]int{"company_briefing": 1, "meet_colleagues": 1, "office_suite_account": 3, "accounting_account": 3}, late)
	assert.Equal(t, TaskStatus{TaskID: "company_briefing", Title: "Briefing on the company and its current policy", Owner: OwnerHR,
		Due: day("2026-03-04"), DaysLate: 1,
		Message: "task company_briefing (Briefing on the company and its current policy, owner hr) was due on 2026-03-04, 1 working day late"}, st.OverdueTasks[0])

	var blocked []string
	for _, b := range st.Blockers {
		blocked = append(blocked, b.TaskID)
	}
	assert.Equal(t, []string{"company_briefing", "meet_colleagues", "office_suite_account", "accounting_account"}, blocked)
	assert.Nil(t, st.Test, "no test in stage 1")
	assert.Nil(t, st.Bonus, "no mentor yet")
	require.NotNil(t, st.Productivity)
	assert.Equal(t, PaceOnTrack, st.Productivity.Pace)
	assert.Len(t, st.Timeline, 4)

	assert.Equal(t, "Trainee m-17 is in stage 1 of 4 (introduction) since 2026-03-02: working day 4 of a target of 3, 1 over. "+
		"Task company_briefing (Briefing on the company and its current policy, owner hr) was due on 2026-03-04, 1 working day late. "+
		"Task meet_colleagues (Meet the colleagues, owner hr) was due on 2026-03-04, 1 working day late. "+
		"Task office_suite_account (Account for the office suite, owner system_administrator) was due on 2026-03-02, 3 working days late. "+
		"Task accounting_account (Account for the accounting system, owner system_administrator) was due on 2026-03-02, 3 working days late. "+
		"Blocked: required task company_briefing (Briefing on the company and its current policy, owner hr) is not done; "+
		"required task meet_colleagues (Meet the colleagues, owner hr) is not done; "+
		"required task office_suite_account (Account for the office suite, owner system_administrator) is not done; "+
		"required task accounting_account (Account for the accounting system, owner system_administrator) is not done. "+
		"Full productivity: on track: 181 days left to the expected full productivity on 2026-09-02 (6 months from the start).", st.Summary) // 03-05 → 09-02: 26 + 30 + 31 + 30 + 31 + 31 + 2 = 181

	st, err = o.StatusOn(pl, day("2026-03-02"))
	require.Error(t, err, "before the last event")
	assert.ErrorContains(t, err, "as_of = 2026-03-02: is before the last recorded event (complete_task on 2026-03-03)")
}

func TestStatusPendingAndEnded(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	st, err := o.StatusOn(pl, day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, "Trainee m-17 has not started onboarding.", st.Summary)
	assert.Nil(t, st.Productivity)
	assert.Empty(t, st.Timeline)

	must(t, &o, pl, Event{Kind: EventDismiss, On: day("2026-03-01"), By: head, Reason: "did not come"})
	st, err = o.StatusOn(pl, day("2026-03-02"))
	require.NoError(t, err)
	assert.Equal(t, "Onboarding of m-17 ended on 2026-03-01: dismissed: did not come.", st.Summary)
	assert.Zero(t, st.Stage)
}

// The gate met reads as such, and the status marshals to JSON.
func TestStatusGateMet(t *testing.T) {
	pl := DefaultPlan()
	o := fresh(t)
	must(t, &o, pl, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	for _, task := range pl.Stages[0].Tasks {
		must(t, &o, pl, Event{Kind: EventCompleteTask, On: day("2026-03-02"), By: head, TaskID: task.ID})
	}
	st, err := o.StatusOn(pl, day("2026-03-02"))
	require.NoError(t, err)
	assert.Empty(t, st.Blockers)
	assert.Contains(t, st.Summary, "The gate is met: the stage can be passed.")
	b, err := json.Marshal(st)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"state":"introduction"`)
}

// A record survives JSON, as a host storing it as a document would keep
// it, and works the same afterwards.
func TestOnboardingJSONRoundTrip(t *testing.T) {
	pl := DefaultPlan()
	o := inSupervisedWork(t, pl)
	must(t, &o, pl, review("2026-03-20", 5), Event{Kind: EventRecordResults, On: day("2026-03-27"), By: senior, Results: &Results{Contracts: 1}})
	b, err := json.Marshal(o)
	require.NoError(t, err)
	var back Onboarding
	require.NoError(t, json.Unmarshal(b, &back))
	require.Len(t, back.Attempts, 1)
	assert.True(t, o.Attempts[0].Percent.Equal(back.Attempts[0].Percent))
	assert.True(t, o.Attempts[0].PassMark.Equal(back.Attempts[0].PassMark))
	back.Attempts[0].Percent, back.Attempts[0].PassMark = o.Attempts[0].Percent, o.Attempts[0].PassMark
	assert.Equal(t, o, back)
	want, err := o.StatusOn(pl, day("2026-03-30"))
	require.NoError(t, err)
	got, err := back.StatusOn(pl, day("2026-03-30"))
	require.NoError(t, err)
	assert.Equal(t, want.Summary, got.Summary)
}
