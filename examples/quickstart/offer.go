package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/discount"
)

// pricingRules is the company's discount policy as a host would keep it:
// a JSON document loaded at start-up (see the discount package's doc).
//
//go:embed pricing-rules.json
var pricingRules []byte

// priceList is the company's 2026 list: a tools wholesaler.
func priceList() discount.PriceList {
	item := func(sku, name, group, price, cost string) discount.Item {
		return discount.Item{SKU: sku, Name: name, Group: group,
			UnitPrice: decimal.RequireFromString(price), Cost: decimal.NewNullDecimal(decimal.RequireFromString(cost))}
	}
	return discount.PriceList{ID: "pl-2026-eur", Currency: "EUR", Items: []discount.Item{
		item("DRL-18V", "Cordless drill 18V", "power-tools", "189.00", "121.00"),
		item("SAW-190", "Circular saw 190 mm", "power-tools", "249.00", "160.00"),
		item("BIT-SET", "Drill bit set, 25 pcs", "accessories", "24.90", "11.20"),
		item("SCR-4x40", "Wood screws 4x40, box of 200", "fasteners", "6.40", "3.10"),
		item("GLV-PRO", "Work gloves, pair", "safety", "4.50", "2.70"),
	}}
}

// prepareOffer prices Vostok's order with the discounts its segments,
// VIP status, loyalty and volume earn, on the payment terms the credit
// decision allows, and gets Anna's extra discount approved.
func (d *day) prepareOffer() error {
	d.section("Commercial offer to Vostok Trading")
	rules, err := clientele.LoadConfig[discount.Rules](bytes.NewReader(pricingRules))
	if err != nil {
		return err
	}
	engine, err := discount.Compile(priceList(), rules)
	if err != nil {
		return err
	}
	vostok, err := d.store.Get(d.ctx, "vostok")
	if err != nil {
		return err
	}
	segments := vostok.Segments
	var boughtThisYear decimal.Decimal
	for _, o := range d.orders {
		if o.ClientID == vostok.ID && o.Date.Year() == today.Year() {
			boughtThisYear = boughtThisYear.Add(o.Amount)
		}
	}
	q, err := engine.Quote(discount.Request{
		Date: today, Currency: "EUR",
		Client: discount.ClientFacts{
			ID: vostok.ID, Segments: segments, VIP: vostok.VIP, LoyaltySpend: boughtThisYear,
			Prior: []discount.PriorVolume{{RuleID: "year-value", Amount: boughtThisYear}},
		},
		Lines: []discount.LineRequest{
			{SKU: "DRL-18V", Quantity: decimal.NewFromInt(40)},
			{SKU: "SAW-190", Quantity: decimal.NewFromInt(16)},
			{SKU: "BIT-SET", Quantity: decimal.NewFromInt(30)},
			{SKU: "SCR-4x40", Quantity: decimal.NewFromInt(250)},
		},
		Payment: discount.PaymentTiming{Days: d.credit.DeferralDays},
		Manager: discount.ManagerDiscount{By: authority.Actor{ID: "m-anna", Role: authority.RoleManager}, Rate: decimal.NewFromInt(5)},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Vostok's segments: %s; VIP; bought %s EUR this year.\n", strings.Join(segments, ", "), boughtThisYear.StringFixed(0))
	fmt.Fprintf(d.out, "Terms: %s (the credit decision allows %d days).\n\n", q.Payment, d.credit.DeferralDays)
	w := d.table()
	fmt.Fprintln(w, "item\tqty\tlist\tgross\tnet each\tnet\toff list")
	for _, l := range q.Lines {
		off := decimal.Zero
		if l.Gross.Sign() > 0 {
			off = l.Gross.Sub(l.Net).Div(l.Gross).Shift(2)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s %%\n", l.Name, l.Quantity, l.ListPrice.StringFixed(2), l.Gross.StringFixed(2),
			l.NetUnitPrice.StringFixed(2), l.Net.StringFixed(2), off.StringFixed(1))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(d.out, "\nHow each price was made, step by step (percent of the price each step applied to):")
	for _, l := range q.Lines {
		var steps []string
		for _, a := range l.Adjustments {
			if a.Kind == discount.KindRounding {
				continue
			}
			steps = append(steps, fmt.Sprintf("%s %s%%,", a.Kind, a.Rate.StringFixed(2)))
		}
		if n := len(steps); n > 0 {
			steps[n-1] = strings.TrimSuffix(steps[n-1], ",")
		}
		fmt.Fprintf(d.out, "  %s:\n", l.Name)
		for _, line := range wrap(steps, 72) {
			fmt.Fprintf(d.out, "    %s\n", line)
		}
		for _, warn := range l.Warnings {
			fmt.Fprintf(d.out, "    ! %s\n", warn.Message)
		}
	}
	fmt.Fprintln(d.out)
	fmt.Fprintf(d.out, "Gross %s, net %s EUR. The discounts granted, as the client reads them:\n", q.Totals.Gross.StringFixed(2), q.Totals.Net.StringFixed(2))
	w = d.table()
	for _, s := range q.Summary {
		fmt.Fprintf(w, "  %s\t%s\n", s.Label(), s.Amount.StringFixed(2))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, h := range q.Hints {
		fmt.Fprintln(d.out, "Tip for the client:", h.Text(q.Currency))
	}
	if err := q.Offerable(); err != nil {
		var over *authority.LimitError
		if !errors.As(err, &over) {
			return err
		}
		fmt.Fprintf(d.out, "Not yet an offer: Anna's extra discount of %s %% is beyond a %s's limit of %s %%;\n  %s must approve it.\n",
			over.Amount, over.Holder, over.Max, over.Approver)
		q, err = engine.Approve(q, authority.Signature{By: authority.Actor{ID: "h-olga", Role: "head_of_sales"}, At: todayAt(11)})
		if err != nil {
			return err
		}
		fmt.Fprintf(d.out, "Approved by %s (%s): the offer can go out\n", q.Approval.Signature.By.ID, q.Approval.ApprovedAs)
	}
	d.quote = q
	return d.checkExposure(q)
}

// checkExposure checks the order against Vostok's whole exposure: what it
// owes, what it has ordered but not been billed for, and this order.
func (d *day) checkExposure(q discount.Quote) error {
	vostok, err := d.account("vostok")
	if err != nil {
		return err
	}
	dec, err := solvency.CheckOrder(solvency.OrderCheck{
		AsOf: today, Credit: d.credit, Invoices: d.books[vostok.client.ID].History(),
		OpenOrders: []solvency.Order{{ID: "SO-2611", Currency: "EUR", Amount: decimal.NewFromInt(100000)}},
		Order:      solvency.Order{ID: "SO-2612", Currency: q.Currency, Amount: q.Totals.Net},
	}, d.creditPolicy)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Credit check: owes %s, open orders %s, this order %s:\n  exposure %s against limit %s: %s\n",
		dec.Outstanding.StringFixed(2), dec.OpenOrders.StringFixed(2), dec.Order.StringFixed(2), dec.Exposure.StringFixed(2), dec.Limit.StringFixed(2), dec.Outcome)
	for _, r := range dec.Reasons {
		fmt.Fprintf(d.out, "  %s (%s): %s against %s\n", r.Code, r.Outcome, r.Amount.StringFixed(2), r.Threshold.StringFixed(2))
	}
	if dec.Outcome != solvency.OutcomeHold && dec.Outcome != solvency.OutcomeBlock {
		return nil
	}
	controller := authority.Actor{ID: "u-credit-17", Role: "credit_controller"}
	released, err := dec.Release(authority.Signature{By: controller, At: todayAt(12)}, d.creditPolicy)
	if err != nil {
		fmt.Fprintf(d.out, "  a credit controller may not release it: %v\n", err)
		return nil
	}
	by := released.Bypass.Signature.By
	fmt.Fprintf(d.out, "  released by %s (%s): %s\n", by.ID, by.Role, released.Outcome)
	return nil
}

// wrap puts words into lines of at most width bytes, one space apart,
// never breaking a word (a word longer than width gets a line of its
// own), so the report stays readable in a terminal.
func wrap(words []string, width int) []string {
	var lines []string
	var line strings.Builder
	for _, word := range words {
		if line.Len() > 0 && line.Len()+1+len(word) > width {
			lines = append(lines, line.String())
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(word)
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return lines
}
