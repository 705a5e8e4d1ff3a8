package kpi

import (
	"fmt"

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
	signedWords := "Signed " + plural(t.contracts, "contract", "contracts") + " for " + e.money(revenue, in.Currency)
	if t.plan < 0 {
		r := e.judge(CriterionPlan, decimal.Zero, decimal.Zero, "%")
		r.Findings = []string{signedWords + "; no plan was set for the period."}
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
	var planWords string
	if pl.Revenue.Valid {
		done, target = revenue, pl.Revenue.Decimal
		planWords = e.money(target, in.Currency)
		if over := done.Sub(target); over.Sign() > 0 {
			pr.Over = over
		}
	} else {
		done, target = count(t.contracts), count(pl.Contracts)
		planWords = fmt.Sprintf("%d contracts", pl.Contracts)
	}
	r := e.percent(CriterionPlan, done, target)
	pr.Fulfilment = decimal.NewNullDecimal(r.Measured)
	first := signedWords + " against a plan of " + planWords + ": " + r.Measured.StringFixed(2) + "% fulfilled"
	if pr.Over.Sign() > 0 {
		first += ", " + e.money(pr.Over, in.Currency) + " over the plan"
	}
	r.Findings = append(r.Findings, first+".")
	met := done.Cmp(target) >= 0
	if len(e.candidates) == 0 || !met && done.Add(pending).Cmp(target) <= 0 {
		return r
	}
	why := "while the plan was already met"
	if !met {
		why = "while with it the plan would have been exceeded"
	}
	for _, c := range e.candidates {
		pr.Deferred = append(pr.Deferred, c)
		pr.Shifted = pr.Shifted.Add(c.Amount)
		r.Findings = append(r.Findings, fmt.Sprintf("Deal %s (client %s) was ready to sign on %s but was signed on %s, in the first %d days of the next period, %s: %s shifted.",
			c.Deal, c.Client, c.ReadyOn, c.WonOn, e.cfg.DeferWindowDays, why, e.money(c.Amount, in.Currency)))
	}
	r.Findings = append(r.Findings, fmt.Sprintf("%s, %s in all, held back into the next period: a manager who shifts contracts does not benefit the firm.",
		plural(len(pr.Deferred), "deal", "deals"), e.money(pr.Shifted, in.Currency)))
	return r
}

// money writes an amount with the currency's minor unit, half-up.
func (e *evaluator) money(d decimal.Decimal, code string) string {
	return d.StringFixed(minorUnits(code)) + " " + code
}
