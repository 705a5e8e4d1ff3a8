package kpi_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func assertDec(t *testing.T, want string, got decimal.Decimal, msg string) {
	t.Helper()
	assert.True(t, dec(want).Equal(got), "%s: want %s, got %s", msg, want, got)
}

// The worked month of scenario_test.go, every value by hand. March 2026
// has 22 working days (1 March is a Sunday).
func TestEvaluateMarchByHand(t *testing.T) {
	in, march := march()
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, march)
	require.NoError(t, err)
	assert.Equal(t, 22, s.WorkingDays)
	assert.Equal(t, 1, s.OutsidePeriod, "the call of 27 February")

	cases := []struct {
		c                           kpi.Criterion
		measured, attainment, score string
		status                      kpi.Status
	}{
		// 1 event in 22 working days against 1 per 20: 1×20/22 = 0.909 → 0.91;
		// 20×100/22 = 90.909 → 90.91 % of the target.
		{kpi.CriterionEvents, "0.91", "90.91", "90.91", kpi.StatusBelow},
		// Days with calls or meetings: 2, 3, 4, 5, 10, 17, 24 Mar = 7. Clean:
		// 2 (5 calls), 4 (4 calls of 5 = 80 %), 3, 10, 17, 24 (meetings only) = 6;
		// 5 Mar (2 calls, 1 meeting: 66.7 %) is mixed. 6/7 = 85.714 % ≥ 80:
		// exceeds; 85.714/60 = 142.857 → 142.86.
		{kpi.CriterionOrganisation, "85.71", "142.86", "142.86", kpi.StatusExceeds},
		// 3 referral requests at 11 meetings: 27.27 % ≥ 20, < 40: meets;
		// 27.2727/20 = 136.36.
		{kpi.CriterionReferrals, "27.27", "136.36", "136.36", kpi.StatusMeets},
		// 11 meetings / 22 working days = 0.5 against 1: 50 %.
		{kpi.CriterionMeetings, "0.50", "50.00", "50.00", kpi.StatusBelow},
		// Prospects met (no contract before March): c-1, c-2, c-3, c-5, c-6 = 5
		// (c-4 signed in February); c-2 and c-5 signed in March: 2/5 = 40 %,
		// 400 % of 10, score capped at 150.
		{kpi.CriterionDecisionMaker, "40.00", "400.00", "150", kpi.StatusExceeds},
		// 40,000 + 70,000 + 30,000 = 140,000 against 120,000: 116.67 %.
		{kpi.CriterionPlan, "116.67", "116.67", "116.67", kpi.StatusExceeds},
		// Deals worked: d-1, d-2, d-3, d-4, d-6, d-8 = 6 (d-5 closed in
		// January, d-7 enters in April); won d-1, d-6: 2/6 = 33.33 %, 333.33 %
		// of 10, capped at 150.
		{kpi.CriterionFunnel, "33.33", "333.33", "150", kpi.StatusExceeds},
	}
	for _, c := range cases {
		r := s.Result(c.c)
		assert.Equal(t, c.status, r.Status, c.c.String())
		assertDec(t, c.measured, r.Measured, c.c.String()+" measured")
		assertDec(t, c.attainment, r.Attainment, c.c.String()+" attainment")
		assertDec(t, c.score, r.Score, c.c.String()+" score")
		assert.NotEmpty(t, r.Findings, c.c.String())
	}
	// (90.91 + 142.86 + 136.36 + 50 + 150 + 116.67 + 150) / 7 = 836.80 / 7
	// = 119.542857 → 119.54.
	require.True(t, s.Overall.Valid)
	assertDec(t, "119.54", s.Overall.Decimal, "overall")

	// Criterion 5: c-1 met 3 times (once with no decision maker), c-3 4
	// times, neither signed; listed in the order the log first shows them,
	// named in the findings most met first.
	require.Len(t, s.Unreached, 2)
	assert.Equal(t, kpi.Unreached{ClientID: "c-1", Meetings: 3, First: clientele.NewDate(2026, 3, 3), Last: clientele.NewDate(2026, 3, 10), Absent: 1}, s.Unreached[0])
	assert.Equal(t, kpi.Unreached{ClientID: "c-3", Meetings: 4, First: clientele.NewDate(2026, 3, 4), Last: clientele.NewDate(2026, 3, 24)}, s.Unreached[1])
	dm := s.Result(kpi.CriterionDecisionMaker).Findings
	assert.Contains(t, dm[2].String(), "Client c-3: 4 meetings")
	assert.Contains(t, dm[3].String(), "Client c-1: 3 meetings")

	// Criterion 6: 20,000 over; d-2 ready 26 March (contract_sent), won
	// 2 April, day 2 of the 5-day window, the plan already met.
	assert.True(t, s.Plan.HasPlan)
	assertDec(t, "20000", s.Plan.Over, "over")
	assertDec(t, "140000", s.Plan.Revenue, "revenue")
	assert.Equal(t, 3, s.Plan.Contracts)
	require.Len(t, s.Plan.Deferred, 1)
	assert.Equal(t, "d-2", s.Plan.Deferred[0].Deal)
	assert.Equal(t, clientele.NewDate(2026, 3, 26), s.Plan.Deferred[0].ReadyOn)
	assertDec(t, "25000", s.Plan.Shifted, "shifted")
	assert.Contains(t, s.Result(kpi.CriterionPlan).Findings[2].String(), "while the plan was already met: 25000.00 RUB shifted")

	// Criterion 7: highest stage by 31 March: d-4 appointment (0), d-3
	// qualified (1), d-8 presentation (2), d-6 decision maker (3), d-1 and
	// d-2 contract sent (4). Reached at least: 6, 5, 4, 3, 2; conversions
	// 5/6 = 83.33, 4/5 = 80, 3/4 = 75, 2/3 = 66.67.
	f := s.Funnel
	assert.Equal(t, []int{6, 5, 4, 3, 2}, []int{f.Stages[0].Reached, f.Stages[1].Reached, f.Stages[2].Reached, f.Stages[3].Reached, f.Stages[4].Reached})
	assert.False(t, f.Stages[0].Conversion.Valid)
	for i, want := range []string{"83.33", "80", "75", "66.67"} {
		assertDec(t, want, f.Stages[i+1].Conversion.Decimal, f.Stages[i+1].Stage)
	}
	assert.Equal(t, [4]int{6, 2, 1, 3}, [4]int{f.Worked, f.Won, f.Lost, f.Open})
	// d-8 was expected to close on 20 March and is open; d-3 expects 30 April.
	assert.Equal(t, 1, f.Overdue)
	// Open at the end: d-2 25,000 × 90 % + d-3 10,000 × 40 % + d-8 8,000 × 60 %
	// = 22,500 + 4,000 + 4,800 = 31,300.
	assertDec(t, "31300", f.Weighted, "weighted pipeline")
	// d-3 at qualified_to_buy since 20 January: 11 + 28 + 31 = 70 days ≥ 30.
	require.Len(t, f.Stale, 1)
	assert.Equal(t, kpi.StaleDeal{Deal: "d-3", ClientID: "c-3", Stage: "qualified_to_buy", Since: clientele.NewDate(2026, 1, 20), Days: 70, Amount: dec("10000")}, f.Stale[0])

	// Repeat requests: c-2, c-4, c-5 signed in March; c-4 had signed in
	// February: 1/3 = 33.33 %.
	assert.Equal(t, kpi.RepeatResult{Asked: true, Clients: 3, Repeat: 1, Rate: decimal.NewNullDecimal(dec("33.33"))}, s.Repeat)
}

