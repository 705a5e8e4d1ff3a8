package discount

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele/ledger"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// odooPriceList holds the prices of Odoo's early-payment tests
// (addons/account/tests/test_early_payment_discount.py): items taxed at
// 15 % (product_a's tax), untaxed, and one with a fixed tax of 0.05.
func odooPriceList() PriceList {
	return PriceList{ID: "odoo", Currency: "EUR", Items: []Item{
		{SKU: "P1500", Group: "taxed", UnitPrice: d("1500")},
		{SKU: "P1000", Group: "taxed", UnitPrice: d("1000")},
		{SKU: "P50", Group: "taxed", UnitPrice: d("50")},
		{SKU: "FIXED1000", Group: "taxed", UnitPrice: d("1000")},
		{SKU: "P2000", UnitPrice: d("2000")},
		{SKU: "P121", UnitPrice: d("121")},
	}}
}

func odooTaxes(mode EarlyPayTax) Taxes {
	return Taxes{EarlyPayment: mode, Rates: []Tax{
		{ID: "tax15", Name: "15 %", Percent: nd("15"), Scope: Scope{Groups: []string{"taxed"}}},
		{ID: "fixed005", Name: "Test 0.05", Amount: nd("0.05"), Scope: Scope{SKUs: []string{"P50", "FIXED1000"}}},
	}}
}

func earlyTerms(rate string) EarlyPaymentTerms {
	return EarlyPaymentTerms{DiscountRate: d(rate), DiscountDays: 10, NetDays: 30}
}

func TestTaxesAndEarlyPaymentOdoo(t *testing.T) {
	tests := []struct {
		name  string // Odoo's test
		mode  EarlyPayTax
		rate  string
		lines []LineRequest
		// untaxed, tax and total of the quote; the early discount, what
		// settles it early, and the discount on the taxes.
		untaxed, tax, total, discount, early, taxDiscount string
	}{
		// 1500 + 15 % = 1725; paid early 1552.50: 150.00 off the base,
		// 22.50 off the tax.
		{"test_register_discounted_payment_on_single_out_invoice_with_tax", EarlyPayIncluded, "10",
			[]LineRequest{line("P1500", "1")}, "1500", "225", "1725", "172.5", "1552.5", "22.5"},
		// 50 + 7.50 + 0.05 = 57.55; paid early 51.80: 5.00 off the base,
		// 0.75 off the 15 %, nothing off the fixed tax.
		{"test_register_discounted_payment_on_single_invoice_with_fixed_tax_2", EarlyPayIncluded, "10",
			[]LineRequest{line("P50", "1")}, "50", "7.55", "57.55", "5.75", "51.8", "0.75"},
		// 1000 + 150 and 2000 untaxed = 3150; the discount, never on
		// the tax, is 10 % of 3000: 2850 early.
		{"test_register_payment_batch_excluded", EarlyPayExcluded, "10",
			[]LineRequest{line("P1000", "1"), line("P2000", "1")}, "3000", "150", "3150", "300", "2850", "0"},
		// The tax on the discounted base from the start: 15 % of 900 =
		// 135, total 3135, 2835 early.
		{"test_register_payment_batch_mixed", EarlyPayMixed, "10",
			[]LineRequest{line("P1000", "1"), line("P2000", "1")}, "3000", "135", "3135", "300", "2835", "0"},
		// Mixed with a fixed tax: 135 + 0.05, total 1135.05.
		{"test_fixed_tax_amount_discounted_payment_mixed", EarlyPayMixed, "10",
			[]LineRequest{line("FIXED1000", "1")}, "1000", "135.05", "1135.05", "100", "1035.05", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := baseRules(BestForClient)
			r.Taxes = odooTaxes(tt.mode)
			rq := req(tt.lines...)
			rq.EarlyPayment = earlyTerms(tt.rate)
			q := mustQuote(t, odooPriceList(), r, rq)
			requireDec(t, tt.untaxed, q.Totals.Untaxed, "untaxed")
			requireDec(t, tt.tax, q.Totals.Tax, "tax")
			requireDec(t, tt.total, q.Totals.Total, "total")
			ep := q.EarlyPayment
			requireDec(t, tt.discount, ep.Discount, "discount")
			requireDec(t, tt.early, ep.AmountIfEarly, "amount if early")
			taxDiscount := ep.Discount.Sub(ep.Untaxed)
			requireDec(t, tt.taxDiscount, taxDiscount, "discount on the taxes")
			for _, l := range q.Lines {
				requireDec(t, l.Total.String(), l.Untaxed.Add(l.Tax), "line total = untaxed + tax")
				assert.False(t, l.Tax.IsNegative())
			}

			// The invoice, paid early in full, is settled to the cent.
			inv, err := q.Invoice("INV-1", day(2019, time.January, 1))
			require.NoError(t, err)
			s, err := inv.Settle([]ledger.Payment{{Date: day(2019, time.January, 2), Amount: ep.AmountIfEarly}})
			require.NoError(t, err)
			requireDec(t, tt.discount, s.Discount)
			requireDec(t, "0", s.Outstanding)
			requireDec(t, tt.total, s.Settled)
		})
	}
}

