package receivables

import (
	"testing"

	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/clientele-go/clientele/ledger"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bookForBadInput has r-1 (100) invoiced as INV-1 (due 2026-02-09),
// r-2 (50) not invoiced, INV-C cancelled, and 10 of credit: p-0 paid 30
// on INV-1, then a credit note took 80 off it, leaving 20 owed, so 10
// of the 30 went back to credit.
func bookForBadInput(t *testing.T) *Book {
	b := newBook(t)
	record(t, b, render("r-1", "2026-01-05", "100"), render("r-2", "2026-01-05", "50"), render("r-3", "2026-01-05", "10"))
	issue(t, b, net30, "INV-1", "2026-01-10", "r-1")
	issue(t, b, net30, "INV-C", "2026-01-10", "r-3")
	record(t, b, Entry{Cancellation: &Cancellation{Invoice: "INV-C", Date: day("2026-01-11"), Reason: "wrong client"}})
	record(t, b, payInvoice("p-0", "2026-01-12", "30", "INV-1"))
	record(t, b, Entry{CreditNote: &CreditNote{ID: "cn-0", Invoice: "INV-1", Date: day("2026-01-13"), Amount: dec("80"), Reason: "returned"}})
	return b
}

func invoiceEntry(id, issued, due, amount string, renderings ...string) Entry {
	return Entry{Invoice: &Invoice{Invoice: ledger.Invoice{ID: id, Currency: "EUR", Amount: dec(amount), Issued: day(issued), Due: day(due)}, Renderings: renderings}}
}

func TestBadInputNamesFieldAndValue(t *testing.T) {
	usd := pay("p-9", "2026-01-20", "10")
	usd.Payment.Currency = "USD"
	twoKinds := render("r-9", "2026-01-20", "1")
	twoKinds.Payment = pay("p-8", "2026-01-20", "1").Payment
	// 2 % of 50 is 1: 1.50 is above what the terms give.
	early := invoiceEntry("INV-E", "2026-01-20", "2026-02-19", "50", "r-2")
	early.Invoice.Early = &EarlyPayment{Terms: discount.DefaultEarlyPaymentTerms(), DiscountDate: day("2026-01-30"), Discount: dec("1.5"), AmountIfEarly: dec("48.50")}
	// 0.80 off (2 % of an untaxed 40, a tax-split offer) is below 1, but
	// 0.80 + 49.00 is not 50.
	unbalanced := invoiceEntry("INV-U", "2026-01-20", "2026-02-19", "50", "r-2")
	unbalanced.Invoice.Early = &EarlyPayment{Terms: discount.DefaultEarlyPaymentTerms(), DiscountDate: day("2026-01-30"), Discount: dec("0.80"), AmountIfEarly: dec("49.00")}
	// A tenth of a cent is no amount in EUR.
	fine := invoiceEntry("INV-F", "2026-01-20", "2026-02-19", "50", "r-2")
	fine.Invoice.Early = &EarlyPayment{Terms: discount.DefaultEarlyPaymentTerms(), DiscountDate: day("2026-01-30"), Discount: dec("0.805"), AmountIfEarly: dec("49.195")}
	tests := []struct {
		name  string
		entry Entry
		want  []string
		also  error
	}{
		{"due before issue", invoiceEntry("INV-2", "2026-01-20", "2026-01-19", "50", "r-2"),
			[]string{"entries[0].invoice.due = 2026-01-19: is before the issue date 2026-01-20"}, nil},
		{"negative payment", pay("p-9", "2026-01-20", "-10"), []string{"entries[0].payment.amount = -10: must be positive"}, nil},
		{"amount finer than cents", render("r-9", "2026-01-20", "0.001"), []string{"entries[0].rendering.amount = 0.001: has more than 2 decimal places"}, nil},
		{"amount too large", render("r-9", "2026-01-20", "1e16"), []string{"entries[0].rendering.amount = 10000000000000000: is above 1000000000000000"}, nil},
		{"unknown invoice", payInvoice("p-9", "2026-01-20", "10", "INV-404"), []string{"entries[0].payment.invoice = INV-404: is not an invoice of this contract"}, nil},
		{"wrong currency", usd, []string{"entries[0].payment.currency = USD: differs from EUR, the currency of the contract's account: convert the payment first"}, ErrCurrency},
		{"paying a cancelled invoice", payInvoice("p-9", "2026-01-20", "10", "INV-C"),
			[]string{"entries[0].payment.invoice = INV-C: was cancelled on 2026-01-11 (wrong client)"}, ErrCancelled},
		{"a payment dated before the latest money entry", pay("p-9", "2026-01-12", "10"),
			[]string{"entries[0].payment.date = 2026-01-12: is before 2026-01-13, the date of the latest invoice, payment, credit note, cancellation or credit application: those are recorded in date order"}, nil},
		{"allocating more than was paid", Entry{CreditApplication: &CreditApplication{Invoice: "INV-1", Date: day("2026-01-20"), Amount: dec("11")}},
			[]string{"entries[0].credit_application.amount = 11: is more than the 10 of credit the client holds on 2026-01-20"}, nil},
		{"credit note beyond the invoice", Entry{CreditNote: &CreditNote{ID: "cn-1", Invoice: "INV-1", Date: day("2026-01-20"), Amount: dec("31"), Reason: "x"}},
			[]string{"entries[0].credit_note.amount = 31: is more than the 20 invoice INV-1 still stands for"}, nil},
		{"credit note without reason", Entry{CreditNote: &CreditNote{ID: "cn-1", Invoice: "INV-1", Date: day("2026-01-20"), Amount: dec("1")}},
			[]string{"entries[0].credit_note.reason: is required"}, nil},
		{"cancelling twice", Entry{Cancellation: &Cancellation{Invoice: "INV-C", Date: day("2026-01-20"), Reason: "again"}},
			[]string{"entries[0].cancellation.invoice = INV-C: was cancelled"}, ErrCancelled},
		{"billing a rendering twice", invoiceEntry("INV-2", "2026-01-20", "2026-02-19", "100", "r-1"),
			[]string{"entries[0].invoice.renderings[0] = r-1: is billed already by invoice INV-1"}, nil},
		{"amount not the renderings' sum", invoiceEntry("INV-2", "2026-01-20", "2026-02-19", "49.99", "r-2"),
			[]string{"entries[0].invoice.amount = 49.99: differs from 50, the sum of its renderings"}, nil},
		// 2/10 net 30 on 50 issued 2026-01-20: discount date 2026-01-30
		// (right), discount 2 % × 50 = 1.00 and 49.00 if early (both wrong).
		{"an early offer the terms do not give", early, []string{
			"entries[0].invoice.early.discount = 1.5: is above 1, what the terms give on the full amount (rounding per tax may add 0.02 at most)"}, nil},
		{"an early offer that does not add up", unbalanced, []string{
			"entries[0].invoice.early.amount_if_early = 49: plus the discount 0.8 is not the amount 50"}, nil},
		{"an early offer finer than the currency", fine, []string{
			"entries[0].invoice.early.discount = 0.805: has more decimals than the currency's 2"}, nil},
		{"two kinds in one entry", twoKinds, []string{"entries[0] = 2: an entry sets exactly one"}, nil},
		{"the zero entry", Entry{}, []string{"entries[0] = 0: an entry sets exactly one"}, nil},
		{"a repeated ID", render("r-1", "2026-01-20", "1"), []string{"entries[0].rendering.id = r-1: repeats a rendering"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bookForBadInput(t)
			before := b.Account()
			_, err := b.Record(tt.entry)
			problemtest.Require(t, err, ErrInvalid, tt.want)
			if tt.also != nil {
				assert.ErrorIs(t, err, tt.also)
			}
			assert.Equal(t, before, b.Account(), "a refused entry changes nothing")
		})
	}
}

func TestZeroValuesRefuse(t *testing.T) {
	var b Book
	_, err := b.Record(render("r", "2026-01-01", "1"))
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = b.Totals(day("2026-01-01"))
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = b.Issue(net30, "INV", day("2026-01-01"), "r")
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = Open(Account{})
	problemtest.Require(t, err, ErrInvalid, []string{"contract_id: is required", "client_id: is required", `currency = "": is not an ISO 4217`})
	require.Error(t, Account{}.Validate())
}

func TestIssueRefusesBadTerms(t *testing.T) {
	b := bookForBadInput(t)
	_, err := b.Issue(contractTerms(-1), "", day("2026-01-01"), "r-2")
	problemtest.Require(t, err, ErrInvalid, []string{"terms.net_days = -1", "id: is required"})
	_, err = b.Issue(net30, "INV-2", day("2026-01-01"), "r-2")
	problemtest.Require(t, err, ErrInvalid, []string{"invoice.renderings[0] = r-2: is rendered on 2026-01-05, after the issue date 2026-01-01"})
}

// A stored journal replays strictly: a payment repeated in it is an
// error, while Record skips a retried payment.
func TestReplayRefusesARepeatedPayment(t *testing.T) {
	a := Account{ContractID: "k-1", ClientID: "c-1", Currency: "EUR", Entries: []Entry{pay("p-1", "2026-01-01", "10"), pay("p-1", "2026-01-01", "10")}}
	_, err := Open(a)
	problemtest.Require(t, err, ErrInvalid, []string{"entries[1].payment.id = p-1: repeats a payment of the journal"})
	b := newBook(t)
	n, err := b.Record(pay("p-1", "2026-01-01", "10"), pay("p-1", "2026-01-01", "10.00"))
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the second is the same payment: skipped")
	_, err = b.Record(pay("p-1", "2026-01-01", "10.01"))
	var conflict *PaymentConflictError
	require.ErrorAs(t, err, &conflict)
	assert.EqualError(t, err, `receivables: conflict: contract "k-1": payment "p-1" is recorded as 10 on 2026-01-01, not 10.01 on 2026-01-01`)
	assert.ErrorIs(t, err, ErrConflict)
}
