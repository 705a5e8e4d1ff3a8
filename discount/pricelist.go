package discount

import (
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// PriceList is the company's list of unit prices: one currency, an
// optional validity period, and one entry per SKU. It is the base every
// quote starts from (step 1 of the order of operations in the package
// documentation).
// The zero PriceList is not valid: Validate names its missing ID,
// currency and items.
type PriceList struct {
	ID string `json:"id"`
	// Currency is the ISO 4217 code of every price in the list; its minor
	// unit fixes where line totals are rounded (2 for EUR, 0 for JPY).
	Currency string `json:"currency"`
	// ValidFrom and ValidTo bound the calendar days on which the list
	// may price a quote, both days included; an unset date leaves that
	// end open.
	ValidFrom clientele.Date `json:"valid_from,omitzero"`
	ValidTo   clientele.Date `json:"valid_to,omitzero"`
	Items     []Item         `json:"items"`
}

// Item is one price-list entry.
// The zero Item is not valid: its SKU is required.
type Item struct {
	SKU  string `json:"sku"`
	Name string `json:"name,omitempty"`
	// Group is the item group (category) rules can target.
	Group string `json:"group,omitempty"`
	// UnitPrice is the list price of one unit, before any discount. It
	// may carry more decimals than the currency's minor unit (0.0125 per
	// screw) up to the rule set's unit-price precision.
	UnitPrice decimal.Decimal `json:"unit_price"`
	// Cost is the unit cost, optional; a floor by minimum markup needs it.
	Cost decimal.NullDecimal `json:"cost,omitzero"`
	// MinPrice is the lowest unit price this item may be sold at,
	// optional; discounts never take the price below it.
	MinPrice decimal.NullDecimal `json:"min_price,omitzero"`
	// Unit names the item's own unit ("piece"), optional; a line may
	// name it or leave its unit empty.
	Unit string `json:"unit,omitempty"`
	// Units are the other units the item is sold in ([Unit]).
	Units []Unit `json:"units,omitempty"`
}

// maxExtraDecimals is how many decimals finer than the currency's minor
// unit a unit price may be.
const maxExtraDecimals = 6

// Validate reports every problem with the price list at once: an
// unknown currency, a missing or duplicate SKU, a negative price or cost,
// a price finer than the currency allows, an empty validity period.
func (pl PriceList) Validate() error {
	var p problems
	pl.check(&p)
	return p.err()
}

func (pl PriceList) check(p *problems) {
	p.ID("id", pl.ID)
	minor, ok := currency.MinorUnits(pl.Currency)
	if !ok {
		p.addCurrency("currency", pl.Currency, "unknown ISO 4217 currency code")
	}
	checkPeriod(p, "", pl.ValidFrom, pl.ValidTo)
	if len(pl.Items) == 0 {
		p.Add("items", nil, "the price list has no items")
	}
	decimals := minor + maxExtraDecimals
	seen := make(map[string]string, len(pl.Items))
	for i, it := range pl.Items {
		f := "items[" + strconv.Itoa(i) + "]"
		checkKey(p, f, ".sku", it.SKU, "SKU", seen)
		p.OptionalID(f+".group", it.Group)
		p.Text(f+".name", it.Name, validate.MaxTextLen)
		checkMoney(p, f+".unit_price", it.UnitPrice, decimals)
		if it.Cost.Valid {
			checkMoney(p, f+".cost", it.Cost.Decimal, decimals)
		}
		if it.MinPrice.Valid {
			checkMoney(p, f+".min_price", it.MinPrice.Decimal, decimals)
		}
		if it.Unit != "" {
			p.ID(f+".unit", it.Unit)
		}
		checkUnits(p, f, it, decimals)
	}
}

// validOn reports whether the list may price a quote dated d.
func (pl PriceList) validOn(d clientele.Date) bool { return inPeriod(d, pl.ValidFrom, pl.ValidTo) }

// inPeriod reports whether d lies from from to to, both included; an
// unset end is open.
func inPeriod(d, from, to clientele.Date) bool {
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
}

// checkPeriod checks the validity period of a price list or a rule
// (fields prefix+"valid_from" and prefix+"valid_to"): each end a date or
// unset, the end not before the start.
func checkPeriod(p *problems, prefix string, from, to clientele.Date) {
	okFrom := p.Date(prefix+"valid_from", from, false)
	okTo := p.Date(prefix+"valid_to", to, false)
	if okFrom && okTo && !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.Add(prefix+"valid_to", to, "is before valid_from "+from.String())
	}
}

// checkKey checks key, the field suffix of the entry at prefix, as an
// identifier that must be unique: seen maps each key to the prefix of
// the entry that has it first, so a repeat names both entries.
func checkKey(p *problems, prefix, suffix, key, what string, seen map[string]string) {
	p.ID(prefix+suffix, key)
	if first, dup := seen[key]; dup && key != "" {
		p.Addf(prefix+suffix, key, "duplicate %s (also %s)", what, first)
	} else {
		seen[key] = prefix
	}
}
