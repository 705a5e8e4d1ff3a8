package discount

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// erpPriceList is ERPNext's test fixture: one item at a price-list rate
// of 1,000 (test_pricing_rule.py sets si.items[0].price_list_rate = 1000).
func erpPriceList() PriceList {
	return PriceList{ID: "erp", Currency: "EUR", Items: []Item{
		{SKU: "TEST", Group: "products", UnitPrice: d("1000"), Cost: nd("600")},
		{SKU: "FLASK", Group: "products", UnitPrice: d("100")},
	}}
}

func kindsOf(l Line) []Kind {
	var out []Kind
	for _, a := range l.Adjustments {
		out = append(out, a.Kind)
	}
	return out
}

// Values of ERPNext's own tests (erpnext/accounts/doctype/pricing_rule/
// test_pricing_rule.py), each reproduced with a price rule and a
// discount rule.
func TestPriceRulesERPNext(t *testing.T) {
	margin10 := PriceRule{Header: Header{ID: "margin", Priority: 1, Scope: Scope{SKUs: []string{"TEST"}}},
		Margin: Margin{Base: BaseList, Percent: nd("10")}}
	tests := []struct {
		name  string
		rules func(r *Rules)
		sku   string
		want  string // net unit price
		kinds []Kind
	}{
		{
			// test_pricing_rule_with_margin_and_discount: rate with margin
			// 1000 × 1.10 = 1100, 10 % off it: 1100 − 110 = 990.
			name: "margin then percent", sku: "TEST", want: "990",
			rules: func(r *Rules) {
				r.Prices = []PriceRule{margin10}
				r.Promotions = []PromotionRule{{Header: Header{ID: "ten", Priority: 1}, Rate: d("10")}}
			},
			kinds: []Kind{KindMargin, KindPromotion},
		},
		{
			// test_pricing_rule_with_margin_and_discount_amount: 1100, less
			// a discount amount of 110 = 990.
			name: "margin then amount", sku: "TEST", want: "990",
			rules: func(r *Rules) {
				r.Prices = []PriceRule{margin10}
				r.Promotions = []PromotionRule{{Header: Header{ID: "off110", Priority: 1}, AmountOff: AmountOff{Amount: d("110"), Per: AmountPerUnit}}}
			},
			kinds: []Kind{KindMargin, KindPromotion},
		},
		{
			// test_item_price_with_pricing_rule: Water Flask at 100 with a
			// 2 % margin: rate_with_margin = rate = 102.
			name: "margin only", sku: "FLASK", want: "102",
			rules: func(r *Rules) {
				r.Prices = []PriceRule{{Header: Header{ID: "m2", Priority: 1}, Margin: Margin{Base: BaseList, Percent: nd("2")}}}
			},
			kinds: []Kind{KindMargin},
		},
		{
			// test_item_price_with_blank_uom_pricing_rule (per stock unit):
			// a rule rate of 101 replaces the price-list rate of 100.
			name: "fixed price", sku: "FLASK", want: "101",
			rules: func(r *Rules) {
				r.Prices = []PriceRule{{Header: Header{ID: "rate101", Priority: 1}, Price: nd("101")}}
			},
			kinds: []Kind{KindPrice},
		},
		{
			// erpnext PR 41211: 10 % and an amount of 100 on a 1,000 rate,
			// both applying, must give 200 off (ERPNext gave 100): additive,
			// 1000 − 100 − 100 = 800.
			name: "percent and amount add up (erpnext 41211)", sku: "TEST", want: "800",
			rules: func(r *Rules) {
				r.Combination = Additive
				r.Promotions = []PromotionRule{
					{Header: Header{ID: "p10", Priority: 1}, Rate: d("10")},
					{Header: Header{ID: "a100", Priority: 2}, AmountOff: AmountOff{Amount: d("100"), Per: AmountPerUnit}},
				}
			},
			kinds: []Kind{KindPromotion, KindPromotion},
		},
		{
			// Compounding, amount first: (1000 − 100) × 0.90 = 810.
			name: "amount then percent compounding", sku: "TEST", want: "810",
			rules: func(r *Rules) {
				r.Combination = Compounding
				r.Promotions = []PromotionRule{
					{Header: Header{ID: "a100", Priority: 1}, AmountOff: AmountOff{Amount: d("100"), Per: AmountPerUnit}},
					{Header: Header{ID: "p10", Priority: 2}, Rate: d("10")},
				}
			},
			kinds: []Kind{KindPromotion, KindPromotion},
		},
		{
			// best_for_client compares what comes off a unit: 10 % of 1000 =
			// 100 beats an amount of 90 (1000 − 100 = 900); on FLASK, 10 % of
			// 100 = 10 loses to 90 (100 − 90 = 10).
			name: "best for client, rate wins", sku: "TEST", want: "900",
			rules: func(r *Rules) {
				r.Combination = BestForClient
				r.Promotions = []PromotionRule{
					{Header: Header{ID: "p10", Priority: 1}, Rate: d("10")},
					{Header: Header{ID: "a90", Priority: 2}, AmountOff: AmountOff{Amount: d("90"), Per: AmountPerUnit}},
				}
			},
			kinds: []Kind{KindPromotion},
		},
		{
			name: "best for client, amount wins", sku: "FLASK", want: "10",
			rules: func(r *Rules) {
				r.Combination = BestForClient
				r.Promotions = []PromotionRule{
					{Header: Header{ID: "p10", Priority: 1}, Rate: d("10")},
					{Header: Header{ID: "a90", Priority: 2}, AmountOff: AmountOff{Amount: d("90"), Per: AmountPerUnit}},
				}
			},
			kinds: []Kind{KindPromotion},
		},
		{
			// An amount past the price stops at zero, shown as a cap:
			// 100 − 150 → 0, the cap giving back 50.
			name: "amount past the price", sku: "FLASK", want: "0",
			rules: func(r *Rules) {
				r.Promotions = []PromotionRule{{Header: Header{ID: "a150", Priority: 1}, AmountOff: AmountOff{Amount: d("150"), Per: AmountPerUnit}}}
			},
			kinds: []Kind{KindPromotion, KindCap},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := baseRules(FirstMatch)
			tt.rules(&r)
			q := mustQuote(t, erpPriceList(), r, req(line(tt.sku, "1")))
			l := q.Lines[0]
			requireDec(t, tt.want, l.NetUnitPrice)
			assert.Equal(t, tt.kinds, kindsOf(l))
			requireLineAddsUp(t, l)
		})
	}
}

