package discount

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Unit is another unit an item is sold in: a box of 10 pieces, a pallet
// of 40 boxes. Factor is how many of the item's own units it holds; its
// price is UnitPrice when given (a box may cost less than 10 pieces),
// else Factor × the item's unit price. A line ordered in a unit
// ([LineRequest].Unit) is priced per that unit, its quantity and hints
// given in it, while everything that counts (volume tiers, conditions,
// free items) counts the item's own units, as ERPNext counts the stock
// quantity: 1 box of 5 reaches a "from 5" tier (its
// test_pricing_rule_for_stock_qty). Amounts per unit, fixed prices,
// margins in amount and fixed taxes are per the item's own unit and
// scale by Factor: a rule rate of 101 is 1,010 for a box of 10 (ERPNext
// test_item_price_with_blank_uom_pricing_rule).
// The zero Unit is not valid: the price list asks for its name and a
// factor above 0.
type Unit struct {
	Name      string              `json:"name"`
	Factor    decimal.Decimal     `json:"factor"`
	UnitPrice decimal.NullDecimal `json:"unit_price,omitzero"`
}

// maxUnits bounds the units of one item.
const maxUnits = 20

func checkUnits(p *problems, f string, it Item, decimals int32) {
	if len(it.Units) > maxUnits {
		p.Addf(f+".units", len(it.Units), "more than %d units", maxUnits)
		return
	}
	if len(it.Units) == 0 {
		return
	}
	seen := map[string]string{}
	if it.Unit != "" {
		seen[it.Unit] = f + ".unit"
	}
	for i, u := range it.Units {
		fu := f + ".units[" + strconv.Itoa(i) + "]"
		checkKey(p, fu, ".name", u.Name, "unit", seen)
		if checkShape(p, fu+".factor", u.Factor, quantityDecimals) && u.Factor.Sign() <= 0 {
			p.Add(fu+".factor", u.Factor, "must be above 0")
		}
		if u.UnitPrice.Valid {
			checkMoney(p, fu+".unit_price", u.UnitPrice.Decimal, decimals)
		}
	}
}

// compileUnits adds, after the items, one compiled item per unit an
// item is sold in, priced per that unit and pointing back to the item.
func (e *Engine) compileUnits(p *problems) {
	n := len(e.items)
	for i := range n {
		src := e.pl.Items[i]
		for k, u := range src.Units {
			f := "price_list.items[" + strconv.Itoa(i) + "].units[" + strconv.Itoa(k) + "]"
			base := &e.items[i]
			price := u.UnitPrice.Decimal
			if !u.UnitPrice.Valid {
				price = base.price.Mul(u.Factor)
				if !checkShape(&problems{}, "", price, e.unitDecimals) {
					p.Addf(f+".unit_price", nil, "is required: %s × %s = %s is finer than the unit-price precision", u.Factor, base.price, price)
					continue
				}
			} else {
				checkShape(p, f+".unit_price", price, e.unitDecimals)
			}
			ci := *base
			ci.price, ci.list, ci.unit, ci.factor, ci.factorAt = price, e.num(price), u.Name, u.Factor, e.num(u.Factor)
			ci.cost.mul(&base.cost, &ci.factorAt)
			ci.capAt.ceil(ci.capAt.mul(&ci.list, &e.capFactor), e.unitDecimals)
			ci.hasFloor, ci.listBelowFloor = false, false
			if base.hasFloor { // the item's floor per its own unit, times the factor, at most the unit's price
				var fl num
				floor := fl.mul(&base.floorAt, &ci.factorAt).decimal()
				ci.floor, ci.hasFloor = decimal.Min(floor, price), true
				ci.listBelowFloor = base.listBelowFloor || floor.GreaterThan(price)
				ci.floorAt = e.num(ci.floor)
			}
			e.units[unitKey{sku: ci.sku, unit: u.Name}] = int32(len(e.items))
			e.items = append(e.items, ci)
		}
	}
}

// unitKey names an item in one of its units.
type unitKey struct{ sku, unit string }

// inBase converts a quantity of item it's unit to the item's own units.
func (it *item) inBase(q decimal.Decimal) decimal.Decimal {
	if it.factor.IsZero() {
		return q
	}
	return q.Mul(it.factor)
}
