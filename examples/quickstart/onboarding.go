package main

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/onboarding"
)

// onboardNewManager takes Anna's new colleague Dmitry through the
// article's four stages, on the in-memory onboarding store: he fails the
// product knowledge test once and passes on the final chance, his mentor
// earns the bonus, and four weeks on target show he can work alone.
func (d *day) onboardNewManager() error {
	d.section("Onboarding a new account manager")
	plan := onboarding.DefaultPlan()
	store := onboarding.NewMemStore()
	head := authority.Actor{ID: "u-head-1", Role: authority.RoleHeadOfDepartment}
	trainer := authority.Actor{ID: "u-trainer-3", Role: onboarding.RoleTrainer}
	mentor := authority.Actor{ID: "m-anna", Role: authority.RoleManager}
	on := clientele.MustParseDate

	o, err := onboarding.New("onb-dmitry", authority.Actor{ID: "m-dmitry", Role: authority.RoleManager})
	if err != nil {
		return err
	}
	if o, err = store.Create(d.ctx, o); err != nil {
		return err
	}
	// record applies one event and saves the record under its version.
	record := func(e onboarding.Event) error {
		next, err := o.Apply(plan, e)
		if err != nil {
			return err
		}
		o, err = store.Update(d.ctx, next)
		return err
	}
	finishStage := func(day string) error {
		for _, t := range plan.Stages[o.State.Stage()-1].Tasks {
			if err := record(onboarding.Event{Kind: onboarding.EventCompleteTask, On: on(day), By: head, TaskID: t.ID}); err != nil {
				return err
			}
		}
		return record(onboarding.Event{Kind: onboarding.EventPassGate, On: on(day), By: head})
	}
	score := func(day string, points ...int) error {
		topics := []string{"features_vs_competitors", "packaging", "alternatives_out_of_stock", "equipment_options", "conditions_of_use", "delivery_time"}
		answers := make([]onboarding.Answer, len(points))
		for i, p := range points {
			answers[i] = onboarding.Answer{Question: topics[i], Score: p, Max: 10}
		}
		return record(onboarding.Event{Kind: onboarding.EventScoreTest, On: on(day), By: trainer, Answers: answers})
	}

	steps := []func() error{
		func() error {
			return record(onboarding.Event{Kind: onboarding.EventStart, On: on("2026-03-02"), By: head})
		},
		func() error { return finishStage("2026-03-04") }, // introduction: 3 days
		func() error { return finishStage("2026-03-05") }, // product: 2 days, then prospecting
		func() error {
			return record(onboarding.Event{Kind: onboarding.EventAssignMentor, On: on("2026-03-06"), By: head,
				Mentor: &onboarding.Mentor{Actor: mentor, SellingSince: on("2021-09-01")}})
		},
		func() error {
			return record(onboarding.Event{Kind: onboarding.EventRecordResults, On: on("2026-03-20"), By: mentor,
				Results: &onboarding.Results{Calls: 60, Applications: 2}})
		},
		func() error { return score("2026-03-27", 6, 7, 5, 6, 6, 5) }, // 35 of 60: failed, one final chance
		func() error { return score("2026-04-02", 9, 8, 8, 9, 8, 8) }, // 50 of 60: passed
		func() error { return finishStage("2026-04-03") },
	}
	for i, meetings := range []int{3, 5, 6, 5, 7} { // weekly reviews, 5 meetings a week
		from := on("2026-04-03").AddDays(7 * i)
		steps = append(steps, func() error {
			return record(onboarding.Event{Kind: onboarding.EventReviewPeriod, On: from.AddDays(6), By: head,
				Review: &onboarding.Review{From: from, To: from.AddDays(6), Results: onboarding.Results{Meetings: meetings}}})
		})
	}
	steps = append(steps, func() error {
		return record(onboarding.Event{Kind: onboarding.EventPassGate, On: on("2026-05-08"), By: head})
	})
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}

	st, err := o.StatusOn(plan, on("2026-05-08"))
	if err != nil {
		return err
	}
	fmt.Fprintln(d.out, "Dmitry joined in March; his record, tasks done left out:")
	for _, e := range st.Timeline {
		if e.Event != onboarding.EventCompleteTask {
			for i, line := range wrap(strings.Fields(e.Note), 84) {
				on := "          "
				if i == 0 {
					on = e.On.String()
				}
				fmt.Fprintf(d.out, "  %s  %s\n", on, line)
			}
		}
	}
	for _, sentence := range strings.SplitAfter(st.Summary, ". ") {
		d.bullet(sentence)
	}

	h, err := onboarding.PlanHiring(onboarding.ArticleHiring())
	if err != nil {
		return err
	}
	d.bullet("Hiring the next one: " + h.Message)
	return nil
}
