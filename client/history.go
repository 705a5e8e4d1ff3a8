package client

import (
	"fmt"
	"strings"
	"time"

	"github.com/clientele-go/clientele/internal/repeats"
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
	Orders     int       `json:"orders"`
	FirstOrder time.Time `json:"first_order,omitzero"`
	LastOrder  time.Time `json:"last_order,omitzero"`
	// Total is the sum of the order amounts, in the host's single
	// reporting currency (see [Order]). It is never negative: returns and
	// credit notes are not orders.
	Total decimal.Decimal `json:"total"`
}

// HasOrders reports whether the client ordered at least once.
func (h History) HasOrders() bool { return h.Orders > 0 }

// Validate reports every problem with the history at once. It checks
// shape only; the calculations also refuse order dates after their
// as-of date.
func (h History) Validate() error {
	var p validate.Problems
	historyCheck(&p, "", h, time.Time{})
	return p.Err(ErrInvalid)
}

// historyMaxExp bounds the decimal exponent of an amount: more than 30
// decimal places, or a scale above 10^30, is no money anyone books. The
// bound also keeps every comparison cheap: shopspring compares two
// decimals by rescaling one to the other's exponent, which costs as many
// digits as the exponents differ, so unbounded exponents in a hostile
// input would stall a ranking.
const historyMaxExp = 30

func historyAmountOK(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -historyMaxExp && e <= historyMaxExp
}

// historyAmountReason is the problem reported for an amount outside the
// bound.
var historyAmountReason = fmt.Sprintf("is out of range for an amount: more than %d decimal places or a scale above 10^%d", historyMaxExp, historyMaxExp)

// historyOK is the allocation-free fast path of historyCheck, so that a
// million good histories cost a few comparisons each; only a bad one is
// examined again to name its problems. A zero asOf skips the future check.
func historyOK(h History, asOf time.Time) bool {
	if strings.TrimSpace(h.ClientID) == "" || h.Orders < 0 || h.Total.Sign() < 0 || !historyAmountOK(h.Total) {
		return false
	}
	if h.Orders == 0 {
		return h.FirstOrder.IsZero() && h.LastOrder.IsZero() && h.Total.Sign() == 0
	}
	if h.FirstOrder.IsZero() || h.LastOrder.IsZero() || h.LastOrder.Before(h.FirstOrder) {
		return false
	}
	return asOf.IsZero() || !h.LastOrder.After(asOf)
}

// historyCheck records every problem with h under prefix (such as
// "histories[3]"). Each reason names the client, so a problem found among
// a million histories points at the record to fix.
func historyCheck(p *validate.Problems, prefix string, h History, asOf time.Time) {
	field := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + "." + name
	}
	who := fmt.Sprintf("client %q: ", h.ClientID)
	if strings.TrimSpace(h.ClientID) == "" {
		p.Add(field("client_id"), nil, "is required")
		who = ""
	}
	switch {
	case h.Orders < 0:
		p.Add(field("orders"), h.Orders, who+"must not be negative")
	case h.Orders == 0:
		if !h.FirstOrder.IsZero() {
			p.Add(field("first_order"), h.FirstOrder.Format(time.RFC3339), who+"must be empty when the client has no orders")
		}
		if !h.LastOrder.IsZero() {
			p.Add(field("last_order"), h.LastOrder.Format(time.RFC3339), who+"must be empty when the client has no orders")
		}
		if h.Total.Sign() != 0 {
			p.Add(field("total"), h.Total, who+"must be zero when the client has no orders")
		}
	default:
		if h.FirstOrder.IsZero() {
			p.Add(field("first_order"), nil, who+"is required when the client has orders")
		}
		if h.LastOrder.IsZero() {
			p.Add(field("last_order"), nil, who+"is required when the client has orders")
		}
		if !h.FirstOrder.IsZero() && h.LastOrder.Before(h.FirstOrder) {
			p.Add(field("last_order"), h.LastOrder.Format(time.RFC3339), who+"is before first_order "+h.FirstOrder.Format(time.RFC3339))
		}
	}
	if h.Total.Sign() < 0 {
		p.Add(field("total"), h.Total, who+"must not be negative")
	}
	if !historyAmountOK(h.Total) {
		p.Add(field("total"), h.Total, who+historyAmountReason)
	}
	if !asOf.IsZero() {
		for _, d := range []struct {
			name string
			t    time.Time
		}{{"first_order", h.FirstOrder}, {"last_order", h.LastOrder}} {
			if d.t.After(asOf) {
				p.Add(field(d.name), d.t.Format(time.RFC3339), who+"is after the as-of date "+asOf.Format(time.RFC3339))
			}
		}
	}
}

