package kpi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// funnel is criterion 7: the stage table, the deals won per deal worked
// against the article's 1 in 10, the weighted pipeline and the stale
// deals.
func (e *evaluator) funnel(in *Inputs, t *tally, s *Scorecard) Result {
	f := t.funnel
	f.Stages = make([]StageCount, len(e.cfg.Stages))
	reached := 0
	for i := len(e.cfg.Stages) - 1; i >= 0; i-- {
		reached += e.reachedAt[i]
		f.Stages[i] = StageCount{Stage: e.cfg.Stages[i].Name, Reached: reached}
	}
	for i := 1; i < len(f.Stages); i++ {
		if prev := f.Stages[i-1].Reached; prev > 0 {
			f.Stages[i].Conversion = decimal.NewNullDecimal(count(f.Stages[i].Reached*100).DivRound(count(prev), 2))
		}
	}
	weighed := decimal.Zero
	for i := range e.openAt {
		if e.openAt[i] != (exactsum.Running{}) {
			weighed = weighed.Add(e.openAt[i].Decimal().Mul(e.cfg.Stages[i].Probability))
		}
	}
	f.Weighted = weighed.Shift(-2).Round(minorUnits(in.Currency))
	f.Stale = e.sortedStale()
	r := e.percent(CriterionFunnel, count(f.Won), count(f.Worked))
	if f.Worked > 0 {
		f.Rate = decimal.NewNullDecimal(r.Measured)
		r.Findings = append(r.Findings, "Of "+plural(f.Worked, "deal", "deals")+" worked in the period, "+strconv.Itoa(f.Won)+" were won, "+
			strconv.Itoa(f.Lost)+" lost and "+strconv.Itoa(f.Open)+" are open, weighing "+e.money(f.Weighted, in.Currency)+" by their stages' probabilities.")
	} else {
		r.Findings = []string{"No deal was in the funnel during the period."}
	}
	if f.Overdue > 0 {
		r.Findings = append(r.Findings, fmt.Sprintf("%s past the expected close date.", plural(f.Overdue, "open deal is", "open deals are")))
	}
	listed := f.Stale[:min(len(f.Stale), maxListedFindings)]
	r.Findings = slices.Grow(r.Findings, len(listed)+1)
	for _, d := range listed {
		r.Findings = append(r.Findings, "Deal "+d.Deal+" (client "+d.Client+", "+e.money(d.Amount, in.Currency)+") has stood at "+d.Stage+
			" since "+d.Since.String()+", "+strconv.Itoa(d.Days)+" days: stale.")
	}
	if more := len(f.Stale) - maxListedFindings; more > 0 {
		r.Findings = append(r.Findings, fmt.Sprintf("%s stale (Funnel.Stale lists them all).", plural(more, "more deal is", "more deals are")))
	}
	s.Funnel = f
	return r
}

// sortedStale copies the stale deals of the scratch into the result's
// own list, longest stale first, then by deal ID (unique among valid
// deals, so the order is total). It sorts their indices, not the deals
// themselves, and copies each deal once; nil stays nil, as a clone.
func (e *evaluator) sortedStale() []StaleDeal {
	if e.stale == nil {
		return nil
	}
	e.staleOrder = e.staleOrder[:0]
	for i := range e.stale {
		e.staleOrder = append(e.staleOrder, int32(i))
	}
	slices.SortFunc(e.staleOrder, func(i, j int32) int {
		a, b := &e.stale[i], &e.stale[j]
		if a.Days != b.Days {
			return b.Days - a.Days
		}
		return strings.Compare(a.Deal, b.Deal)
	})
	out := make([]StaleDeal, len(e.staleOrder))
	for k, i := range e.staleOrder {
		out[k] = e.stale[i]
	}
	return out
}
