package kpi_test

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBadPeriod(t *testing.T) {
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	in := kpi.Inputs{ManagerID: "m", Currency: "EUR"}
	for _, c := range []struct {
		p    kpi.Period
		want string
	}{
		{kpi.Period{From: clientele.NewDate(2026, 3, 31), To: clientele.NewDate(2026, 3, 1)},
			"period.to = 2026-03-01: is before the start 2026-03-31: a period ends on or after it starts"},
		{kpi.Period{}, "period.from: is required"},
		{kpi.Quarter(2026, 5), "period.from: is not a calendar date"},
	} {
		_, err := kpi.Evaluate(cfg, in, c.p)
		require.ErrorIs(t, err, kpi.ErrInvalid)
		assert.Contains(t, err.Error(), c.want)
	}
	_, err := kpi.Evaluate(cfg, in, kpi.Period{From: clientele.NewDate(2024, 1, 1), To: clientele.NewDate(2025, 1, 1)})
	assert.ErrorContains(t, err, "makes a period of 367 days; the limit is 366")
	_, err = kpi.Evaluate(kpi.Config{}, in, kpi.Period{})
	assert.ErrorContains(t, err, "config.profile: is required", "config problems come first, named config.*")
	assert.ErrorContains(t, err, "period.from: is required", "and the period's with them")
}

func TestBadInputs(t *testing.T) {
	march := kpi.Month(2026, time.March)
	d := func(day int) clientele.Date { return clientele.NewDate(2026, 3, day) }
	in := kpi.Inputs{ManagerID: "", Currency: "XXY", WorkingDays: 40,
		Activities: []kpi.Activity{
			{Kind: kpi.ActivityCall, On: d(2), ClientID: "ok"},
			{Kind: 0, On: d(2), ClientID: "c"},
			{Kind: kpi.ActivityCall, ClientID: "c"},
			{Kind: kpi.ActivityMeeting, On: d(2), ClientID: "c\x1b[31m"},
			{Kind: kpi.ActivityCall, On: d(2), ClientID: "c", DecisionMaker: kpi.DecisionMakerPresent},
			{Kind: kpi.ActivityMeeting, On: d(2)},
			{Kind: kpi.ActivityEvent, On: d(2)},
			{Kind: kpi.ActivityMeeting, On: d(2), ClientID: "Клиент-1"},
		},
		Deals: []kpi.Deal{
			{ID: "d1", ClientID: "c", Amount: dec("-1"), Stages: []kpi.StageEntry{
				{Stage: "qualified_to_buy", On: d(10)}, {Stage: "contract_sent", On: d(5)}, {Stage: "signed", On: d(12)}}},
			{ID: "d2", ClientID: "c", Amount: dec("1"), WonOn: d(3), LostOn: d(4), Stages: []kpi.StageEntry{{Stage: "contract_sent", On: d(2)}}},
			{ID: "d1", ClientID: "c", Amount: dec("1"), WonOn: d(1), Stages: []kpi.StageEntry{{Stage: "contract_sent", On: d(2)}}},
			{ID: "d4", ClientID: "c", Amount: dec("1e-99")},
		},
		Plans: []kpi.Plan{
			{Period: march, Revenue: decimal.NewNullDecimal(dec("100"))},
			{Period: march, Contracts: 2},
			{Period: march},
		},
		Contracts: []kpi.Contract{{ID: "k", ClientID: "c", Amount: dec("5")}},
	}
	_, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, march)
	problemtest.Require(t, err, kpi.ErrInvalid, []string{
		"manager_id: is required",
		"currency = XXY: is not a known ISO 4217 currency code",
		"working_days = 40: must be within 0..31",
		"activities[1].kind: is required",
		"activities[2].on: is required",
		`activities[3].client_id = "c\x1b[31m": must be printable UTF-8`,
		"activities[4].decision_maker = present: is recorded for meetings only",
		"activities[5].client_id: is required",
		"contracts[0].signed_on: is required",
		"deals[0].amount = -1: must not be negative",
		"deals[0].stages[1].on = 2026-03-05: goes back in time: the stage before was entered on 2026-03-10",
		"deals[0].stages[2].stage = signed: is not one of the config's stages",
		"deals[1].lost_on = 2026-03-04: is set as well as won_on",
		"deals[2].won_on = 2026-03-01: is before the last stage change (2026-03-02)",
		"deals[3].amount = 1e-99: is out of range",
		"deals[3].stages: is required",
		"deals[2].id = d1: repeats deals[0]",
		"plans[1].period = 2026-03-01..2026-03-31: repeats plans[0]",
		"plans[2].revenue: is required unless contracts is set",
	})
}

// A million bad activities make one readable error: the first 100
// problems and the count of the rest.
func TestManyBadActivitiesAreCapped(t *testing.T) {
	in := kpi.Inputs{ManagerID: "m", Currency: "EUR", Activities: make([]kpi.Activity, 1000)}
	in.Activities[0].Kind = 9
	_, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, kpi.Month(2026, time.March))
	// Each zero activity has three problems: kind, day, client.
	problemtest.RequireCapped(t, err, kpi.ErrInvalid, "inputs", 3000)
	assert.ErrorContains(t, err, "activities[0].kind = 9: is not a known activity kind")
}

func TestZeroInputsNameWhatIsMissing(t *testing.T) {
	_, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), kpi.Inputs{}, kpi.Month(2026, time.March))
	problemtest.Require(t, err, kpi.ErrInvalid, []string{"manager_id: is required", "currency: is required"})
}
