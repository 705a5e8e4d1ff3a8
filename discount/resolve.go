package discount

import (
	"slices"

	"github.com/shopspring/decimal"
)

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

// resolveRules decides, once per request, which rules apply to this
// client on this date and at which rate for the rules whose rate does
// not depend on the lines.
func (st *quoteState) resolveRules() {
	e, req := st.e, st.req
	for i := range e.crs {
		c := &e.crs[i]
		rs := &st.rs[i]
		rs.active = inPeriod(req.Date, c.from, c.to) && (c.cond == nil || c.cond.met(st))
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
	st.resolvePrices()
}
