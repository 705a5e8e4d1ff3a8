package discount

import (
	"bytes"
	"encoding/json"
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// FuzzLoadRules feeds arbitrary bytes to clientele.LoadConfig[Rules]: it must never
// panic, and whatever it accepts must survive a JSON round trip and
// compile against a price list without panicking.
func FuzzLoadRules(f *testing.F) {
	data, err := os.ReadFile("../examples/quickstart/pricing-rules.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	erp, err := os.ReadFile("../examples/rules/discount-rules.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(erp)
	seed, _ := json.Marshal(richRules())
	f.Add(seed)
	f.Add([]byte(`{"currency":"EUR","combination":"first_match","volume":[{"id":"v","priority":1,"per":"item","basis":"quantity","mode":"graduated","tiers":[{"min":"0","rate":"0"},{"min":"1e3","rate":"5"}]}]}`))
	f.Add([]byte(`{"currency":"EUR","combination":"additive","max_discount":"1e-9999"}`))
	f.Add([]byte(`{"currency":"EUR","combination":"compounding","payment":{"method":"cost_of_money","annual_rate":"99.99999999","interest":"compound","day_count":360}}`))
	f.Add([]byte(`{"currency":"EUR","combination":"best_for_client","authority":[{"holder":"a","max":"5","approved_by":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := clientele.LoadConfig[Rules](bytes.NewReader(data))
		if err != nil {
			return
		}
		out, err := json.Marshal(r)
		require.NoError(t, err)
		back, err := clientele.LoadConfig[Rules](bytes.NewReader(out))
		require.NoError(t, err, "a loaded rule set must reload: %s", out)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(out), string(again))
		e, err := Compile(testPriceList(), r)
		if err != nil {
			return
		}
		_, _ = e.Quote(req(line("DRILL", "3"), line("SCREW", "150")))
	})
}

// FuzzQuote prices arbitrary quantities, rates, tiers and terms: the
// engine must never panic, and every quote it returns must reconcile
// (gross + adjustments = net, line by line and in total) and never be
// negative.
func FuzzQuote(f *testing.F) {
	f.Add(uint8(3), "20", "10", "45", "10", true, "2", uint8(2), "30", 30, false)
	f.Add(uint8(2), "100", "100", "0.000001", "0", false, "0", uint8(0), "", 0, true)
	f.Add(uint8(1), "0", "99.99999999", "999999999", "1e9", true, "100", uint8(6), "0", 3650, false)
	f.Add(uint8(4), "12.5", "0.5", "1e-6", "0.000001", false, "", uint8(1), "100", 1, true)
	f.Fuzz(func(t *testing.T, policy uint8, rate1, rate2, qty, tierMin string, graduated bool, managerRate string, extra uint8, maxDiscount string, days int, prepay bool) {
		dec := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		mode := AllUnits
		if graduated {
			mode = Graduated
		}
		r := baseRules(Policy(policy % 5))
		r.ExtraUnitDecimals = int32(extra % 8)
		r.Volume = []VolumeRule{{Header: Header{ID: "v", Priority: 1}, Per: PerGroup, Basis: BasisQuantity, Mode: mode,
			Tiers: []Tier{{Min: decimal.Zero, Rate: decimal.Zero}, {Min: dec(tierMin), Rate: dec(rate1)}}}}
		r.Promotions = []PromotionRule{{Header: Header{ID: "p", Priority: 2}, Rate: dec(rate2)}}
		if maxDiscount != "" {
			r.MaxDiscount = decimal.NewNullDecimal(dec(maxDiscount))
		}
		r.Floor.MinMarkup = decimal.NewNullDecimal(decimal.NewFromInt(5))
		r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("9.5"), Interest: CompoundInterest}
		r.Authority = authority.Limits{{Holder: "m", Max: d("10"), ApprovedBy: "boss"}, {Holder: "boss", Max: d("100")}}
		rq := req(LineRequest{SKU: "DRILL", Quantity: dec(qty)}, line("SAW", "2"), line("GLOVE", "1"))
		rq.Payment = PaymentTiming{Days: days, Prepayment: prepay}
		rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m1", Role: "m"}, Rate: dec(managerRate)}
		q, err := NewQuote(testPriceList(), r, rq)
		if err != nil {
			return
		}
		net := decimal.Zero
		for _, l := range q.Lines {
			sum := l.Gross
			for _, a := range l.Adjustments {
				sum = sum.Add(a.Amount)
			}
			require.True(t, sum.Equal(l.Net), "line %s: %s + adjustments != %s", l.SKU, l.Gross, l.Net)
			require.True(t, l.NetUnitPrice.Sign() >= 0 && l.Net.Sign() >= 0, "negative price %s", l.NetUnitPrice)
			net = net.Add(l.Net)
		}
		require.True(t, net.Equal(q.Totals.Net))
		require.True(t, q.Totals.Gross.Sub(q.Totals.Discount).Add(q.Totals.Surcharge).Equal(q.Totals.Net))
	})
}

// FuzzParseEarlyPaymentTerms: no panic, and what parses prints back to
// terms that parse to the same.
func FuzzParseEarlyPaymentTerms(f *testing.F) {
	for _, s := range []string{"2/10 net 30", "2/10, n/30", "1.5/15 N45", "99.99999999/0 net 3650", "2/10 net", "٣/10 net 30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms, err := ParseEarlyPaymentTerms(s)
		if err != nil {
			return
		}
		back, err := ParseEarlyPaymentTerms(terms.String())
		require.NoError(t, err)
		require.True(t, back.DiscountRate.Equal(terms.DiscountRate))
		require.Equal(t, terms.DiscountDays, back.DiscountDays)
		require.Equal(t, terms.NetDays, back.NetDays)
		_, err = terms.AnnualCost(terms.NetDays)
		require.NoError(t, err)
	})
}

// FuzzQuoteERP prices the kinds ERPNext and Odoo users bring (amounts
// off, fixed and margin prices, manual prices, conditions, free items,
// units, taxes and early payment) from arbitrary numbers: never a
// panic, and every quote reconciles, no price or tax is negative, and
// Total = Untaxed + Tax on every line and in total.
func FuzzQuoteERP(f *testing.F) {
	f.Add("5", false, "42", "10", "", "3", "20", true, false, uint8(1), "2", "2", "1", "10")
	f.Add("150", true, "", "0", "80", "0.5", "0", false, true, uint8(3), "10", "1", "0.5", "0.5")
	f.Add("1e9", true, "1e-9", "1000", "0", "999999999", "100", true, true, uint8(2), "99.99999999", "1e-6", "1e6", "3")
	f.Fuzz(func(t *testing.T, amount string, perLine bool, price, margin, manual, qty, vat string, included, global bool, mode uint8, early, buy, get, factor string) {
		dec := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		per := AmountPerUnit
		if perLine {
			per = AmountPerLine
		}
		rounding := TaxPerLine
		if global {
			rounding = TaxGlobal
		}
		pl := testPriceList()
		pl.Items[2].Units = []Unit{{Name: "box", Factor: dec(factor)}}
		r := baseRules(Policy(1 + mode%4))
		r.Floor.MinMarkup = decimal.NewNullDecimal(decimal.NewFromInt(5))
		r.Promotions = []PromotionRule{
			{Header: Header{ID: "off", Priority: 1, When: Condition{Groups: []string{"tools"}}}, AmountOff: AmountOff{Amount: dec(amount), Per: per}},
			{Header: Header{ID: "pct", Priority: 2}, Rate: dec(margin)},
		}
		r.Prices = []PriceRule{
			{Header: Header{ID: "fixed", Priority: 1, Scope: Scope{SKUs: []string{"DRILL"}}}, Price: decimal.NewNullDecimal(dec(price))},
			{Header: Header{ID: "margin", Priority: 2, Scope: Scope{Groups: []string{"tools"}}}, Margin: Margin{Base: BaseCost, Percent: decimal.NewNullDecimal(dec(margin))}},
		}
		r.FreeItems = []FreeItemRule{{Header: Header{ID: "free", Priority: 1}, Buy: decimal.NewNullDecimal(dec(buy)), Get: dec(get), Repeat: true, Rounding: FreeRounding(1 + mode%2)}}
		r.Taxes = Taxes{Included: included, Rounding: rounding, EarlyPayment: EarlyPayTax(1 + mode%3), Rates: []Tax{
			{ID: "vat", Percent: decimal.NewNullDecimal(dec(vat))},
			{ID: "fee", Amount: nd("0.5"), Scope: Scope{Groups: []string{"tools"}}},
		}}
		lines := []LineRequest{{SKU: "DRILL", Quantity: dec(qty)}, {SKU: "SAW", Quantity: d("2"), ManualPrice: decimal.NewNullDecimal(dec(manual))},
			{SKU: "SCREW", Quantity: dec(qty), Unit: "box"}, line("GLOVE", "1")}
		if manual == "" {
			lines[1].ManualPrice = decimal.NullDecimal{}
		}
		rq := req(lines...)
		rq.EarlyPayment = EarlyPaymentTerms{DiscountRate: dec(early), DiscountDays: 10, NetDays: 30}
		q, err := NewQuote(pl, r, rq)
		if err != nil {
			return
		}
		requireQuoteReconciles(t, q)
	})
}

// requireQuoteReconciles checks what every quote must hold: each line's
// gross plus adjustments is its net, no price or tax is negative, a
// line's total is its untaxed amount plus its tax, and the totals are
// the lines'.
func requireQuoteReconciles(t *testing.T, q Quote) {
	t.Helper()
	net, tax := decimal.Zero, decimal.Zero
	for _, l := range q.Lines {
		sum := l.Gross
		for _, a := range l.Adjustments {
			sum = sum.Add(a.Amount)
		}
		require.True(t, sum.Equal(l.Net), "line %s: %s + adjustments != %s", l.SKU, l.Gross, l.Net)
		require.True(t, l.NetUnitPrice.Sign() >= 0 && l.Net.Sign() >= 0, "negative price %s", l.NetUnitPrice)
		require.True(t, l.Tax.Sign() >= 0 && l.Untaxed.Sign() >= 0, "line %s: negative tax %s or untaxed %s", l.SKU, l.Tax, l.Untaxed)
		for _, ta := range l.Taxes {
			require.True(t, ta.Amount.Sign() >= 0, "line %s: negative %s", l.SKU, ta.TaxID)
		}
		require.True(t, l.Total.Equal(l.Untaxed.Add(l.Tax)), "line %s: total %s != %s + %s", l.SKU, l.Total, l.Untaxed, l.Tax)
		net = net.Add(l.Net)
		tax = tax.Add(l.Tax)
	}
	require.True(t, net.Equal(q.Totals.Net))
	require.True(t, q.Totals.Gross.Sub(q.Totals.Discount).Add(q.Totals.Surcharge).Equal(q.Totals.Net))
	require.True(t, q.Totals.Tax.Sign() >= 0)
	require.True(t, q.Totals.Total.Equal(q.Totals.Untaxed.Add(q.Totals.Tax)))
	if ep := q.EarlyPayment; !ep.Discount.IsZero() {
		require.True(t, ep.AmountIfEarly.Equal(q.Totals.Total.Sub(ep.Discount)))
		require.True(t, ep.Discount.Sign() > 0 && ep.AmountIfEarly.Sign() > 0)
	}
}