// historyMaxProblems caps how many faulty records one error lists: a
// systematic fault in a million-client input would otherwise build an
// error of a million lines. The count of the rest is still reported.
const historyMaxProblems = 100

// historyInputCheck validates a client base of histories: not empty, no
// duplicate client, every history sound as of asOf. It reports at most
// historyMaxProblems faulty records, then how many more there were.
func historyInputCheck(p *validate.Problems, field string, hs []History, asOf time.Time) {
	if len(hs) == 0 {
		p.Add(field, nil, "the client base is empty")
		return
	}
	bad := 0
	for i := range hs {
		if historyOK(hs[i], asOf) {
			continue
		}
		bad++
		if bad <= historyMaxProblems {
			historyCheck(p, fmt.Sprintf("%s[%d]", field, i), hs[i], asOf)
		}
	}
	if bad > historyMaxProblems {
		p.Addf(field, nil, "%d more faulty histories not listed", bad-historyMaxProblems)
	}
	historyDuplicates(p, field, "client_id", len(hs), func(i int) string { return hs[i].ClientID })
}

// historyDuplicates reports every ID (the field idField of records
// field[0..n-1]) that appears more than once, naming the index of each
// repeat and of the first occurrence (capped like historyInputCheck).
// Empty IDs are left to the field checks.
func historyDuplicates(p *validate.Problems, field, idField string, n int, id func(int) string) {
	dups := repeats.Find(n, id)
	for k, r := range dups {
		if k == historyMaxProblems {
			p.Addf(field, nil, "%d more repeated %s values not listed", len(dups)-historyMaxProblems, idField)
			break
		}
		p.Addf(fmt.Sprintf("%s[%d].%s", field, r.At, idField), id(r.At), "repeats %s[%d]: each %s appears once", field, r.First, idField)
	}
}

// historyDays returns the whole days elapsed from t to asOf: the elapsed
// time divided by 24 hours, rounded down (what pandas'
// Timedelta.days gives in the public RFM tutorials). Two instants 47
// hours apart are 1 day apart. It works on Unix seconds, so it neither
// saturates like time.Duration (292 years) nor depends on time zones.
func historyDays(t, asOf time.Time) int64 {
	secs := asOf.Unix() - t.Unix()
	if asOf.Nanosecond() < t.Nanosecond() {
		secs--
	}
	days := secs / 86400
	if secs < 0 && secs%86400 != 0 {
		days--
	}
	return days
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
			p.Addf(fmt.Sprintf("client_ids[%d]", i), id, "repeats client_ids[%d]: each client appears once", j)
			continue
		}
		index[id] = i
		out[i].ClientID = id
	}
	bad := 0
	for i, o := range orders {
		var q validate.Problems
		prefix := fmt.Sprintf("orders[%d]", i)
		j, known := index[o.ClientID]
		switch {
		case o.ClientID == "":
			q.Add(prefix+".client_id", nil, "is required")
		case !known:
			q.Add(prefix+".client_id", o.ClientID, "is not in the client base")
		}
		if o.Date.IsZero() {
			q.Add(prefix+".date", nil, "is required")
		}
		if o.Amount.Sign() < 0 {
			q.Add(prefix+".amount", o.Amount, "must not be negative: returns and credit notes are not orders")
		}
		if !historyAmountOK(o.Amount) {
			q.Add(prefix+".amount", o.Amount, historyAmountReason)
		}
		if q.Len() > 0 {
			bad++
			if bad <= historyMaxProblems {
				p.Merge("", q.Err(ErrInvalid))
			}
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
	if bad > historyMaxProblems {
		p.Addf("orders", nil, "%d more faulty orders not listed", bad-historyMaxProblems)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	return out, nil
}
