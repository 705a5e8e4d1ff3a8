package discount

import "github.com/shopspring/decimal"

// lineBasis is the unit price a line's discounts start from: the list
// price, or a price set by a price rule or by hand, with the adjustment
// that explains it and the cap below it.
//
// It holds no pointer to itself, which would move it to the heap on
// every line.
type lineBasis struct {
	set      bool // a price rule or a manual price set the price
	rulesOff bool // the request switched the rules off for the line
	buf      num  // the price set
	capAt    num  // the lowest price the cap allows below it
	adj      Adjustment
	slot     int32
}

// price is the price the discounts start from: the price set, else the
// item's list price.
func (bs *lineBasis) price(it *item) *num {
	if bs.set {
		return &bs.buf
	}
	return &it.list
}

// basis sets bs to what line ln of item it starts from: a manual price
// (the rules off), else the first price rule that applies, else the
// list price.
func (st *quoteState) basis(bs *lineBasis, it *item, ln *LineRequest) {
	e := st.e
	bs.rulesOff = st.req.IgnoreRules || ln.IgnoreRules || ln.ManualPrice.Valid
	switch {
	case ln.ManualPrice.Valid:
		bs.buf = e.num(ln.ManualPrice.Decimal)
		bs.adj = Adjustment{Kind: KindManual, UnitPrice: ln.ManualPrice.Decimal}
		bs.slot = int32(len(e.crs)) + slotManual
	case bs.rulesOff:
		return
	default:
		pr := int32(-1)
		for _, j := range it.prices {
			if st.scr.priceOn[j] {
				pr = j
				break
			}
		}
		if pr < 0 {
			return
		}
		c := &e.prs[pr]
		c.basePrice(&bs.buf, it)
		bs.adj = Adjustment{Kind: c.kind, RuleID: c.id, Name: c.name, Rate: c.percent, UnitPrice: bs.buf.decimal()}
		bs.slot = int32(len(e.crs)) + nSlots + pr
	}
	bs.set = true
	bs.capAt.ceil(bs.capAt.mul(&bs.buf, &e.capFactor), e.unitDecimals)
}

// resolvePrices decides, once per request, which price rules apply to
// this client on this date.
func (st *quoteState) resolvePrices() {
	for j := range st.e.prs {
		st.scr.priceOn[j] = st.e.prs[j].appliesTo(st)
	}
}

// perLineDecimals is the precision of an amount per line spread over
// the units (A / q): like a graduated blend's rate, far below a cent on
// any real line, and the line total is the exact total rounded once.
const perLineDecimals = rateDivPrecision + maxExtraDecimals + maxMinorUnits

// perUnit sets z to an amount per line spread over q units.
func (st *quoteState) perUnit(z *num, a *amountOff, q decimal.Decimal) *num {
	return z.setBig(a.amt.decimal().DivRound(q, perLineDecimals))
}

// worth sets z to what pick pk takes off a unit priced base, for
// best_for_client: an amount per unit as it is, per line spread over
// the quantity, a rate times the base.
func (st *quoteState) worth(z *num, pk *pick, base *num, q *decimal.Decimal, it *item) *num {
	switch {
	case pk.off == nil:
		return z.mul(base, &pk.rate.frac)
	case pk.off.perLine:
		return st.perUnit(z, pk.off, *q)
	case !it.factor.IsZero():
		return z.mul(&pk.off.amt, &it.factorAt)
	}
	*z = pk.off.amt
	return z
}

// better reports whether pick a takes more off the unit price than b.
// Between two rates the rates decide, on any base, without arithmetic.
func (st *quoteState) better(a, b *pick, base *num, q *decimal.Decimal, it *item) bool {
	if a.off == nil && b.off == nil {
		return a.rate.frac.cmp(&b.rate.frac) > 0
	}
	var wa, wb num
	return st.worth(&wa, a, base, q, it).cmp(st.worth(&wb, b, base, q, it)) > 0
}
