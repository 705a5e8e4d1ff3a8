package discount

import (
	"github.com/clientele-go/clientele/internal/wide"
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
	scr.blends.reset()
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
	tn := st.e.num(total)
	res := volResult{tier: tierAtNum(v.mins, &tn), basis: total, key: key}
	if res.tier >= 0 {
		res.matched = true
		switch {
		case v.mode == AllUnits:
			res.rate = &v.rates[res.tier]
		case x.Sign() > 0:
			res.rate, res.blended = st.blend(v, prior, x), true
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

// tierAtNum returns the index of the highest tier whose bound (as a
// num) is at most x, or -1 when x is below the first tier.
func tierAtNum(mins []num, x *num) int {
	for i := len(mins) - 1; i >= 0; i-- {
		if mins[i].cmp(x) <= 0 {
			return i
		}
	}
	return -1
}

// blend returns the rate of graduatedFraction(v.tiers, prior, x), x > 0,
// as fractionRate(f, f.Shift(2).Neg()) gives it: on words into the
// scratch when it can, from decimals otherwise.
func (st *quoteState) blend(v *cvolume, prior, x decimal.Decimal) *rate {
	e := st.e
	pn, xn := e.num(prior), e.num(x)
	c, zero, ok := graduatedWords(v, &pn, &xn)
	if !ok {
		f := graduatedFraction(v.tiers, prior, x)
		r := st.scr.blends.next()
		*r = e.fractionRate(f, f.Shift(2).Neg())
		return r
	}
	if zero {
		return &e.zeroBlend
	}
	// f = c × 10^−(rateDivPrecision+4) (DivRound's percentage, shifted
	// two places); 1 − f on the same exponent.
	const fdec = rateDivPrecision + 4
	factor := wide.U256{1}
	factor.MulPow10(fdec)
	if !factor.Sub(&c) { // a blend above 100 %: not from valid tiers
		f := graduatedFraction(v.tiers, prior, x)
		r := st.scr.blends.next()
		*r = e.fractionRate(f, f.Shift(2).Neg())
		return r
	}
	r := st.scr.blends.next()
	r.frac, r.factor = wordsNum(c, fdec), wordsNum(factor, fdec)
	if ci, ok := c.Int64(); ok {
		r.display = st.scr.slab.decimal(-ci, -(rateDivPrecision + 2))
	} else {
		b := c.Big()
		r.display = decimal.NewFromBigInt(b.Neg(b), -(rateDivPrecision + 2))
	}
	return r
}

// wordsNum returns c × 10^−dec as numOf(decimal) gives it: trailing
// zeros dropped from a coefficient of at most 18 digits.
func wordsNum(c wide.U256, dec int32) num {
	x := num{coef: c, dec: dec}
	if v, ok := c.Uint64(); ok && v < 1e18 {
		for x.dec > 0 && v != 0 && v%10 == 0 {
			v /= 10
			x.dec--
		}
		x.coef = wide.U256{v}
	}
	return x
}

// graduatedWords is graduatedFraction on words: it returns the
// coefficient c of the fraction c × 10^−(rateDivPrecision+4) that
// graduatedFraction gives (DivRound to rateDivPrecision+2 places of the
// percentage, then Shift(−2)), or zero when no band gives anything, and
// whether it could compute it on words; prior ≥ 0, x > 0.
func graduatedWords(v *cvolume, prior, x *num) (c wide.U256, zero, ok bool) {
	if prior.big || x.big || prior.neg || x.neg {
		return c, false, false
	}
	for i := range v.mins {
		if v.mins[i].big || v.pcts[i].big {
			return c, false, false
		}
	}
	end, ok := addWords(prior, x)
	if !ok {
		return c, false, false
	}
	var weighted, band num
	for i := range v.mins {
		lo := &v.mins[i]
		if lo.cmp(&end) >= 0 {
			break
		}
		hi := &end
		if i+1 < len(v.mins) && v.mins[i+1].cmp(&end) < 0 {
			hi = &v.mins[i+1]
		}
		if hi.cmp(prior) <= 0 || v.pcts[i].isZero() {
			continue
		}
		if lo.cmp(prior) < 0 {
			lo = prior
		}
		band.sub(hi, lo)
		band.mul(&band, &v.pcts[i])
		if weighted, ok = addWords(&weighted, &band); !ok {
			return c, false, false
		}
	}
	if weighted.isZero() {
		return c, true, true
	}
	// weighted / x to rateDivPrecision+2 places, rounded half up as
	// DivRound rounds a positive quotient.
	xc, fits := x.coef.Uint64()
	k := rateDivPrecision + 2 + x.dec - weighted.dec
	if !fits || xc == 0 || k < 0 {
		return c, false, false
	}
	c = weighted.coef
	if !c.MulPow10(k) {
		return c, false, false
	}
	if r := c.DivWord(xc); r >= xc-r {
		if !c.Add(&wide.U256{1}) {
			return c, false, false
		}
	}
	return c, false, true
}

// addWords returns x + y for non-negative x and y on words, and whether
// it fits.
func addWords(x, y *num) (num, bool) {
	if x.big || y.big || x.neg || y.neg {
		return num{}, false
	}
	a, b := x.coef, y.coef
	dec, ok := align(&a, x.dec, &b, y.dec)
	if !ok || !a.Add(&b) {
		return num{}, false
	}
	return num{coef: a, dec: dec}, true
}

// rateSlab holds the rates a quote makes (graduated blends) at stable
// addresses, in chunks reused from one quote to the next: nothing a
// quote returns points at a rate.
type rateSlab struct {
	chunks [][]rate
	chunk  int // the chunk being filled
	used   int // its rates already handed out
}

const rateChunkLen = 64

func (s *rateSlab) reset() { s.chunk, s.used = 0, 0 }

// next returns a rate of the slab, not handed out since the last reset.
func (s *rateSlab) next() *rate {
	if s.used == rateChunkLen {
		s.chunk, s.used = s.chunk+1, 0
	}
	if s.chunk == len(s.chunks) {
		s.chunks = append(s.chunks, make([]rate, rateChunkLen))
	}
	r := &s.chunks[s.chunk][s.used]
	s.used++
	return r
}