// The status is decided on the exact ratio, not on the rounded display:
// 1,999 referral requests at 9,996 meetings are 19.998 %, shown as
// 20.00, yet below the 20 % target.
func TestStatusIsDecidedExactly(t *testing.T) {
	period := kpi.Month(2026, time.March)
	in := kpi.Inputs{ManagerID: "m", Currency: "EUR"}
	for i := range 9996 {
		in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityMeeting, On: period.From.AddDays(i % 31), ClientID: "c"})
	}
	for range 1999 {
		in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityReferralRequest, On: period.From, ClientID: "c"})
	}
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, period)
	require.NoError(t, err)
	r := s.Result(kpi.CriterionReferrals)
	assertDec(t, "20.00", r.Measured, "displayed")
	assert.Equal(t, kpi.StatusBelow, r.Status)
	assertDec(t, "99.99", r.Attainment, "19.998/20 = 99.99 %")

	// 2,000 of 9,996 = 20.008 %: meets.
	in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityReferralRequest, On: period.From, ClientID: "c"})
	s, err = kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, period)
	require.NoError(t, err)
	assert.Equal(t, kpi.StatusMeets, s.Result(kpi.CriterionReferrals).Status)
}

// Meetings per working day at the B2B services benchmark's edges (1-2 a
// day, the article): 22, 43 and 44 meetings in March's 22 working days.
func TestMeetingsBenchmarkEdges(t *testing.T) {
	period := kpi.Month(2026, time.March)
	for _, c := range []struct {
		meetings int
		want     kpi.Status
	}{{21, kpi.StatusBelow}, {22, kpi.StatusMeets}, {43, kpi.StatusMeets}, {44, kpi.StatusExceeds}} {
		in := kpi.Inputs{ManagerID: "m", Currency: "EUR"}
		for i := range c.meetings {
			in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityMeeting, On: period.From.AddDays(1 + i%30), ClientID: "c"})
		}
		s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, period)
		require.NoError(t, err)
		assert.Equal(t, c.want, s.Result(kpi.CriterionMeetings).Status, "%d meetings", c.meetings)
	}
}

