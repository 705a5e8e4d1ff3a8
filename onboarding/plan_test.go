package onboarding

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The default plan's numbers, pinned to the article (DOMAIN.md,
// "Onboarding").
func TestDefaultPlanIsTheArticles(t *testing.T) {
	pl := DefaultPlan()
	require.NoError(t, pl.Validate())
	require.Len(t, pl.Stages, 4, "four stages")

	targets := []int{}
	total := 0
	for i, sp := range pl.Stages {
		assert.Equal(t, Stage(i+1), sp.Stage)
		targets = append(targets, sp.TargetDays)
		total += sp.TargetDays
	}
	assert.Equal(t, []int{3, 2, 20, 105}, targets, "a few days; 2 days, not 10; 4 weeks of 5 days; the rest of six months")
	assert.Equal(t, 26*5, total, "3 + 2 + 20 + 105 = 130 working days = 26 weeks of 5 days: about six months")

	owners := func(st Stage) map[string]Owner {
		m := map[string]Owner{}
		for _, task := range pl.stage(st).Tasks {
			assert.True(t, task.Required, task.ID)
			m[task.ID] = task.Owner
		}
		return m
	}
	assert.Equal(t, map[string]Owner{
		"company_briefing": OwnerHR, "meet_colleagues": OwnerHR,
		"office_suite_account": OwnerSysAdmin, "accounting_account": OwnerSysAdmin, "crm_account": OwnerSysAdmin,
		"client_information": OwnerHeadOfDepartment, "first_tasks": OwnerHeadOfDepartment,
	}, owners(StageIntroduction))
	assert.Equal(t, map[string]Owner{
		"products": OwnerHeadOfDepartment, "sales_system": OwnerHeadOfDepartment, "cold_call_technique": OwnerHeadOfDepartment,
		"first_prospect_list": OwnerTrainee,
	}, owners(StageProduct))
	assert.Equal(t, map[string]Owner{
		"commercial_offer": OwnerMentor, "documents": OwnerMentor, "crm_entry": OwnerMentor, "prospect_research": OwnerMentor,
		"interdepartment_procedures": OwnerMentor, "client_segmentation": OwnerMentor, "price_list_discounts": OwnerMentor,
	}, owners(StageSalesTraining))
	assert.Empty(t, owners(StageSupervisedWork), "supervised work is judged on results, not a checklist")

	assert.Equal(t, Gate{}, pl.Stages[0].Gate)
	assert.Equal(t, Gate{Mentor: true, KnowledgeTest: true}, pl.Stages[2].Gate)
	assert.Equal(t, Gate{Mentor: true, Readiness: true}, pl.Stages[3].Gate)

	assert.True(t, pl.Test.PassMark.Equal(decimal.NewFromInt(80)), "Odoo survey's default Required Score (%%)")
	assert.Equal(t, 21, pl.Test.ReviewMinDays, "3 weeks")
	assert.Equal(t, 28, pl.Test.ReviewMaxDays, "4 weeks")
	assert.Equal(t, 1, pl.Test.Retries, "one more, final chance")
	assert.Equal(t, []string{"trainer", "hr", "general_director"}, pl.Test.Examiners)

	assert.Equal(t, MentorPolicy{MinExperienceMonths: 12, BonusPeriodDays: 28, BonusTargets: Results{Applications: 1}}, pl.Mentoring)
	assert.Equal(t, SupervisionPolicy{PeriodDays: 7, Targets: Results{Meetings: 5}, ConsecutivePeriods: 4, FullProductivityMonths: 6}, pl.Supervision)
}