// Odoo's test_mixed_epd_with_tax_included: 121.00 including 21 %, under
// 2/10 mixed, is 100.00 untaxed and a tax of 21 % of 98.00 = 20.58,
// total 120.58; test_mixed_epd_with_draft_invoice: 1000 at 10 % under
// 10 % mixed is taxed 90 (base 900), total 1090.
func TestMixedEarlyPaymentTaxes(t *testing.T) {
	r := baseRules(BestForClient)
	r.Taxes = Taxes{Included: true, EarlyPayment: EarlyPayMixed, Rates: []Tax{{ID: "vat21", Percent: nd("21")}}}
	rq := req(line("P121", "1"))
	rq.EarlyPayment = earlyTerms("2")
	q := mustQuote(t, odooPriceList(), r, rq)
	requireDec(t, "121", q.Lines[0].Net)
	requireDec(t, "100", q.Totals.Untaxed)
	requireDec(t, "20.58", q.Totals.Tax)
	requireDec(t, "120.58", q.Totals.Total)
	requireDec(t, "98", q.Taxes[0].Base)

	r.Taxes = Taxes{EarlyPayment: EarlyPayMixed, Rates: []Tax{{ID: "wonder", Name: "WonderTax", Percent: nd("10")}}}
	rq = req(line("P1000", "1"))
	rq.EarlyPayment = earlyTerms("10")
	q = mustQuote(t, odooPriceList(), r, rq)
	requireDec(t, "90", q.Totals.Tax)
	requireDec(t, "1090", q.Totals.Total)
	requireDec(t, "900", q.Lines[0].Taxes[0].Base)
}

