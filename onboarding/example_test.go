package onboarding_test

import (
	"errors"
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/onboarding"
)

// Example onboards one new account manager through the four stages of
// the article's plan: a failed knowledge test and a pass on the final
// chance, a mentor who earns the bonus, and readiness after four weeks on
// target.
func Example() {
	plan := onboarding.DefaultPlan()
	trainee := authority.Actor{ID: "m-17", Role: authority.RoleManager}
	head := authority.Actor{ID: "h-1", Role: authority.RoleHeadOfDepartment}
	hr := authority.Actor{ID: "hr-2", Role: onboarding.RoleHR}
	admin := authority.Actor{ID: "it-4", Role: "system_administrator"}
	mentor := authority.Actor{ID: "s-3", Role: authority.RoleLeadManager}
	trainer := authority.Actor{ID: "t-9", Role: onboarding.RoleTrainer}
	day := clientele.MustParseDate

	o, err := onboarding.New("onb-1", trainee)
	if err != nil {
		panic(err)
	}
	apply := func(e onboarding.Event) {
		next, err := o.Apply(plan, e)
		if err != nil {
			fmt.Println("refused:", err) // o stays as it was
			return
		}
		o = next
	}
	do := func(on string, by authority.Actor, tasks ...string) {
		for _, t := range tasks {
			apply(onboarding.Event{Kind: onboarding.EventCompleteTask, On: day(on), By: by, TaskID: t})
		}
	}
	pass := func(on string) {
		apply(onboarding.Event{Kind: onboarding.EventPassGate, On: day(on), By: head})
	}
	score := func(on string, points ...int) {
		topics := []string{"features_vs_competitors", "packaging", "alternatives_out_of_stock", "equipment_options", "conditions_of_use", "delivery_time"}
		answers := make([]onboarding.Answer, len(points))
		for i, p := range points {
			answers[i] = onboarding.Answer{Question: topics[i], Score: p, Max: 10}
		}
		apply(onboarding.Event{Kind: onboarding.EventScoreTest, On: day(on), By: trainer, Answers: answers})
	}

	// Stage 1, introduction (Monday 2 March 2026).
	apply(onboarding.Event{Kind: onboarding.EventStart, On: day("2026-03-02"), By: head})
	do("2026-03-02", admin, "office_suite_account", "accounting_account", "crm_account")
	do("2026-03-03", hr, "company_briefing", "meet_colleagues")
	pass("2026-03-03") // refused: the head of department's tasks are not done
	do("2026-03-04", head, "client_information", "first_tasks")
	pass("2026-03-04")

	// Stage 2, product: two days, then prospecting at once.
	do("2026-03-05", head, "products", "sales_system", "cold_call_technique")
	do("2026-03-05", trainee, "first_prospect_list")
	pass("2026-03-05")

	// Stage 3, sales training: the mentor first.
	apply(onboarding.Event{Kind: onboarding.EventAssignMentor, On: day("2026-03-06"), By: head,
		Mentor: &onboarding.Mentor{Actor: mentor, SellingSince: day("2021-09-01")}})
	apply(onboarding.Event{Kind: onboarding.EventRecordResults, On: day("2026-03-20"), By: mentor,
		Results: &onboarding.Results{Calls: 60, Applications: 2}})
	do("2026-03-27", mentor, "commercial_offer", "documents", "crm_entry", "prospect_research",
		"interdepartment_procedures", "client_segmentation", "price_list_discounts")
	score("2026-03-27", 6, 7, 5, 6, 6, 5) // 35 of 60
	score("2026-04-02", 9, 8, 8, 9, 8, 8) // 50 of 60
	pass("2026-04-03")

	// Stage 4, supervised work: weekly reviews, 5 meetings a week.
	for i, meetings := range []int{3, 5, 6, 5, 7} {
		from := day("2026-04-03").AddDays(7 * i)
		apply(onboarding.Event{Kind: onboarding.EventReviewPeriod, On: from.AddDays(6), By: head,
			Review: &onboarding.Review{From: from, To: from.AddDays(6), Results: onboarding.Results{Meetings: meetings}}})
	}
	pass("2026-05-08")

	st, err := o.StatusOn(plan, day("2026-05-08"))
	if err != nil {
		panic(err)
	}
	for _, e := range st.Timeline {
		if e.Event != onboarding.EventCompleteTask {
			fmt.Printf("%s %s\n", e.On, e.Note)
		}
	}
	fmt.Println(st.Summary)
	var te *onboarding.TransitionError
	fmt.Println(errors.As(o.Check(plan, onboarding.Event{Kind: onboarding.EventDismiss, On: day("2026-05-09"), By: head, Reason: "left"}), &te))
	// Output:
	// refused: onboarding "onb-1": cannot pass_gate while introduction: the gate of stage 1 (introduction) is not met: required task client_information (Information about the clients, owner head_of_department) is not done; required task first_tasks (The first, immediate tasks, owner head_of_department) is not done
	// 2026-03-02 onboarding of m-17 started: stage 1, introduction
	// 2026-03-04 stage 1 (introduction) passed: stage 2 (product) begins
	// 2026-03-05 stage 2 (product) passed: stage 3 (sales_training) begins
	// 2026-03-06 mentor s-3 assigned (54 months of sales experience)
	// 2026-03-20 results recorded: calls 60, applications 2
	// 2026-03-27 knowledge test attempt 1, scored by t-9 (trainer): 35 of 60 points (58.33 %), below the pass mark of 80 %: failed; one more, final chance left
	// 2026-04-02 knowledge test attempt 2, scored by t-9 (trainer): 50 of 60 points (83.33 %), reaching the pass mark of 80 %: passed
	// 2026-04-03 stage 3 (sales_training) passed: stage 4 (supervised_work) begins
	// 2026-04-09 review of 2026-04-03..2026-04-09: short of meetings 3 of 5
	// 2026-04-16 review of 2026-04-10..2026-04-16: on target (meetings 5; targets meetings 5)
	// 2026-04-23 review of 2026-04-17..2026-04-23: on target (meetings 6; targets meetings 5)
	// 2026-04-30 review of 2026-04-24..2026-04-30: on target (meetings 5; targets meetings 5)
	// 2026-05-07 review of 2026-05-01..2026-05-07: on target (meetings 7; targets meetings 5)
	// 2026-05-08 stage 4 (supervised_work) passed: onboarding completed, the manager works independently
	// Onboarding of m-17 ended on 2026-05-08: completed, the manager works independently. Mentor s-3 earns the bonus: the trainee reached calls 60, applications 2 within 2026-03-06..2026-04-02 (targets: applications 1). Full productivity: ready on 2026-05-07, 118 days ahead of the expected 2026-09-02 (6 months from the start).
	// true
}
