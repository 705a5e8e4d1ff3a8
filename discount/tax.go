package discount

import (
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// TaxAmount is one tax on a line or over the quote: the base it was
// computed on and the amount.
// The zero TaxAmount is no result: a quote fills every one it carries.
type TaxAmount struct {
	TaxID string `json:"tax_id"`
	Name  string `json:"name,omitempty"`
	// Base is the untaxed amount the rate applied to (under the mixed
	// early-payment mode, after the early discount); for a fixed tax,
	// the quantity's untaxed amount.
	Base   decimal.Decimal `json:"base"`
	Amount decimal.Decimal `json:"amount"`
}

// EarlyPaymentQuote is what an early-payment discount is worth on a
// quote, split as the taxes require ([EarlyPayTax]): the discount on
// the untaxed amount and, under the included mode, on each percentage
// tax.
// The zero EarlyPaymentQuote is none: the request asked for no terms.
type EarlyPaymentQuote struct {
	Terms EarlyPaymentTerms `json:"terms"`
	Mode  EarlyPayTax       `json:"mode,omitzero"`
	// Discount is the whole early-payment discount, Untaxed plus each
	// tax's Tax; AmountIfEarly = Totals.Total − Discount.
	Discount      decimal.Decimal `json:"discount"`
	AmountIfEarly decimal.Decimal `json:"amount_if_early"`
	// Untaxed is the part of the discount on the untaxed amount.
	Untaxed decimal.Decimal `json:"untaxed"`
	// ByTax splits the discount by tax: Base is the discount on the
	// tax's base (for information: it is part of Untaxed), Amount the
	// discount on the tax itself (included mode only).
	ByTax []TaxAmount `json:"by_tax,omitempty"`
}

// ctax is a tax compiled for quoting.
type ctax struct {
	id, name string
	frac     decimal.Decimal // a percentage, as a fraction
	amount   decimal.Decimal // a fixed tax per unit
	fixed    bool
}

// compileTaxes checks the taxes against the price list and gives each
// item the taxes that cover it.
func (e *Engine) compileTaxes(p *problems) {
	for i, x := range e.rules.Taxes.Rates {
		f := "rules.taxes.rates[" + strconv.Itoa(i) + "]"
		for j, sku := range x.Scope.SKUs {
			if _, ok := e.bySKU[sku]; !ok {
				p.addUnknownSKU(f+".scope.skus["+strconv.Itoa(j)+"]", sku, "not in price list "+e.pl.ID)
			}
		}
		for j, g := range x.Scope.Groups {
			if _, ok := e.groupIndex[g]; !ok {
				p.Add(f+".scope.groups["+strconv.Itoa(j)+"]", g, "no item of price list "+e.pl.ID+" is in this group")
			}
		}
		c := ctax{id: x.ID, name: x.label()}
		if x.Percent.Valid {
			c.frac = fraction(x.Percent.Decimal)
		} else {
			checkShape(p, f+".amount", x.Amount.Decimal, e.unitDecimals)
			c.amount, c.fixed = x.Amount.Decimal, true
		}
		e.taxes = append(e.taxes, c)
		for k := range e.items {
			it := &e.items[k]
			if x.Scope.IsZero() || slices.Contains(x.Scope.SKUs, it.sku) || (it.group != "" && slices.Contains(x.Scope.Groups, it.group)) {
				it.taxes = append(it.taxes, int32(i))
			}
		}
	}
}

// taxDecimals is the precision of a tax kept exact under global
// rounding when it is a division (a tax taken out of an included
// price): far below a cent on any real quote, rounded once per tax.
const taxDecimals = perLineDecimals

// taxSum adds up one tax over the quote.
type taxSum struct {
	base, amount, fullBase, extracted decimal.Decimal
	set                               bool
}

// applyTaxes computes the taxes of every line, the quote's tax totals
// and the early-payment split. It runs on decimals, after the lines are
// priced, and only when the rule set has taxes or the request early
// terms.
func (st *quoteState) applyTaxes(q *Quote) {
	e := st.e
	tx := e.rules.Taxes
	perLine := tx.Rounding != TaxGlobal
	round := func(x decimal.Decimal) decimal.Decimal { return e.mode.Round(x, e.minor) }
	keep := func(x decimal.Decimal) decimal.Decimal {
		if perLine {
			return round(x)
		}
		return x
	}
	mode := tx.EarlyPayment
	if mode == 0 {
		mode = EarlyPayIncluded
	}
	terms := st.req.EarlyPayment
	hasTerms := !terms.isZero()
	mixedKeep := one // the share of the base the taxes apply to
	if hasTerms && mode == EarlyPayMixed && len(e.taxes) > 0 {
		mixedKeep = one.Sub(fraction(terms.DiscountRate))
	}

	sums := make([]taxSum, len(e.taxes))
	net, untaxed := decimal.Zero, decimal.Zero
	for li := range q.Lines {
		l := &q.Lines[li]
		it := &e.items[st.itemOf(li)]
		net = net.Add(l.Net)
		rates := decimal.Zero
		for _, ti := range it.taxes {
			if !e.taxes[ti].fixed {
				rates = rates.Add(e.taxes[ti].frac)
			}
		}
		u := l.Net
		var extracted []decimal.Decimal // per tax in it.taxes, out of an included price
		if tx.Included && rates.Sign() > 0 {
			extracted = make([]decimal.Decimal, len(it.taxes))
			for k, ti := range it.taxes {
				if c := &e.taxes[ti]; !c.fixed {
					extracted[k] = keep(l.Net.Mul(c.frac).DivRound(one.Add(rates), taxDecimals))
					u = u.Sub(extracted[k])
				}
			}
		}
		l.Untaxed, l.Tax = u, decimal.Zero
		base := u
		if !mixedKeep.Equal(one) {
			base = u.Mul(mixedKeep)
		}
		for k, ti := range it.taxes {
			c := &e.taxes[ti]
			ta := TaxAmount{TaxID: c.id, Name: c.name, Base: keep(base)}
			switch {
			case c.fixed:
				ta.Base, ta.Amount = u, keep(c.amount.Mul(it.inBase(l.Quantity)))
			case extracted != nil && mixedKeep.Equal(one):
				ta.Amount = extracted[k]
			default:
				ta.Amount = keep(base.Mul(c.frac))
			}
			l.Taxes = append(l.Taxes, ta)
			l.Tax = l.Tax.Add(ta.Amount)
			s := &sums[ti]
			s.base, s.amount, s.fullBase, s.set = s.base.Add(ta.Base), s.amount.Add(ta.Amount), s.fullBase.Add(u), true
			if extracted != nil {
				s.extracted = s.extracted.Add(extracted[k])
			}
		}
		l.Total = l.Untaxed.Add(l.Tax)
		untaxed = untaxed.Add(u)
	}

	t := &q.Totals
	t.Tax = decimal.Zero
	for ti, s := range sums {
		if !s.set {
			continue
		}
		ta := TaxAmount{TaxID: e.taxes[ti].id, Name: e.taxes[ti].name, Base: round(s.base), Amount: round(s.amount)}
		q.Taxes = append(q.Taxes, ta)
		t.Tax = t.Tax.Add(ta.Amount)
		if !perLine && tx.Included {
			net = net.Sub(round(s.extracted)) // each tax taken out of the prices once, rounded once
		}
	}
	t.Untaxed = untaxed
	if !perLine {
		t.Untaxed = round(untaxed)
		if tx.Included {
			t.Untaxed = net
		}
	}
	t.Total = t.Untaxed.Add(t.Tax)
	if hasTerms {
		q.EarlyPayment = st.earlySplit(q, sums, mode)
	}
}

// earlySplit is the early-payment discount on the quote, split by tax.
func (st *quoteState) earlySplit(q *Quote, sums []taxSum, mode EarlyPayTax) EarlyPaymentQuote {
	e := st.e
	terms := st.req.EarlyPayment
	ep := EarlyPaymentQuote{Terms: terms, Mode: mode}
	if len(e.taxes) == 0 {
		ep.Mode = 0
	}
	if terms.DiscountAmount.Valid { // only without taxes, or excluded: off the untaxed amount
		ep.Untaxed = terms.DiscountAmount.Decimal
	} else {
		d := fraction(terms.DiscountRate)
		ep.Untaxed = e.mode.Round(q.Totals.Untaxed.Mul(d), e.minor)
		for ti, s := range sums {
			if !s.set {
				continue
			}
			ta := TaxAmount{TaxID: e.taxes[ti].id, Name: e.taxes[ti].name, Base: e.mode.Round(s.fullBase.Mul(d), e.minor), Amount: decimal.Zero}
			if mode == EarlyPayIncluded && !e.taxes[ti].fixed {
				ta.Amount = e.mode.Round(q.Taxes[len(ep.ByTax)].Amount.Mul(d), e.minor)
			}
			ep.ByTax = append(ep.ByTax, ta)
		}
	}
	ep.Discount = ep.Untaxed
	for _, ta := range ep.ByTax {
		ep.Discount = ep.Discount.Add(ta.Amount)
	}
	ep.AmountIfEarly = q.Totals.Total.Sub(ep.Discount)
	return ep
}

// Invoice turns a quote priced with early-payment terms into the
// invoice those terms apply to: its amount is the quote's Total, due
// NetDays after issued, and its discount the quote's, split by tax, so
// [EarlyPaymentInvoice.Settle] settles it to the cent. A quote without
// early-payment terms is refused.
func (q Quote) Invoice(id string, issued clientele.Date) (EarlyPaymentInvoice, error) {
	ep := q.EarlyPayment
	if ep.Terms.isZero() {
		var p problems
		p.Add("early_payment", nil, "the quote was priced without early-payment terms (Request.EarlyPayment)")
		return EarlyPaymentInvoice{}, p.err()
	}
	inv, err := ep.Terms.Apply(ledger.Invoice{ID: id, Currency: q.Currency, Amount: q.Totals.Total, Issued: issued}, RoundHalfUp)
	if err != nil {
		return EarlyPaymentInvoice{}, err
	}
	inv.Discount, inv.AmountIfEarly = ep.Discount, ep.AmountIfEarly
	return inv, nil
}
