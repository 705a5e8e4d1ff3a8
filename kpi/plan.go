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
	var done, target, pending decimal.Decimal
	for _, c := range e.candidates {
		if pl.Revenue.Valid {
			pending = pending.Add(c.Amount)
		} else {
			pending = pending.Add(decimal.NewFromInt(1))
		}
	}
	planned := Finding{Kind: FindingPlan, Currency: in.Currency, Counts: [4]int{t.contracts, pl.Contracts}, Word: "contracts"}
	if pl.Revenue.Valid {
		done, target = revenue, pl.Revenue.Decimal
		planned.Word = "revenue"
		if over := done.Sub(target); over.Sign() > 0 {
			pr.Over = over
		}
	} else {
		done, target = count(t.contracts), count(pl.Contracts)
	}
	var r Result
	if pl.Revenue.Valid {
		r = e.percent(CriterionPlan, done, target)
	} else {
		r = e.percentCounts(CriterionPlan, t.contracts, pl.Contracts)
	}
	pr.Fulfilment = decimal.NewNullDecimal(r.Measured)
	planned.Amounts = [4]decimal.Decimal{revenue, pl.Revenue.Decimal, r.Measured, pr.Over}
	e.found = append(e.found, planned)
	met := done.Cmp(target) >= 0
	if len(e.candidates) == 0 || !met && done.Add(pending).Cmp(target) <= 0 {
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
