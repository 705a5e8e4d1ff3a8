package discount

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// ccondition is a Condition compiled for quoting: which items count.
type ccondition struct {
	items       []bool // per item: its lines count
	minQuantity decimal.NullDecimal
	minAmount   decimal.NullDecimal
}

// compileCondition checks a rule's condition against the price list
// and compiles it; nil for none.
func (e *Engine) compileCondition(p *problems, f string, c Condition) *ccondition {
	if c.IsZero() {
		return nil
	}
	for i, sku := range c.SKUs {
		if _, ok := e.bySKU[sku]; !ok {
			p.addUnknownSKU(f+".skus["+strconv.Itoa(i)+"]", sku, "not in price list "+e.pl.ID)
		}
	}
	for i, g := range c.Groups {
		if _, ok := e.groupIndex[g]; !ok {
			p.Add(f+".groups["+strconv.Itoa(i)+"]", g, "no item of price list "+e.pl.ID+" is in this group")
		}
	}
	cc := &ccondition{items: make([]bool, len(e.items)), minQuantity: c.MinQuantity, minAmount: c.MinAmount}
	all := len(c.SKUs) == 0 && len(c.Groups) == 0
	for i := range e.items {
		it := &e.items[i]
		cc.items[i] = all || containsString(c.SKUs, it.sku) || (it.group != "" && containsString(c.Groups, it.group))
	}
	return cc
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// met reports whether the request's lines meet the condition.
func (c *ccondition) met(st *quoteState) bool {
	var qty, amt exactsum.Running
	held := false
	for li, ln := range st.req.Lines {
		idx := st.lineItem[li]
		if !c.items[idx] {
			continue
		}
		held = true
		qty.Add(st.e.items[idx].inBase(ln.Quantity))
		if c.minAmount.Valid {
			addProduct(&amt, st.e.items[idx].price, ln.Quantity)
		}
	}
	switch {
	case !held:
		return false
	case c.minQuantity.Valid && qty.Decimal().LessThan(c.minQuantity.Decimal):
		return false
	case c.minAmount.Valid && amt.Decimal().LessThan(c.minAmount.Decimal):
		return false
	}
	return true
}
