package discount_test

import (
	"os"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// erpCatalog is examples/rules/price-list.json, the price list the ERP
// rule file is written for: the quickstart's catalog with screws per
// piece and per box of 200, and a tool bag to give.
func erpCatalog(t testing.TB) discount.PriceList {
	t.Helper()
	f, err := os.Open("../examples/rules/price-list.json")
	require.NoError(t, err)
	defer f.Close()
	pl, err := clientele.LoadConfig[discount.PriceList](f)
	require.NoError(t, err)
	return pl
}

// TestERPRulesFile loads examples/rules/discount-rules.json, which
// uses every kind of rule the package has, and prices a small order
// whose every amount is worked out by hand below.
func TestERPRulesFile(t *testing.T) {
	f, err := os.Open("../examples/rules/discount-rules.json")
	require.NoError(t, err)
	defer f.Close()
	rules, err := clientele.LoadConfig[discount.Rules](f)
	require.NoError(t, err)
	assert.NotEmpty(t, rules.Prices)
	assert.NotEmpty(t, rules.Volume)
	assert.NotEmpty(t, rules.Segments)
	assert.NotEmpty(t, rules.VIP)
	assert.NotEmpty(t, rules.Loyalty)
	assert.NotEmpty(t, rules.Promotions)
	assert.NotEmpty(t, rules.FreeItems)
	assert.NotEmpty(t, rules.Taxes.Rates)
	e, err := discount.Compile(erpCatalog(t), rules)
	require.NoError(t, err)

	dec := decimal.RequireFromString
	q, err := e.Quote(discount.Request{
		Date: clientele.NewDate(2026, 11, 26), Currency: "EUR",
		Client:  discount.ClientFacts{ID: "c-042", Segments: []string{"A"}},
		Coupons: []string{"WELCOME10"},
		Lines: []discount.LineRequest{
			{SKU: "DRL-18V", Quantity: dec("4")},
			{SKU: "SAW-190", Quantity: dec("1")},
			{SKU: "BIT-SET", Quantity: dec("1")},
			{SKU: "SCR-4x40", Quantity: dec("6"), Unit: "box"},
			{SKU: "GLV-PRO", Quantity: dec("10")},
		},
		EarlyPayment: discount.EarlyPaymentTerms{DiscountRate: dec("2"), DiscountDays: 10, NetDays: 30},
	})
	require.NoError(t, err)

	type want struct {
		sku, net string
		kinds    []discount.Kind
	}
	for i, w := range []want{
		// 4 drills: the contract price 175.00 (gross 756.00 → 700.00,
		// −56.00), then best for client, 5.00 off each (class A) beats the
		// club's 0 %: 170.00 × 4 = 680.00. Cap 175 × 0.75 = 131.25 and
		// floor 121 × 1.10 = 133.10 stay below.
		{"DRL-18V", "680.00", []discount.Kind{discount.KindPrice, discount.KindSegment}},
		// The saw: the coupon's 10.00 off the line: 249.00 − 10.00.
		{"SAW-190", "239.00", []discount.Kind{discount.KindPromotion}},
		// The bit set, 20 % off with a drill in the order: 24.90 × 0.80.
		{"BIT-SET", "19.92", []discount.Kind{discount.KindPromotion}},
		// 6 boxes of 200 = 1,200 pieces reach the 1,000-piece tier, 5 %:
		// the box's 6.40 × 0.95 = 6.08, × 6 = 36.48.
		{"SCR-4x40", "36.48", []discount.Kind{discount.KindVolume}},
		// Gloves at cost + 60 %: 2.70 × 1.60 = 4.32, × 10 = 43.20
		// (−1.80 from 45.00).
		{"GLV-PRO", "43.20", []discount.Kind{discount.KindMargin}},
		// 5 power tools, a pair of gloves per 2: 2 pairs free (9.00).
		{"GLV-PRO", "0", []discount.Kind{discount.KindFree}},
		// List-price amount 756 + 249 + 24.90 + 38.40 + 45 = 1,113.30 ≥
		// 1,000: a bag free (15.00).
		{"BAG", "0", []discount.Kind{discount.KindFree}},
	} {
		l := q.Lines[i]
		assert.Equal(t, w.sku, l.SKU, i)
		assert.True(t, dec(w.net).Equal(l.Net), "%s: want %s, got %s", w.sku, w.net, l.Net)
		var kinds []discount.Kind
		sum := l.Gross
		for _, a := range l.Adjustments {
			kinds = append(kinds, a.Kind)
			sum = sum.Add(a.Amount)
		}
		assert.Equal(t, w.kinds, kinds, w.sku)
		assert.True(t, sum.Equal(l.Net), "%s: gross + adjustments = net", w.sku)
	}
	require.Len(t, q.Lines, 7)
	assert.Equal(t, "box", q.Lines[3].Unit)

	// Gross 1,113.30 + 9.00 + 15.00 of gifts = 1,137.30; net 680 + 239 +
	// 19.92 + 36.48 + 43.20 = 1,018.60; discount 118.70.
	// VAT 20 % per line: 136.00 + 47.80 + 3.98 (3.984) + 7.30 (7.296) +
	// 8.64 = 203.72; recycling fee 0.50 × 5 power tools = 2.50; tax
	// 206.22, total 1,224.82.
	for _, c := range []struct{ name, want string }{
		{"gross", "1137.30"}, {"discount", "118.70"}, {"net", "1018.60"},
		{"untaxed", "1018.60"}, {"tax", "206.22"}, {"total", "1224.82"},
	} {
		got := map[string]decimal.Decimal{
			"gross": q.Totals.Gross, "discount": q.Totals.Discount, "net": q.Totals.Net,
			"untaxed": q.Totals.Untaxed, "tax": q.Totals.Tax, "total": q.Totals.Total,
		}[c.name]
		assert.True(t, dec(c.want).Equal(got), "%s: want %s, got %s", c.name, c.want, got)
	}

	// The client's summary, every concession named, adds up to −118.70:
	// contract −56.00, gloves at cost + 60 % −1.80, screws −1.92, class
	// A −20.00, bit set −4.98, coupon −10.00, gloves free −9.00, bag −15.00.
	var labels []string
	total := decimal.Zero
	for _, s := range q.Summary {
		labels = append(labels, s.Label()+" "+s.Amount.StringFixed(2))
		total = total.Add(s.Amount)
	}
	assert.Equal(t, []string{
		"Contract price, cordless drill -56.00", "Gloves at cost + 60 % -1.80",
		"Screws by the thousand -1.92", "Class A: 5.00 off each drill -20.00",
		"Bit set 20 % off with a drill -4.98", "Welcome coupon: 10.00 off the saw -10.00",
		"A pair of gloves per 2 power tools -9.00", "Free tool bag from 1,000.00 -15.00",
	}, labels)
	assert.True(t, total.Equal(q.Totals.Discount.Neg()))

	// 2/10 net 30, the discount off base and VAT alike (included):
	// 1,018.60 × 2 % = 20.372 → 20.37, 203.72 × 2 % = 4.0744 → 4.07,
	// nothing off the fixed fee: 24.44; paid early 1,224.82 − 24.44 =
	// 1,200.38.
	ep := q.EarlyPayment
	assert.Equal(t, "24.44", ep.Discount.StringFixed(2))
	assert.Equal(t, "1200.38", ep.AmountIfEarly.StringFixed(2))
	inv, err := q.Invoice("INV-ERP-1", clientele.NewDate(2026, 11, 27))
	require.NoError(t, err)
	s, err := inv.Settle([]ledger.Payment{{Date: clientele.NewDate(2026, 12, 7), Amount: ep.AmountIfEarly}})
	require.NoError(t, err)
	assert.True(t, s.Outstanding.IsZero())
	assert.Equal(t, "24.44", s.Discount.StringFixed(2))
}
