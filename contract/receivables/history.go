package receivables

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/ledger"
)

// History hands the contract's invoices on as ledger facts, the shape
// solvency's payment discipline (solvency.PaymentDiscipline) and the
// exposure check read. It is the one conversion from the receivables
// ledger to []ledger.Invoice:
//
//   - each allocation is a paid ledger invoice of its amount, paid on
//     the allocation's date (a part payment is a paid part, as
//     ledger.Invoice's doc asks);
//   - an early-payment discount granted is a paid part of its amount,
//     paid on the day it was earned;
//   - what is still owed is one unpaid ledger invoice;
//   - credit notes take their amount off (it was never owed) and a
//     cancelled invoice is left out.
//
// Every part keeps the invoice's ID, issue and due dates, so lateness is
// measured per unit of money, and replaying the history as of any day
// gives what was open and overdue that day, at the book's current
// allocation. Parts come in the order the invoices were recorded.
func (b *Book) History() []ledger.Invoice {
	var out []ledger.Invoice
	for i := range b.invoices {
		in := &b.invoices[i]
		if in.cancelled != nil {
			continue
		}
		part := in.in.Invoice
		part.Paid, part.WrittenOff = clientele.Date{}, clientele.Date{}
		for _, a := range in.allocs {
			paid := part
			paid.Amount, paid.Paid = amountOf(a.units, b.minor), a.date
			out = append(out, paid)
		}
		if in.discount > 0 {
			disc := part
			disc.Amount, disc.Paid = amountOf(in.discount, b.minor), in.discountDate
			out = append(out, disc)
		}
		if open := in.open(); open > 0 {
			rest := part
			rest.Amount = amountOf(open, b.minor)
			out = append(out, rest)
		}
	}
	return out
}

// ClientHistory is the History of every book of one client, in the
// order of the books given: what solvency scores for the client. Books
// of other clients are refused, and so is a second currency (one
// history is in one currency).
func ClientHistory(clientID string, books ...*Book) ([]ledger.Invoice, error) {
	var p validate.Problems
	p.ID("client_id", clientID)
	cur := ""
	p.Each("books", len(books), func(q *validate.Problems, i int) {
		b := books[i]
		switch {
		case b == nil || b.byInvoice == nil:
			q.Add("", nil, "the zero Book holds no account: build one with Open")
		case b.acct.ClientID != clientID:
			q.Addf("client_id", b.acct.ClientID, "is another client than %s", clientID)
		case cur != "" && b.acct.Currency != cur:
			q.Addf("currency", b.acct.Currency, "differs from %s, the currency of the earlier books", cur)
			q.Also(ErrCurrency)
		default:
			cur = b.acct.Currency
		}
	})
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	var out []ledger.Invoice
	for _, b := range books {
		out = append(out, b.History()...)
	}
	return out, nil
}
