package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/ledger"
)

// contractTypes is the company's contract policy: a supply contract needs
// the contract itself, the specification and the price agreement, and a
// manager signs up to 10,000 EUR, a lead manager up to 50,000.
func contractTypes() contract.Config {
	eur := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	return contract.Config{DueSoonDays: 7, Types: []contract.TypeConfig{{
		Name: "supply", Currency: "EUR",
		RequiredDocuments: []contract.DocumentKind{contract.DocContract, contract.DocSpecification, contract.DocPriceAgreement},
		Signing: authority.Limits{
			{Holder: authority.RoleManager, Max: eur("10000"), ApprovedBy: authority.RoleLeadManager},
			{Holder: authority.RoleLeadManager, Max: eur("50000"), ApprovedBy: authority.RoleHeadOfDepartment},
			{Holder: authority.RoleHeadOfDepartment, Max: eur("500000")},
		},
	}}}
}

// concludeContract turns the approved offer into a supply contract:
// agreed, refused to Anna (the price agreement is not verified yet and
// the value is beyond her limit), signed by the lead manager.
func (d *day) concludeContract() error {
	d.section("Contract with Vostok Trading")
	policy, err := contract.Compile(contractTypes())
	if err != nil {
		return err
	}
	net := d.quote.Totals.Net
	k := contract.Contract{
		ID: "K-vostok-2612", Number: "S-2026/112", ClientID: "vostok", ManagerID: "m-anna", Type: "supply",
		Value: net, Currency: d.quote.Currency, Start: today.AddDays(1), End: clientele.NewDate(2026, time.December, 31),
		PaymentTerms: contract.PaymentTerms{NetDays: d.credit.DeferralDays},
		Documents: []contract.Document{
			{Kind: contract.DocContract, Status: contract.DocVerified},
			{Kind: contract.DocSpecification, Status: contract.DocVerified},
			{Kind: contract.DocPriceAgreement, Status: contract.DocReceived},
		},
		Obligations: []contract.Obligation{
			{ID: "deliver", Party: contract.PartyCompany, Kind: contract.ObligeDeliver, Due: clientele.NewDate(2026, time.December, 4)},
			{ID: "pay", Party: contract.PartyClient, Kind: contract.ObligePay,
				Due: clientele.NewDate(2026, time.December, 3).AddDays(d.credit.DeferralDays), Amount: decimal.NewNullDecimal(net)},
		},
	}
	if k, err = k.Apply(contract.Event{Kind: contract.EventAgree, On: today}); err != nil {
		return err
	}
	anna := authority.Actor{ID: "m-anna", Role: authority.RoleManager}
	_, err = policy.Sign(k, authority.Signature{By: anna, At: todayAt(14)})
	var refused *contract.SigningError
	if !errors.As(err, &refused) {
		return fmt.Errorf("expected Anna's signature to be refused, got %v", err)
	}
	fmt.Fprintf(d.out, "Contract %s, %s EUR, payment %d days after the invoice. Anna may not sign it:\n",
		k.Number, net.StringFixed(2), k.PaymentTerms.NetDays)
	for _, r := range refused.Reasons() {
		d.bullet(r)
	}
	k.Documents[2].Status = contract.DocVerified
	olga := authority.Actor{ID: "l-olga", Role: authority.RoleLeadManager}
	if k, err = policy.Sign(k, authority.Signature{By: olga, At: todayAt(16)}); err != nil {
		return err
	}
	if k, err = contract.NewMemStore().Create(d.ctx, k); err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Price agreement verified; signed by the lead manager:\n  %s\n", k.StatusOn(today).Reason)
	rep, err := policy.Obligations([]contract.Contract{k}, today, 14)
	if err != nil {
		return err
	}
	for _, it := range rep.DueNext {
		fmt.Fprintf(d.out, "  due within 14 days: %s (%s)\n", it.Obligation.ID, it.Check.Reason)
	}
	return d.billContract(k)
}

// billContract follows the contract's money: the goods delivered and
// invoiced on 3 December under the contract's terms, a partial payment
// on 20 December, and the account as it stands when the invoice is two
// weeks overdue.
func (d *day) billContract(k contract.Contract) error {
	book, err := receivables.Open(receivables.Account{ContractID: k.ID, ClientID: k.ClientID, Currency: k.Currency})
	if err != nil {
		return err
	}
	delivered := clientele.NewDate(2026, time.December, 3)
	rendering := receivables.Entry{Rendering: &receivables.Rendering{ID: "delivery-1", Date: delivered, Amount: k.Value}}
	if _, err := book.Record(rendering); err != nil {
		return err
	}
	invoice, err := book.Issue(k.PaymentTerms, "INV-2612", delivered, "delivery-1")
	if err != nil {
		return err
	}
	payment := receivables.Entry{Payment: &receivables.Payment{Currency: k.Currency,
		Payment: ledger.Payment{ID: "bank-7731", Date: clientele.NewDate(2026, time.December, 20), Amount: decimal.NewFromInt(4000)}}}
	if _, err := book.Record(invoice, payment); err != nil {
		return err
	}
	later := invoice.Invoice.Due.AddDays(14)
	t, err := book.Totals(later)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Invoice %s of %s, due %s; paid 4000.00 on 2026-12-20. On %s:\n",
		invoice.Invoice.ID, invoice.Invoice.Amount.StringFixed(2), invoice.Invoice.Due, later)
	fmt.Fprintf(d.out, "  invoiced %s, paid %s, outstanding %s, of which overdue %s\n",
		t.Invoiced.StringFixed(2), t.Paid.StringFixed(2), t.Outstanding.StringFixed(2), t.Overdue.StringFixed(2))
	d.contractBook, d.contractDue = book, invoice.Invoice.Due
	return nil
}
