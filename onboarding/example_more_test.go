package onboarding_test

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/onboarding"
)

// PlanHiring does the article's arithmetic: 5 real interviews a day when
// 1 of 5 invited candidates comes.
func ExamplePlanHiring() {
	h, err := onboarding.PlanHiring(onboarding.ArticleHiring())
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Invitations, h.Resumes)
	fmt.Println(h.Message)

	_, err = onboarding.PlanHiring(onboarding.HiringInput{InterviewsPerDay: 5, ShowUp: onboarding.Share{Part: 6, Whole: 5}, Invited: onboarding.Share{Part: 1, Whole: 5}})
	fmt.Println(err)
	// Output:
	// 25 125
	// for 5 interviews a day when 1 of 5 invited come, invite 25 (rounded up: nobody is invited in part); when 20 of 100 reviewed résumés earn an invitation, review 125 résumés
	// onboarding: invalid input: show_up.part = 6: must not exceed whole (5): a rate above 1 is not a share
}

// StatusOn says where a trainee stands and what blocks the next stage.
func ExampleOnboarding_StatusOn() {
	plan := onboarding.DefaultPlan()
	head := authority.Actor{ID: "h-1", Role: authority.RoleHeadOfDepartment}
	o, _ := onboarding.New("onb-2", authority.Actor{ID: "m-21", Role: authority.RoleManager})
	for _, e := range []onboarding.Event{
		{Kind: onboarding.EventStart, On: clientele.MustParseDate("2026-03-02"), By: head},
		{Kind: onboarding.EventCompleteTask, On: clientele.MustParseDate("2026-03-02"), By: head, TaskID: "crm_account"},
	} {
		var err error
		if o, err = o.Apply(plan, e); err != nil {
			panic(err)
		}
	}
	st, err := o.StatusOn(plan, clientele.MustParseDate("2026-03-03"))
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Stage, st.DaysInStage, "of", st.TargetDays)
	for _, t := range st.OverdueTasks {
		fmt.Println(t.Message)
	}
	fmt.Println(len(st.Blockers), "blockers, the first:", st.Blockers[0].Message)
	// Output:
	// introduction 2 of 3
	// task office_suite_account (Account for the office suite, owner system_administrator) was due on 2026-03-02, 1 working day late
	// task accounting_account (Account for the accounting system, owner system_administrator) was due on 2026-03-02, 1 working day late
	// 6 blockers, the first: required task company_briefing (Briefing on the company and its current policy, owner hr) is not done
}

// A host loads its own plan with the library's one strict loader; every
// problem is reported at once.
func ExamplePlan_Validate() {
	plan := onboarding.DefaultPlan()
	plan.Stages[1].TargetDays = 0              // "2 days, not 10" - but not none
	plan.Test.Retries = 11                     // beyond the bound
	plan.Stages[2].Tasks[0].ID = "crm_account" // taken by stage 1
	fmt.Println(strings.ReplaceAll(plan.Validate().Error(), "; ", ";\n"))
	// Output:
	// onboarding: invalid input: stages[1].target_days = 0: must be within 1..260 working days;
	// stages[2].tasks[0].id = crm_account: repeats stages[0].tasks[4].id: each task ID appears once in the plan;
	// knowledge_test.retries = 11: must be within 0..10
}
