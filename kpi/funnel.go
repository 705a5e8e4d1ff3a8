package kpi

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/clientele-go/clientele"
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
	f.Weighted = weightedPipeline(e.openAt, e.cfg.Stages, minorUnits(in.Currency))
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

// weightedPipeline is Σ open[i] × stages[i].Probability / 100 (the
// probabilities are percentages), exact, rounded once, half-up, to
// places decimals; a stage with nothing open adds nothing, not even its
// exponent. While every product and the sum fit an int64 it builds no
// decimal but the result, equal digit for digit to the decimal fold
// (weighedDecimal), which it falls back to otherwise.
func weightedPipeline(open []exactsum.Running, stages []Stage, places int32) decimal.Decimal {
	var sum exactsum.Running
	for i := range open {
		if open[i] == (exactsum.Running{}) {
			continue
		}
		c, x, ok1 := open[i].Int64()
		p, px, ok2 := unitsOf(stages[i].Probability)
		prod, ok3 := mul(c, p)
		if !ok1 || !ok2 || !ok3 || c < 0 {
			return weighedDecimal(open, stages, places)
		}
		sum.AddCoef(prod, x+px)
	}
	if c, x, ok := sum.Int64(); ok && c >= 0 {
		if d, ok := roundHalfUp(c, x-2, places); ok {
			return d
		}
	}
	return weighedDecimal(open, stages, places)
}

// weighedDecimal is weightedPipeline in decimal arithmetic, for totals
// past int64.
func weighedDecimal(open []exactsum.Running, stages []Stage, places int32) decimal.Decimal {
	weighed := decimal.Zero
	for i := range open {
		if open[i] != (exactsum.Running{}) {
			weighed = weighed.Add(open[i].Decimal().Mul(stages[i].Probability))
		}
	}
	return weighed.Shift(-2).Round(places)
}

// sortedStale copies the stale deals of the scratch into the result's
// own list, longest stale first, then by deal ID (unique among valid
// deals, so the order is total). It sorts their indices, not the deals
// themselves, and copies each deal once. The caller keeps the list nil
// when no deal is stale (an empty scratch gives an empty list).
//
// The indices are sorted as packed int32 keys, days descending in the
// high bits and the index in the low ones, which orders them with no
// comparator call; only a run of equal days is then ordered by deal ID.
// When the days' spread and the count do not fit 31 bits together, the
// comparator sorts the indices instead.
func (e *evaluator) sortedStale() []StaleDeal {
	if len(e.stale) == 0 {
		return []StaleDeal{}
	}
	most, least := e.stale[0].Days, e.stale[0].Days
	for i := range e.stale {
		most, least = max(most, e.stale[i].Days), min(least, e.stale[i].Days)
	}
	idxBits := bits.Len(uint(len(e.stale) - 1))
	e.staleOrder = e.staleOrder[:0]
	if idxBits+bits.Len(uint(most-least)) > 31 {
		for i := range e.stale {
			e.staleOrder = append(e.staleOrder, int32(i))
		}
		slices.SortFunc(e.staleOrder, e.staleBefore)
	} else {
		for i := range e.stale {
			e.staleOrder = append(e.staleOrder, int32(most-e.stale[i].Days)<<idxBits|int32(i))
		}
		slices.Sort(e.staleOrder)
		mask := int32(1)<<idxBits - 1
		for k := range e.staleOrder {
			e.staleOrder[k] &= mask
		}
		e.orderEqualDays()
	}
	out := make([]StaleDeal, len(e.staleOrder))
	for k, i := range e.staleOrder {
		out[k] = e.stale[i]
	}
	return out
}

// staleBefore orders stale deals i and j: longest stale first, then by
// deal ID.
func (e *evaluator) staleBefore(i, j int32) int {
	a, b := &e.stale[i], &e.stale[j]
	if a.Days != b.Days {
		return b.Days - a.Days
	}
	return strings.Compare(a.Deal, b.Deal)
}

// orderEqualDays sorts each run of staleOrder whose deals share their
// days by deal ID.
func (e *evaluator) orderEqualDays() {
	order := e.staleOrder
	for start := 0; start < len(order); {
		days, end := e.stale[order[start]].Days, start+1
		for end < len(order) && e.stale[order[end]].Days == days {
			end++
		}
		if end-start > 1 {
			slices.SortFunc(order[start:end], func(i, j int32) int { return strings.Compare(e.stale[i].Deal, e.stale[j].Deal) })
		}
		start = end
	}
}
