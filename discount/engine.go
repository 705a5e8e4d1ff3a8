package discount

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// Engine is a price list and a rule set checked together and compiled
// for quoting: rules are sorted once, indexed by SKU and group, and each
// item carries the short list of rules that can apply to it, so a quote
// visits only those. An Engine is immutable and safe for concurrent use.
// The zero Engine has nothing compiled: Quote and Approve return an
// error that says so; build one with Compile.
type Engine struct {
	pl           PriceList
	rules        Rules
	minor        int32 // decimals of a line total
	unitDecimals int32 // decimals of a net unit price
	mode         RoundingMode

	items      []item
	bySKU      map[string]int32
	groups     []string
	groupIndex map[string]int32

	// crs are the discount rules in precedence order (priority, then ID).
	crs       []crule
	units     map[unitKey]int32  // an item in one of its units -> its compiled item
	coupons   map[string][]int32 // coupon code -> promotion rules
	ruleIndex map[string]int32   // rule ID -> index in crs
	nPools    int                // per-order volume rules
	taxes     []ctax
	// frees are the free-item rules in priority order, freeCoupons
	// their coupon codes.
	frees       []cfree
	freeCoupons map[string]bool
	// prs are the price rules in precedence order (priority, then ID).
	prs []cprice
	// capFactor is 1 − the cap, for a price set by a price rule or by
	// hand; zero with no cap.
	capFactor num

	hints  bool // Rules.HintWithin is set
	noRate rate // the zero rate, for a graduated rule with nothing to blend
	// zeroBlend is the blend of a graduated rule whose bands give
	// nothing: graduatedFraction's zero, as a rate.
	zeroBlend rate

	scratch sync.Pool // *quoteScratch, sized for the items, groups and rules

	// decimalOnly keeps every [num] a decimal: the reference the tests
	// hold the machine-word arithmetic to.
	decimalOnly bool
}

// item is a price-list entry compiled for quoting.
type item struct {
	sku, name, group string
	groupIdx         int32 // -1: no group
	price            decimal.Decimal
	list             num // price, for the arithmetic
	cost             num // the cost, for a margin on cost
	// capAt is the lowest price the cap allows (0 with no cap: a price
	// never goes below zero), rounded up to the unit-price precision.
	capAt num
	// floor is the item's floor, rounded up to the unit-price precision
	// and at most the list price; hasFloor says whether there is one,
	// listBelowFloor whether the list price itself is under it.
	floor          decimal.Decimal
	floorAt        num // floor, for the arithmetic
	hasFloor       bool
	listBelowFloor bool
	// cands are the rules (indexes into crs) that can apply to the item,
	// in precedence order.
	cands []int32
	// A unit the item is sold in ([Unit]): its name, how many of the
	// item's own units it holds (zero for the item itself), and the
	// item's index (its own for the item itself).
	unit     string
	factor   decimal.Decimal
	factorAt num
	base     int32
	// What the volume pass must add up for this item.
	aggItem, aggGroup, needAmount bool
	pools                         []int32 // per-order volume rules covering the item
	// prices are the price rules (indexes into prs) that can set the
	// item's price, in precedence order.
	prices []int32
	taxes  []int32 // the taxes (indexes into Engine.taxes) on the item
}

// crule is a discount rule compiled for quoting.
type crule struct {
	id, name string
	field    string // where the rule is in the rule set, for errors
	kind     Kind
	priority int
	from, to clientele.Date // validity; unset: open
	scope    Scope

	// Flat rules (segment, VIP, promotion).
	rate    rate
	segment string
	coupon  string
	off     *amountOff // an amount instead of the rate

	loyalty []loyaltyTier
	vol     *cvolume

	// maxRate is the most the rule can give, entryRate what a volume
	// rule gives when it starts to apply, gated whether it starts to
	// apply only from some volume: the first_match monotonicity check
	// needs them.
	maxRate, entryRate decimal.Decimal
	gated              bool
	// cond is the rule's condition on other lines; nil for none.
	cond *ccondition
}

type loyaltyTier struct {
	min  decimal.Decimal
	rate rate
}

type cvolume struct {
	per        Per
	basis      Basis
	mode       TierMode
	cumulative bool
	tiers      []Tier
	rates      []rate // per tier
	pool       int32  // per-order pool index
	// mins, pcts and hintNums are the tiers' bounds, rates (in percent)
	// and hint thresholds as nums, for pricing without decimals. A
	// tier's hint threshold is the volume from which it is near enough
	// for a hint: its bound less HintWithin of it.
	mins, pcts, hintNums []num
}

