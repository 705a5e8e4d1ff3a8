package discount

import (
	"github.com/clientele-go/clientele"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// prepare validates the request against the engine and resolves every
// rule for this client and date.
func (st *quoteState) prepare() (Approval, error) {
	e, req := st.e, st.req
	var p problems
	if p.Date("date", req.Date, true) && !e.pl.validOn(req.Date) {
		p.Add("date", req.Date, "outside the validity of price list "+e.pl.ID+" ("+validity(e.pl.ValidFrom, e.pl.ValidTo)+")")
	}
	switch req.Currency {
	case e.pl.Currency:
	case "":
		p.addCurrency("currency", nil, "is required (the price list is in "+e.pl.Currency+")")
	default:
		p.addCurrency("currency", req.Currency, "the price list is in "+e.pl.Currency)
	}
	c := req.Client
	p.OptionalID("client.id", c.ID)
	checkNames(&p, "client.segments", c.Segments)
	if !c.LoyaltySpend.IsZero() {
		checkMoney(&p, "client.loyalty_spend", c.LoyaltySpend, e.minor+maxExtraDecimals)
	}
	st.checkLines(&p)
	st.payFor(&p, req.Payment)
	if t := req.EarlyPayment; !t.isZero() {
		p.Merge("early_payment", t.Validate())
		if t.DiscountAmount.Valid {
			checkShape(&p, "early_payment.discount_amount", t.DiscountAmount.Decimal, e.minor)
			if len(e.taxes) > 0 && e.rules.Taxes.EarlyPayment != EarlyPayExcluded {
				p.Add("early_payment.discount_amount", t.DiscountAmount.Decimal, "under taxes, a fixed early-payment discount comes off the untaxed amount only (early_payment mode excluded): the included and mixed modes need a rate")
			}
		}
	}
	checkNames(&p, "coupons", req.Coupons)
	for i, code := range req.Coupons {
		if _, ok := e.coupons[code]; !ok && !e.freeCoupons[code] && code != "" {
			p.Add("coupons["+strconv.Itoa(i)+"]", code, "unknown coupon")
		}
	}
	var appr Approval
	if m := req.Manager; !m.Rate.IsZero() || m.By.ID != "" || m.By.Role != "" {
		p.OptionalID("manager.by.id", m.By.ID)
		p.OptionalID("manager.by.role", m.By.Role)
		if checkRate(&p, "manager.rate", m.Rate) {
			appr = approval(e.rules.Authority, m, &p)
			if m.Rate.Sign() > 0 {
				st.mgr, st.hasMgr = e.rate(m.Rate), true
			}
		}
	} else {
		appr = Approval{Status: ApprovalNotRequired}
	}
	st.rs = st.scr.ruleStates()
	st.checkPrior(&p)
	if p.Len() > 0 {
		return Approval{}, p.err()
	}
	st.resolveRules()
	return appr, nil
}

func validity(from, to clientele.Date) string {
	s := "open"
	if !from.IsZero() {
		s = from.String()
	}
	s += " to "
	if to.IsZero() {
		return s + "open"
	}
	return s + to.String()
}

func (st *quoteState) checkLines(p *problems) {
	lines := st.req.Lines
	switch {
	case len(lines) == 0:
		p.Add("lines", nil, "at least one line is required")
		return
	case len(lines) > maxLines:
		p.Addf("lines", len(lines), "more than %d lines", maxLines)
		return
	}
	st.lineItem = st.scr.lineItems(len(lines))
	for i, l := range lines {
		idx, ok := st.e.bySKU[l.SKU]
		if !ok {
			p.addUnknownSKU("lines["+strconv.Itoa(i)+"].sku", l.SKU, "not in price list "+st.e.pl.ID)
		} else if l.Unit != "" && l.Unit != st.e.pl.Items[idx].Unit {
			if u, ok := st.e.units[unitKey{sku: l.SKU, unit: l.Unit}]; ok {
				idx = u
			} else {
				p.Add("lines["+strconv.Itoa(i)+"].unit", l.Unit, "SKU "+l.SKU+" is not sold in this unit")
			}
		}
		st.lineItem[i] = idx
		if l.ManualPrice.Valid {
			mf := "lines[" + strconv.Itoa(i) + "].manual_price"
			checkMoney(p, mf, l.ManualPrice.Decimal, st.e.unitDecimals)
		}
		if plainQuantity(l.Quantity) {
			continue
		}
		f := "lines[" + strconv.Itoa(i) + "].quantity"
		if checkShape(p, f, l.Quantity, quantityDecimals) && l.Quantity.Sign() <= 0 {
			p.Add(f, l.Quantity, "must be above 0")
		}
	}
}

// plainQuantity is the allocation-free check of the usual quantity:
// positive, at most quantityDecimals decimals, within bounds. Anything
// else takes the full check, which names the problem.
func plainQuantity(q decimal.Decimal) bool {
	exp := q.Exponent()
	return q.Sign() > 0 && exp >= -quantityDecimals && exp <= 0 && q.NumDigits()+int(exp) <= maxIntDigits
}

// checkPrior validates the prior purchases and attaches them to their
// cumulative rules.
func (st *quoteState) checkPrior(p *problems) {
	e := st.e
	for i, pv := range st.req.Client.Prior {
		f := "client.prior[" + strconv.Itoa(i) + "]"
		ri, ok := e.ruleIndex[pv.RuleID]
		if !ok || e.crs[ri].vol == nil {
			p.Add(f+".rule_id", pv.RuleID, "no volume rule has this ID")
			continue
		}
		v := e.crs[ri].vol
		if !v.cumulative {
			p.Add(f+".rule_id", pv.RuleID, "the rule is not cumulative")
			continue
		}
		switch v.per {
		case PerItem:
			if _, ok := e.bySKU[pv.Key]; !ok {
				p.addUnknownSKU(f+".key", pv.Key, "a per-item rule needs a SKU of price list "+e.pl.ID)
			}
		case PerGroup:
			if _, ok := e.groupIndex[pv.Key]; !ok {
				p.Add(f+".key", pv.Key, "a per-group rule needs a group of price list "+e.pl.ID)
			}
		case PerOrder:
			if pv.Key != "" {
				p.Add(f+".key", pv.Key, "a per-order rule takes no key")
			}
		}
		if !pv.Quantity.IsZero() {
			checkMoney(p, f+".quantity", pv.Quantity, quantityDecimals)
		}
		if !pv.Amount.IsZero() {
			checkMoney(p, f+".amount", pv.Amount, e.minor+maxExtraDecimals)
		}
		rs := &st.rs[ri]
		if slices.ContainsFunc(rs.prior, func(o PriorVolume) bool { return o.Key == pv.Key }) {
			p.Add(f+".key", pv.Key, "given twice for rule "+pv.RuleID)
			continue
		}
		rs.prior = append(rs.prior, pv)
	}
}
