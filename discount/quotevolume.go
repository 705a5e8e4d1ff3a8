package discount

import (
	"github.com/shopspring/decimal"
)

// volResult is a volume rule evaluated for one line.
type volResult struct {
	matched bool
	blended bool            // rate is a graduated blend of bands
	tier    int             // index of the tier reached, -1 below the first
	rate    *rate           // compiled, or made for a graduated blend
	basis   decimal.Decimal // the volume that selected the tier, prior purchases included
	key     int32           // item, group or 0, what the volume was added up over; -1: nothing
}

// seenVolume is a volume rule evaluated on a line, kept for hints.
type seenVolume struct {
	rule int32
	res  volResult
}

// addUp adds up, per item, group and per-order pool, the volume the
// volume rules need.
func (st *quoteState) addUp() {
	e, scr := st.e, st.scr
	scr.next()
	st.pools = scr.pools
	clear(st.pools)
	for li, ln := range st.req.Lines {
		idx := st.lineItem[li]
		it := &e.items[idx]
		if !it.aggItem && !it.aggGroup && len(it.pools) == 0 {
			continue
		}
		var a volumeAgg
		a.qty.Add(it.inBase(ln.Quantity))
		if it.needAmount {
			addProduct(&a.amt, it.price, ln.Quantity)
		}
		if it.aggItem {
			addAgg(&scr.items[it.base], &scr.itemGen[it.base], scr.gen, a)
		}
		if it.aggGroup && it.groupIdx >= 0 {
			addAgg(&scr.groups[it.groupIdx], &scr.groupGen[it.groupIdx], scr.gen, a)
		}
		for _, ri := range it.pools {
			if st.rs[ri].active {
				st.pools[e.crs[ri].vol.pool].add(a)
			}
		}
	}
}

func addAgg(dst *volumeAgg, gen *uint32, cur uint32, a volumeAgg) {
	if *gen != cur {
		*gen, *dst = cur, a
		return
	}
	dst.add(a)
}

// volume evaluates volume rule ri for a line of item idx.
func (st *quoteState) volume(ri int32, c *crule, it *item, idx int32) volResult {
	v, rs := c.vol, &st.rs[ri]
	var agg volumeAgg
	var key int32
	switch v.per {
	case PerItem:
		key, agg = it.base, st.scr.items[it.base]
	case PerGroup:
		if it.groupIdx < 0 { // in no group: no volume, and nothing to hint at
			return volResult{tier: -1, key: -1}
		}
		for _, g := range rs.groups {
			if g.key == it.groupIdx {
				return g
			}
		}
		key, agg = it.groupIdx, st.scr.groups[it.groupIdx]
	case PerOrder:
		if rs.orderDone {
			return rs.order
		}
		agg = st.pools[v.pool]
	}
	vol := &agg.qty
	if v.basis == BasisAmount {
		vol = &agg.amt
	}
	x := st.total(vol)
	prior := decimal.Zero
	if len(rs.prior) > 0 {
		prior = st.priorFor(rs.prior, v, key)
	}
	total := x
	if !prior.IsZero() {
		total = prior.Add(x)
	}
	res := volResult{tier: tierAt(v.tiers, total), basis: total, key: key}
	if res.tier >= 0 {
		res.matched = true
		switch {
		case v.mode == AllUnits:
			res.rate = &v.rates[res.tier]
		case x.Sign() > 0:
			f := graduatedFraction(v.tiers, prior, x)
			blend := st.e.fractionRate(f, f.Shift(2).Neg())
			res.rate, res.blended = &blend, true
		default: // no volume in this line's pool, no blend
			res.rate = &st.e.noRate
		}
	}
	switch v.per {
	case PerOrder:
		rs.order, rs.orderDone = res, true
	case PerGroup:
		rs.groups = append(rs.groups, res)
	}
	return res
}

// priorFor returns the prior volume recorded for key.
func (st *quoteState) priorFor(prior []PriorVolume, v *cvolume, key int32) decimal.Decimal {
	want := ""
	switch v.per {
	case PerItem:
		want = st.e.items[key].sku
	case PerGroup:
		want = st.e.groups[key]
	}
	for _, pv := range prior {
		if pv.Key == want {
			if v.basis == BasisAmount {
				return pv.Amount
			}
			return pv.Quantity
		}
	}
	return decimal.Zero
}