// Compile checks a price list and a rule set together and compiles them
// into an [Engine]. Beyond each one's own validation it checks that they
// share a currency, that rules name only SKUs and groups the list has,
// that unit prices fit the rule set's unit-price precision, that every
// item has a cost when the floor needs one, and, under first_match, that
// no two rules with the same priority can apply to the same item and
// that no volume rule would, on reaching its tier, replace a richer rule
// (ordering more would then raise the price). Every problem is reported,
// under "price_list." and "rules." field paths.
func Compile(pl PriceList, rules Rules) (*Engine, error) { return compile(pl, rules, false) }

// compile is Compile; decimalOnly compiles the tests' decimal reference.
func compile(pl PriceList, rules Rules, decimalOnly bool) (*Engine, error) {
	var p, pp, rp problems
	pl.check(&pp)
	p.merge("price_list", &pp)
	rules.check(&rp)
	p.merge("rules", &rp)
	if p.Len() > 0 {
		return nil, p.err()
	}
	if rules.Currency != pl.Currency {
		p.addCurrency("rules.currency", rules.Currency, "the price list is in "+pl.Currency)
		return nil, p.err()
	}
	minor, _ := currency.MinorUnits(pl.Currency)
	e := &Engine{
		pl: pl, rules: rules,
		minor: minor, unitDecimals: minor + rules.ExtraUnitDecimals, mode: rules.Rounding,
		bySKU: make(map[string]int32, len(pl.Items)), groupIndex: map[string]int32{},
		coupons: map[string][]int32{}, ruleIndex: map[string]int32{}, freeCoupons: map[string]bool{}, units: map[unitKey]int32{},
		decimalOnly: decimalOnly,
	}
	e.zeroBlend = e.fractionRate(decimal.Zero, decimal.Zero.Shift(2).Neg())
	e.compileItems(&p)
	e.compileUnits(&p)
	e.compileRules(&p)
	e.compilePriceRules(&p)
	e.compileTaxes(&p)
	e.compileFreeRules(&p)
	if p.Len() > 0 {
		return nil, p.err()
	}
	e.indexCandidates()
	if rules.Combination == FirstMatch {
		e.checkFirstMatch(&p)
	}
	if p.Len() > 0 {
		return nil, p.err()
	}
	if rules.HintWithin.Valid {
		e.hints = true
		e.setHintThresholds(fraction(rules.HintWithin.Decimal))
	}
	nItems, nGroups := len(e.items), len(e.groups)
	nRules, nPools, nPrices := len(e.crs), e.nPools, len(e.prs)
	e.scratch.New = func() any { return newQuoteScratch(nItems, nGroups, nRules, nPools, nPrices) }
	return e, nil
}

func (e *Engine) compileItems(p *problems) {
	capFactor := decimal.Zero // no cap: never below zero
	if e.rules.MaxDiscount.Valid {
		capFactor = one.Sub(fraction(e.rules.MaxDiscount.Decimal))
	}
	markup := e.rules.Floor.MinMarkup
	var markupFactor decimal.Decimal
	if markup.Valid {
		markupFactor = one.Add(fraction(markup.Decimal))
	}
	capF, markupF := e.num(capFactor), e.num(markupFactor)
	e.capFactor = capF
	e.items = make([]item, len(e.pl.Items))
	for i, it := range e.pl.Items {
		f := "price_list.items[" + strconv.Itoa(i) + "]"
		checkShape(p, f+".unit_price", it.UnitPrice, e.unitDecimals)
		if it.MinPrice.Valid {
			checkShape(p, f+".min_price", it.MinPrice.Decimal, e.unitDecimals)
		}
		ci := item{sku: it.SKU, name: it.Name, group: it.Group, groupIdx: -1, price: it.UnitPrice, list: e.num(it.UnitPrice), base: int32(i)}
		if it.Cost.Valid {
			ci.cost = e.num(it.Cost.Decimal)
		}
		if it.Group != "" {
			g, ok := e.groupIndex[it.Group]
			if !ok {
				g = int32(len(e.groups))
				e.groupIndex[it.Group] = g
				e.groups = append(e.groups, it.Group)
			}
			ci.groupIdx = g
		}
		// Guards are rounded up to the grid the net unit price is rounded
		// to: rounding, monotone and exact on that grid, then never takes
		// a price at or above a guard below it.
		ci.capAt.ceil(ci.capAt.mul(&ci.list, &capF), e.unitDecimals)
		if markup.Valid {
			if !it.Cost.Valid {
				p.Add(f+".cost", nil, "is required: rules.floor.min_markup prices the floor from cost")
			} else {
				f := e.num(it.Cost.Decimal)
				ci.floor, ci.hasFloor = f.ceil(f.mul(&f, &markupF), e.unitDecimals).decimal(), true
			}
		}
		if it.MinPrice.Valid && (!ci.hasFloor || it.MinPrice.Decimal.GreaterThan(ci.floor)) {
			ci.floor, ci.hasFloor = it.MinPrice.Decimal, true
		}
		if ci.hasFloor && ci.floor.GreaterThan(ci.price) {
			ci.floor, ci.listBelowFloor = ci.price, true
		}
		if ci.hasFloor {
			ci.floorAt = e.num(ci.floor)
		}
		e.items[i] = ci
		e.bySKU[it.SKU] = int32(i)
	}
}

