package client

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// History is what the segmentations need to know about one client's
// orders: how many, the first and the last date, and the total amount.
// RFM ranks clients on it, rule segments test "new" and "dormant" on it,
// the client rating reads repeat orders and tenure from it.
//
// Build histories from orders with [Histories], or fill them from the
// host's own aggregate query (one GROUP BY over the orders table is far
// cheaper than shipping millions of orders into the process).
type History struct {
	ClientID string `json:"client_id"`
	// Orders is the number of orders. Zero means the client never
	// ordered; then both dates are zero and Total is zero.
	Orders int `json:"orders"`
	// FirstOrder and LastOrder are the days of the first and the last
	// order: recency and tenure are whole calendar days.
	FirstOrder clientele.Date `json:"first_order,omitzero"`
	LastOrder  clientele.Date `json:"last_order,omitzero"`
	// Total is the sum of the order amounts, in the host's single
	// reporting currency (see [Order]). It is never negative: returns and
	// credit notes are not orders.
	Total decimal.Decimal `json:"total"`
}

// HasOrders reports whether the client ordered at least once.
func (h History) HasOrders() bool { return h.Orders > 0 }

// Validate reports every problem with the history at once. It checks
// shape only; ValidateAsOf also refuses order dates after an as-of date.
func (h History) Validate() error { return h.ValidateAsOf(clientele.Date{}) }

// ValidateAsOf reports every problem with the history at once, as
// Validate does, plus an order dated after asOf (an unset or invalid
// asOf skips that check: the caller reports its own as-of date): the calculations that take an as-of date check their
// histories with it. A good history costs a few comparisons and no
// allocation.
func (h History) ValidateAsOf(asOf clientele.Date) error {
	if historyOK(h, asOf) {
		return nil
	}
	var p validate.Problems
	historyCheck(&p, "", h, asOf)
	return p.Err(ErrInvalid)
}

// historyOK is the allocation-free fast path of historyCheck, so that a
// million good histories cost a few comparisons each; only a bad one is
// examined again to name its problems. An unset or invalid asOf skips
// the future check.
func historyOK(h History, asOf clientele.Date) bool {
	if strings.TrimSpace(h.ClientID) == "" || h.Orders < 0 || h.Total.Sign() < 0 || !validate.InRange(h.Total) {
		return false
	}
	if h.Orders == 0 {
		return h.FirstOrder.IsZero() && h.LastOrder.IsZero() && h.Total.Sign() == 0
	}
	if !h.FirstOrder.IsValid() || !h.LastOrder.IsValid() || h.LastOrder.Before(h.FirstOrder) {
		return false
	}
	return !asOf.IsValid() || !h.LastOrder.After(asOf)
}

