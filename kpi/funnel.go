package kpi

import (
	"github.com/clientele-go/clientele"
	"slices"
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
			f.Stages[i].Conversion = decimal.NewNullDecimal(percentOf(f.Stages[i].Reached, prev))
		}
	}
	weighed := decimal.Zero
	for i := range e.openAt {
		if e.openAt[i] != (exactsum.Running{}) {
			weighed = weighed.Add(e.openAt[i].Decimal().Mul(e.cfg.Stages[i].Probability))
		}
	}
	f.Weighted = weighed.Shift(-2).Round(minorUnits(in.Currency))
	if len(e.stale) > 0 { // none stays nil when EvaluateTeam reuses the scratch
		f.Stale = e.sortedStale()
	}
	r := e.percentCounts(CriterionFunnel, f.Won, f.Worked)
	if f.Worked > 0 {
		f.Rate = decimal.NewNullDecimal(r.Measured)
		e.found = append(e.found, Finding{Kind: FindingFunnel, Currency: in.Currency,
			Counts: [4]int{f.Worked, f.Won, f.Lost, f.Open}, Amounts: [4]decimal.Decimal{f.Weighted}})
	} else {
		e.found = append(e.found, Finding{Kind: FindingNoFunnel})
	}
	if f.Overdue > 0 {
		e.found = append(e.found, Finding{Kind: FindingOverdue, Counts: [4]int{f.Overdue}})
	}
	for _, d := range f.Stale[:min(len(f.Stale), maxListedFindings)] {
		e.found = append(e.found, Finding{Kind: FindingStale, Subject: d.Deal, ClientID: d.ClientID, Word: d.Stage, Currency: in.Currency,
			Counts: [4]int{d.Days}, Days: [2]clientele.Date{d.Since}, Amounts: [4]decimal.Decimal{d.Amount}})
	}
	if more := len(f.Stale) - maxListedFindings; more > 0 {
		e.found = append(e.found, Finding{Kind: FindingMoreStale, Counts: [4]int{more}})
	}
	s.Funnel = f
	return r
}

// sortedStale copies the stale deals of the scratch into the result's
// own list, longest stale first, then by deal ID (unique among valid
// deals, so the order is total). It sorts their indices, not the deals
// themselves, and copies each deal once. The caller keeps the list nil
// when no deal is stale.
func (e *evaluator) sortedStale() []StaleDeal {
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
