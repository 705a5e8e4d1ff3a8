package discount_test

import (
	"fmt"
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/ledger"
	"os"
	"strings"
	"time"

	"github.com/clientele-go/clientele/discount"
	"github.com/shopspring/decimal"
)

// catalog is the price list the examples and examples/quickstart/pricing-rules.json
// are written for: a tools wholesaler's 2026 list in euros.
func catalog() discount.PriceList {
	item := func(sku, name, group, price, cost string) discount.Item {
		return discount.Item{SKU: sku, Name: name, Group: group,
			UnitPrice: decimal.RequireFromString(price), Cost: decimal.NewNullDecimal(decimal.RequireFromString(cost))}
	}
	return discount.PriceList{
		ID: "pl-2026-eur", Currency: "EUR",
		ValidFrom: clientele.NewDate(2026, 1, 1), ValidTo: clientele.NewDate(2026, 12, 31),
		Items: []discount.Item{
			item("DRL-18V", "Cordless drill 18V", "power-tools", "189.00", "121.00"),
			item("SAW-190", "Circular saw 190 mm", "power-tools", "249.00", "160.00"),
			item("BIT-SET", "Drill bit set, 25 pcs", "accessories", "24.90", "11.20"),
			item("SCR-4x40", "Wood screws 4x40, box of 200", "fasteners", "6.40", "3.10"),
			item("GLV-PRO", "Work gloves, pair", "safety", "4.50", "2.70"),
		},
	}
}