// historyCheck records every problem with h under prefix (such as
// "histories[3]"). Each reason names the client, so a problem found among
// a million histories points at the record to fix.
func historyCheck(p *validate.Problems, prefix string, h History, asOf clientele.Date) {
	who := fmt.Sprintf("client %q: ", h.ClientID)
	if strings.TrimSpace(h.ClientID) == "" {
		p.Add(validate.Path(prefix, "client_id"), nil, "is required")
		who = ""
	}
	switch {
	case h.Orders < 0:
		p.Add(validate.Path(prefix, "orders"), h.Orders, who+"must not be negative")
	case h.Orders == 0:
		if !h.FirstOrder.IsZero() {
			p.Add(validate.Path(prefix, "first_order"), h.FirstOrder, who+"must be empty when the client has no orders")
		}
		if !h.LastOrder.IsZero() {
			p.Add(validate.Path(prefix, "last_order"), h.LastOrder, who+"must be empty when the client has no orders")
		}
		if h.Total.Sign() != 0 && validate.InRange(h.Total) {
			p.Add(validate.Path(prefix, "total"), h.Total, who+"must be zero when the client has no orders")
		}
	default:
		for _, d := range []struct {
			name string
			d    clientele.Date
		}{{"first_order", h.FirstOrder}, {"last_order", h.LastOrder}} {
			switch {
			case d.d.IsZero():
				p.Add(validate.Path(prefix, d.name), nil, who+"is required when the client has orders")
			case !d.d.IsValid():
				p.Add(validate.Path(prefix, d.name), nil, who+"is not a calendar date in years 1-9999")
			}
		}
		if h.FirstOrder.IsValid() && h.LastOrder.IsValid() && h.LastOrder.Before(h.FirstOrder) {
			p.Add(validate.Path(prefix, "last_order"), h.LastOrder, who+"is before first_order "+h.FirstOrder.String())
		}
	}
	switch {
	case !validate.InRange(h.Total):
		p.Add(validate.Path(prefix, "total"), validate.Sci(h.Total), who+validate.RangeReason)
	case h.Total.Sign() < 0:
		p.Add(validate.Path(prefix, "total"), h.Total, who+"must not be negative")
	}
	if asOf.IsValid() {
		for _, d := range []struct {
			name string
			d    clientele.Date
		}{{"first_order", h.FirstOrder}, {"last_order", h.LastOrder}} {
			if d.d.IsValid() && d.d.After(asOf) {
				p.Add(validate.Path(prefix, d.name), d.d, who+"is after the as-of date "+asOf.String())
			}
		}
	}
}

// Histories builds one History per client of the base from orders, in the
// order of clientIDs. A client without orders gets a History with Orders
// 0, so the calculations can report it instead of silently dropping it.
//
// Errors (all reported at once, client.ErrInvalid): an empty base, a
// repeated client ID, an order with no client, a client not in the base,
// no date, or a negative or out-of-range amount (more than 30 decimal
// places).
func Histories(clientIDs []string, orders []Order) ([]History, error) {
	var p validate.Problems
	p.Limit("orders", validate.MaxListed)
	if len(clientIDs) == 0 {
		p.Add("client_ids", nil, "the client base is empty")
		return nil, p.Err(ErrInvalid)
	}
	index := make(map[string]int, len(clientIDs))
	out := make([]History, len(clientIDs))
	for i, id := range clientIDs {
		if strings.TrimSpace(id) == "" {
			p.Addf(fmt.Sprintf("client_ids[%d]", i), nil, "is required")
			continue
		}
		if j, seen := index[id]; seen {
			p.Add(fmt.Sprintf("client_ids[%d]", i), id, validate.RepeatReason("client_ids", j, "client ID"))
			continue
		}
		index[id] = i
		out[i].ClientID = id
	}
	for i, o := range orders {
		j, known := index[o.ClientID]
		if !known || !o.Date.IsValid() || o.Amount.Sign() < 0 || !validate.InRange(o.Amount) {
			historyOrderCheck(&p, i, o, known)
			continue
		}
		h := &out[j]
		if h.Orders == 0 || o.Date.Before(h.FirstOrder) {
			h.FirstOrder = o.Date
		}
		if h.Orders == 0 || o.Date.After(h.LastOrder) {
			h.LastOrder = o.Date
		}
		h.Orders++
		h.Total = h.Total.Add(o.Amount)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	return out, nil
}

// historyOrderCheck records the problems of orders[i], an order Histories
// cannot count; known says whether its client is in the base.
func historyOrderCheck(p *validate.Problems, i int, o Order, known bool) {
	prefix := fmt.Sprintf("orders[%d]", i)
	switch {
	case o.ClientID == "":
		p.Add(prefix+".client_id", nil, "is required")
	case !known:
		p.Add(prefix+".client_id", o.ClientID, "is not in the client base")
	}
	p.Date(prefix+".date", o.Date, true)
	switch {
	case !validate.InRange(o.Amount):
		p.Add(prefix+".amount", validate.Sci(o.Amount), validate.RangeReason)
	case o.Amount.Sign() < 0:
		p.Add(prefix+".amount", o.Amount, "must not be negative: returns and credit notes are not orders")
	}
}