// A day is clean when one kind makes at least CleanDayShare (80 %) of
// its calls and meetings: 4 of 5 is, 3 of 4 (75 %) is not, and at 75 %
// both are.
func TestCleanDays(t *testing.T) {
	day := clientele.NewDate(2026, 3, 2)
	log := func(calls, meetings int) []kpi.Activity {
		var l []kpi.Activity
		for range calls {
			l = append(l, kpi.Activity{Kind: kpi.ActivityCall, On: day, ClientID: "p"})
		}
		for range meetings {
			l = append(l, kpi.Activity{Kind: kpi.ActivityMeeting, On: day, ClientID: "c"})
		}
		return l
	}
	for _, c := range []struct {
		share           string
		calls, meetings int
		clean           string
	}{{"80", 4, 1, "100"}, {"80", 3, 1, "0"}, {"75", 3, 1, "100"}, {"80", 1, 4, "100"}, {"100", 5, 1, "0"}, {"100", 0, 2, "100"}} {
		cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
		cfg.CleanDayShare = dec(c.share)
		s, err := kpi.Evaluate(cfg, kpi.Inputs{ManagerID: "m", Currency: "EUR", Activities: log(c.calls, c.meetings)}, kpi.Week(day))
		require.NoError(t, err)
		assertDec(t, c.clean, s.Result(kpi.CriterionOrganisation).Measured, c.share)
	}
}

// Deferred-deal detection: a deal ready before the month's end and won
// in the next month's first 5 days is flagged only while the plan was met
// or would have been exceeded with it.
func TestDeferredDeals(t *testing.T) {
	march := kpi.Month(2026, time.March)
	mk := func(plan string, signed string, ready, won clientele.Date) kpi.Inputs {
		in := kpi.Inputs{ManagerID: "m", Currency: "EUR",
			Plans: []kpi.Plan{{Period: march, Revenue: decimal.NewNullDecimal(dec(plan))}},
			Deals: []kpi.Deal{{ID: "d", ClientID: "c", Amount: dec("300"), WonOn: won, Stages: []kpi.StageEntry{
				{Stage: "appointment_scheduled", On: clientele.NewDate(2026, 3, 1)}, {Stage: "contract_sent", On: ready}}}},
		}
		if signed != "0" {
			in.Contracts = []kpi.Contract{{ID: "k", ClientID: "x", SignedOn: clientele.NewDate(2026, 3, 10), Amount: dec(signed)}}
		}
		return in
	}
	ready, apr := clientele.NewDate(2026, 3, 30), func(d int) clientele.Date { return clientele.NewDate(2026, 4, d) }
	for _, c := range []struct {
		name         string
		plan, signed string
		ready, won   clientele.Date
		flagged      bool
		why          string
	}{
		{"plan met", "1000", "1000", ready, apr(1), true, "already met"},
		{"last day of the window", "1000", "1200", ready, apr(5), true, "already met"},
		{"past the window", "1000", "1200", ready, apr(6), false, ""},
		// 800 + 300 = 1,100 > 1,000: the plan would have been exceeded.
		{"would have exceeded", "1000", "800", ready, apr(2), true, "would have been exceeded"},
		// 700 + 300 = 1,000: met exactly, not exceeded: a late deal, not a held one.
		{"would only have met", "1000", "700", ready, apr(2), false, ""},
		{"ready only in April", "1000", "1000", apr(1), apr(2), false, ""},
	} {
		s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), mk(c.plan, c.signed, c.ready, c.won), march)
		require.NoError(t, err, c.name)
		if !c.flagged {
			assert.Empty(t, s.Plan.Deferred, c.name)
			assert.True(t, s.Plan.Shifted.IsZero(), c.name)
			continue
		}
		require.Len(t, s.Plan.Deferred, 1, c.name)
		assertDec(t, "300", s.Plan.Shifted, c.name)
		assert.Contains(t, s.Result(kpi.CriterionPlan).Findings[2].String(), c.why, c.name)
	}
}

