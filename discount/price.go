package discount

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// maxLines bounds the lines of one request.
const maxLines = 100_000

// ruleState is one rule resolved for one request: whether it applies to
// this client on this date, and at which rate for rules whose rate does
// not depend on the lines.
type ruleState struct {
	active bool
	rate   *rate // compiled, shared
	tier   int   // loyalty tier reached, 0-based
	basis  decimal.Decimal
	prior  []PriorVolume
	// The per-order volume result, the same for every line, and the
	// per-group results, the same for every line of a group.
	order     volResult
	orderDone bool
	groups    []volResult
}

// volResult is a volume rule evaluated for one line.
type volResult struct {
	matched bool
	tier    int             // index of the tier reached, -1 below the first
	rate    *rate           // compiled, or made for a graduated blend
	basis   decimal.Decimal // the volume that selected the tier, prior purchases included
	key     int32           // item, group or 0, what the volume was added up over
}

// pick is a rule chosen for a line.
type pick struct {
	rule  int32
	rate  *rate
	tier  int
	basis decimal.Decimal
}

// seenVolume is a volume rule evaluated on a line, kept for hints.
type seenVolume struct {
	rule int32
	res  volResult
}

type hintKey struct{ rule, key int32 }

// quoteState is the working state of one Engine.Quote call.
type quoteState struct {
	e        *Engine
	req      *Request
	lineItem []int32
	rs       []ruleState
	scr      *quoteScratch
	pools    []volumeAgg

	pay     decimal.Decimal // payment factor
	payFx   fixedFactor     // the same for the fast path
	payRate decimal.Decimal // its change in percent
	hasPay  bool
	mgr     rate
	hasMgr  bool

	adjs      []Adjustment
	sum       []slotSum // per rule, then the five step kinds
	hints     []Hint
	hintKeys  []hintKey
	fastLines int // lines the fast path priced
}

// slotSum is what a rule or a step gave over a quote: the exact total of
// its amounts, each rounded to the currency's minor unit, and whether it
// gave any amount at all (a zero counts: the rule applied, its coupon was
// used).
type slotSum struct {
	total exactsum.Running
	set   bool
}

func (s *slotSum) add(v decimal.Decimal) {
	s.total.Add(v)
	s.set = true
}

// addUnits adds c minor units of a currency with minor decimals.
func (s *slotSum) addUnits(c int64, minor int32) {
	s.total.AddCoef(c, -minor)
	s.set = true
}

// Indexes of the step kinds in quoteState.sum, after the rules.
const (
	slotManager = iota
	slotCap
	slotFloor
	slotPayment
	slotRounding
	nSlots
)

// Quote prices req and explains the price. The steps, per line, are
// those of the package documentation: list price, rule discounts
// combined by the policy, manager discount, cap, floor, payment terms,
// rounding. Bad input is an error naming every bad field (ErrInvalid,
// with ErrUnknownSKU or ErrCurrency where they apply); the same engine
// and request always give an equal quote.
func (e *Engine) Quote(req Request) (Quote, error) {
	if err := e.ready(); err != nil {
		return Quote{}, err
	}
	q, _, err := e.quote(req)
	return q, err
}

// quote is Quote, also returning how many lines the exact fast path
// priced (for the tests that hold it to the decimal path).
func (e *Engine) quote(req Request) (Quote, int, error) {
	st := quoteState{e: e, req: &req, scr: e.scratch.Get().(*quoteScratch)}
	defer e.scratch.Put(st.scr)
	appr, err := st.prepare()
	if err != nil {
		return Quote{}, 0, err
	}
	st.addUp()

	q := Quote{
		PriceListID: e.pl.ID, Currency: e.pl.Currency, Date: req.Date, ClientID: req.Client.ID,
		Payment: req.Payment, Approval: appr,
		Lines: make([]Line, len(req.Lines)),
	}
	n := len(e.crs)
	st.sum = st.scr.sums()
	var gross, net exactsum.Running
	for i, ln := range req.Lines {
		st.priceLine(&q.Lines[i], i, ln)
		gross.Add(q.Lines[i].Gross)
		net.Add(q.Lines[i].Net)
	}
	q.Totals = Totals{Gross: gross.Decimal(), Net: net.Decimal(), Surcharge: decimal.Zero}
	if pay := st.sum[n+slotPayment].total.Decimal(); pay.Sign() > 0 {
		q.Totals.Surcharge = pay
	}
	q.Totals.Discount = q.Totals.Gross.Add(q.Totals.Surcharge).Sub(q.Totals.Net)
	q.Summary = st.summary()
	q.Hints = st.hints
	q.Warnings = st.warnings(appr)
	return q, st.fastLines, nil
}