func requireLineAddsUp(t *testing.T, l Line) {
	t.Helper()
	sum := l.Gross
	for _, a := range l.Adjustments {
		sum = sum.Add(a.Amount)
	}
	requireDec(t, l.Net.String(), sum, "gross + adjustments = net on "+l.SKU)
}

func TestAmountPerLine(t *testing.T) {
	r := baseRules(FirstMatch)
	r.Promotions = []PromotionRule{{Header: Header{ID: "line10", Name: "10.00 off the line", Priority: 1},
		AmountOff: AmountOff{Amount: d("10"), Per: AmountPerLine}}}
	// 3 drills at 100.00: 300.00 − 10.00 = 290.00 exactly, shown at
	// 96.67 each (290 / 3 = 96.666…); the line total is not 3 × 96.67 =
	// 290.01: it is the exact total rounded once, like a graduated line.
	q := mustQuote(t, testPriceList(), r, req(line("DRILL", "3")))
	l := q.Lines[0]
	requireDec(t, "290.00", l.Net)
	requireDec(t, "96.67", l.NetUnitPrice)
	require.Len(t, l.Adjustments, 1)
	a := l.Adjustments[0]
	requireDec(t, "-10.00", a.Amount)
	requireDec(t, "-10", a.AmountOff)
	assert.Equal(t, AmountPerLine, a.AmountPer)
	require.Len(t, q.Summary, 1)
	assert.Equal(t, "10.00 off the line", q.Summary[0].Label())
	requireDec(t, "-10.00", q.Summary[0].Amount)

	// The total never rises with the quantity, though the unit price
	// does: 1 drill 90.00, 2 drills 190.00 (95.00 each).
	one := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0]
	two := mustQuote(t, testPriceList(), r, req(line("DRILL", "2"))).Lines[0]
	requireDec(t, "90.00", one.Net)
	requireDec(t, "190.00", two.Net)
	requireDec(t, "95.00", two.NetUnitPrice)
}

