package solvency

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fullStatement() Statement {
	return Statement{
		PeriodEnd: day("2024-12-31"), Currency: "EUR",
		Cash: nd("50"), MarketableSecurities: nd("30"), Receivables: nd("120"),
		Inventory: nd("150"), CurrentAssets: nd("400"), TotalAssets: nd("1000"),
		CurrentLiabilities: nd("250"), TotalLiabilities: nd("600"), Equity: nd("400"),
		RetainedEarnings: nd("200"), Revenue: nd("1460"), EBIT: nd("90"),
		InterestExpense: nd("30"),
	}
}

func TestRatiosHandWorked(t *testing.T) {
	r, err := ComputeRatios(fullStatement())
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		m    Measure
		want float64
	}{
		{"current 400/250", r.CurrentRatio, 1.6},
		{"quick (400-150)/250", r.QuickExInventory, 1.0},
		{"quick (50+30+120)/250", r.QuickLiquid, 0.8},
		{"cash (50+30)/250", r.CashRatio, 0.32},
		{"debt-to-equity 600/400", r.DebtToEquity, 1.5},
		{"equity-to-assets 400/1000", r.EquityToAssets, 0.4},
		{"interest coverage 90/30", r.InterestCoverage, 3},
		{"DSO 120/1460 × 365", r.DSO, 30},
	} {
		require.True(t, tt.m.Defined, tt.name)
		assert.InDelta(t, tt.want, tt.m.Value, 1e-12, tt.name)
	}
	assert.Equal(t, "150", r.NetWorkingCapital.Decimal.String(), "400 - 250, exact money")
}

func TestRatiosUndefinedWithReason(t *testing.T) {
	s := fullStatement()
	s.CurrentLiabilities = nd("0")
	s.Equity = nd("-50")
	s.InterestExpense = nd("0")
	s.Inventory = decimal.NullDecimal{}
	s.Revenue = decimal.NullDecimal{}
	r, err := ComputeRatios(s)
	require.NoError(t, err)
	for _, tt := range []struct {
		m      Measure
		reason string
	}{
		{r.CurrentRatio, "current_liabilities is zero"},
		{r.QuickExInventory, "inventory is unknown"},
		{r.QuickLiquid, "current_liabilities is zero"},
		{r.CashRatio, "current_liabilities is zero"},
		{r.DebtToEquity, "equity is negative"},
		{r.InterestCoverage, "interest_expense is zero"},
		{r.DSO, "revenue is unknown"},
	} {
		assert.False(t, tt.m.Defined, tt.reason)
		assert.Zero(t, tt.m.Value, "an undefined ratio is never a number")
		assert.Equal(t, tt.reason, tt.m.Reason())
	}
	// Negative equity still gives a (negative) autonomy ratio: -50/1000.
	assert.InDelta(t, -0.05, r.EquityToAssets.Value, 1e-12)
	assert.True(t, r.NetWorkingCapital.Valid)

	s = fullStatement()
	s.CurrentAssets = decimal.NullDecimal{}
	r, err = ComputeRatios(s)
	require.NoError(t, err)
	assert.False(t, r.NetWorkingCapital.Valid, "unknown, not zero")
	assert.Equal(t, "current_assets is unknown", r.CurrentRatio.Reason())
	assert.InDelta(t, 0.8, r.QuickLiquid.Value, 1e-12, "the liquid-assets quick ratio does not need current assets")
}

func TestComputeRatiosRejectsNegativeAssets(t *testing.T) {
	s := fullStatement()
	s.TotalAssets = nd("-1000")
	_, err := ComputeRatios(s)
	requireFields(t, err, "total_assets", "current_assets")
}

func TestDSOUsesTheStatementPeriod(t *testing.T) {
	// A quarter of 91 days with revenue 365 and receivables 120:
	// 120 / 365 × 91 = 29.9178 days, where a year's revenue would give 120.
	s := fullStatement()
	s.PeriodDays = 91
	s.Revenue = nd("365")
	r, err := ComputeRatios(s)
	require.NoError(t, err)
	assert.InDelta(t, 120.0/365*91, r.DSO.Value, 1e-12)
}