// A host loads its plan with the one strict loader; the default plan
// round-trips through JSON unchanged.
func TestPlanLoadsThroughLoadConfig(t *testing.T) {
	b, err := json.Marshal(DefaultPlan())
	require.NoError(t, err)
	got, err := clientele.LoadConfig[Plan](bytes.NewReader(b))
	require.NoError(t, err)
	want := DefaultPlan()
	assert.True(t, want.Test.PassMark.Equal(got.Test.PassMark))
	got.Test.PassMark = want.Test.PassMark
	assert.Equal(t, want, got)

	_, err = clientele.LoadConfig[Plan](strings.NewReader(`{"stages": [], "mentors": 3}`))
	assert.ErrorIs(t, err, clientele.ErrInvalid, "an unknown field is refused")

	_, err = clientele.LoadConfig[Plan](strings.NewReader(`{"stages": [{"stage": "orientation"}]}`))
	assert.ErrorIs(t, err, clientele.ErrInvalid, "an unknown stage name is refused")
}

func TestPlanValidateListsEveryProblem(t *testing.T) {
	problemtest.Require(t, Plan{}.Validate(), ErrInvalid, []string{
		"stages = 0: must list the 4 stages",
		"knowledge_test.pass_mark = 0: must be a percentage above 0 and at most 100",
		"knowledge_test.review_max_days = 0: must be within 1..366 days",
		"knowledge_test.examiners: is required",
		"mentoring.bonus_period_days = 0: must be within 1..366 days",
		"supervision.period_days = 0: must be within 1..92 days",
		"supervision.targets: is required",
		"supervision.consecutive_periods = 0: must be within 1..52",
		"supervision.full_productivity_months = 0: must be within 1..60",
	})

	pl := DefaultPlan()
	pl.Stages[0], pl.Stages[1] = pl.Stages[1], pl.Stages[0]
	pl.Stages[2].Tasks[1].ID = "commercial_offer"
	pl.Stages[2].Tasks[2].DueDay = 21
	pl.Stages[2].Tasks[3].Owner = 0
	pl.Stages[2].Tasks[4].Title = " "
	pl.Stages[0].Gate.KnowledgeTest = true
	pl.Stages[3].TargetDays = 0
	pl.Test.PassMark = decimal.RequireFromString("100.5")
	pl.Test.ReviewMinDays, pl.Test.ReviewMaxDays = 28, 21
	pl.Test.Retries = -1
	pl.Test.Examiners = []string{"trainer", ""}
	pl.Mentoring.BonusTargets.Calls = -5
	pl.Supervision.Targets = Results{}
	problemtest.Require(t, pl.Validate(), ErrInvalid, []string{
		"stages[0].stage = product: must be introduction: the stages come in the article's order",
		"stages[0].gate.knowledge_test = true: only the sales_training stage holds the knowledge test",
		"stages[1].stage = introduction: must be product",
		"stages[2].tasks[1].id = commercial_offer: repeats stages[2].tasks[0].id",
		"stages[2].tasks[2].due_day = 21: must be within 0..20",
		"stages[2].tasks[3].owner: is required",
		"stages[2].tasks[4].title: is required",
		"stages[3].target_days = 0: must be within 1..260 working days",
		"knowledge_test.pass_mark = 100.5: must be a percentage above 0 and at most 100",
		"knowledge_test.review_max_days = 21: must not be below review_min_days (28)",
		"knowledge_test.retries = -1: must be within 0..10",
		"knowledge_test.examiners[1]: is required",
		"mentoring.bonus_targets.calls = -5: must be within 0..1000000",
		"supervision.targets: is required",
	})

	huge := DefaultPlan()
	huge.Test.PassMark = decimal.New(1, -999999999)
	problemtest.Require(t, huge.Validate(), ErrInvalid, []string{"knowledge_test.pass_mark = 1e-999999999: is out of range"})
}

// A bad plan is refused by every entry point, before any event or status.
func TestBadPlanIsRefusedEverywhere(t *testing.T) {
	o := fresh(t)
	err := tryApply(t, o, Plan{}, Event{Kind: EventStart, On: day("2026-03-02"), By: head})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "plan.stages = 0")
	assert.Equal(t, fresh(t), o)
	_, err = o.StatusOn(Plan{}, day("2026-03-02"))
	assert.ErrorIs(t, err, ErrInvalid)
}
