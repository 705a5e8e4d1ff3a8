package receivables

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// at returns the book as it stood at the end of day: b itself when no
// entry is dated after day, else the entries dated on or before day
// replayed in the order recorded.
func (b *Book) at(day clientele.Date) (*Book, error) {
	if !day.Before(b.latest) {
		return b, nil
	}
	a := b.acct
	a.Entries = nil
	for _, e := range b.acct.Entries {
		if !e.Date().After(day) {
			a.Entries = append(a.Entries, e)
		}
	}
	past, err := Open(a)
	if err != nil {
		return nil, fmt.Errorf("receivables: contract %q as of %s: %w", b.acct.ContractID, day, err)
	}
	return past, nil
}

// checkDay refuses a missing or invalid report day and the zero Book.
func (b *Book) checkDay(field string, day clientele.Date) error {
	var p validate.Problems
	if b == nil || b.byInvoice == nil {
		p.Add("book", nil, "the zero Book holds no account: build one with Open")
	}
	p.Date(field, day, true)
	return p.Err(ErrInvalid)
}

// Totals are a contract's receivables on a day, in its currency. They
// always satisfy
//
//	Rendered    = Invoiced + Uninvoiced
//	Paid        = Allocated + Credit
//	Outstanding = Invoiced − Credited − Discounts − Allocated
//
// where Invoiced counts live (not cancelled) invoices.
// The zero Totals are no report: Book.Totals returns them only with an
// error.
type Totals struct {
	AsOf       clientele.Date  `json:"as_of"`
	Currency   string          `json:"currency"`
	Rendered   decimal.Decimal `json:"rendered"`
	Invoiced   decimal.Decimal `json:"invoiced"`
	Uninvoiced decimal.Decimal `json:"uninvoiced"`
	// Credited is what credit notes took off live invoices; Discounts
	// the early-payment discounts granted.
	Credited  decimal.Decimal `json:"credited"`
	Discounts decimal.Decimal `json:"discounts"`
	// Paid is the money received; Allocated the part of it paying
	// invoices; Credit the rest, the client's to apply or refund.
	Paid      decimal.Decimal `json:"paid"`
	Allocated decimal.Decimal `json:"allocated"`
	Credit    decimal.Decimal `json:"credit"`
	// Outstanding is what live invoices still ask; Overdue the part past
	// its due date.
	Outstanding decimal.Decimal `json:"outstanding"`
	Overdue     decimal.Decimal `json:"overdue"`
}

// Totals returns the contract's totals at the end of day.
func (b *Book) Totals(day clientele.Date) (Totals, error) {
	if err := b.checkDay("as_of", day); err != nil {
		return Totals{}, err
	}
	s, err := b.at(day)
	if err != nil {
		return Totals{}, err
	}
	var invoiced, uninvoiced, credited, discounts, allocated, outstanding, overdue int64
	for _, r := range s.renderings {
		if r.invoice < 0 {
			uninvoiced += r.units
		}
	}
	for i := range s.invoices {
		in := &s.invoices[i]
		if in.cancelled != nil {
			continue
		}
		invoiced += in.units
		credited += in.credited
		discounts += in.discount
		allocated += in.allocated
		outstanding += in.open()
		if in.in.Due.Before(day) {
			overdue += in.open()
		}
	}
	m := s.minor
	return Totals{
		AsOf: day, Currency: s.acct.Currency,
		Rendered: amountOf(s.rendered, m), Invoiced: amountOf(invoiced, m), Uninvoiced: amountOf(uninvoiced, m),
		Credited: amountOf(credited, m), Discounts: amountOf(discounts, m),
		Paid: amountOf(s.received, m), Allocated: amountOf(allocated, m), Credit: amountOf(s.received-allocated, m),
		Outstanding: amountOf(outstanding, m), Overdue: amountOf(overdue, m),
	}, nil
}

// Allocation is money of one payment put on one invoice.
type Allocation struct {
	Payment string          `json:"payment"`
	Invoice string          `json:"invoice"`
	Date    clientele.Date  `json:"date"`
	Amount  decimal.Decimal `json:"amount"`
}

