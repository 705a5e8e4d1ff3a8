package discount

import (
	"slices"

	"github.com/shopspring/decimal"
)

// hintKey is a hint given once per quote: a rule and the item, group
// or pool its volume was added up over.
type hintKey struct{ rule, key int32 }

// hintsFor records "order N more" hints for the volume rules seen on a
// line, when the next tier is near and would actually be applied under
// the combination policy.
func (st *quoteState) hintsFor(it *item, seen []seenVolume, picks []pick, base *num, q *decimal.Decimal) {
	e := st.e
	for _, s := range seen {
		c := &e.crs[s.rule]
		v := c.vol
		// The next tier worth reaching gives strictly more than the tier
		// reached (0 % below the first): an equal rate is no better.
		cur := &e.noRate
		if s.res.tier >= 0 {
			cur = &v.rates[s.res.tier]
		}
		next := s.res.tier + 1
		for next < len(v.tiers) && v.rates[next].frac.cmp(&cur.frac) <= 0 {
			next++
		}
		if next >= len(v.tiers) {
			continue
		}
		if bn := e.num(s.res.basis); bn.cmp(&v.hintNums[next]) < 0 {
			continue
		}
		switch e.rules.Combination {
		case FirstMatch:
			if len(picks) > 0 && picks[0].rule < s.rule {
				continue // a rule of better priority wins anyway
			}
		case BestForClient:
			if len(picks) > 0 && !st.better(&pick{rate: &v.rates[next]}, &picks[0], base, q, it) {
				continue // the client already gets as much
			}
		}
		hk := hintKey{rule: s.rule, key: s.res.key}
		if slices.Contains(st.hintKeys, hk) {
			continue
		}
		st.hintKeys = append(st.hintKeys, hk)
		// The next tier's bound is above the basis (else it would be
		// reached): something is missing, at most HintWithin of the bound.
		missing := st.sub(v.tiers[next].Min, s.res.basis)
		h := Hint{RuleID: c.id, Name: c.name, Per: v.per, Basis: v.basis, Mode: v.mode, Missing: missing, Rate: v.tiers[next].Rate}
		switch v.per {
		case PerItem:
			h.Key = it.sku
		case PerGroup:
			h.Key = it.group
		}
		switch {
		case v.basis == BasisAmount:
			h.Missing = missing.RoundCeil(e.minor)
		case v.per == PerItem && !it.factor.IsZero(): // in the unit ordered, whole units of it
			h.Unit, h.Missing = it.unit, missing.DivRound(it.factor, quantityDecimals).RoundCeil(0)
		}
		st.hints = append(st.hints, h)
	}
}
