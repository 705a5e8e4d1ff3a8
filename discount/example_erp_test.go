package discount_test

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/discount"
	"github.com/shopspring/decimal"
)

// The kinds a team moving from ERPNext or Odoo writes: a contract price,
// an amount off, a gift, and VAT with the early-payment discount split
// by tax. Every step is explained, and the client's summary names each
// concession.
func Example_erpRules() {
	rules, err := clientele.LoadConfig[discount.Rules](strings.NewReader(`{
	  "currency": "EUR", "combination": "best_for_client",
	  "prices": [{"id": "contract", "name": "Contract price", "priority": 1,
	              "scope": {"skus": ["DRL-18V"]}, "clients": ["c-042"], "price": "175.00"}],
	  "promotions": [{"id": "saw-off", "name": "10.00 off each saw", "priority": 1,
	                  "scope": {"skus": ["SAW-190"]}, "amount_off": {"amount": "10.00", "per": "unit"}}],
	  "free_items": [{"id": "gloves", "name": "Gloves with every 2 tools", "priority": 1,
	                  "scope": {"groups": ["power-tools"]}, "buy": "2", "get": "1", "free_sku": "GLV-PRO", "repeat": true}],
	  "taxes": {"early_payment": "included", "rates": [{"id": "vat", "name": "VAT 20 %", "percent": "20"}]}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := discount.NewQuote(catalog(), rules, discount.Request{
		Date: clientele.NewDate(2026, 11, 26), Currency: "EUR",
		Client: discount.ClientFacts{ID: "c-042"},
		Lines: []discount.LineRequest{
			{SKU: "DRL-18V", Quantity: decimal.NewFromInt(2)},
			{SKU: "SAW-190", Quantity: decimal.NewFromInt(2)},
		},
		EarlyPayment: discount.EarlyPaymentTerms{DiscountRate: decimal.NewFromInt(2), DiscountDays: 10, NetDays: 30},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range q.Lines {
		fmt.Printf("%-8s %s × %s = %s, VAT %s\n", l.SKU, l.Quantity, money(l.NetUnitPrice), money(l.Net), money(l.Tax))
	}
	for _, s := range q.Summary {
		fmt.Printf("  %s: %s\n", s.Label(), money(s.Amount))
	}
	fmt.Printf("untaxed %s + VAT %s = %s; paid within 10 days %s\n",
		money(q.Totals.Untaxed), money(q.Totals.Tax), money(q.Totals.Total), money(q.EarlyPayment.AmountIfEarly))
	// Output:
	// DRL-18V  2 × 175.00 = 350.00, VAT 70.00
	// SAW-190  2 × 239.00 = 478.00, VAT 95.60
	// GLV-PRO  2 × 0.00 = 0.00, VAT 0.00
	//   Contract price: -28.00
	//   10.00 off each saw: -20.00
	//   Gloves with every 2 tools: -9.00
	// untaxed 828.00 + VAT 165.60 = 993.60; paid within 10 days 973.73
}