// prepare validates the request against the engine and resolves every
// rule for this client and date.
func (st *quoteState) prepare() (Approval, error) {
	e, req := st.e, st.req
	var p problems
	if checkDay(&p, "date", req.Date, true) && !e.pl.validOn(req.Date) {
		p.Add("date", req.Date, "outside the validity of price list "+e.pl.ID+" ("+validity(e.pl.ValidFrom, e.pl.ValidTo)+")")
	}
	switch req.Currency {
	case e.pl.Currency:
	case "":
		p.addCurrency("currency", nil, "is required (the price list is in "+e.pl.Currency+")")
	default:
		p.addCurrency("currency", req.Currency, "the price list is in "+e.pl.Currency)
	}
	c := req.Client
	p.OptionalID("client.id", c.ID)
	checkNames(&p, "client.segments", c.Segments)
	if !c.LoyaltySpend.IsZero() {
		checkMoney(&p, "client.loyalty_spend", c.LoyaltySpend, e.minor+maxExtraDecimals)
	}
	st.checkLines(&p)
	if f, ok := e.rules.Payment.factor(&p, req.Payment); ok && !f.Equal(one) {
		st.pay, st.payFx, st.hasPay = f, newFixedFactor(f), true
		st.payRate = f.Sub(one).Shift(2).Round(percentDecimals)
	}
	checkNames(&p, "coupons", req.Coupons)
	for i, code := range req.Coupons {
		if _, ok := e.coupons[code]; !ok && code != "" {
			p.Add("coupons["+strconv.Itoa(i)+"]", code, "unknown coupon")
		}
	}
	var appr Approval
	if m := req.Manager; !m.Rate.IsZero() || m.By.ID != "" || m.By.Role != "" {
		p.OptionalID("manager.by.id", m.By.ID)
		p.OptionalID("manager.by.role", m.By.Role)
		if checkRate(&p, "manager.rate", m.Rate) {
			appr = approval(e.rules.Authority, m, &p)
			if m.Rate.Sign() > 0 {
				st.mgr, st.hasMgr = newRate(m.Rate), true
			}
		}
	} else {
		appr = Approval{Status: ApprovalNotRequired}
	}
	st.rs = st.scr.ruleStates()
	st.checkPrior(&p)
	if p.Len() > 0 {
		return Approval{}, p.err()
	}
	st.resolveRules()
	return appr, nil
}

func validity(from, to clientele.Date) string {
	s := "open"
	if !from.IsZero() {
		s = from.String()
	}
	s += " to "
	if to.IsZero() {
		return s + "open"
	}
	return s + to.String()
}

func (st *quoteState) checkLines(p *problems) {
	lines := st.req.Lines
	switch {
	case len(lines) == 0:
		p.Add("lines", nil, "at least one line is required")
		return
	case len(lines) > maxLines:
		p.Addf("lines", len(lines), "more than %d lines", maxLines)
		return
	}
	st.lineItem = st.scr.lineItems(len(lines))
	for i, l := range lines {
		idx, ok := st.e.bySKU[l.SKU]
		if !ok {
			p.addUnknownSKU("lines["+strconv.Itoa(i)+"].sku", l.SKU, "not in price list "+st.e.pl.ID)
		}
		st.lineItem[i] = idx
		if plainQuantity(l.Quantity) {
			continue
		}
		f := "lines[" + strconv.Itoa(i) + "].quantity"
		if checkShape(p, f, l.Quantity, quantityDecimals) && l.Quantity.Sign() <= 0 {
			p.Add(f, l.Quantity, "must be above 0")
		}
	}
}

