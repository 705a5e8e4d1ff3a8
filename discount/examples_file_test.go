package discount_test

import (
	"encoding/json"
	"github.com/clientele-go/clientele"
	"strings"
	"testing"

	"github.com/clientele-go/clientele/discount"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExamplePricingRulesFile keeps examples/quickstart/pricing-rules.json valid,
// complete (every kind of rule, payment pricing and authority) and
// compilable against the catalog it is written for.
func TestExamplePricingRulesFile(t *testing.T) {
	rules := loadExampleRules()
	assert.NotEmpty(t, rules.Volume)
	assert.NotEmpty(t, rules.Segments)
	assert.NotEmpty(t, rules.VIP)
	assert.NotEmpty(t, rules.Loyalty)
	assert.NotEmpty(t, rules.Promotions)
	assert.NotEmpty(t, rules.Authority)
	assert.True(t, rules.Payment.Method.IsValid())

	e, err := discount.Compile(catalog(), rules)
	require.NoError(t, err)

	data, err := json.Marshal(rules)
	require.NoError(t, err)
	back, err := clientele.LoadConfig[discount.Rules](strings.NewReader(string(data)))
	require.NoError(t, err)
	assert.Equal(t, len(rules.Volume), len(back.Volume))

	// The coupon and the VIP rule, which the package example does not
	// use, work too: 40 gloves, VIP, SAFE10, prepaid.
	q, err := e.Quote(discount.Request{
		Date: clientele.NewDate(2026, 11, 26), Currency: "EUR",
		Client:  discount.ClientFacts{ID: "c-002", VIP: true, Segments: []string{"key_accounts"}},
		Lines:   []discount.LineRequest{{SKU: "GLV-PRO", Quantity: decimal.NewFromInt(40)}},
		Coupons: []string{"SAFE10"},
		Payment: discount.PaymentTiming{Prepayment: true},
	})
	require.NoError(t, err)
	var kinds []discount.Kind
	for _, a := range q.Lines[0].Adjustments {
		kinds = append(kinds, a.Kind)
	}
	// 4.50 × 0.98 (key_accounts) × 0.98 (VIP) × 0.90 (coupon) × 0.98 (prepaid)
	// = 3.8118276 -> 3.81; the floor 2.70 × 1.12 = 3.024 is not reached.
	assert.Equal(t, []discount.Kind{discount.KindSegment, discount.KindVIP, discount.KindPromotion, discount.KindPayment, discount.KindRounding}, kinds)
	assert.True(t, decimal.RequireFromString("3.81").Equal(q.Lines[0].NetUnitPrice), q.Lines[0].NetUnitPrice.String())
}
