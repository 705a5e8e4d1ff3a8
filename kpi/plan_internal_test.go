package kpi

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// revenuePlan's integer path gives, digit for digit, what the decimal
// path gives: percent(revenue, target), revenue.Sub(target) when above
// zero, and revenue ≥ target. Hand-worked: 45,000.00 of 40,000 is
// 4,500,000 / 40,000 = 112.50 % with 5,000.00 over (exponent -2, the
// revenue's); 39,999.99 of 40,000 is 99.999975 → 100.00 % but not met;
// 40,000 of 4E+4 is met exactly with nothing over. Then random revenues
// (two to three decimals) against plans with exponents -5 to +3, an
// untouched zero revenue, and amounts whose units pass int64 (the
// decimal fallback).
func TestRevenuePlanEqualsDecimalPath(t *testing.T) {
	type tc struct {
		amounts []string
		target  string
	}
	cases := []tc{
		{[]string{"45000.00"}, "40000"},
		{[]string{"39999.99"}, "40000"},
		{[]string{"40000"}, "4E+4"},
		{nil, "40000"},
		{[]string{"0.001", "12.5"}, "0.00007"},
		{[]string{"922337203685477580.7"}, "1"},            // revenue units fit, × 100 does not
		{[]string{"1"}, "1E+30"},                           // the plan's units do not fit
		{[]string{"123456789012345678"}, "0.000000000001"}, // a fine scale the revenue cannot take
	}
	rng := rand.New(rand.NewPCG(11, 17))
	for range 500 {
		var c tc
		for range 1 + rng.IntN(4) {
			c.amounts = append(c.amounts, decimal.New(rng.Int64N(10_000_000), -2-rng.Int32N(2)).String())
		}
		c.target = decimal.New(1+rng.Int64N(100_000), rng.Int32N(9)-5).String()
		cases = append(cases, c)
	}
	cfg := DefaultConfig(ModelB2BServices)
	e, err := newEvaluator(cfg, Year(2026))
	require.NoError(t, err)
	for _, c := range cases {
		var tl tally
		for _, a := range c.amounts {
			tl.revenue.Add(decimal.RequireFromString(a))
		}
		revenue, target := tl.revenue.Decimal(), decimal.RequireFromString(c.target)
		pr := PlanResult{Over: decimal.Zero}
		got, met := e.revenuePlan(&tl, revenue, target, &pr)
		want := e.percent(CriterionPlan, revenue, target)
		wantOver := decimal.Zero
		if over := revenue.Sub(target); over.Sign() > 0 {
			wantOver = over
		}
		require.Equal(t, revenue.Cmp(target) >= 0, met, "%v of %s", c.amounts, c.target)
		require.Equal(t, want.Status, got.Status, "%v of %s", c.amounts, c.target)
		sameDigits(t, want.Measured, got.Measured, "measured %v of %s", c.amounts, c.target)
		sameDigits(t, want.Attainment, got.Attainment, "attainment %v of %s", c.amounts, c.target)
		sameDigits(t, want.Score, got.Score, "score %v of %s", c.amounts, c.target)
		sameDigits(t, wantOver, pr.Over, "over %v of %s", c.amounts, c.target)
	}
	var tl tally
	tl.revenue.Add(decimal.RequireFromString("45000.00"))
	pr := PlanResult{Over: decimal.Zero}
	r, met := e.revenuePlan(&tl, tl.revenue.Decimal(), decimal.NewFromInt(40000), &pr)
	require.True(t, met)
	require.Equal(t, "112.5", r.Measured.String())
	require.Equal(t, "5000", pr.Over.String())
	require.Equal(t, int32(-2), pr.Over.Exponent())
}
