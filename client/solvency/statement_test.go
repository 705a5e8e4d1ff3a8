package solvency

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatementValidateReportsEveryProblem(t *testing.T) {
	s := Statement{
		PeriodDays:         400,
		Currency:           "usd",
		Cash:               nd("-5"),
		TotalAssets:        nd("-100"),
		CurrentAssets:      nd("50"),
		Inventory:          nd("80"),
		CurrentLiabilities: nd("90"),
		TotalLiabilities:   nd("60"),
		Revenue:            nd("-1"),
		Equity:             nd("-40"), // allowed: a deficit
		EBIT:               nd("-7"),  // allowed: a loss
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
	assert.True(t, s.CurrentAssets.Valid)
	assert.False(t, s.Inventory.Valid, "null is unknown")
	assert.False(t, s.Cash.Valid, "absent is unknown")
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"period_end":"2024-12-31","currency":"EUR","current_assets":"400","current_liabilities":"250"}`, string(out))
}

func TestAnnualRevenue(t *testing.T) {
	// A quarter of 91 days with revenue 910 is 910 × 365 / 91 = 3650 a year.
	s := Statement{PeriodDays: 91, Revenue: nd("910")}
	assert.Equal(t, "3650", s.annualRevenue().Decimal.String())
	s = Statement{Revenue: nd("1200")}
	assert.Equal(t, "1200", s.annualRevenue().Decimal.String(), "0 days means a year")
	assert.False(t, Statement{PeriodDays: 91}.annualRevenue().Valid)
}

func TestStatementValidateEdges(t *testing.T) {
	s := fullStatement()
	// Cash 50 + securities 30 + receivables 120 + inventory 150 = 350.
	s.CurrentAssets = nd("350")
	s.PeriodDays = 366
	require.NoError(t, s.Validate(), "parts that add up to the whole, a leap year")
	s.CurrentAssets = nd("349.99")
	s.PeriodDays = 367
	requireFields(t, s.Validate(), "period_days", "current_assets")
}

// Unknown is not zero: in JSON null or absent is unknown, a known zero
// stays known, and numbers load exactly, read as text.
func TestStatementAmountsUnknownIsNotZero(t *testing.T) {
	var s Statement
	require.NoError(t, json.Unmarshal([]byte(`{"period_end": "2024-12-31", "currency": "EUR",
		"inventory": null, "cash": 0, "current_assets": "1250.50", "total_assets": 1250.50, "receivables": 0.1}`), &s))
	assert.False(t, s.MarketableSecurities.Valid, "absent is unknown")
	assert.False(t, s.Inventory.Valid, "null is unknown")
	assert.True(t, s.Cash.Valid, "a known zero is known")
	assert.True(t, s.Cash.Decimal.IsZero())
	assert.True(t, s.CurrentAssets.Decimal.Equal(d("1250.50")))
	assert.True(t, s.TotalAssets.Decimal.Equal(d("1250.5")), "numbers load exactly")
	assert.Equal(t, "0.1", s.Receivables.Decimal.String(), "0.1 is read as text, not through float64")

	out, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"period_end":"2024-12-31","currency":"EUR","cash":"0","receivables":"0.1","current_assets":"1250.5","total_assets":"1250.5"}`, string(out))

	// An unknown inventory leaves the acid test undefined, never computed as if it were 0.
	s.CurrentLiabilities = nd("100")
	r := computeRatios(&s)
	assert.Equal(t, "inventory is unknown", r.QuickExInventory.Reason())
	assert.InDelta(t, 12.505, r.CurrentRatio.Value, 1e-12, "1250.50 / 100")

	require.Error(t, json.Unmarshal([]byte(`{"cash":"12,5"}`), &s))
}

// A hostile exponent is refused before any comparison, printed compactly.
func TestStatementAmountsAreBounded(t *testing.T) {
	s := fullStatement()
	s.Cash = decimal.NewNullDecimal(decimal.New(1, 999999999))
	s.EBIT = decimal.NewNullDecimal(decimal.New(-1, -31))
	err := s.Validate()
	requireFields(t, err, "cash", "ebit")
	assert.EqualError(t, err, "solvency: invalid input: cash = 1e999999999: is out of range: more than 30 decimal places or a scale above 10^30; "+
		"ebit = -1e-31: is out of range: more than 30 decimal places or a scale above 10^30")
}
