package discount

import (
	"slices"
	"strconv"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// FreeItemRule gives items for free (ERPNext's product discount, Odoo's
// "buy X get Y"): buy Buy units of the items in scope, or reach
// MinAmount at list prices, and get Get units of FreeSKU free, or of
// each item bought when FreeSKU is empty. The free units come as a line
// of their own, priced at the list price with the whole price taken off
// (kind free), so the quote, its totals and the client's summary show
// what was given; the paid lines are priced as if the rule did not
// exist, and the free units never count toward any volume, condition or
// other free item (they would earn themselves: ERPNext computes the
// free quantity from the paid quantity only).
//
// With Repeat the rule gives Get per whole multiple of Buy (ERPNext's
// is_recursive with round_free_qty: 5 bought, 1 free per 2, is 2 free,
// 7 is 3), or pro rata under [FreeProRata] (5 bought is 2.5 free,
// rounded down to the quantity precision); without it Get once the
// threshold is reached. With no scope and MinAmount, it is an
// order-level gift: "a free bag from 500.00".
//
// Every free-item rule that applies gives its line, in priority order;
// they do not compete with discounts and take no part in the combination
// policy.
// The zero FreeItemRule is not valid: Rules.Validate asks for its ID, a
// threshold and a quantity to give.
type FreeItemRule struct {
	Header
	// Buy is the quantity, of the items in scope added up (or of each
	// SKU when FreeSKU is empty), that earns the free units.
	Buy decimal.NullDecimal `json:"buy,omitzero"`
	// MinAmount is the amount at list prices, of the items in scope,
	// that earns them, instead of a quantity; it needs a FreeSKU.
	MinAmount decimal.NullDecimal `json:"min_amount,omitzero"`
	// Get is the free quantity per threshold reached.
	Get decimal.Decimal `json:"get"`
	// FreeSKU is the item given; empty, the item bought.
	FreeSKU string `json:"free_sku,omitempty"`
	// Repeat gives Get again per multiple of the threshold.
	Repeat bool `json:"repeat,omitempty"`
	// Rounding is how a repeated free quantity is rounded; unset, down
	// to whole multiples.
	Rounding FreeRounding `json:"rounding,omitzero"`
	// Coupon, when set, is the code the request must carry.
	Coupon string `json:"coupon,omitempty"`
}

func (r FreeItemRule) check(p *problems, f string, ids map[string]string) {
	r.Header.check(p, f, ids)
	switch {
	case r.Buy.Valid == r.MinAmount.Valid:
		p.Add(f+".buy", nil, "give buy (a quantity) or min_amount, one of them")
	case r.Buy.Valid:
		if checkShape(p, f+".buy", r.Buy.Decimal, quantityDecimals) && r.Buy.Decimal.Sign() <= 0 {
			p.Add(f+".buy", r.Buy.Decimal, "must be above 0")
		}
	default:
		if checkMoney(p, f+".min_amount", r.MinAmount.Decimal, maxMinorUnits+maxExtraDecimals) && r.MinAmount.Decimal.Sign() == 0 {
			p.Add(f+".min_amount", r.MinAmount.Decimal, "must be above 0")
		}
		if r.FreeSKU == "" {
			p.Add(f+".free_sku", nil, "is required with min_amount: an amount names no item to give")
		}
	}
	if checkShape(p, f+".get", r.Get, quantityDecimals) && r.Get.Sign() <= 0 {
		p.Add(f+".get", r.Get, "must be above 0")
	}
	p.OptionalID(f+".free_sku", r.FreeSKU)
	if r.Rounding != 0 && !r.Rounding.IsValid() {
		p.Add(f+".rounding", r.Rounding, "unknown rounding (want down or pro_rata)")
	}
	p.OptionalID(f+".coupon", r.Coupon)
}

// FreeRounding is how a repeated free quantity is rounded.
// The zero FreeRounding is unset and rounds down to whole multiples.
type FreeRounding uint8

const (
	// FreeDown gives Get per whole multiple of the threshold.
	FreeDown FreeRounding = iota + 1
	// FreeProRata gives Get × volume / threshold, rounded down to the
	// quantity precision.
	FreeProRata
)

var freeRoundingNames = enum.Names{"", "down", "pro_rata"}

// ParseFreeRounding returns the rounding named s ("down", "pro_rata").
func ParseFreeRounding(s string) (FreeRounding, error) {
	return enum.Parse[FreeRounding](freeRoundingNames, "free quantity rounding", s)
}

func (v FreeRounding) String() string { return enum.String(freeRoundingNames, "FreeRounding", v) }

// IsValid reports whether v is one of the named values.
func (v FreeRounding) IsValid() bool { return enum.Valid(freeRoundingNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v FreeRounding) MarshalText() ([]byte, error) {
	return enum.Marshal(freeRoundingNames, "FreeRounding", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *FreeRounding) UnmarshalText(b []byte) error {
	return enum.Unmarshal(freeRoundingNames, "free quantity rounding", v, b)
}

// cfree is a free-item rule compiled for quoting.
type cfree struct {
	rule     crule  // the header's part: ID, name, period, scope, condition
	inScope  []bool // per item
	free     int32  // the item given; -1: the item bought
	buy      decimal.NullDecimal
	amount   decimal.NullDecimal
	get      decimal.Decimal
	repeat   bool
	proRata  bool
	coupon   string
	priority int
}

func (e *Engine) compileFreeRules(p *problems) {
	for i, r := range e.rules.FreeItems {
		f := "rules.free_items[" + strconv.Itoa(i) + "]"
		c := cfree{rule: e.header(p, f, r.Header, KindFree), free: -1, buy: r.Buy, amount: r.MinAmount, get: r.Get,
			repeat: r.Repeat, proRata: r.Rounding == FreeProRata, coupon: r.Coupon, priority: r.Priority}
		if r.FreeSKU != "" {
			idx, ok := e.bySKU[r.FreeSKU]
			if !ok {
				p.addUnknownSKU(f+".free_sku", r.FreeSKU, "not in price list "+e.pl.ID)
			}
			c.free = idx
		}
		c.inScope = make([]bool, len(e.items))
		for k := range e.items {
			it := &e.items[k]
			s := r.Scope
			c.inScope[k] = s.IsZero() || slices.Contains(s.SKUs, it.sku) || (it.group != "" && slices.Contains(s.Groups, it.group))
		}
		if r.Coupon != "" {
			e.freeCoupons[r.Coupon] = true
		}
		e.frees = append(e.frees, c)
	}
	slices.SortStableFunc(e.frees, func(a, b cfree) int {
		if a.priority != b.priority {
			return a.priority - b.priority
		}
		if a.rule.id < b.rule.id {
			return -1
		}
		return 1
	})
}

// freeLines appends to q the free lines every applicable free-item rule
// gives, and returns what each rule gave, for the summary.
func (st *quoteState) freeLines(q *Quote) []SummaryLine {
	e, req := st.e, st.req
	var out []SummaryLine
	for fi := range e.frees {
		c := &e.frees[fi]
		if !inPeriod(req.Date, c.rule.from, c.rule.to) || (c.rule.cond != nil && !c.rule.cond.met(st)) ||
			(c.coupon != "" && !slices.Contains(req.Coupons, c.coupon)) {
			continue
		}
		given := decimal.Zero
		if c.free >= 0 { // the lines in scope together
			var qty, amt exactsum.Running
			for li, ln := range req.Lines {
				if idx := st.lineItem[li]; c.inScope[idx] {
					qty.Add(e.items[idx].inBase(ln.Quantity))
					addProduct(&amt, e.items[idx].price, ln.Quantity)
				}
			}
			vol := qty.Decimal()
			if c.amount.Valid {
				vol = amt.Decimal()
			}
			if n := c.quantity(vol); n.Sign() > 0 {
				given = given.Add(st.freeLine(q, c, c.free, n))
			}
		} else { // each SKU bought, its own quantity, its units counted in
			var order []int32
			var qty []exactsum.Running
			for li, ln := range req.Lines {
				it := &e.items[st.lineItem[li]]
				if !c.inScope[it.base] {
					continue
				}
				k := slices.Index(order, it.base)
				if k < 0 {
					k = len(order)
					order, qty = append(order, it.base), append(qty, exactsum.Running{})
				}
				qty[k].Add(it.inBase(ln.Quantity))
			}
			for k, idx := range order {
				if n := c.quantity(qty[k].Decimal()); n.Sign() > 0 {
					given = given.Add(st.freeLine(q, c, idx, n))
				}
			}
		}
		if !given.IsZero() {
			out = append(out, SummaryLine{Kind: KindFree, RuleID: c.rule.id, Name: c.rule.name, Amount: given})
			if c.coupon != "" {
				st.freeCoupons = append(st.freeCoupons, c.coupon)
			}
		}
	}
	return out
}

// quantity is the free quantity a volume earns.
func (c *cfree) quantity(vol decimal.Decimal) decimal.Decimal {
	threshold := c.buy.Decimal
	if c.amount.Valid {
		threshold = c.amount.Decimal
	}
	switch {
	case vol.LessThan(threshold):
		return decimal.Zero
	case !c.repeat:
		return c.get
	case c.proRata:
		return vol.Mul(c.get).DivRound(threshold, quantityDecimals+1).RoundFloor(quantityDecimals)
	}
	return vol.Div(threshold).Floor().Mul(c.get)
}

// freeLine appends the free line of n units of item idx and returns its
// amount (the negated gross).
func (st *quoteState) freeLine(q *Quote, c *cfree, idx int32, n decimal.Decimal) decimal.Decimal {
	e := st.e
	it := &e.items[idx]
	gross := e.mode.Round(it.price.Mul(n), e.minor)
	q.Lines = append(q.Lines, Line{
		SKU: it.sku, Name: it.name, Group: it.group, Quantity: n, ListPrice: it.price, Gross: gross,
		Adjustments:  []Adjustment{{Kind: KindFree, RuleID: c.rule.id, Name: c.rule.name, Rate: hundred.Neg(), Amount: gross.Neg()}},
		NetUnitPrice: decimal.Zero, Net: decimal.Zero, Free: true,
	})
	st.freeItems = append(st.freeItems, idx)
	return gross.Neg()
}