func loadExampleRules() discount.Rules {
	f, err := os.Open("../examples/quickstart/pricing-rules.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	rules, err := clientele.LoadConfig[discount.Rules](f)
	if err != nil {
		panic(err)
	}
	return rules
}

func money(d decimal.Decimal) string { return d.StringFixed(2) }

// A commercial offer with its discount breakdown: a class A client (the
// segment comes from the host's ABC segmentation, passed as a string)
// orders power tools, accessories and screws, pays 30 days after
// delivery, and the manager adds 2 % within their authority.
func Example_commercialOffer() {
	engine, err := discount.Compile(catalog(), loadExampleRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := engine.Quote(discount.Request{
		Date:     clientele.NewDate(2026, 11, 26),
		Currency: "EUR",
		Client: discount.ClientFacts{ID: "c-001", Segments: []string{"A", "AX"}, LoyaltySpend: decimal.NewFromInt(18400),
			Prior: []discount.PriorVolume{{RuleID: "year-value", Amount: decimal.NewFromInt(47250)}}},
		Lines: []discount.LineRequest{
			{SKU: "DRL-18V", Quantity: decimal.NewFromInt(12)},
			{SKU: "SAW-190", Quantity: decimal.NewFromInt(6)},
			{SKU: "BIT-SET", Quantity: decimal.NewFromInt(10)},
			{SKU: "SCR-4x40", Quantity: decimal.NewFromInt(120)},
		},
		Payment: discount.PaymentTiming{Days: 30},
		Manager: discount.ManagerDiscount{By: authority.Actor{ID: "m-anna", Role: "manager"}, Rate: decimal.NewFromInt(2)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Offer to %s, %s, %s\n", q.ClientID, q.Date, q.Payment)
	for _, l := range q.Lines {
		fmt.Printf("%-9s %4s x %7s = %9s -> %8s each, %9s\n", l.SKU, l.Quantity, money(l.ListPrice), money(l.Gross), l.NetUnitPrice.StringFixed(2), money(l.Net))
		for _, a := range l.Adjustments {
			rate := a.Rate.StringFixed(2) + " %"
			if a.Kind == discount.KindRounding {
				rate = ""
			}
			fmt.Printf("    %-10s %-16s %8s  %8s\n", a.Kind, a.RuleID, rate, money(a.Amount))
		}
	}
	fmt.Printf("Gross %s, discount %s, surcharge %s, net %s %s\n",
		money(q.Totals.Gross), money(q.Totals.Discount), money(q.Totals.Surcharge), money(q.Totals.Net), q.Currency)
	fmt.Println("Your discounts:")
	for _, s := range q.Summary {
		fmt.Printf("    %-30s %9s\n", s.Label(), money(s.Amount))
	}
	for _, h := range q.Hints {
		fmt.Println(h.Text(q.Currency))
	}
	fmt.Println("offerable:", q.Offerable() == nil)
	// Output:
	// Offer to c-001, 2026-11-26, payment 30 days after delivery
	// DRL-18V     12 x  189.00 =   2268.00 ->   163.06 each,   1956.72
	//     volume     qty-power-tools   -3.00 %    -68.04
	//     volume     year-value        -1.50 %    -33.00
	//     segment    seg-a             -3.00 %    -65.01
	//     loyalty    club              -1.00 %    -21.02
	//     promotion  autumn-power      -5.00 %   -104.04
	//     manager                      -2.00 %    -39.54
	//     payment                       1.00 %     19.37
	// SAW-190      6 x  249.00 =   1494.00 ->   214.83 each,   1288.98
	//     volume     qty-power-tools   -3.00 %    -44.82
	//     volume     year-value        -1.50 %    -21.74
	//     segment    seg-a             -3.00 %    -42.82
	//     loyalty    club              -1.00 %    -13.85
	//     promotion  autumn-power      -5.00 %    -68.54
	//     manager                      -2.00 %    -26.04
	//     payment                       1.00 %     12.76
	//     rounding                                  0.03
	// BIT-SET     10 x   24.90 =    249.00 ->    23.31 each,    233.10
	//     volume     year-value        -1.50 %     -3.73
	//     segment    seg-a             -3.00 %     -7.36
	//     loyalty    club              -1.00 %     -2.38
	//     manager                      -2.00 %     -4.71
	//     payment                       1.00 %      2.31
	//     rounding                                 -0.03
	// SCR-4x40   120 x    6.40 =    768.00 ->     5.82 each,    698.07
	//     volume     qty-fasteners     -2.92 %    -22.40
	//     volume     year-value        -1.50 %    -11.18
	//     segment    seg-a             -3.00 %    -22.04
	//     loyalty    club              -1.00 %     -7.12
	//     manager                      -2.00 %    -14.11
	//     payment                       1.00 %      6.92
	// Gross 4779.00, discount 643.49, surcharge 41.36, net 4176.87 EUR
	// Your discounts:
	//     Volume discount, power tools     -112.86
	//     Volume discount, fasteners        -22.40
	//     Annual purchase volume            -69.65
	//     Class A client                   -137.23
	//     Partner club                      -44.37
	//     Autumn power-tool sale           -172.58
	//     Additional discount               -84.40
	//     Deferred payment surcharge         41.36
	// Order 2 more units of group power-tools to get 6 % (Volume discount, power tools).
	// offerable: true
}

// A manager discount above the manager's authority waits for the named
// approver; the quote is not an offer until approved.
func ExampleEngine_Approve() {
	engine, err := discount.Compile(catalog(), loadExampleRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := engine.Quote(discount.Request{
		Date: clientele.NewDate(2026, 11, 26), Currency: "EUR",
		Lines:   []discount.LineRequest{{SKU: "SAW-190", Quantity: decimal.NewFromInt(2)}},
		Manager: discount.ManagerDiscount{By: authority.Actor{ID: "m-anna", Role: "manager"}, Rate: decimal.NewFromInt(6)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Approval.Status, "by", q.Approval.Approver)
	fmt.Println(q.Offerable())
	approved, err := engine.Approve(q, authority.Signature{
		By: authority.Actor{ID: "h-olga", Role: "head_of_sales"},
		At: time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(approved.Approval.Status, "by", approved.Approval.Signature.By.ID, "as", approved.Approval.ApprovedAs)
	fmt.Println("offerable:", approved.Offerable() == nil)
	// Output:
	// pending by head_of_sales
	// authority: "m-anna" (manager) may commit up to 3 (limit of "manager"), asked 6: needs approval by "head_of_sales"
	// granted by h-olga as head_of_sales
	// offerable: true
}

// The implied annual cost of not taking a 2/10 net 30 cash discount.
func ExampleEarlyPaymentTerms_AnnualCost() {
	terms, err := discount.ParseEarlyPaymentTerms("2/10 net 30")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := terms.AnnualCost(terms.NetDays)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d days of credit cost %s %% simple, %s %% compound\n", terms, c.Days, c.Simple.StringFixed(2), c.Compound.StringFixed(2))
	// Output:
	// 2/10 net 30: 20 days of credit cost 37.24 % simple, 44.59 % compound
}

// An invoice under 2/10 net 30, paid in two halves within the discount
// period: the first settles its face value; the second brings the
// early payments to the discounted amount and settles the rest with the
// whole discount. A part payment alone earns nothing, as in Odoo.
func ExampleEarlyPaymentInvoice_Settle() {
	inv, err := discount.DefaultEarlyPaymentTerms().Apply(ledger.Invoice{
		ID: "INV-2026-031", Currency: "EUR", Amount: decimal.NewFromInt(1000), Issued: clientele.NewDate(2026, 3, 2),
	}, discount.RoundHalfUp)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("pay %s by %s, or %s by %s\n", money(inv.AmountIfEarly), inv.DiscountDate, money(inv.Invoice.Amount), inv.Invoice.Due)
	s, err := inv.Settle([]ledger.Payment{
		{Date: clientele.NewDate(2026, 3, 5), Amount: decimal.NewFromInt(490)},
		{Date: clientele.NewDate(2026, 3, 12), Amount: decimal.NewFromInt(490)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range s.Applications {
		fmt.Printf("%s paid %s, settled %s (discount %s)\n", a.Payment.Date, money(a.Payment.Amount), money(a.Settled), money(a.Discount))
	}
	fmt.Printf("outstanding %s\n", money(s.Outstanding))
	// Output:
	// pay 980.00 by 2026-03-12, or 1000.00 by 2026-04-01
	// 2026-03-05 paid 490.00, settled 490.00 (discount 0.00)
	// 2026-03-12 paid 490.00, settled 510.00 (discount 20.00)
	// outstanding 0.00
}

// Rule sets load from JSON with clientele.LoadConfig, strictly, and are
// validated as a whole: every problem is reported at once, with its
// field path.
func ExampleRules_Validate() {
	_, err := clientele.LoadConfig[discount.Rules](strings.NewReader(`{
	  "currency": "EUR",
	  "combination": "additive",
	  "max_discount": "120",
	  "volume": [{"id": "bulk", "priority": 1, "per": "item", "basis": "quantity", "mode": "all_units",
	              "tiers": [{"min": "10", "rate": "5"}, {"min": "5", "rate": "3"}]}]
	}`))
	fmt.Println(err)
	// Output:
	// discount: invalid input: max_discount = 120: must be a percentage within 0..100; volume[0].tiers[1].min = 5: tiers out of order: must be above the previous tier's 10; volume[0].tiers[1].rate = 3: a higher tier must not give less than the previous tier's 5 %
}

// A batch of orders priced on one Quoter: each quote reuses the memory
// of the one before, so what a host keeps past the next call it clones
// (here the totals, which are plain decimals, need no clone).
func ExampleQuoter() {
	engine, err := discount.Compile(catalog(), loadExampleRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	quoter := engine.NewQuoter()
	orders := [][]discount.LineRequest{
		{{SKU: "DRL-18V", Quantity: decimal.NewFromInt(1)}},
		{{SKU: "SCR-4x40", Quantity: decimal.NewFromInt(10)}, {SKU: "GLV-PRO", Quantity: decimal.NewFromInt(4)}},
	}
	var first discount.Quote
	for i, lines := range orders {
		q, err := quoter.Quote(discount.Request{Date: clientele.NewDate(2026, 11, 26), Currency: "EUR", Lines: lines})
		if err != nil {
			fmt.Println(err)
			return
		}
		if i == 0 {
			first = q.Clone()
		}
		fmt.Println(len(q.Lines), "lines, net", money(q.Totals.Net))
	}
	fmt.Println("first kept:", first.Lines[0].SKU, money(first.Lines[0].Net))
	// Output:
	// 1 lines, net 179.55
	// 2 lines, net 82.00
	// first kept: DRL-18V 179.55
}