func (e *Engine) compileRules(p *problems) {
	r := e.rules
	add := func(c crule) { e.crs = append(e.crs, c) }
	for i, v := range r.Volume {
		f := "rules.volume[" + strconv.Itoa(i) + "]"
		c := e.header(p, f, v.Header, KindVolume)
		cv := &cvolume{per: v.Per, basis: v.Basis, mode: v.Mode, cumulative: v.Cumulative, tiers: v.Tiers, pool: -1}
		for _, t := range v.Tiers {
			cv.rates = append(cv.rates, e.rate(t.Rate))
			cv.mins = append(cv.mins, e.num(t.Min))
			cv.pcts = append(cv.pcts, e.num(t.Rate))
		}
		if v.Per == PerOrder {
			cv.pool = int32(e.nPools)
			e.nPools++
		}
		c.vol = cv
		c.maxRate = v.Tiers[len(v.Tiers)-1].Rate
		c.gated = v.Tiers[0].Min.Sign() > 0
		c.entryRate = v.Tiers[0].Rate
		if v.Mode == Graduated {
			c.entryRate = decimal.Zero // a graduated rule starts at a sliver of its first rate
		}
		add(c)
	}
	for i, s := range r.Segments {
		c := e.header(p, "rules.segments["+strconv.Itoa(i)+"]", s.Header, KindSegment)
		c.segment = s.Segment
		c.rate, c.maxRate = e.rate(s.Rate), s.Rate
		c.off = e.amountOff(p, "rules.segments["+strconv.Itoa(i)+"].amount_off", s.AmountOff)
		add(c)
	}
	for i, v := range r.VIP {
		c := e.header(p, "rules.vip["+strconv.Itoa(i)+"]", v.Header, KindVIP)
		c.rate, c.maxRate = e.rate(v.Rate), v.Rate
		c.off = e.amountOff(p, "rules.vip["+strconv.Itoa(i)+"].amount_off", v.AmountOff)
		add(c)
	}
	for i, l := range r.Loyalty {
		c := e.header(p, "rules.loyalty["+strconv.Itoa(i)+"]", l.Header, KindLoyalty)
		for _, t := range l.Tiers {
			c.loyalty = append(c.loyalty, loyaltyTier{min: t.MinSpend, rate: e.rate(t.Rate)})
		}
		c.maxRate = l.Tiers[len(l.Tiers)-1].Rate
		add(c)
	}
	for i, pr := range r.Promotions {
		c := e.header(p, "rules.promotions["+strconv.Itoa(i)+"]", pr.Header, KindPromotion)
		c.coupon = pr.Coupon
		c.rate, c.maxRate = e.rate(pr.Rate), pr.Rate
		c.off = e.amountOff(p, "rules.promotions["+strconv.Itoa(i)+"].amount_off", pr.AmountOff)
		add(c)
	}
	slices.SortFunc(e.crs, func(a, b crule) int {
		return cmp.Or(cmp.Compare(a.priority, b.priority), cmp.Compare(a.id, b.id))
	})
	for i := range e.crs {
		c := &e.crs[i]
		e.ruleIndex[c.id] = int32(i)
		if c.coupon != "" {
			e.coupons[c.coupon] = append(e.coupons[c.coupon], int32(i))
		}
	}
}