// plainQuantity is the allocation-free check of the usual quantity:
// positive, at most quantityDecimals decimals, within bounds. Anything
// else takes the full check, which names the problem.
func plainQuantity(q decimal.Decimal) bool {
	exp := q.Exponent()
	return q.Sign() > 0 && exp >= -quantityDecimals && exp <= 0 && q.NumDigits()+int(exp) <= maxIntDigits
}

// checkPrior validates the prior purchases and attaches them to their
// cumulative rules.
func (st *quoteState) checkPrior(p *problems) {
	e := st.e
	for i, pv := range st.req.Client.Prior {
		f := "client.prior[" + strconv.Itoa(i) + "]"
		ri, ok := e.ruleIndex[pv.RuleID]
		if !ok || e.crs[ri].vol == nil {
			p.Add(f+".rule_id", pv.RuleID, "no volume rule has this ID")
			continue
		}
		v := e.crs[ri].vol
		if !v.cumulative {
			p.Add(f+".rule_id", pv.RuleID, "the rule is not cumulative")
			continue
		}
		switch v.per {
		case PerItem:
			if _, ok := e.bySKU[pv.Key]; !ok {
				p.addUnknownSKU(f+".key", pv.Key, "a per-item rule needs a SKU of price list "+e.pl.ID)
			}
		case PerGroup:
			if _, ok := e.groupIndex[pv.Key]; !ok {
				p.Add(f+".key", pv.Key, "a per-group rule needs a group of price list "+e.pl.ID)
			}
		case PerOrder:
			if pv.Key != "" {
				p.Add(f+".key", pv.Key, "a per-order rule takes no key")
			}
		}
		if !pv.Quantity.IsZero() {
			checkMoney(p, f+".quantity", pv.Quantity, quantityDecimals)
		}
		if !pv.Amount.IsZero() {
			checkMoney(p, f+".amount", pv.Amount, e.minor+maxExtraDecimals)
		}
		rs := &st.rs[ri]
		if slices.ContainsFunc(rs.prior, func(o PriorVolume) bool { return o.Key == pv.Key }) {
			p.Add(f+".key", pv.Key, "given twice for rule "+pv.RuleID)
			continue
		}
		rs.prior = append(rs.prior, pv)
	}
}

