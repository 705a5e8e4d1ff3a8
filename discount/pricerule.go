package discount

import (
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// PriceRule sets the unit price a line starts from, in place of the list
// price, before any discount: a fixed price ("this client pays 42.00 for
// this item", ERPNext's rate_or_discount "Rate", an Odoo pricelist's
// fixed price) or a margin over the list price or the cost (ERPNext's
// margin on the price-list rate, an Odoo pricelist formula on cost).
// The discount rules then apply to that price, as ERPNext applies a
// rule's discount to the rate with margin: 1,000 with a 10 % margin is
// 1,100, and 10 % off that is 990 (test_pricing_rule_with_margin_and_discount).
//
// Price rules do not compete with discounts: the first matching price
// rule by priority sets the price, whatever the combination policy, and
// two price rules with the same priority that can apply to the same item
// are refused by [Compile]. The cap bounds the discounts from the price
// the rule set; the floor still holds below it, so a fixed price under
// the item's floor is lifted to the floor, with a warning.
// The zero PriceRule is not valid: Rules.Validate asks for its ID and a
// price or a margin.
type PriceRule struct {
	Header
	// Clients limits the rule to these client IDs ([ClientFacts.ID]);
	// empty, any client.
	Clients []string `json:"clients,omitempty"`
	// Segments limits the rule to clients in at least one of these
	// segments; empty, any client.
	Segments []string `json:"segments,omitempty"`
	// Price, when set, is the unit price itself.
	Price decimal.NullDecimal `json:"price,omitzero"`
	// Margin, when set, builds the price from a base and a markup.
	Margin Margin `json:"margin,omitzero"`
}

// Margin prices from a base with a markup in percent or as an amount per
// unit: base × (1 + Percent / 100), or base + Amount.
// The zero Margin is none.
type Margin struct {
	Base    PriceBase           `json:"base"`
	Percent decimal.NullDecimal `json:"percent,omitzero"`
	Amount  decimal.NullDecimal `json:"amount,omitzero"`
}

// IsZero reports whether no margin is set.
func (m Margin) IsZero() bool { return m.Base == 0 && !m.Percent.Valid && !m.Amount.Valid }

func (r PriceRule) check(p *problems, f string, ids map[string]string) {
	r.Header.check(p, f, ids)
	if !r.When.IsZero() {
		// Met by ordering more, a condition would swap the starting price
		// for another, perhaps higher: no rule may make more cost more.
		p.Add(f+".when", nil, "a price rule takes no condition on other lines: ordering more could then raise the price it sets; put the condition on a discount rule")
	}
	checkNames(p, f+".clients", r.Clients)
	checkNames(p, f+".segments", r.Segments)
	switch {
	case r.Price.Valid && !r.Margin.IsZero():
		p.Add(f+".margin", nil, "a price rule sets a price or a margin, not both")
	case r.Price.Valid:
		checkMoney(p, f+".price", r.Price.Decimal, maxMinorUnits+maxExtraDecimals)
	case r.Margin.IsZero():
		p.Add(f+".price", nil, "is required, or a margin")
	default:
		r.Margin.check(p, f+".margin")
	}
}

func (m Margin) check(p *problems, f string) {
	if !m.Base.IsValid() {
		p.Add(f+".base", m.Base, "is required: list or cost")
	}
	switch {
	case m.Percent.Valid == m.Amount.Valid:
		p.Add(f+".percent", nil, "give a percent or an amount, one of them")
	case m.Percent.Valid:
		checkPercent(p, f+".percent", m.Percent.Decimal, 0, maxMarkup)
	default:
		checkMoney(p, f+".amount", m.Amount.Decimal, maxMinorUnits+maxExtraDecimals)
	}
}

// PriceBase is what a margin is added to.
// The zero PriceBase is unset, which Rules.Validate refuses.
type PriceBase uint8

const (
	// BaseList adds the margin to the item's list price.
	BaseList PriceBase = iota + 1
	// BaseCost adds the margin to the item's cost, which every item the
	// rule covers must then have.
	BaseCost
)

var priceBaseNames = enum.Names{"", "list", "cost"}

// ParsePriceBase returns the base named s ("list", "cost").
func ParsePriceBase(s string) (PriceBase, error) {
	return enum.Parse[PriceBase](priceBaseNames, "price base", s)
}

func (v PriceBase) String() string { return enum.String(priceBaseNames, "PriceBase", v) }

// IsValid reports whether v is one of the named values.
func (v PriceBase) IsValid() bool { return enum.Valid(priceBaseNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v PriceBase) MarshalText() ([]byte, error) { return enum.Marshal(priceBaseNames, "PriceBase", v) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *PriceBase) UnmarshalText(b []byte) error {
	return enum.Unmarshal(priceBaseNames, "price base", v, b)
}

// cprice is a price rule compiled for quoting.
type cprice struct {
	id, name string
	field    string
	kind     Kind // KindPrice or KindMargin
	priority int
	scope    Scope
	from, to clientele.Date
	clients  []string
	segments []string
	price    num             // a fixed price
	base     PriceBase       // a margin's base
	factor   num             // 1 + percent / 100, a margin in percent
	plus     num             // a margin as an amount
	percent  decimal.Decimal // the margin in percent, for explanations; zero for an amount
	byAmount bool
	cond     *ccondition
}

// compilePriceRules compiles the price rules, checks them against the
// price list (SKUs, groups, costs a margin on cost needs, decimals the
// unit price can carry), and gives each item its candidates in priority
// order, refusing two with the same priority on one item.
func (e *Engine) compilePriceRules(p *problems) {
	for i, r := range e.rules.Prices {
		f := "rules.prices[" + strconv.Itoa(i) + "]"
		h := e.header(p, f, r.Header, KindPrice)
		c := cprice{id: h.id, name: h.name, field: f, kind: KindPrice, priority: h.priority, scope: h.scope, from: h.from, to: h.to, cond: h.cond,
			clients: r.Clients, segments: r.Segments}
		if r.Price.Valid {
			checkShape(p, f+".price", r.Price.Decimal, e.unitDecimals)
			c.price = e.num(r.Price.Decimal)
		} else {
			c.kind, c.base = KindMargin, r.Margin.Base
			if r.Margin.Percent.Valid {
				c.percent = r.Margin.Percent.Decimal
				c.factor = e.num(one.Add(fraction(c.percent)))
			} else {
				checkShape(p, f+".margin.amount", r.Margin.Amount.Decimal, e.unitDecimals)
				c.plus, c.byAmount = e.num(r.Margin.Amount.Decimal), true
			}
		}
		e.prs = append(e.prs, c)
	}
	slices.SortStableFunc(e.prs, func(a, b cprice) int {
		if a.priority != b.priority {
			return a.priority - b.priority
		}
		switch {
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
	for i := range e.items {
		it := &e.items[i]
		for j := range e.prs {
			c := &e.prs[j]
			if !c.scope.IsZero() && !slices.Contains(c.scope.SKUs, it.sku) && (it.group == "" || !slices.Contains(c.scope.Groups, it.group)) {
				continue
			}
			if n := len(it.prices); n > 0 && e.prs[it.prices[n-1]].priority == c.priority && it.factor.IsZero() { // a unit's conflicts are its item's
				o := &e.prs[it.prices[n-1]]
				p.addConflict(c.field+".priority", c.priority, "same priority as "+o.field+" ("+strconv.Quote(o.id)+
					"), and both can set the price of SKU "+it.sku+": give them distinct priorities")
			}
			if c.kind == KindMargin && c.base == BaseCost && it.factor.IsZero() && !e.pl.Items[i].Cost.Valid {
				p.Add("price_list.items["+strconv.Itoa(i)+"].cost", nil, "is required: "+c.field+" prices "+it.sku+" from its cost")
			}
			it.prices = append(it.prices, int32(j))
		}
	}
}

// appliesTo reports whether the price rule covers this client on this
// date, with this order (the item is checked at compile time).
func (c *cprice) appliesTo(st *quoteState) bool {
	req := st.req
	if !inPeriod(req.Date, c.from, c.to) || (c.cond != nil && !c.cond.met(st)) {
		return false
	}
	if len(c.clients) > 0 && !slices.Contains(c.clients, req.Client.ID) {
		return false
	}
	if len(c.segments) > 0 && !slices.ContainsFunc(c.segments, func(s string) bool { return slices.Contains(req.Client.Segments, s) }) {
		return false
	}
	return true
}

// basePrice sets b to the unit price rule c gives item it.
func (c *cprice) basePrice(b *num, it *item) *num {
	if c.kind == KindPrice {
		*b = c.price
		if !it.factor.IsZero() { // per the item's own unit
			b.mul(b, &it.factorAt)
		}
		return b
	}
	base := &it.list
	if c.base == BaseCost {
		base = &it.cost
	}
	if c.byAmount {
		var neg num
		neg.sub(&neg, &c.plus)
		if !it.factor.IsZero() {
			neg.mul(&neg, &it.factorAt)
		}
		return b.sub(base, &neg)
	}
	return b.mul(base, &c.factor)
}
