package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFreeItems(t *testing.T) {
	// ERPNext test_pricing_rule_for_product_free_item_rounded_qty_and_recursion:
	// min_qty 3, 1 free per 2 bought (is_recursive, recurse_for 2,
	// round_free_qty): 5 bought → 2 free, 7 → 3 free.
	erp := FreeItemRule{Header: Header{ID: "1per2", Name: "1 free per 2", Priority: 1, Scope: Scope{SKUs: []string{"DRILL"}},
		When: Condition{SKUs: []string{"DRILL"}, MinQuantity: nd("3")}}, Buy: nd("2"), Get: d("1"), Repeat: true}
	proRata := erp
	proRata.Rounding = FreeProRata
	once := erp
	once.Repeat = false
	tests := []struct {
		name string
		rule FreeItemRule
		qty  string
		free string // "" for none
	}{
		{"erpnext 5 → 2", erp, "5", "2"},
		{"erpnext 7 → 3", erp, "7", "3"},
		{"below min_qty 3", erp, "2", ""},
		// Without round_free_qty: 5 / 2 × 1 = 2.5.
		{"pro rata 5 → 2.5", proRata, "5", "2.5"},
		// Not repeated: 1 once 2 are bought, however many.
		{"once", once, "7", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := baseRules(BestForClient)
			r.FreeItems = []FreeItemRule{tt.rule}
			q := mustQuote(t, testPriceList(), r, req(line("DRILL", tt.qty)))
			requireDec(t, tt.qty+"00", q.Lines[0].Net, "the paid line is untouched") // 100.00 a drill
			if tt.free == "" {
				assert.Len(t, q.Lines, 1)
				assert.Empty(t, q.Summary)
				return
			}
			require.Len(t, q.Lines, 2)
			fl := q.Lines[1]
			assert.True(t, fl.Free)
			assert.Equal(t, "DRILL", fl.SKU)
			requireDec(t, tt.free, fl.Quantity)
			requireDec(t, "0", fl.Net)
			requireLineAddsUp(t, fl)
			// The client's summary names the gift and its worth: 100.00 a unit.
			require.Len(t, q.Summary, 1)
			assert.Equal(t, "1 free per 2", q.Summary[0].Label())
			requireDec(t, fl.Gross.Neg().String(), q.Summary[0].Amount)
			requireDec(t, q.Totals.Net.String(), q.Totals.Gross.Sub(q.Totals.Discount), "net = gross − discount")
			requireDec(t, tt.qty+"00", q.Totals.Net)
		})
	}
}

func TestFreeItemOfAnotherItemAndOrderLevel(t *testing.T) {
	r := baseRules(BestForClient)
	r.FreeItems = []FreeItemRule{
		// Buy 2 tools (drills and saws together), get a pair of gloves
		// free (ERPNext test_pricing_rule_for_product_discount_on_different_item).
		{Header: Header{ID: "gloves", Name: "Gloves with your tools", Priority: 1, Scope: Scope{Groups: []string{"tools"}}},
			Buy: nd("2"), Get: d("1"), FreeSKU: "GLOVE", Repeat: true},
		// From 500.00 ordered, 100 screws free: an order-level gift.
		{Header: Header{ID: "screws", Name: "Screws on us", Priority: 2}, MinAmount: nd("500"), Get: d("100"), FreeSKU: "SCREW"},
	}
	// 1 drill + 3 saws = 4 tools: 2 pairs of gloves (2 × 10.00); the
	// order is 100 + 750 = 850.00 ≥ 500: 100 screws (5.00).
	q := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"), line("SAW", "3")))
	require.Len(t, q.Lines, 4)
	assert.Equal(t, "GLOVE", q.Lines[2].SKU)
	requireDec(t, "2", q.Lines[2].Quantity)
	assert.Equal(t, "SCREW", q.Lines[3].SKU)
	requireDec(t, "100", q.Lines[3].Quantity)
	requireDec(t, "875", q.Totals.Gross, "850 + 20 + 5")
	requireDec(t, "25", q.Totals.Discount)
	requireDec(t, "850", q.Totals.Net)
	require.Len(t, q.Summary, 2)
	requireDec(t, "-20", q.Summary[0].Amount)
	requireDec(t, "-5", q.Summary[1].Amount)

	// Below both thresholds: nothing.
	q = mustQuote(t, testPriceList(), r, req(line("DRILL", "1")))
	assert.Len(t, q.Lines, 1)

	bad := baseRules(BestForClient)
	bad.FreeItems = []FreeItemRule{
		{Header: Header{ID: "a", Priority: 1}, Get: d("0")},
		{Header: Header{ID: "b", Priority: 1}, MinAmount: nd("10"), Get: d("1"), Rounding: 9},
	}
	err := bad.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	for _, f := range []string{"free_items[0].buy", "free_items[0].get", "free_items[1].free_sku", "free_items[1].rounding"} {
		assert.Contains(t, err.Error(), f)
	}
	bad.FreeItems = []FreeItemRule{{Header: Header{ID: "c", Priority: 1}, Buy: nd("1"), Get: d("1"), FreeSKU: "NAIL"}}
	_, err = Compile(testPriceList(), bad)
	require.ErrorIs(t, err, ErrUnknownSKU)
}

func TestFreeItemCouponAndTaxes(t *testing.T) {
	r := baseRules(BestForClient)
	r.Taxes = Taxes{Rates: []Tax{{ID: "vat", Percent: nd("20")}}}
	r.FreeItems = []FreeItemRule{{Header: Header{ID: "gift", Priority: 1}, Buy: nd("1"), Get: d("1"), FreeSKU: "GLOVE", Coupon: "GIFT"}}
	rq := req(line("DRILL", "1"))
	q := mustQuote(t, testPriceList(), r, rq)
	assert.Len(t, q.Lines, 1, "no coupon, no gift")
	rq.Coupons = []string{"GIFT"}
	q = mustQuote(t, testPriceList(), r, rq)
	require.Len(t, q.Lines, 2)
	assert.Empty(t, q.Warnings, "the coupon gave something")
	// A free line has no tax: 20 % of 100.00 is the whole tax.
	requireDec(t, "0", q.Lines[1].Tax)
	requireDec(t, "20", q.Totals.Tax)
	requireDec(t, "120", q.Totals.Total)
}