func TestPriceRuleConditionsAndGuards(t *testing.T) {
	r := baseRules(BestForClient)
	r.MaxDiscount = nd("20")
	r.Floor.MinMarkup = nd("10")
	r.Prices = []PriceRule{
		// Client c-042 pays 42.00 for a drill (list 100.00, floor 66.00):
		// below the floor, so the floor lifts it to 66.00.
		{Header: Header{ID: "c42", Priority: 1, Scope: Scope{SKUs: []string{"DRILL"}}}, Clients: []string{"c-042"}, Price: nd("42.00")},
		// Segment A pays cost + 50 % on tools: drill 60 × 1.5 = 90.00,
		// saw 150 × 1.5 = 225.00.
		{Header: Header{ID: "a-cost", Priority: 2, Scope: Scope{Groups: []string{"tools"}}}, Segments: []string{"A"}, Margin: Margin{Base: BaseCost, Percent: nd("50")}},
	}
	r.Segments = []SegmentRule{{Header: Header{ID: "segA", Priority: 1}, Segment: "A", Rate: d("30")}}
	e, err := Compile(testPriceList(), r)
	require.NoError(t, err)

	rq := req(line("DRILL", "1"), line("SAW", "2"))
	rq.Client = ClientFacts{ID: "c-042"}
	q, err := e.Quote(rq)
	require.NoError(t, err)
	requireDec(t, "66.00", q.Lines[0].NetUnitPrice)
	assert.Equal(t, []Kind{KindPrice, KindFloor}, kindsOf(q.Lines[0]))
	assert.Equal(t, WarnFloorReached, q.Lines[0].Warnings[0].Code)
	requireDec(t, "250.00", q.Lines[1].NetUnitPrice, "no rule for the saw")

	// Segment A: the margin sets 90.00, then 30 % off that is 63.00,
	// which the 20 % cap, taken from the price set, holds at 72.00
	// (90 × 0.80); the floor of 66.00 is below it.
	rq.Client = ClientFacts{ID: "c-007", Segments: []string{"A"}}
	q, err = e.Quote(rq)
	require.NoError(t, err)
	requireDec(t, "72.00", q.Lines[0].NetUnitPrice)
	assert.Equal(t, []Kind{KindMargin, KindSegment, KindCap}, kindsOf(q.Lines[0]))
	requireDec(t, "90", q.Lines[0].Adjustments[0].UnitPrice)
	requireDec(t, "50", q.Lines[0].Adjustments[0].Rate)
	requireDec(t, "-10.00", q.Lines[0].Adjustments[0].Amount)
	// The saw: 225.00, 30 % off → 157.50, capped at 180.00 (225 × 0.80).
	requireDec(t, "180.00", q.Lines[1].NetUnitPrice)
	for _, l := range q.Lines {
		requireLineAddsUp(t, l)
	}
	assert.Equal(t, KindMargin, q.Summary[0].Kind)
	requireDec(t, "-60.00", q.Summary[0].Amount, "−10.00 on the drill, 2 × −25.00 on the saws")
}

func TestPriceRuleCompileChecks(t *testing.T) {
	r := baseRules(BestForClient)
	r.Prices = []PriceRule{
		{Header: Header{ID: "a", Priority: 1}, Price: nd("10")},
		// erpnext 43048: two margin rules on one item, one silently
		// overwriting the other; here the tie is refused.
		{Header: Header{ID: "b", Priority: 1, Scope: Scope{SKUs: []string{"DRILL"}}}, Margin: Margin{Base: BaseList, Percent: nd("5")}},
	}
	_, err := Compile(testPriceList(), r)
	require.ErrorIs(t, err, ErrConflict)
	assert.Contains(t, err.Error(), "rules.prices[1].priority")

	pl := testPriceList()
	pl.Items[0].Cost = decimal.NullDecimal{}
	r.Prices = []PriceRule{{Header: Header{ID: "c", Priority: 1}, Margin: Margin{Base: BaseCost, Amount: nd("5")}}}
	_, err = Compile(pl, r)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "price_list.items[0].cost")

	bad := baseRules(BestForClient)
	bad.Prices = []PriceRule{
		{Header: Header{ID: "x", Priority: 1}},
		{Header: Header{ID: "y", Priority: 2}, Price: nd("1"), Margin: Margin{Base: BaseList, Percent: nd("1")}},
		{Header: Header{ID: "z", Priority: 3}, Margin: Margin{Percent: nd("1"), Amount: nd("1")}},
	}
	bad.Promotions = []PromotionRule{{Header: Header{ID: "w", Priority: 1}, Rate: d("5"), AmountOff: AmountOff{Amount: d("-1")}}}
	err = bad.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	for _, f := range []string{"prices[0].price", "prices[1].margin", "prices[2].margin.base", "prices[2].margin.percent",
		"promotions[0].amount_off.per", "promotions[0].amount_off.amount", "promotions[0].rate"} {
		assert.Contains(t, err.Error(), f)
	}

	// Under first_match a volume rule may not come before an amount per
	// line: once its tier is reached it would replace a sum that can be
	// all of a small line.
	fm := baseRules(FirstMatch)
	fm.Volume = []VolumeRule{{Header: Header{ID: "vol", Priority: 1}, Per: PerItem, Basis: BasisQuantity, Mode: AllUnits,
		Tiers: []Tier{{Min: d("10"), Rate: d("5")}}}}
	fm.Promotions = []PromotionRule{{Header: Header{ID: "line", Priority: 2}, AmountOff: AmountOff{Amount: d("20"), Per: AmountPerLine}}}
	_, err = Compile(testPriceList(), fm)
	require.ErrorIs(t, err, ErrConflict)
	// An amount per unit is measured against the list price: 4.00 off
	// the 100.00 drill is 4 %, below the volume rule's 5 %: accepted on
	// the drill, but 4.00 off the 10.00 glove is 40 %: refused.
	fm.Promotions = []PromotionRule{{Header: Header{ID: "unit", Priority: 2, Scope: Scope{SKUs: []string{"DRILL"}}}, AmountOff: AmountOff{Amount: d("4"), Per: AmountPerUnit}}}
	_, err = Compile(testPriceList(), fm)
	require.NoError(t, err)
	fm.Promotions[0].Scope = Scope{SKUs: []string{"GLOVE"}}
	_, err = Compile(testPriceList(), fm)
	require.ErrorIs(t, err, ErrConflict)
}

