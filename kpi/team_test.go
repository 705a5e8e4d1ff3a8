package kpi_test

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele/kpi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// meetingsOnly is a manager whose only activity is n meetings in March
// 2026 (22 working days) with one client.
func meetingsOnly(id string, n int) kpi.Inputs {
	in := kpi.Inputs{ManagerID: id, Currency: "EUR"}
	march := kpi.Month(2026, time.March)
	for i := range n {
		in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityMeeting, On: march.From.AddDays(1 + i%30), ClientID: "c"})
	}
	return in
}

func TestTeamRanking(t *testing.T) {
	march := kpi.Month(2026, time.March)
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	team := []kpi.Inputs{meetingsOnly("b", 11), meetingsOnly("a", 22), meetingsOnly("c", 11), {ManagerID: "z", Currency: "EUR"}}
	ranked, err := kpi.EvaluateTeam(cfg, team, march)
	require.NoError(t, err)
	var got []string
	var ranks []int
	for _, r := range ranked {
		got = append(got, r.Scorecard.ManagerID)
		ranks = append(ranks, r.Rank)
	}
	// a: 22 meetings meet 1 a day; b and c tie on 11 (share a place, listed
	// by ID); z logged nothing and scores 0 on events and meetings.
	assert.Equal(t, []string{"a", "b", "c", "z"}, got)
	assert.Equal(t, []int{1, 2, 2, 4}, ranks)
	// a: events 0, clean meeting days 100 % (score capped 150), referrals
	// 0 %, meetings 22/22 = 100, decision makers 0 of 1 prospect = 0; no
	// plan, no deal: (0 + 150 + 0 + 100 + 0) / 5 = 50. b: meetings 11/22 =
	// 50: (0 + 150 + 0 + 50 + 0) / 5 = 40. z: events 0 and meetings 0.
	for i, want := range []string{"50", "40", "40", "0"} {
		assertDec(t, want, ranked[i].Scorecard.Overall.Decimal, got[i])
	}

	// One call of the same evaluator per manager gives what Evaluate gives
	// alone: no scratch leaks from one manager into the next.
	alone, err := kpi.Evaluate(cfg, team[0], march)
	require.NoError(t, err)
	assert.Equal(t, alone, ranked[1].Scorecard)

	_, err = kpi.EvaluateTeam(cfg, []kpi.Inputs{meetingsOnly("a", 1), meetingsOnly("a", 2), {ManagerID: "x"}}, march)
	require.ErrorIs(t, err, kpi.ErrInvalid)
	assert.ErrorContains(t, err, "managers[1].manager_id = a: repeats managers[0]")
	assert.ErrorContains(t, err, "managers[2].currency: is required")
}

// A manager without a scored criterion comes last, unranked.
func TestTeamUnscoredLast(t *testing.T) {
	weekend := kpi.Period{From: kpi.Month(2026, time.March).From.AddDays(6), To: kpi.Month(2026, time.March).From.AddDays(7)}
	ranked, err := kpi.EvaluateTeam(kpi.DefaultConfig(kpi.ModelB2BServices), []kpi.Inputs{{ManagerID: "a", Currency: "EUR"},
		{ManagerID: "b", Currency: "EUR", Activities: []kpi.Activity{{Kind: kpi.ActivityMeeting, On: weekend.From, ClientID: "c"}}}}, weekend)
	require.NoError(t, err)
	assert.Equal(t, "b", ranked[0].Scorecard.ManagerID, "b has a meeting on Saturday 7 March: criteria 2, 3 and 5 are scored")
	assert.Equal(t, 1, ranked[0].Rank)
	assert.Equal(t, 0, ranked[1].Rank)
}

// The worked March after February: the trend in numbers and words.
func TestTrend(t *testing.T) {
	in, march := march()
	feb := kpi.Month(2026, time.February)
	tr, err := kpi.EvaluateTrend(kpi.DefaultConfig(kpi.ModelB2BServices), in, []kpi.Period{feb, march})
	require.NoError(t, err)
	require.Len(t, tr.Points, 2)
	// February (20 working days): no event, no meeting: events 0 and
	// meetings 0; one call day (27 Feb), clean: 100 % of 60 = 166.67,
	// capped at 150; no meeting, so referrals and decision makers are not
	// measured; deals worked: d-1 (entered 20 Feb), d-3, d-4 = 3 (d-5
	// closed in January), none won: funnel 0; the plan (100,000) got k-2's
	// 20,000: 20 %. (0 + 150 + 0 + 20 + 0) / 5 = 34.
	assertDec(t, "34", tr.Points[0].Overall.Decimal, "February")
	assertDec(t, "119.54", tr.Points[1].Overall.Decimal, "March")
	assertDec(t, "85.54", tr.Change.Decimal, "change")
	assert.Equal(t, "Manager m-1: overall score went from 34.00 (2026-02-01..2026-02-28) to 119.54 (2026-03-01..2026-03-31), up 85.54 points.", tr.Finding)

	_, err = kpi.EvaluateTrend(kpi.DefaultConfig(kpi.ModelB2BServices), in, nil)
	assert.ErrorContains(t, err, "periods = 0: must list 1..120 periods")
	_, err = kpi.EvaluateTrend(kpi.DefaultConfig(kpi.ModelB2BServices), in, []kpi.Period{march, {}})
	assert.ErrorContains(t, err, "periods[1].period.from: is required")
}
