package abc

import (
	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/pareto"
)

// Item is anything ABC ranks by one value over a period: a SKU by its
// annual usage value (units × unit cost), a supplier by spend, a client
// by a value the host computed. The value is in one currency (or one
// unit) for the whole list.
type Item struct {
	ID string `json:"id"`
	// Value may be negative (an item ranked by a margin that lost
	// money): it is then always C, reason Loss, and left out of the
	// total the shares divide, as a loss-making client's profit is.
	Value decimal.Decimal `json:"value"`
}

// itemNames are the words of the errors of ClassifyItems.
var itemNames = pareto.Names{List: "items", ID: "id", Profit: "value", Noun: "item"}

// ClassifyItems is [Classify] for a list of items: the same ranking (the
// largest value first, equal values by ID), the same exact cuts and
// rules of cfg; cfg.Measure is not read (an item has one value) and may
// be unset. Rows[i] is items[i]; its ClientID holds the item's ID. Use
// [TextbookConfig] to reproduce the ABC tables of inventory textbooks.
//
// Errors (ErrInvalid, every problem listed with its field and value, the
// config's with the input's): invalid thresholds or rules; no items; an
// empty or repeated ID; a value out of range (more than 30 decimal places
// or a scale above 10^30); no positive value at all.
func ClassifyItems(items []Item, cfg Config) (Result, error) {
	rk, err := pareto.RankNamed(items, itemNames, itemFields, true, "value", cfg.validateCuts(), ErrInvalid)
	if err != nil {
		return Result{}, err
	}
	res, sw := cut(&rk, cfg, true)
	for i := range sw.verdicts {
		res.Rows[i] = sw.row(i, items[i].ID, items[i].Value)
	}
	for c, i := range sw.last {
		if i >= 0 {
			res.Classes[c].LastClientID = items[i].ID
		}
	}
	return res, nil
}

// itemFields is what the ranking reads of it: its value, of either sign.
func itemFields(it *Item) pareto.Fields {
	return pareto.Fields{ID: it.ID, Profit: it.Value}
}
