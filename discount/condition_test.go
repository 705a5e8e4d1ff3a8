package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rules on other lines, ERPNext's "apply rule on other": a discount on
// one item when the order holds another item or group, or reaches an
// amount in another group.
func TestConditionsOnOtherLines(t *testing.T) {
	r := baseRules(Additive)
	r.ExtraUnitDecimals = 1 // screws are priced in tenths of a cent
	r.Promotions = []PromotionRule{
		// Screws 20 % off with a drill in the order.
		{Header: Header{ID: "screws-with-drill", Priority: 1, Scope: Scope{SKUs: []string{"SCREW"}},
			When: Condition{SKUs: []string{"DRILL"}}}, Rate: d("20")},
		// Gloves 5.00 off each once the tools reach 500.00 at list prices.
		{Header: Header{ID: "gloves-for-tools", Priority: 2, Scope: Scope{SKUs: []string{"GLOVE"}},
			When: Condition{Groups: []string{"tools"}, MinAmount: nd("500")}}, AmountOff: AmountOff{Amount: d("5"), Per: AmountPerUnit}},
		// 2 % off everything from 3 tools on.
		{Header: Header{ID: "three-tools", Priority: 3, When: Condition{Groups: []string{"tools"}, MinQuantity: nd("3")}}, Rate: d("2")},
	}
	e, err := Compile(testPriceList(), r)
	require.NoError(t, err)

	for _, tc := range []struct {
		name   string
		lines  []LineRequest
		screw  string // screw unit price
		glove  string // glove unit price
		reason string
	}{
		{"nothing else", []LineRequest{line("SCREW", "100"), line("GLOVE", "1")}, "0.05", "10", "no drill, no tools"},
		// 0.05 × 0.80 = 0.04; tools 100.00 < 500: gloves at 10.00.
		{"a drill", []LineRequest{line("SCREW", "100"), line("GLOVE", "1"), line("DRILL", "1")}, "0.04", "10", "screws 20 % off"},
		// Drill 100 + 2 saws 500 = 600 ≥ 500 and 3 tools: screws 0.05 ×
		// (1 − 0.20 − 0.02) = 0.039; gloves 10 − 5 − 0.20 = 4.80.
		{"tools for 600.00", []LineRequest{line("SCREW", "100"), line("GLOVE", "1"), line("DRILL", "1"), line("SAW", "2")}, "0.039", "4.8", "every condition met"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := e.Quote(req(tc.lines...))
			require.NoError(t, err)
			requireDec(t, tc.screw, q.Lines[0].NetUnitPrice, tc.reason)
			requireDec(t, tc.glove, q.Lines[1].NetUnitPrice, tc.reason)
		})
	}
}

func TestConditionChecks(t *testing.T) {
	r := baseRules(FirstMatch)
	r.Promotions = []PromotionRule{
		{Header: Header{ID: "a", Priority: 1, When: Condition{SKUs: []string{"NAIL"}, Groups: []string{"none"}, MinQuantity: nd("-1")}}, Rate: d("5")},
	}
	_, err := Compile(testPriceList(), r)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "rules.promotions[0].when.min_quantity")
	r.Promotions[0].When.MinQuantity = nd("1")
	_, err = Compile(testPriceList(), r)
	require.ErrorIs(t, err, ErrUnknownSKU)
	assert.Contains(t, err.Error(), "rules.promotions[0].when.skus[0]")
	assert.Contains(t, err.Error(), "rules.promotions[0].when.groups[0]")

	// Under first_match, a rule with a condition ahead of a richer rule
	// would replace it once another line meets the condition: ordering
	// more would raise this line's price.
	r.Promotions = []PromotionRule{
		{Header: Header{ID: "cond", Priority: 1, When: Condition{SKUs: []string{"DRILL"}}}, Rate: d("5")},
		{Header: Header{ID: "rich", Priority: 2}, Rate: d("10")},
	}
	_, err = Compile(testPriceList(), r)
	require.ErrorIs(t, err, ErrConflict)
	assert.Contains(t, err.Error(), "once its condition on other lines is met")
	r.Promotions[0].Priority = 3
	_, err = Compile(testPriceList(), r)
	require.NoError(t, err)
}