// Rounding per line or globally (Odoo's tax_calculation_rounding_method),
// worked by hand.
func TestTaxRounding(t *testing.T) {
	pl := PriceList{ID: "r", Currency: "EUR", Items: []Item{
		{SKU: "A", UnitPrice: d("1.05")}, {SKU: "B", UnitPrice: d("1.05")}, {SKU: "C", UnitPrice: d("1.05")},
		{SKU: "X", UnitPrice: d("10.00")}, {SKU: "Y", UnitPrice: d("10.00")}, {SKU: "Z", UnitPrice: d("10.00")},
	}}
	excl := req(line("A", "1"), line("B", "1"), line("C", "1"))
	incl := req(line("X", "1"), line("Y", "1"), line("Z", "1"))
	for _, tc := range []struct {
		name                  string
		included              bool
		rounding              TaxRounding
		rq                    Request
		lineTax, tax, untaxed string
	}{
		// 10 % of 1.05 = 0.105: per line 0.11 each, 0.33; globally
		// 3 × 0.105 = 0.315, 0.32 once.
		{"excluded per line", false, TaxPerLine, excl, "0.11", "0.33", "3.15"},
		{"excluded globally", false, TaxGlobal, excl, "0.105", "0.32", "3.15"},
		// 10.00 including 21 %: 10 × 0.21 / 1.21 = 1.7355…: per line 1.74
		// each, 5.22, untaxed 3 × 8.26 = 24.78; globally 30 × 0.21 / 1.21
		// = 5.2066… → 5.21, untaxed 30.00 − 5.21 = 24.79. The total stays
		// 30.00 either way: no 0.01 residue (the class of odoo/odoo
		// 271032).
		{"included per line", true, TaxPerLine, incl, "1.74", "5.22", "24.78"},
		{"included globally", true, TaxGlobal, incl, "", "5.21", "24.79"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := baseRules(BestForClient)
			rate := "10"
			if tc.included {
				rate = "21"
			}
			r.Taxes = Taxes{Included: tc.included, Rounding: tc.rounding, Rates: []Tax{{ID: "vat", Percent: nd(rate)}}}
			q := mustQuote(t, pl, r, tc.rq)
			if tc.lineTax != "" {
				requireDec(t, tc.lineTax, q.Lines[0].Tax)
			}
			requireDec(t, tc.tax, q.Totals.Tax)
			requireDec(t, tc.untaxed, q.Totals.Untaxed)
			if tc.included {
				requireDec(t, "30", q.Totals.Total)
			}
		})
	}
}

// A line's tax is computed after every discount: 20 % off a 100.00
// drill leaves 80.00, taxed 10 % = 8.00.
func TestTaxAfterDiscounts(t *testing.T) {
	r := baseRules(BestForClient)
	r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: 1}, Rate: d("20")}}
	r.Taxes = Taxes{Rates: []Tax{{ID: "vat", Percent: nd("10"), Scope: Scope{Groups: []string{"tools"}}}}}
	rq := req(line("DRILL", "1"), line("SCREW", "10"))
	rq.Client.VIP = true
	q := mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "80", q.Lines[0].Untaxed)
	requireDec(t, "8", q.Lines[0].Tax)
	requireDec(t, "0", q.Lines[1].Tax, "screws are in no taxed group")
	requireDec(t, "88.4", q.Totals.Total, "80 + 8 + 0.40 of screws")
}

func TestTaxChecks(t *testing.T) {
	r := baseRules(BestForClient)
	r.Taxes = Taxes{Rounding: 9, EarlyPayment: 9, Rates: []Tax{
		{ID: "a"}, {ID: "a", Percent: nd("120")}, {ID: "b", Percent: nd("5"), Amount: nd("1")},
	}}
	err := r.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	for _, f := range []string{"taxes.rounding", "taxes.early_payment", "taxes.rates[0].percent", "taxes.rates[1].id", "taxes.rates[1].percent", "taxes.rates[2].percent"} {
		assert.Contains(t, err.Error(), f)
	}

	r.Taxes = odooTaxes(EarlyPayIncluded)
	rq := req(line("P1000", "1"))
	rq.EarlyPayment = EarlyPaymentTerms{DiscountAmount: nd("50"), DiscountDays: 10, NetDays: 30}
	_, err = NewQuote(odooPriceList(), r, rq)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "early_payment.discount_amount")

	// Under the excluded mode a fixed amount comes off the untaxed
	// amount: 1150.00 − 50.00 = 1100.00.
	r.Taxes.EarlyPayment = EarlyPayExcluded
	q, err := NewQuote(odooPriceList(), r, rq)
	require.NoError(t, err)
	requireDec(t, "1100", q.EarlyPayment.AmountIfEarly)

	_, err = mustQuote(t, odooPriceList(), r, req(line("P1000", "1"))).Invoice("x", day(2026, time.January, 1))
	require.ErrorIs(t, err, ErrInvalid)
}