// resolveRules decides, once per request, which rules apply to this
// client on this date and at which rate for the rules whose rate does
// not depend on the lines.
func (st *quoteState) resolveRules() {
	e, req := st.e, st.req
	for i := range e.crs {
		c := &e.crs[i]
		rs := &st.rs[i]
		rs.active = inPeriod(req.Date, c.from, c.to)
		switch c.kind {
		case KindSegment:
			rs.active = rs.active && slices.Contains(req.Client.Segments, c.segment)
		case KindVIP:
			rs.active = rs.active && req.Client.VIP
		case KindPromotion:
			rs.active = rs.active && (c.coupon == "" || slices.Contains(req.Coupons, c.coupon))
		case KindLoyalty:
			spend := req.Client.LoyaltySpend
			t := len(c.loyalty) - 1
			for t > 0 && c.loyalty[t].min.GreaterThan(spend) {
				t--
			}
			rs.tier, rs.rate, rs.basis = t, &c.loyalty[t].rate, spend
			continue
		}
		rs.rate = &c.rate
	}
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
		a.qty.Add(ln.Quantity)
		if it.needAmount {
			addProduct(&a.amt, it.price, ln.Quantity)
		}
		if it.aggItem {
			addAgg(&scr.items[idx], &scr.itemGen[idx], scr.gen, a)
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
		key, agg = idx, st.scr.items[idx]
	case PerGroup:
		if it.groupIdx < 0 {
			return volResult{tier: -1}
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
	x := vol.Decimal()
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
			blend := fractionRate(f, f.Shift(2).Neg())
			res.rate = &blend
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
	*l = Line{SKU: it.sku, Name: it.name, Group: it.group, Quantity: ln.Quantity, ListPrice: it.price}

	var pickBuf [8]pick
	var seenBuf [4]seenVolume
	picks, seen := pickBuf[:0], seenBuf[:0]
	policy := e.rules.Combination
candidates:
	for _, ri := range it.cands {
		rs := &st.rs[ri]
		if !rs.active {
			continue
		}
		c := &e.crs[ri]
		pk := pick{rule: ri, rate: rs.rate, tier: rs.tier, basis: rs.basis}
		if c.vol != nil {
			res := st.volume(ri, c, it, idx)
			if e.hints {
				seen = append(seen, seenVolume{rule: ri, res: res})
			}
			if !res.matched {
				continue
			}
			pk.rate, pk.tier, pk.basis = res.rate, res.tier, res.basis
		}
		switch policy {
		case FirstMatch:
			picks = append(picks, pk)
			break candidates
		case BestForClient:
			if len(picks) == 0 || pk.rate.frac.GreaterThan(picks[0].rate.frac) {
				picks = append(picks[:0], pk)
			}
		default:
			picks = append(picks, pk)
		}
	}

	st.reserve(len(picks)+nSlots, len(st.req.Lines)-li)
	if e.decimalOnly || !st.priceFixed(l, it, picks) {
		st.priceDecimal(l, it, picks)
	}
	if len(seen) > 0 {
		st.hintsFor(it, seen, picks)
	}
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
	return Adjustment{Kind: c.kind, RuleID: c.id, Name: c.name, Rate: pk.rate.display, Tier: tier, Basis: pk.basis}
}

// priceDecimal prices line l, whose list price, quantity and gross are
// set, with decimal arithmetic: the reference for priceFixed.
func (st *quoteState) priceDecimal(l *Line, it *item, picks []pick) {
	e := st.e
	b, q := l.ListPrice, l.Quantity
	l.Gross = e.mode.Round(b.Mul(q), e.minor)
	n := int32(len(e.crs))
	s := lineSteps{st: st, q: q, prev: l.Gross, start: len(st.adjs)}
	p := b
	for _, pk := range picks {
		if pk.rate.frac.IsZero() {
			continue
		}
		if e.rules.Combination == Additive {
			p = p.Sub(b.Mul(pk.rate.frac))
		} else {
			p = p.Mul(pk.rate.factor)
		}
		s.step(p, st.pickAdjustment(pk), pk.rule)
	}
	if st.hasMgr {
		p = p.Mul(st.mgr.factor)
		s.step(p, Adjustment{Kind: KindManager, Rate: st.mgr.display}, n+slotManager)
	}
	discounted := len(picks) > 0 || st.hasMgr // else p is the list price, above cap and floor
	if discounted && p.LessThan(it.capPrice) {
		s.step(it.capPrice, Adjustment{Kind: KindCap, Rate: shareOf(it.capPrice.Sub(p), b)}, n+slotCap)
		p = it.capPrice
		l.Warnings = append(l.Warnings, st.capWarning(it.sku))
	}
	if discounted && it.hasFloor && p.LessThan(it.floor) {
		s.step(it.floor, Adjustment{Kind: KindFloor, Rate: shareOf(it.floor.Sub(p), b)}, n+slotFloor)
		p = it.floor
		if !it.listBelowFloor {
			l.Warnings = append(l.Warnings, st.floorWarning(it))
		}
	}
	if it.listBelowFloor {
		l.Warnings = append(l.Warnings, st.listBelowFloorWarning(it))
	}
	if st.hasPay {
		p = p.Mul(st.pay)
		s.step(p, Adjustment{Kind: KindPayment, Rate: st.payRate}, n+slotPayment)
	}

	l.NetUnitPrice = e.mode.Round(p, e.unitDecimals)
	l.Net = e.mode.Round(l.NetUnitPrice.Mul(q), e.minor)
	if residue := l.Net.Sub(s.prev); !residue.IsZero() {
		st.adjs = append(st.adjs, Adjustment{Kind: KindRounding, Amount: residue})
		st.sum[n+slotRounding].add(residue)
	}
	if len(st.adjs) > s.start {
		l.Adjustments = st.adjs[s.start:len(st.adjs):len(st.adjs)]
	}
}

// priceFixed prices line l exactly as priceDecimal does, step for step,
// on the exact machine-word arithmetic of fixed.go, and reports whether
// every value fitted. When one did not, it has recorded nothing and the
// line goes to priceDecimal.
func (st *quoteState) priceFixed(l *Line, it *item, picks []pick) bool {
	e := st.e
	if !it.fixed {
		return false
	}
	m, qd, ok := fixedQuantity(l.Quantity)
	if !ok {
		return false
	}
	ud, minor, mode := e.unitDecimals, e.minor, e.mode
	gross := wide{it.units}
	gross.mulWord(m) // both below 2^63
	s := fixedSteps{st: st, m: m, qd: qd, start: len(st.adjs)}
	if s.prev, ok = roundScaled(gross, ud+qd, minor, mode); !ok {
		return false
	}
	l.Gross = decimal.New(s.prev, -minor)
	st.scr.fxAmounts, st.scr.fxSlots = st.scr.fxAmounts[:0], st.scr.fxSlots[:0]
	n := int32(len(e.crs))
	s.p = fixedPrice{coef: wide{it.units}, dec: ud}
	for _, pk := range picks {
		if pk.rate.frac.IsZero() {
			continue
		}
		if e.rules.Combination == Additive {
			ok = s.p.subProduct(it.units, ud, pk.rate.fracFx)
		} else {
			ok = s.p.mul(pk.rate.factorFx)
		}
		if !ok || !s.step(st.pickAdjustment(pk), pk.rule) {
			return s.fail(l)
		}
	}
	if st.hasMgr && (!s.p.mul(st.mgr.factorFx) || !s.step(Adjustment{Kind: KindManager, Rate: st.mgr.display}, n+slotManager)) {
		return s.fail(l)
	}
	if len(picks) > 0 || st.hasMgr {
		guards := [...]struct {
			on    bool
			units uint64
			price decimal.Decimal
			kind  Kind
			slot  int32
		}{
			{true, it.capUnits, it.capPrice, KindCap, n + slotCap},
			{it.hasFloor, it.floorUnits, it.floor, KindFloor, n + slotFloor},
		}
		for _, g := range guards {
			if !g.on {
				continue
			}
			below, ok := s.p.lessThanUnits(g.units, ud)
			if !ok {
				return s.fail(l)
			}
			if !below {
				continue
			}
			a := Adjustment{Kind: g.kind, Rate: shareOf(g.price.Sub(s.p.decimal()), l.ListPrice)}
			s.p = fixedPrice{coef: wide{g.units}, dec: ud}
			if !s.step(a, g.slot) {
				return s.fail(l)
			}
			switch {
			case g.kind == KindCap:
				l.Warnings = append(l.Warnings, st.capWarning(it.sku))
			case !it.listBelowFloor:
				l.Warnings = append(l.Warnings, st.floorWarning(it))
			}
		}
	}
	if it.listBelowFloor {
		l.Warnings = append(l.Warnings, st.listBelowFloorWarning(it))
	}
	if st.hasPay && (!s.p.mul(st.payFx) || !s.step(Adjustment{Kind: KindPayment, Rate: st.payRate}, n+slotPayment)) {
		return s.fail(l)
	}

	unit, ok := roundScaled(s.p.coef, s.p.dec, ud, mode)
	if !ok {
		return s.fail(l)
	}
	total := wide{uint64(unit)}
	if !total.mulWord(m) {
		return s.fail(l)
	}
	net, ok := roundScaled(total, ud+qd, minor, mode)
	if !ok {
		return s.fail(l)
	}

	// Everything fitted: record the line.
	l.NetUnitPrice, l.Net = decimal.New(unit, -ud), decimal.New(net, -minor)
	for i, amt := range st.scr.fxAmounts {
		a := &st.adjs[s.start+i]
		a.Amount = decimal.New(amt, -minor)
		st.sum[st.scr.fxSlots[i]].addUnits(amt, minor)
	}
	if residue := net - s.prev; residue != 0 {
		st.adjs = append(st.adjs, Adjustment{Kind: KindRounding, Amount: st.scr.residue(residue, minor)})
		st.sum[n+slotRounding].addUnits(residue, minor)
	}
	if len(st.adjs) > s.start {
		l.Adjustments = st.adjs[s.start:len(st.adjs):len(st.adjs)]
	}
	st.fastLines++
	return true
}

// fixedSteps tracks the line total from step to step on the fast path.
// Amounts are kept aside in the scratch (fxAmounts, fxSlots) until the
// whole line has fitted.
type fixedSteps struct {
	st    *quoteState
	p     fixedPrice
	m     uint64 // the quantity is m × 10^−qd
	qd    int32
	prev  int64 // the line total after the last step, in minor units
	start int   // the line's first adjustment in st.adjs
}

// step records that the unit price became s.p, explained by a, whose
// amount goes to the summary slot; false if the line total does not fit.
func (s *fixedSteps) step(a Adjustment, slot int32) bool {
	e := s.st.e
	total, ok := s.p.times(s.m, s.qd, e.minor, e.mode)
	if !ok {
		return false
	}
	s.st.adjs = append(s.st.adjs, a)
	s.st.scr.fxAmounts = append(s.st.scr.fxAmounts, total-s.prev)
	s.st.scr.fxSlots = append(s.st.scr.fxSlots, slot)
	s.prev = total
	return true
}

// fail undoes what the line recorded and sends it to the decimal path.
func (s *fixedSteps) fail(l *Line) bool {
	s.st.adjs = s.st.adjs[:s.start]
	s.st.scr.fxAmounts, s.st.scr.fxSlots = s.st.scr.fxAmounts[:0], s.st.scr.fxSlots[:0]
	l.Warnings = nil
	return false
}

// lineSteps tracks the line total from step to step.
type lineSteps struct {
	st    *quoteState
	q     decimal.Decimal
	prev  decimal.Decimal // the line total after the last step, rounded
	start int             // the line's first adjustment in st.adjs
}

// step records that the unit price became p: a, with its amount, the
// change of the rounded line total, added to the summary slot.
func (s *lineSteps) step(p decimal.Decimal, a Adjustment, slot int32) {
	e := s.st.e
	total := e.mode.Round(p.Mul(s.q), e.minor)
	a.Amount = total.Sub(s.prev)
	s.prev = total
	s.st.adjs = append(s.st.adjs, a)
	s.st.sum[slot].add(a.Amount)
}

// shareOf returns part as a percentage of whole, for explanations.
func shareOf(part, whole decimal.Decimal) decimal.Decimal {
	if whole.IsZero() {
		return decimal.Zero
	}
	return part.DivRound(whole, percentDecimals+2).Shift(2)
}

func (st *quoteState) floorWarning(it *item) Warning {
	return Warning{Code: WarnFloorReached,
		Message: fmt.Sprintf("%s: the floor of %s %s stopped the discounts", it.sku, it.floor, st.e.pl.Currency)}
}

func (st *quoteState) listBelowFloorWarning(it *item) Warning {
	return Warning{Code: WarnListBelowFloor,
		Message: fmt.Sprintf("%s: the list price %s %s is below the item's floor: no discount can apply", it.sku, it.price, st.e.pl.Currency)}
}

func (st *quoteState) capWarning(sku string) Warning {
	if st.e.rules.MaxDiscount.Valid {
		return Warning{Code: WarnCapReached, Message: sku + ": the discounts reached the maximum of " + st.e.rules.MaxDiscount.Decimal.String() + " %"}
	}
	return Warning{Code: WarnCapReached, Message: sku + ": the discounts added up to more than 100 %: stopped at 100 %"}
}

// hintsFor records "order N more" hints for the volume rules seen on a
// line, when the next tier is near and would actually be applied under
// the combination policy.
func (st *quoteState) hintsFor(it *item, seen []seenVolume, picks []pick) {
	e := st.e
	for _, s := range seen {
		c := &e.crs[s.rule]
		v := c.vol
		next := s.res.tier + 1
		if next >= len(v.tiers) || s.res.basis.LessThan(v.hintFrom[next]) {
			continue
		}
		// The next tier's bound is above the basis (else it would be
		// reached): something is missing, at most HintWithin of the bound.
		missing := v.tiers[next].Min.Sub(s.res.basis)
		switch e.rules.Combination {
		case FirstMatch:
			if len(picks) > 0 && picks[0].rule < s.rule {
				continue // a rule of better priority wins anyway
			}
		case BestForClient:
			if len(picks) > 0 && !v.rates[next].frac.GreaterThan(picks[0].rate.frac) {
				continue // the client already gets as much
			}
		}
		hk := hintKey{rule: s.rule, key: s.res.key}
		if slices.Contains(st.hintKeys, hk) {
			continue
		}
		st.hintKeys = append(st.hintKeys, hk)
		h := Hint{RuleID: c.id, Name: c.name, Per: v.per, Basis: v.basis, Mode: v.mode, Missing: missing, Rate: v.tiers[next].Rate}
		switch v.per {
		case PerItem:
			h.Key = it.sku
		case PerGroup:
			h.Key = it.group
		}
		if v.basis == BasisAmount {
			h.Missing = missing.RoundCeil(e.minor)
		}
		st.hints = append(st.hints, h)
	}
}

// summary lists, per rule and then per step, what the quote granted.
func (st *quoteState) summary() []SummaryLine {
	e := st.e
	n := len(e.crs)
	set := 0
	for i := range st.sum {
		if st.sum[i].set {
			set++
		}
	}
	out := make([]SummaryLine, 0, set)
	for i := range e.crs {
		if st.sum[i].set {
			out = append(out, SummaryLine{Kind: e.crs[i].kind, RuleID: e.crs[i].id, Name: e.crs[i].name, Amount: st.sum[i].total.Decimal()})
		}
	}
	for slot, k := range [nSlots]Kind{KindManager, KindCap, KindFloor, KindPayment, KindRounding} {
		if !st.sum[n+slot].set {
			continue
		}
		if t := st.sum[n+slot].total.Decimal(); !t.IsZero() {
			out = append(out, SummaryLine{Kind: k, Amount: t})
		}
	}
	if len(out) == 0 {
		return nil // a quote that granted nothing has no summary (null in JSON)
	}
	return out
}

// warnings returns the quote-level warnings: approval, and coupons that
// gave nothing.
func (st *quoteState) warnings(appr Approval) []Warning {
	var out []Warning
	if appr.Status == ApprovalPending {
		out = append(out, Warning{Code: WarnApprovalRequired, Message: fmt.Sprintf(
			"the manager discount of %s %% exceeds %q's limit of %s %%: %q must approve before this quote is an offer",
			appr.Rate, appr.Holder, appr.Limit, appr.Approver)})
	}
	for _, code := range st.req.Coupons {
		rules := st.e.coupons[code]
		applied, active := false, false
		for _, ri := range rules {
			applied = applied || st.sum[ri].set
			active = active || st.rs[ri].active
		}
		switch {
		case applied:
		case !active:
			out = append(out, Warning{Code: WarnCouponNotApplied, Message: fmt.Sprintf(
				"coupon %q: its promotion is not valid on %s", code, st.req.Date)})
		default:
			out = append(out, Warning{Code: WarnCouponNotApplied, Message: fmt.Sprintf(
				"coupon %q gave nothing: no line is in its scope, or a better rule won under %s", code, st.e.rules.Combination)})
		}
	}
	return out
}
