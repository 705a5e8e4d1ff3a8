package kpi_test

import (
	"fmt"
	"time"

	"github.com/clientele-go/clientele"

	"github.com/clientele-go/clientele/kpi"
)

// One manager's monthly scorecard with its findings, as a head of sales
// would read it to the manager.
func ExampleEvaluate() {
	in, march := march()
	card, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, march)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(card.Summary())
	// Output:
	// Manager m-1, 2026-03-01..2026-03-31 (b2b_services profile): overall score 119.54.
	// 1. Events attended: 0.91 events per 20 working days against a target of 1 (exceeds at 2): below the target, 90.91% of the target.
	//    - Attended 1 event (conferences, exhibitions) in 22 working days.
	// 2. Call and meeting days: 85.71% against a target of 60 (exceeds at 80): exceeds the target, 142.86% of the target.
	//    - Of 7 days with calls or meetings, 2 were call days, 4 meeting days and 1 mixed; a day counts as one kind when that kind makes at least 80% of its calls and meetings.
	// 3. Referral requests: 27.27% against a target of 20 (exceeds at 40): meets the target, 136.36% of the target.
	//    - Asked for referrals 3 times at 11 meetings and obtained 1 referral.
	// 4. Meetings: 0.50 meetings per working day against a target of 1 (exceeds at 2): below the target, 50.00% of the target.
	//    - Held 11 meetings in 22 working days.
	// 5. Decision makers reached: 40.00% against a target of 10 (exceeds at 20): exceeds the target, 400.00% of the target.
	//    - 2 of 5 prospects met in the period signed a contract.
	//    - Client c-3: 4 meetings from 2026-03-04 to 2026-03-24 and no contract: the decision maker was most likely not reached.
	//    - Client c-1: 3 meetings from 2026-03-03 to 2026-03-10 and no contract: the decision maker was most likely not reached; 1 of them recorded no decision maker.
	// 6. Plan fulfilment: 116.67% against a target of 100 (exceeds at 110): exceeds the target, 116.67% of the target.
	//    - Signed 3 contracts for 140000.00 RUB against a plan of 120000.00 RUB: 116.67% fulfilled, 20000.00 RUB over the plan.
	//    - Deal d-2 (client c-7) was ready to sign on 2026-03-26 but was signed on 2026-04-02, in the first 5 days of the next period, while the plan was already met: 25000.00 RUB shifted.
	//    - 1 deal, 25000.00 RUB in all, held back into the next period: a manager who shifts contracts does not benefit the firm.
	// 7. Opportunity funnel: 33.33% against a target of 10 (exceeds at 20): exceeds the target, 333.33% of the target.
	//    - Of 6 deals worked in the period, 2 were won, 1 lost and 3 are open, weighing 31300.00 RUB by their stages' probabilities.
	//    - 1 open deal is past the expected close date.
	//    - Deal d-3 (client c-3, 10000.00 RUB) has stood at qualified_to_buy since 2026-01-20, 70 days: stale.
	// * Repeat requests: 1 of 3 clients who signed in the period had signed before (33.33%); in service markets effectiveness shows in repeat requests.
	// * 1 activity dated outside the period ignored.
}

// A team over one week, ranked; equal scores share a place.
func ExampleEvaluateTeam() {
	week := kpi.Week(clientele.MustParseDate("2026-03-04")) // Monday 2 to Sunday 8 March
	meetings := func(id string, n int) kpi.Inputs {
		in := kpi.Inputs{ManagerID: id, Currency: "EUR"}
		for i := range n {
			in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityMeeting, On: week.From.AddDays(i % 5), ClientID: fmt.Sprint("c-", i)})
		}
		return in
	}
	ranked, err := kpi.EvaluateTeam(kpi.DefaultConfig(kpi.ModelB2BServices),
		[]kpi.Inputs{meetings("m-2", 5), meetings("m-1", 10), meetings("m-3", 5)}, week)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range ranked {
		m := r.Scorecard.Result(kpi.CriterionMeetings)
		fmt.Printf("%d. %s: overall %s; meetings %s a day, %s\n", r.Rank, r.Scorecard.ManagerID,
			r.Scorecard.Overall.Decimal.StringFixed(2), m.Measured.StringFixed(2), m.Status)
	}
	// Output:
	// 1. m-1: overall 60.00; meetings 2.00 a day, exceeds
	// 2. m-2: overall 50.00; meetings 1.00 a day, meets
	// 2. m-3: overall 50.00; meetings 1.00 a day, meets
}

// The period after a month is the next calendar month, whatever its
// length; after a week, the next week.
func ExamplePeriod_Next() {
	jan := kpi.Month(2026, time.January)
	fmt.Println(jan.Next())
	fmt.Println(kpi.Week(clientele.MustParseDate("2026-12-30")).Next())
	// Output:
	// 2026-02-01..2026-02-28
	// 2027-01-04..2027-01-10
}