// header compiles the common part of a rule and checks its scope against
// the price list.
func (e *Engine) header(p *problems, f string, h Header, k Kind) crule {
	for i, sku := range h.Scope.SKUs {
		if _, ok := e.bySKU[sku]; !ok {
			p.addUnknownSKU(f+".scope.skus["+strconv.Itoa(i)+"]", sku, "not in price list "+e.pl.ID)
		}
	}
	for i, g := range h.Scope.Groups {
		if _, ok := e.groupIndex[g]; !ok {
			p.Add(f+".scope.groups["+strconv.Itoa(i)+"]", g, "no item of price list "+e.pl.ID+" is in this group")
		}
	}
	return crule{id: h.ID, name: h.label(), field: f, kind: k, priority: h.Priority, scope: h.Scope, from: h.ValidFrom, to: h.ValidTo,
		cond: e.compileCondition(p, f+".when", h.When)}
}

// setHintThresholds computes where each volume tier starts to be hinted
// at: a volume of at least min − min × within is missing at most that
// share of min.
func (e *Engine) setHintThresholds(within decimal.Decimal) {
	for i := range e.crs {
		v := e.crs[i].vol
		if v == nil {
			continue
		}
		v.hintNums = make([]num, len(v.tiers))
		for t, tier := range v.tiers {
			v.hintNums[t] = e.num(tier.Min.Sub(tier.Min.Mul(within)))
		}
	}
}

// indexCandidates gives each item the rules that can apply to it, in
// precedence order, through an index by SKU and group rather than a
// scan of every rule for every item.
func (e *Engine) indexCandidates() {
	var global []int32
	bySKU := map[string][]int32{}
	byGroup := map[string][]int32{}
	for i := range e.crs {
		c := &e.crs[i]
		if c.scope.IsZero() {
			global = append(global, int32(i))
			continue
		}
		for _, s := range c.scope.SKUs {
			bySKU[s] = append(bySKU[s], int32(i))
		}
		for _, g := range c.scope.Groups {
			byGroup[g] = append(byGroup[g], int32(i))
		}
	}
	for i := range e.items {
		it := &e.items[i]
		specific := append(slices.Clone(bySKU[it.sku]), byGroup[it.group]...)
		if len(specific) == 0 {
			it.cands = global // shared, never written to
		} else {
			all := append(specific, global...)
			slices.Sort(all)
			it.cands = slices.Compact(all) // a rule may list the SKU and its group
		}
		for _, ri := range it.cands {
			v := e.crs[ri].vol
			if v == nil {
				continue
			}
			switch v.per {
			case PerItem:
				it.aggItem = true
			case PerGroup:
				it.aggGroup = true
			case PerOrder:
				it.pools = append(it.pools, ri)
			}
			it.needAmount = it.needAmount || v.basis == BasisAmount
		}
	}
}

// checkFirstMatch rejects what first_match cannot price well: two rules
// with the same priority that can apply to the same item (ERPNext raises
// MultiplePricingRuleConflict at order time for this; here the rule set
// is refused up front), and a volume rule that, once its threshold is
// reached, would replace a rule giving more than its entry rate — the
// client ordering more would pay more per unit.
func (e *Engine) checkFirstMatch(p *problems) {
	seen := map[[2]int32]bool{}
	for i := range e.items {
		it := &e.items[i]
		for a, ra := range it.cands {
			ca := &e.crs[ra]
			for _, rb := range it.cands[a+1:] {
				cb := &e.crs[rb]
				pair := [2]int32{ra, rb}
				if seen[pair] {
					continue
				}
				if cb.priority == ca.priority {
					seen[pair] = true
					p.addConflict(cb.field+".priority", cb.priority, fmt.Sprintf(
						"same priority as %s (%q), and both can apply to SKU %s: first_match cannot choose between them; give them distinct priorities or use another combination",
						ca.field, ca.id, it.sku))
					continue
				}
				if bMax := cb.maxRateOn(it); ca.gated && bMax.GreaterThan(ca.entryRate) {
					seen[pair] = true
					p.addConflict(ca.field+".priority", ca.priority, fmt.Sprintf(
						"under first_match, once its first tier is reached %q (%s %% at first) replaces %q (up to %s %%) on SKU %s, so ordering more would raise the unit price; give %q a later priority than %q, or a first-tier rate of at least %s %%",
						ca.id, ca.entryRate, cb.id, bMax, it.sku, ca.id, cb.id, bMax))
				} else if entry := ca.entryOn(it); !ca.gated && ca.cond != nil && bMax.GreaterThan(entry) {
					seen[pair] = true
					p.addConflict(ca.field+".priority", ca.priority, fmt.Sprintf(
						"under first_match, once its condition on other lines is met %q (%s %%) replaces %q (up to %s %%) on SKU %s, so ordering more would raise the unit price; give %q a later priority than %q",
						ca.id, entry, cb.id, bMax, it.sku, ca.id, cb.id))
				}
			}
		}
	}
}

