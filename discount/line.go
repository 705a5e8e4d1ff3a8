package discount

import "github.com/shopspring/decimal"

// pick is a rule chosen for a line.
type pick struct {
	rule    int32
	rate    *rate
	off     *amountOff // an amount instead of the rate
	tier    int
	basis   decimal.Decimal
	blended bool // a graduated blend: the line total is rounded, not the unit price times the quantity
}

// priceLine prices line li into l: the order of operations of the
// package documentation, one step after the other on the unit price.
// Each step is recorded with its effect on the line total: the line at
// the new unit price, rounded to the currency, less the line before it,
// so the amounts add up from gross to the last step exactly and only the
// rounding of the unit price itself is left, shown as its own step.
func (st *quoteState) priceLine(l *Line, li int, ln LineRequest) {
	e := st.e
	idx := st.lineItem[li]
	it := &e.items[idx]
	*l = Line{SKU: it.sku, Name: it.name, Group: it.group, Quantity: ln.Quantity, Unit: it.unit, ListPrice: it.price}

	var bs lineBasis
	st.basis(&bs, it, &ln)
	l.RulesOff = bs.rulesOff
	var pickBuf [8]pick
	var seenBuf [4]seenVolume
	picks, seen := pickBuf[:0], seenBuf[:0]
	policy := e.rules.Combination
	cands := it.cands
	if bs.rulesOff {
		cands = nil
	}
candidates:
	for _, ri := range cands {
		rs := &st.rs[ri]
		if !rs.active {
			continue
		}
		c := &e.crs[ri]
		pk := pick{rule: ri, rate: rs.rate, off: c.off, tier: rs.tier, basis: rs.basis}
		if c.vol != nil {
			res := st.volume(ri, c, it, idx)
			if e.hints && res.key >= 0 {
				seen = append(seen, seenVolume{rule: ri, res: res})
			}
			if !res.matched {
				continue
			}
			pk.rate, pk.tier, pk.basis, pk.blended = res.rate, res.tier, res.basis, res.blended
		}
		switch policy {
		case FirstMatch:
			picks = append(picks, pk)
			break candidates
		case BestForClient:
			if len(picks) == 0 || st.better(&pk, &picks[0], bs.price(it), &ln.Quantity, it) {
				picks = append(picks[:0], pk)
			}
		default:
			picks = append(picks, pk)
		}
	}

	st.reserve(len(picks)+nSlots, len(st.req.Lines)-li)
	st.priceSteps(l, it, &bs, picks)
	if len(seen) > 0 {
		st.hintsFor(it, seen, picks, bs.price(it), &ln.Quantity)
	}
}

// priceSteps prices line l, whose list price and quantity are set, on
// the picks: every step of the package documentation, once, over [num],
// which stays on machine words while the values fit.
func (st *quoteState) priceSteps(l *Line, it *item, bs *lineBasis, picks []pick) {
	e := st.e
	s := lineSteps{q: e.num(l.Quantity), start: len(st.adjs), exact: true}
	s.total(e, &s.prev, &it.list)
	l.Gross = st.out(&s.prev)
	n := int32(len(e.crs))
	b, capAt := &it.list, &it.capAt
	if bs.set { // a price rule or a manual price: discounts and the cap start from it
		b, capAt = &bs.buf, &bs.capAt
		s.step(st, b, bs.adj, bs.slot)
	}
	p, t := *b, num{}
	policy := e.rules.Combination
	blended := false
	for _, pk := range picks {
		switch {
		case pk.off != nil:
			off := &pk.off.amt
			switch {
			case pk.off.perLine:
				off, blended = st.perUnit(&t, pk.off, l.Quantity), true
			case !it.factor.IsZero(): // per the item's own unit
				off = t.mul(off, &it.factorAt)
			}
			p.sub(&p, off)
		case pk.rate.frac.isZero():
			continue
		case policy == Additive:
			p.sub(&p, t.mul(b, &pk.rate.frac))
		default:
			p.mul(&p, &pk.rate.factor)
		}
		blended = blended || pk.blended
		s.step(st, &p, st.pickAdjustment(pk), pk.rule)
	}
	if zero := (num{}); p.cmp(&zero) < 0 { // rates past 100 %, or amounts past the price: the sum stops there
		s.step(st, &zero, Adjustment{Kind: KindCap, Rate: shareOf(t.sub(&zero, &p), l.ListPrice)}, n+slotCap)
		p = zero
		l.Warnings = append(l.Warnings, overHundredWarning(it.sku))
	}
	if st.hasMgr {
		s.step(st, p.mul(&p, &st.mgr.factor), Adjustment{Kind: KindManager, Rate: st.mgr.display}, n+slotManager)
	}
	discounted := len(picks) > 0 || st.hasMgr // else p is the list price, or the price set, at or above the cap
	if discounted && p.cmp(capAt) < 0 {
		s.step(st, capAt, Adjustment{Kind: KindCap, Rate: shareOf(t.sub(capAt, &p), l.ListPrice)}, n+slotCap)
		p = *capAt
		l.Warnings = append(l.Warnings, st.capWarning(it.sku))
	}
	if (discounted || bs.set) && it.hasFloor && p.cmp(&it.floorAt) < 0 {
		s.step(st, &it.floorAt, Adjustment{Kind: KindFloor, Rate: shareOf(t.sub(&it.floorAt, &p), l.ListPrice)}, n+slotFloor)
		p = it.floorAt
		if !it.listBelowFloor {
			l.Warnings = append(l.Warnings, st.floorWarning(it))
		}
	}
	if it.listBelowFloor {
		l.Warnings = append(l.Warnings, st.listBelowFloorWarning(it))
	}
	if st.hasPay { // from here on the price is p / s.div
		s.div = st.payDiv
		s.step(st, p.mul(&p, &st.pay), Adjustment{Kind: KindPayment, Rate: st.payRate}, n+slotPayment)
	}

	// A blended unit price rounded first, then multiplied, could make a
	// larger graduated order cost less (111 units at 0.55 above 112 at
	// 0.54): such a line's total is its exact total rounded once.
	var net, u num
	unit := u.quoRound(&p, s.div, e.unitDecimals, e.mode)
	if blended {
		s.total(e, &net, &p)
	} else {
		s.div = 1
		s.total(e, &net, unit)
	}
	l.NetUnitPrice, l.Net = st.out(unit), st.out(&net)
	if residue := t.sub(&net, &s.prev); !residue.isZero() {
		st.adjs = append(st.adjs, Adjustment{Kind: KindRounding, Amount: st.scr.residue(residue)})
		st.sum[n+slotRounding].add(residue)
	}
	if len(st.adjs) > s.start {
		l.Adjustments = st.adjs[s.start:len(st.adjs):len(st.adjs)]
	}
	if s.exact {
		st.exactLines++
	}
}