// A plan of contracts only is fulfilled by the count; no plan leaves the
// criterion unmeasured and out of the overall score.
func TestPlanByCountAndNoPlan(t *testing.T) {
	march := kpi.Month(2026, time.March)
	in := kpi.Inputs{ManagerID: "m", Currency: "EUR", Plans: []kpi.Plan{{Period: march, Contracts: 4}},
		Contracts: []kpi.Contract{
			{ID: "k1", ClientID: "a", SignedOn: clientele.NewDate(2026, 3, 3), Amount: dec("10")},
			{ID: "k2", ClientID: "b", SignedOn: clientele.NewDate(2026, 3, 4), Amount: dec("10")},
			{ID: "k3", ClientID: "c", SignedOn: clientele.NewDate(2026, 3, 5), Amount: dec("10")},
		}}
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelConsulting), in, march)
	require.NoError(t, err)
	// 3 of 4 contracts: 75 %.
	assertDec(t, "75", s.Plan.Fulfilment.Decimal, "fulfilment")
	assert.Equal(t, kpi.StatusBelow, s.Result(kpi.CriterionPlan).Status)

	in.Plans = nil
	s, err = kpi.Evaluate(kpi.DefaultConfig(kpi.ModelConsulting), in, march)
	require.NoError(t, err)
	assert.Equal(t, kpi.StatusNotMeasured, s.Result(kpi.CriterionPlan).Status)
	assert.Contains(t, s.Result(kpi.CriterionPlan).Findings[0].String(), "no plan was set")
}

// Nothing logged: every criterion but events and meetings (counted
// against working days) is unmeasured, and so is nothing scored twice.
func TestEmptyInputs(t *testing.T) {
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), kpi.Inputs{ManagerID: "m", Currency: "EUR"}, kpi.Month(2026, time.March))
	require.NoError(t, err)
	for _, c := range kpi.Criteria() {
		want := kpi.StatusNotMeasured
		if c == kpi.CriterionEvents || c == kpi.CriterionMeetings {
			want = kpi.StatusBelow
		}
		assert.Equal(t, want, s.Result(c).Status, c.String())
	}
	// Both measured criteria score 0: overall 0.
	assertDec(t, "0", s.Overall.Decimal, "overall")

	// A weekend has no working day: nothing at all is measured.
	s, err = kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), kpi.Inputs{ManagerID: "m", Currency: "EUR"},
		kpi.Period{From: clientele.NewDate(2026, 3, 7), To: clientele.NewDate(2026, 3, 8)})
	require.NoError(t, err)
	assert.False(t, s.Overall.Valid)
	assert.Contains(t, s.Summary(), "no criterion could be scored")
}

// The host's own count of working days (holidays, leave) replaces the
// weekdays: 11 meetings in 11 days meet 1 a day.
func TestWorkingDaysOverride(t *testing.T) {
	in, march := march()
	in.WorkingDays = 11
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, march)
	require.NoError(t, err)
	assert.Equal(t, kpi.StatusMeets, s.Result(kpi.CriterionMeetings).Status)
}

// Twelve clients met 3 to 14 times without a contract: the findings name
// the ten met most, most first, and count the other two.
func TestUnreachedFindingsNameTheTenMetMost(t *testing.T) {
	period := kpi.Month(2026, time.March)
	in := kpi.Inputs{ManagerID: "m", Currency: "EUR"}
	for c := range 12 {
		for i := range 3 + c {
			in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityMeeting, On: period.From.AddDays(i), ClientID: fmt.Sprintf("c-%02d", c)})
		}
	}
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, period)
	require.NoError(t, err)
	require.Len(t, s.Unreached, 12)
	f := s.Result(kpi.CriterionDecisionMaker).Findings
	require.Len(t, f, 2+10+1)
	for i := range 10 {
		assert.Contains(t, f[2+i].String(), fmt.Sprintf("Client c-%02d: %d meetings", 11-i, 14-i))
	}
	assert.Equal(t, "2 more clients were met 3 times or more without a contract (Scorecard.Unreached lists them all).", f[12].String())
}

// Eleven open deals untouched since January: all stale by 31 March,
// ten named (longest first, then by ID), one counted.
func TestStaleDealsNamedAndCounted(t *testing.T) {
	in := kpi.Inputs{ManagerID: "m", Currency: "EUR"}
	for i := range 11 {
		in.Deals = append(in.Deals, kpi.Deal{ID: fmt.Sprintf("d-%02d", i), ClientID: "c", Amount: dec("100"),
			Stages: []kpi.StageEntry{{Stage: "qualified_to_buy", On: clientele.NewDate(2026, 1, 1+i)}}})
	}
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, kpi.Month(2026, time.March))
	require.NoError(t, err)
	require.Len(t, s.Funnel.Stale, 11)
	// d-00 since 1 January: 30 + 28 + 31 = 89 days to 31 March.
	assert.Equal(t, 89, s.Funnel.Stale[0].Days)
	assert.Equal(t, "d-10", s.Funnel.Stale[10].Deal)
	f := s.Result(kpi.CriterionFunnel).Findings
	assert.Equal(t, "1 more deal is stale (Funnel.Stale lists them all).", f[len(f)-1].String())
	// 11 × 100 × 40 % = 440.
	assertDec(t, "440", s.Funnel.Weighted, "weighted")
	// No deal won among 11 worked: 0 %, below.
	assert.Equal(t, kpi.StatusBelow, s.Result(kpi.CriterionFunnel).Status)
}
