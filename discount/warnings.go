package discount

import (
	"fmt"
	"slices"
)

// The warnings a quote carries: per line, a guard that bit; per quote,
// an approval still to get and coupons that gave nothing.

func (st *quoteState) floorWarning(it *item) Warning {
	return Warning{Code: WarnFloorReached,
		Message: fmt.Sprintf("%s: the floor of %s %s stopped the discounts", it.sku, it.floor, st.e.pl.Currency)}
}

func (st *quoteState) listBelowFloorWarning(it *item) Warning {
	return Warning{Code: WarnListBelowFloor,
		Message: fmt.Sprintf("%s: the list price %s %s is below the item's floor: no discount can apply", it.sku, it.price, st.e.pl.Currency)}
}

func (st *quoteState) capWarning(sku string) Warning {
	return Warning{Code: WarnCapReached, Message: sku + ": the discounts reached the maximum of " + st.e.rules.MaxDiscount.Decimal.String() + " %"}
}

func overHundredWarning(sku string) Warning {
	return Warning{Code: WarnCapReached, Message: sku + ": the discounts added up to more than 100 %: stopped at 100 %"}
}

// warnings returns the quote-level warnings: approval, and coupons that
// gave nothing.
func (st *quoteState) warnings(appr Approval) []Warning {
	var out []Warning
	if appr.Status == ApprovalPending {
		out = append(out, Warning{Code: WarnApprovalRequired, Message: fmt.Sprintf(
			"the manager discount of %s %% exceeds %q's limit of %s %%: %q must approve before this quote is an offer",
			appr.Rate, appr.Holder, appr.Limit, appr.Approver)})
	}
	for _, code := range st.req.Coupons {
		rules := st.e.coupons[code]
		applied, active := slices.Contains(st.freeCoupons, code), st.e.freeCoupons[code]
		for _, ri := range rules {
			applied = applied || st.sum[ri].set
			active = active || st.rs[ri].active
		}
		switch {
		case applied:
		case !active:
			out = append(out, Warning{Code: WarnCouponNotApplied, Message: fmt.Sprintf(
				"coupon %q: its promotion is not valid on %s", code, st.req.Date)})
		default:
			out = append(out, Warning{Code: WarnCouponNotApplied, Message: fmt.Sprintf(
				"coupon %q gave nothing: no line is in its scope, or a better rule won under %s", code, st.e.rules.Combination)})
		}
	}
	return out
}
