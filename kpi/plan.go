package kpi

import (
	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

// plan is criterion 6: fulfilment of the period's plan (revenue when it
// has one, else contracts), the revenue over it, and the deferred deals:
// ready to sign before the period's end, won in the next period's first
// DeferWindowDays days, while the plan was already met or would have
// been exceeded with them.
func (e *evaluator) plan(in *Inputs, t *tally, s *Scorecard) Result {
	pr := &s.Plan
	revenue := t.revenue.Decimal()
	pr.Revenue, pr.Contracts, pr.Shifted, pr.Over = revenue, t.contracts, decimal.Zero, decimal.Zero
	if t.plan < 0 {
		r := e.judge(CriterionPlan, decimal.Zero, decimal.Zero, "%")
		e.found = append(e.found, Finding{Kind: FindingNoPlan, Currency: in.Currency,
			Counts: [4]int{t.contracts}, Amounts: [4]decimal.Decimal{revenue}})
		return r
	}
	pl := in.Plans[t.plan]
	pr.Plan, pr.HasPlan = pl, true
	planned := Finding{Kind: FindingPlan, Currency: in.Currency, Counts: [4]int{t.contracts, pl.Contracts}, Word: "contracts"}
	var r Result
	// met: the plan was reached; within: with the candidates it would
	// still not have been exceeded, so none was held back.
	var met, within bool
	if pl.Revenue.Valid {
		planned.Word = "revenue"
		r, met = e.revenuePlan(t, revenue, pl.Revenue.Decimal, pr)
		if !met && len(e.candidates) > 0 {
			sum := t.revenue
			for _, c := range e.candidates {
				sum.Add(c.Amount)
			}
			within = sum.Cmp(pl.Revenue.Decimal) <= 0
		}
	} else {
		r = e.percentCounts(CriterionPlan, t.contracts, pl.Contracts)
		met = t.contracts >= pl.Contracts
		within = t.contracts+len(e.candidates) <= pl.Contracts
	}
	pr.Fulfilment = decimal.NewNullDecimal(r.Measured)
	planned.Amounts = [4]decimal.Decimal{revenue, pl.Revenue.Decimal, r.Measured, pr.Over}
	e.found = append(e.found, planned)
	if len(e.candidates) == 0 || !met && within {
		return r
	}
	why := "met"
	if !met {
		why = "exceeded"
	}
	pr.Deferred = make([]DeferredDeal, 0, len(e.candidates))
	for _, c := range e.candidates {
		pr.Deferred = append(pr.Deferred, c)
		pr.Shifted = pr.Shifted.Add(c.Amount)
		e.found = append(e.found, Finding{Kind: FindingDeferred, Subject: c.Deal, ClientID: c.ClientID, Word: why, Currency: in.Currency,
			Counts: [4]int{e.cfg.DeferWindowDays}, Days: [2]clientele.Date{c.ReadyOn, c.WonOn}, Amounts: [4]decimal.Decimal{c.Amount}})
	}
	e.found = append(e.found, Finding{Kind: FindingDeferredTotal, Currency: in.Currency,
		Counts: [4]int{len(pr.Deferred)}, Amounts: [4]decimal.Decimal{pr.Shifted}})
	return r
}

// revenuePlan judges the revenue against its plan (target, above zero),
// sets the revenue over it, and says whether the plan was met. While
// both amounts fit int64 units of the finer of their exponents it does
// so in integers, equal digit for digit to the decimal path: judge
// depends on the ratio alone, and done.Sub(target) has that finer
// exponent.
func (e *evaluator) revenuePlan(t *tally, revenue, target decimal.Decimal, pr *PlanResult) (Result, bool) {
	if done, goal, scale, ok := revenueUnits(&t.revenue, target); ok {
		if done100, ok := mul(done, 100); ok {
			if done > goal {
				pr.Over = decimal.New(done-goal, -scale)
			}
			return e.judgeCounts(CriterionPlan, done100, goal, "%"), done >= goal
		}
	}
	if over := revenue.Sub(target); over.Sign() > 0 {
		pr.Over = over
	}
	return e.percent(CriterionPlan, revenue, target), revenue.Cmp(target) >= 0
}