// InvoiceStatus is an invoice as the book sees it on a day: the invoice,
// where it stands, and what settled it.
// The zero InvoiceStatus is no report: Book.Invoices returns none.
type InvoiceStatus struct {
	Invoice Invoice `json:"invoice"`
	Status  Status  `json:"status"`
	// DaysOverdue counts the days past due of an open invoice (0 when not
	// yet due, settled or cancelled).
	DaysOverdue  int             `json:"days_overdue"`
	Credited     decimal.Decimal `json:"credited"`
	Discount     decimal.Decimal `json:"discount"`
	Allocated    decimal.Decimal `json:"allocated"`
	Outstanding  decimal.Decimal `json:"outstanding"`
	Allocations  []Allocation    `json:"allocations,omitempty"`
	CreditNotes  []CreditNote    `json:"credit_notes,omitempty"`
	Cancellation *Cancellation   `json:"cancellation,omitempty"`
}

// Invoices returns every invoice of the contract issued by the end of
// day, in the order recorded, cancelled ones included.
func (b *Book) Invoices(day clientele.Date) ([]InvoiceStatus, error) {
	if err := b.checkDay("as_of", day); err != nil {
		return nil, err
	}
	s, err := b.at(day)
	if err != nil {
		return nil, err
	}
	out := make([]InvoiceStatus, 0, len(s.invoices))
	for i := range s.invoices {
		out = append(out, s.invoiceStatus(&s.invoices[i], day))
	}
	return out, nil
}

func (b *Book) invoiceStatus(in *invoice, day clientele.Date) InvoiceStatus {
	m := b.minor
	st := InvoiceStatus{Invoice: *in.clonedInvoice(), Status: StatusOpen,
		Credited: amountOf(in.credited, m), Discount: amountOf(in.discount, m),
		Allocated: amountOf(in.allocated, m), Outstanding: amountOf(in.open(), m)}
	switch {
	case in.cancelled != nil:
		st.Status = StatusCancelled
		c := *in.cancelled
		st.Cancellation = &c
	case in.open() == 0:
		st.Status = StatusSettled
	case in.in.Due.Before(day):
		st.DaysOverdue = day.Sub(in.in.Due)
	}
	for _, a := range in.allocs {
		st.Allocations = append(st.Allocations, Allocation{Payment: b.payments[a.payment].p.ID, Invoice: in.in.ID, Date: a.date, Amount: amountOf(a.units, m)})
	}
	for _, cn := range in.creditNotes {
		st.CreditNotes = append(st.CreditNotes, *cn)
	}
	return st
}

func (in *invoice) clonedInvoice() *Invoice { return Entry{Invoice: in.in}.clone().Invoice }

// PaymentStatus is a payment as the book sees it: how it was allocated
// and what is left of it as credit.
// The zero PaymentStatus is no report: Book.Payments returns none.
type PaymentStatus struct {
	Payment     Payment         `json:"payment"`
	Allocated   decimal.Decimal `json:"allocated"`
	Credit      decimal.Decimal `json:"credit"`
	Allocations []Allocation    `json:"allocations,omitempty"`
}

// Payments returns every payment received by the end of day, in the
// order recorded, with its allocations.
func (b *Book) Payments(day clientele.Date) ([]PaymentStatus, error) {
	if err := b.checkDay("as_of", day); err != nil {
		return nil, err
	}
	s, err := b.at(day)
	if err != nil {
		return nil, err
	}
	out := make([]PaymentStatus, len(s.payments))
	for i, p := range s.payments {
		out[i] = PaymentStatus{Payment: *p.p, Allocated: amountOf(p.allocated, s.minor), Credit: amountOf(p.units-p.allocated, s.minor)}
	}
	for i := range s.invoices {
		for _, a := range s.invoices[i].allocs {
			ps := &out[a.payment]
			ps.Allocations = append(ps.Allocations, Allocation{Payment: ps.Payment.ID, Invoice: s.invoices[i].in.ID, Date: a.date, Amount: amountOf(a.units, s.minor)})
		}
	}
	return out, nil
}
