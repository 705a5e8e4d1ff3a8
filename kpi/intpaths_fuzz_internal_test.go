package kpi

import (
	"testing"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// FuzzIntegerPathsEqualDecimal: for any non-negative amounts and
// exponents within the library's ±30, the weighted pipeline and the
// revenue plan written in int64 give the decimal paths' digits, and
// fall back to them where the integers do not fit.
func FuzzIntegerPathsEqualDecimal(f *testing.F) {
	f.Add(int64(100000), int8(-2), int64(33333), int8(-2), int64(20), int8(0), int64(40000), int8(0), uint8(2))
	f.Add(int64(125), int8(-3), int64(0), int8(0), int64(100), int8(0), int64(4), int8(4), uint8(2))
	f.Add(int64(1<<62), int8(-1), int64(1<<62), int8(-30), int64(9999), int8(-2), int64(1), int8(30), uint8(0))
	f.Fuzz(func(t *testing.T, a int64, ae int8, b int64, be int8, p int64, pe int8, target int64, te int8, places uint8) {
		clampExp := func(e int8) int32 { return int32(e) % 31 } // -30..30
		if a < 0 {
			a = -(a + 1)
		}
		if b < 0 {
			b = -(b + 1)
		}
		if p < 0 {
			p = -(p + 1)
		}
		if target <= 0 {
			target = 1
		}
		amountA, amountB := decimal.New(a, clampExp(ae)), decimal.New(b, clampExp(be))
		prob := decimal.New(p, clampExp(pe))
		stages := DefaultConfig(ModelB2BServices).Stages
		stages[0].Probability, stages[2].Probability = prob, prob
		open := make([]exactsum.Running, len(stages))
		open[0].Add(amountA)
		open[2].Add(amountB)
		pl := int32(places % 4)
		sameDigitsFuzz(t, weighedDecimal(open, stages, pl), weightedPipeline(open, stages, pl), "weighted")

		var tl tally
		tl.revenue.Add(amountA)
		tl.revenue.Add(amountB)
		revenue, goal := tl.revenue.Decimal(), decimal.New(target, clampExp(te))
		e, err := newEvaluator(DefaultConfig(ModelB2BServices), Year(2026))
		if err != nil {
			t.Fatal(err)
		}
		pr := PlanResult{Over: decimal.Zero}
		got, met := e.revenuePlan(&tl, revenue, goal, &pr)
		want := e.percent(CriterionPlan, revenue, goal)
		wantOver := decimal.Zero
		if over := revenue.Sub(goal); over.Sign() > 0 {
			wantOver = over
		}
		if met != (revenue.Cmp(goal) >= 0) || got.Status != want.Status {
			t.Fatalf("%s of %s: met %v, status %v; want %v", revenue, goal, met, got.Status, want.Status)
		}
		sameDigitsFuzz(t, want.Measured, got.Measured, "measured")
		sameDigitsFuzz(t, want.Attainment, got.Attainment, "attainment")
		sameDigitsFuzz(t, want.Score, got.Score, "score")
		sameDigitsFuzz(t, wantOver, pr.Over, "over")
	})
}

func sameDigitsFuzz(t *testing.T, want, got decimal.Decimal, what string) {
	t.Helper()
	if want.Exponent() != got.Exponent() || want.Coefficient().Cmp(got.Coefficient()) != 0 {
		t.Fatalf("%s: got %s (exponent %d), want %s (exponent %d)", what, got, got.Exponent(), want, want.Exponent())
	}
}