func TestManualPriceAndIgnoreRules(t *testing.T) {
	r := baseRules(BestForClient)
	r.Floor.MinMarkup = nd("10")
	r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: 1}, Rate: d("10")}}
	rq := req(
		LineRequest{SKU: "DRILL", Quantity: d("2"), ManualPrice: nd("80.00")}, // agreed elsewhere
		LineRequest{SKU: "SAW", Quantity: d("1"), IgnoreRules: true},
		line("GLOVE", "1"),
	)
	rq.Client = ClientFacts{VIP: true}
	q := mustQuote(t, testPriceList(), r, rq)
	// Drill: 80.00 by hand, no VIP discount: 2 × 80 = 160.00, the manual
	// step −40.00 from the gross 200.00; the floor (66.00) is below.
	requireDec(t, "160.00", q.Lines[0].Net)
	assert.True(t, q.Lines[0].RulesOff)
	assert.Equal(t, []Kind{KindManual}, kindsOf(q.Lines[0]))
	requireDec(t, "-40.00", q.Lines[0].Adjustments[0].Amount)
	// Saw: the rules are off, the list price stands.
	requireDec(t, "250.00", q.Lines[1].Net)
	assert.True(t, q.Lines[1].RulesOff)
	assert.Empty(t, q.Lines[1].Adjustments)
	// Gloves: VIP 10 % off 10.00 = 9.00, floored at 10.00 (its list
	// price is below cost + 10 %): the rules ran.
	assert.False(t, q.Lines[2].RulesOff)

	var labels []string
	for _, s := range q.Summary {
		labels = append(labels, s.Label())
	}
	assert.Contains(t, labels, "Agreed price")

	// The whole request: no rule anywhere.
	rq.IgnoreRules = true
	q = mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "10.00", q.Lines[2].Net)
	assert.True(t, q.Lines[2].RulesOff)

	// A manual price under the floor is lifted to it, with a warning.
	rq = req(LineRequest{SKU: "DRILL", Quantity: d("1"), ManualPrice: nd("50")})
	q = mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "66.00", q.Lines[0].Net)
	assert.Equal(t, []Kind{KindManual, KindFloor}, kindsOf(q.Lines[0]))

	_, err := NewQuote(testPriceList(), r, req(LineRequest{SKU: "DRILL", Quantity: d("1"), ManualPrice: nd("-1")}))
	require.ErrorIs(t, err, clientele.ErrInvalid)
	assert.Contains(t, err.Error(), "lines[0].manual_price")
}

// A price rule with a condition on other lines could, once ordering more
// meets it, swap the starting price for a higher one: refused.
func TestPriceRuleTakesNoCondition(t *testing.T) {
	r := baseRules(BestForClient)
	r.Prices = []PriceRule{{Header: Header{ID: "p", Priority: 1, When: Condition{SKUs: []string{"SAW"}}},
		Margin: Margin{Base: BaseList, Percent: nd("50")}}}
	err := r.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "prices[0].when")
}
