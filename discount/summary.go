package discount

import (
	"github.com/clientele-go/clientele/internal/exactsum"
)

// slotSum is what a rule or a step gave over a quote: the exact total of
// its amounts, each rounded to the currency's minor unit, and whether it
// gave any amount at all (a zero counts: the rule applied, its coupon was
// used).
type slotSum struct {
	total exactsum.Running
	set   bool
}

func (s *slotSum) add(v *num) {
	if c, exp, ok := v.int64(); ok {
		s.total.AddCoef(c, exp)
	} else {
		s.total.Add(v.decimal())
	}
	s.set = true
}

// Indexes of the step kinds in quoteState.sum, after the rules.
const (
	slotManual = iota
	slotManager
	slotCap
	slotFloor
	slotPayment
	slotRounding
	nSlots
)

// summary lists, per rule and then per step, what the quote granted.
func (st *quoteState) summary(free []SummaryLine) []SummaryLine {
	e := st.e
	n := len(e.crs)
	set := 0
	for i := range st.sum {
		if st.sum[i].set {
			set++
		}
	}
	out := make([]SummaryLine, 0, set+len(free))
	for j := range e.prs {
		if s := &st.sum[n+nSlots+j]; s.set {
			out = append(out, SummaryLine{Kind: e.prs[j].kind, RuleID: e.prs[j].id, Name: e.prs[j].name, Amount: st.total(&s.total)})
		}
	}
	for i := range e.crs {
		if st.sum[i].set {
			out = append(out, SummaryLine{Kind: e.crs[i].kind, RuleID: e.crs[i].id, Name: e.crs[i].name, Amount: st.total(&st.sum[i].total)})
		}
	}
	out = append(out, free...)
	for slot, k := range [nSlots]Kind{KindManual, KindManager, KindCap, KindFloor, KindPayment, KindRounding} {
		if !st.sum[n+slot].set {
			continue
		}
		if t := st.total(&st.sum[n+slot].total); !t.IsZero() {
			out = append(out, SummaryLine{Kind: k, Amount: t})
		}
	}
	if len(out) == 0 {
		return nil // a quote that granted nothing has no summary (null in JSON)
	}
	return out
}