// quoteScratch is what a quote reuses from an earlier one priced on the
// same engine: the volume totals by item and by group (an entry is valid
// only when its generation matches, so nothing needs clearing) and the
// decimals of small rounding residues.
type quoteScratch struct {
	gen      uint32
	itemGen  []uint32
	items    []volumeAgg
	groupGen []uint32
	groups   []volumeAgg

	// residues[r+maxSharedResidue] is the decimal of a rounding residue
	// of r minor units, once made: the same few cents come back line
	// after line, and a decimal is immutable, so one value serves them.
	residues   [2*maxSharedResidue + 1]decimal.Decimal
	hasResidue [2*maxSharedResidue + 1]bool
	// slab makes the quotes' other output decimals.
	slab decimalSlab
	// blends holds the graduated blends of the quote being priced.
	blends rateSlab
	// pays holds the payment factors of the last terms priced.
	pays []payTerms

	// The quote's working state, cleared for each quote: nothing in it
	// is referenced by a quote once priced.
	rs       []ruleState // per rule
	sum      []slotSum   // per rule, then per step kind
	pools    []volumeAgg // per per-order volume rule
	lineItem []int32     // per request line
	priceOn  []bool      // per price rule: applies to this request
}

// ruleStates returns the rule states cleared, keeping the capacity of
// their slices.
func (s *quoteScratch) ruleStates() []ruleState {
	for i := range s.rs {
		s.rs[i] = ruleState{prior: s.rs[i].prior[:0], groups: s.rs[i].groups[:0]}
	}
	return s.rs
}

func (s *quoteScratch) sums() []slotSum {
	clear(s.sum)
	return s.sum
}

func (s *quoteScratch) lineItems(n int) []int32 {
	if cap(s.lineItem) < n {
		s.lineItem = make([]int32, n)
	}
	return s.lineItem[:n]
}

// maxSharedResidue bounds the residues kept as shared decimals; rounding
// a unit price moves a line by at most half a unit per unit ordered.
const maxSharedResidue = 256

// volumeAgg is the volume of some lines: units, and gross amount at list
// prices.
type volumeAgg struct{ qty, amt exactsum.Running }

func (g *volumeAgg) add(a volumeAgg) {
	g.qty.AddRunning(a.qty)
	g.amt.AddRunning(a.amt)
}

func newQuoteScratch(nItems, nGroups, nRules, nPools, nPrices int) *quoteScratch {
	return &quoteScratch{
		itemGen: make([]uint32, nItems), items: make([]volumeAgg, nItems),
		groupGen: make([]uint32, nGroups), groups: make([]volumeAgg, nGroups),
		rs: make([]ruleState, nRules), sum: make([]slotSum, nRules+nSlots+nPrices), pools: make([]volumeAgg, nPools),
		priceOn: make([]bool, nPrices),
	}
}

// residue returns the decimal of a rounding residue, which is rounded
// to the currency's minor unit as every line total is.
func (s *quoteScratch) residue(x *num) decimal.Decimal {
	r, exp, ok := x.int64()
	if !ok || r < -maxSharedResidue || r > maxSharedResidue {
		return x.decimal()
	}
	i := r + maxSharedResidue
	if !s.hasResidue[i] {
		s.residues[i], s.hasResidue[i] = decimal.New(r, exp), true
	}
	return s.residues[i]
}

func (s *quoteScratch) next() {
	s.gen++
	if s.gen == 0 { // wrapped: clear once every 2^32 quotes
		clear(s.itemGen)
		clear(s.groupGen)
		s.gen = 1
	}
}
