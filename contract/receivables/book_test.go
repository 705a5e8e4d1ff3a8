package receivables

import (
	"testing"

	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/discount"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var net30 = contract.PaymentTerms{NetDays: 30}

// A partial payment, an overpayment kept as credit, and the credit
// applied to the next invoice.
func TestPartialPaymentAndOverpayment(t *testing.T) {
	b := newBook(t)
	record(t, b, render("r-1", "2026-01-05", "1000.00"), render("r-2", "2026-01-20", "500.00"), render("r-3", "2026-02-10", "250.00"))
	issue(t, b, net30, "INV-1", "2026-01-10", "r-1") // due 2026-02-09
	issue(t, b, net30, "INV-2", "2026-01-31", "r-2") // due 2026-03-02
	// 600 pays the oldest due first: INV-1 gets 600, 400 left on it.
	record(t, b, pay("p-1", "2026-02-01", "600.00"))
	// 1,000 pays INV-1's 400, then INV-2's 500; 100 is kept as credit.
	record(t, b, pay("p-2", "2026-02-20", "1000.00"))

	tot, err := b.Totals(day("2026-02-20"))
	require.NoError(t, err)
	assertAmount(t, "1750", tot.Rendered, "rendered: 1000 + 500 + 250")
	assertAmount(t, "1500", tot.Invoiced, "invoiced: 1000 + 500")
	assertAmount(t, "250", tot.Uninvoiced, "r-3 is not invoiced")
	assertAmount(t, "1600", tot.Paid, "600 + 1000")
	assertAmount(t, "1500", tot.Allocated, "both invoices paid")
	assertAmount(t, "100", tot.Credit, "1600 − 1500")
	assertAmount(t, "0", tot.Outstanding, "nothing owed")

	invs, err := b.Invoices(day("2026-02-20"))
	require.NoError(t, err)
	require.Len(t, invs, 2)
	assert.Equal(t, StatusSettled, invs[0].Status)
	require.Len(t, invs[0].Allocations, 2)
	assertAmount(t, "600", invs[0].Allocations[0].Amount, "p-1 on INV-1")
	assertAmount(t, "400", invs[0].Allocations[1].Amount, "p-2 on INV-1")

	// The day before p-2, INV-1 was 10 days overdue with 400 open (9 Feb → 19 Feb).
	past, err := b.Invoices(day("2026-02-19"))
	require.NoError(t, err)
	assert.Equal(t, 10, past[0].DaysOverdue, "19 Feb − 9 Feb")
	assertAmount(t, "400", past[0].Outstanding, "1000 − 600")

	// The credit of 100 goes on the next invoice when the host applies it.
	issue(t, b, net30, "INV-3", "2026-02-28", "r-3")
	record(t, b, Entry{CreditApplication: &CreditApplication{Invoice: "INV-3", Date: day("2026-03-01"), Amount: dec("100")}})
	tot, err = b.Totals(day("2026-03-01"))
	require.NoError(t, err)
	assertAmount(t, "0", tot.Credit, "credit used")
	assertAmount(t, "150", tot.Outstanding, "250 − 100")
}

// Odoo's cash-discount example (2 % within 7 days, net 30): 100 issued
// on 1 January is settled with 98 up to 8 January.
func TestEarlyPaymentDiscount(t *testing.T) {
	terms := contract.PaymentTerms{NetDays: 30, Early: &discount.EarlyPaymentTerms{DiscountRate: dec("2"), DiscountDays: 7, NetDays: 30}}
	b := newBook(t)
	record(t, b, render("r-1", "2026-01-01", "100.00"), render("r-2", "2026-01-01", "100.00"))
	e, err := b.Issue(terms, "INV-1", day("2026-01-01"), "r-1")
	require.NoError(t, err)
	assert.Equal(t, day("2026-01-31"), e.Invoice.Due)
	assert.Equal(t, day("2026-01-08"), e.Invoice.Early.DiscountDate)
	assertAmount(t, "2.00", e.Invoice.Early.Discount, "2 % of 100")
	assertAmount(t, "98.00", e.Invoice.Early.AmountIfEarly, "100 − 2")
	record(t, b, e)
	issue(t, b, terms, "INV-2", "2026-01-01", "r-2")

	record(t, b, payInvoice("p-1", "2026-01-08", "98.00", "INV-1")) // in time: settled with the discount
	record(t, b, payInvoice("p-2", "2026-01-09", "98.00", "INV-2")) // a day late: 2 still owed
	invs, err := b.Invoices(day("2026-01-09"))
	require.NoError(t, err)
	assert.Equal(t, StatusSettled, invs[0].Status)
	assertAmount(t, "2", invs[0].Discount, "discount granted")
	assert.Equal(t, StatusOpen, invs[1].Status)
	assertAmount(t, "2", invs[1].Outstanding, "100 − 98")

	h := b.History()
	require.Len(t, h, 4, "INV-1: 98 paid + 2 discount; INV-2: 98 paid + 2 open")
	assertAmount(t, "2", h[1].Amount, "the discount part")
	assert.Equal(t, day("2026-01-08"), h[1].Paid)
	assert.True(t, h[3].Paid.IsZero(), "the open part is unpaid")
}

// A cancelled invoice stays in the history with its reason; its money
// goes back to credit and its rendering may be invoiced again.
func TestCancellationKeepsHistoryAndFreesRenderings(t *testing.T) {
	b := newBook(t)
	record(t, b, render("r-1", "2026-01-05", "300.00"))
	issue(t, b, net30, "INV-1", "2026-01-10", "r-1")
	record(t, b, pay("p-1", "2026-01-15", "120.00"))
	record(t, b, Entry{Cancellation: &Cancellation{Invoice: "INV-1", Date: day("2026-01-20"), Reason: "wrong legal entity"}})

	tot, err := b.Totals(day("2026-01-20"))
	require.NoError(t, err)
	assertAmount(t, "0", tot.Invoiced, "a cancelled invoice is not invoiced")
	assertAmount(t, "300", tot.Uninvoiced, "its rendering is free again")
	assertAmount(t, "120", tot.Credit, "its money is credit")
	assert.Empty(t, b.History(), "a cancelled invoice was never owed")

	issue(t, b, net30, "INV-2", "2026-01-21", "r-1")
	record(t, b, Entry{CreditApplication: &CreditApplication{Invoice: "INV-2", Date: day("2026-01-21"), Amount: dec("120.00")}})
	invs, err := b.Invoices(day("2026-01-21"))
	require.NoError(t, err)
	require.Len(t, invs, 2)
	assert.Equal(t, StatusCancelled, invs[0].Status)
	assert.Equal(t, "wrong legal entity", invs[0].Cancellation.Reason)
	assert.Empty(t, invs[0].Allocations)
	assertAmount(t, "180", invs[1].Outstanding, "300 − 120")
	assert.Equal(t, []Allocation{{Payment: "p-1", Invoice: "INV-2", Date: day("2026-01-21"), Amount: dec("120.00")}}, invs[1].Allocations, "amounts keep the currency's two places")

	// As of the day before the cancellation, the book is as it stood:
	// INV-1 open with 120 paid.
	past, err := b.Invoices(day("2026-01-19"))
	require.NoError(t, err)
	require.Len(t, past, 1)
	assert.Equal(t, StatusOpen, past[0].Status)
	assertAmount(t, "180", past[0].Outstanding, "300 − 120")
}

// An invoice priced under taxes carries the discount the quote split by
// tax (discount.Quote.Invoice), not the terms' rate on the full amount.
// Odoo's test_register_payment_batch_excluded (addons/account/tests/
// test_early_payment_discount.py, pinned in discount/tax_test.go): 1000
// + 15 % tax and 2000 untaxed make 3150; 10 % early, never on the tax,
// is 300 off (the terms on the full amount would give 315), so 2850
// settles it.
func TestEarlyDiscountSplitByTaxSettles(t *testing.T) {
	terms := &discount.EarlyPaymentTerms{DiscountRate: dec("10"), DiscountDays: 10, NetDays: 30}
	b := newBook(t)
	record(t, b, render("r-1", "2026-01-01", "3150.00"))
	in := invoiceEntry("INV-1", "2026-01-01", "2026-01-31", "3150.00", "r-1")
	in.Invoice.Early = &EarlyPayment{Terms: *terms, DiscountDate: day("2026-01-11"), Discount: dec("300.00"), AmountIfEarly: dec("2850.00")}
	record(t, b, in)
	record(t, b, payInvoice("p-1", "2026-01-11", "2850.00", "INV-1"))
	invs, err := b.Invoices(day("2026-01-11"))
	require.NoError(t, err)
	assert.Equal(t, StatusSettled, invs[0].Status)
	assertAmount(t, "300", invs[0].Discount, "the tax-split discount, not 315")
}
