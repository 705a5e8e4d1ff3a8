package solvency

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatementValidateReportsEveryProblem(t *testing.T) {
	s := Statement{
		PeriodDays:         400,
		Currency:           "usd",
		Cash:               MustAmount("-5"),
		TotalAssets:        MustAmount("-100"),
		CurrentAssets:      MustAmount("50"),
		Inventory:          MustAmount("80"),
		CurrentLiabilities: MustAmount("90"),
		TotalLiabilities:   MustAmount("60"),
		Revenue:            MustAmount("-1"),
		Equity:             MustAmount("-40"), // allowed: a deficit
		EBIT:               MustAmount("-7"),  // allowed: a loss
	}
	list := requireFields(t, s.Validate(),
		"period_end", "period_days", "currency", "cash", "total_assets", "revenue",
		"current_assets", "current_liabilities", "current_assets")
	assert.Equal(t, d("-100"), list.Fields[4].Value, "the error carries the value")
	assert.Contains(t, s.Validate().Error(), "total_assets = -100: must not be negative")
	assert.Contains(t, s.Validate().Error(), "current_liabilities = 90: exceeds total_liabilities 60")
	assert.Contains(t, s.Validate().Error(), "is less than cash + marketable_securities + receivables + inventory = 80")
}

func TestStatementJSON(t *testing.T) {
	var s Statement
	require.NoError(t, json.Unmarshal([]byte(`{
		"period_end": "2024-12-31", "currency": "EUR",
		"current_assets": "400", "current_liabilities": 250, "inventory": null
	}`), &s))
	require.NoError(t, s.Validate())
	assert.True(t, s.CurrentAssets.Known)
	assert.False(t, s.Inventory.Known, "null is unknown")
	assert.False(t, s.Cash.Known, "absent is unknown")
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"period_end":"2024-12-31","currency":"EUR","current_assets":"400","current_liabilities":"250"}`, string(out))
}

func TestAnnualRevenue(t *testing.T) {
	// A quarter of 91 days with revenue 910 is 910 × 365 / 91 = 3650 a year.
	s := Statement{PeriodDays: 91, Revenue: MustAmount("910")}
	assert.Equal(t, "3650", s.annualRevenue().Value.String())
	s = Statement{Revenue: MustAmount("1200")}
	assert.Equal(t, "1200", s.annualRevenue().Value.String(), "0 days means a year")
	assert.False(t, Statement{PeriodDays: 91}.annualRevenue().Known)
}

func TestStatementValidateEdges(t *testing.T) {
	s := fullStatement()
	// Cash 50 + securities 30 + receivables 120 + inventory 150 = 350.
	s.CurrentAssets = MustAmount("350")
	s.PeriodDays = 366
	require.NoError(t, s.Validate(), "parts that add up to the whole, a leap year")
	s.CurrentAssets = MustAmount("349.99")
	s.PeriodDays = 367
	requireFields(t, s.Validate(), "period_days", "current_assets")

	var a Amount
	require.NoError(t, a.UnmarshalJSON([]byte(" null ")))
	assert.False(t, a.Known, "null with spaces is unknown")
}