// lineSteps tracks the line total from step to step. It holds no
// pointer to the quote's state, which would then escape to the heap
// with the decimals a step may make.
type lineSteps struct {
	q     num
	div   int64 // the unit price is p / div: a simple-interest factor's divisor (≤ 1: none)
	prev  num   // the line total after the last step, rounded
	start int   // the line's first adjustment in st.adjs
	exact bool  // every total so far was computed on machine words
}

// total sets t to the line total at unit price p / s.div, rounded to
// the currency.
func (s *lineSteps) total(e *Engine, t, p *num) {
	t.quoRound(t.mul(p, &s.q), s.div, e.minor, e.mode)
	s.exact = s.exact && !t.big
}

// step records that the unit price became p: a, with its amount, the
// change of the rounded line total, added to the summary slot.
func (s *lineSteps) step(st *quoteState, p *num, a Adjustment, slot int32) {
	var total, amt num
	s.total(st.e, &total, p)
	amt.sub(&total, &s.prev)
	s.prev = total
	a.Amount = st.out(&amt)
	st.adjs = append(st.adjs, a)
	st.sum[slot].add(&amt)
}

// shareOf returns part as a percentage of whole, for explanations: the
// rare steps that explain themselves in decimals, the cap and the floor.
func shareOf(part *num, whole decimal.Decimal) decimal.Decimal {
	if whole.IsZero() {
		return decimal.Zero
	}
	return part.decimal().DivRound(whole, percentDecimals+2).Shift(2)
}

// adjustmentChunk bounds the adjustments allocated at once: 256 of them
// stay below the runtime's large-object size.
const adjustmentChunk = 256

// reserve makes room in st.adjs for the n adjustments a line may take at
// most, linesLeft lines before the end. A full chunk is left as it is,
// the lines before holding slices of it, and a new one is started: no
// line's adjustments are ever copied, and no chunk is a large object.
func (st *quoteState) reserve(n, linesLeft int) {
	if cap(st.adjs)-len(st.adjs) >= n {
		return
	}
	if st.reuse != nil {
		st.adjs = st.reuse.adjustmentChunk(n)
		return
	}
	st.adjs = make([]Adjustment, 0, max(n, min(adjustmentChunk, 4*linesLeft)))
}

// pickAdjustment explains a rule chosen for a line (its amount is set
// by the step).
func (st *quoteState) pickAdjustment(pk pick) Adjustment {
	c := &st.e.crs[pk.rule]
	tier := 0
	if c.vol != nil || c.kind == KindLoyalty {
		tier = pk.tier + 1
	}
	if pk.off != nil {
		per := AmountPerUnit
		if pk.off.perLine {
			per = AmountPerLine
		}
		return Adjustment{Kind: c.kind, RuleID: c.id, Name: c.name, AmountOff: pk.off.display, AmountPer: per}
	}
	return Adjustment{Kind: c.kind, RuleID: c.id, Name: c.name, Rate: pk.rate.display, Tier: tier, Basis: pk.basis}
}
