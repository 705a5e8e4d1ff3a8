package receivables

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// Rendering is a service rendered (or goods delivered) under the
// contract: what the client owes for once it is invoiced. Every invoice
// bills renderings, so rendered = invoiced + uninvoiced always holds.
type Rendering struct {
	ID          string          `json:"id"`
	Date        clientele.Date  `json:"date"`
	Amount      decimal.Decimal `json:"amount"`
	Description string          `json:"description,omitempty"`
}

// Invoice is an invoice of the contract: the ledger's fact (number,
// currency, amount, issue and due dates) with the renderings it bills
// and, under early-payment terms, the discount it offers. Its Amount is
// the sum of its renderings. Paid and WrittenOff stay unset: the book
// derives payment from the payments allocated ([Book.History] hands the
// paid parts on as ledger invoices with Paid set). Build one with
// [Book.Issue], which applies the contract's payment terms.
type Invoice struct {
	ledger.Invoice
	Renderings []string `json:"renderings"`
	// Early is the early-payment offer under the contract's terms, as
	// discount.EarlyPaymentTerms.Apply computed it; nil without one.
	Early *EarlyPayment `json:"early,omitempty"`
}

// EarlyPayment is an invoice's cash discount for early payment: the
// terms, the last day it may be taken and what it is worth.
type EarlyPayment struct {
	Terms         discount.EarlyPaymentTerms `json:"terms"`
	DiscountDate  clientele.Date             `json:"discount_date"`
	Discount      decimal.Decimal            `json:"discount"`
	AmountIfEarly decimal.Decimal            `json:"amount_if_early"`
}

// Payment is money received from the client under the contract: the
// ledger's fact (ID, date, amount) in a currency. ID is required: it
// makes recording a payment idempotent. With Invoice set, the payment
// pays that invoice and what exceeds it is kept as credit; without, it
// pays the open invoices oldest due first.
type Payment struct {
	ledger.Payment
	Currency string `json:"currency"`
	Invoice  string `json:"invoice,omitempty"`
}

// CreditNote reduces what an invoice asks (goods returned, a price
// corrected). Money already allocated beyond the reduced amount goes
// back to the client's credit, latest allocation first.
type CreditNote struct {
	ID      string          `json:"id"`
	Invoice string          `json:"invoice"`
	Date    clientele.Date  `json:"date"`
	Amount  decimal.Decimal `json:"amount"`
	Reason  string          `json:"reason"`
}

// Cancellation voids an invoice: it stays in the history with the
// reason, asks nothing any more, its renderings may be invoiced again,
// and money allocated to it goes back to the client's credit.
type Cancellation struct {
	Invoice string         `json:"invoice"`
	Date    clientele.Date `json:"date"`
	Reason  string         `json:"reason"`
}

// CreditApplication applies the client's credit (overpayments, money
// released by a credit note or a cancellation, advance payments) to an
// invoice: Amount at most the credit held on Date and at most what the
// invoice still asks. The credit of the payments recorded first goes
// first; the invoice is settled at face value (no early-payment discount).
type CreditApplication struct {
	Invoice string          `json:"invoice"`
	Date    clientele.Date  `json:"date"`
	Amount  decimal.Decimal `json:"amount"`
}

// Entry is one record of an account's journal: exactly one of its fields
// is set. The journal is append-only; nothing is deleted or rewritten.
// The zero Entry sets nothing and is refused.
type Entry struct {
	Rendering         *Rendering         `json:"rendering,omitempty"`
	Invoice           *Invoice           `json:"invoice,omitempty"`
	Payment           *Payment           `json:"payment,omitempty"`
	CreditNote        *CreditNote        `json:"credit_note,omitempty"`
	Cancellation      *Cancellation      `json:"cancellation,omitempty"`
	CreditApplication *CreditApplication `json:"credit_application,omitempty"`
}

// Date is the day the entry takes effect: a rendering's date, an
// invoice's issue date, a payment's date...; zero for the zero Entry.
func (e Entry) Date() clientele.Date {
	switch {
	case e.Rendering != nil:
		return e.Rendering.Date
	case e.Invoice != nil:
		return e.Invoice.Issued
	case e.Payment != nil:
		return e.Payment.Date
	case e.CreditNote != nil:
		return e.CreditNote.Date
	case e.Cancellation != nil:
		return e.Cancellation.Date
	case e.CreditApplication != nil:
		return e.CreditApplication.Date
	}
	return clientele.Date{}
}

// set counts the entry's set fields: one for a well-formed entry.
func (e Entry) set() int {
	n := 0
	for _, p := range [...]bool{e.Rendering != nil, e.Invoice != nil, e.Payment != nil,
		e.CreditNote != nil, e.Cancellation != nil, e.CreditApplication != nil} {
		if p {
			n++
		}
	}
	return n
}

// clone copies the entry deeply, so a stored journal shares nothing
// with its caller. Every field is copied, so a malformed entry stays
// malformed.
func (e Entry) clone() Entry {
	var c Entry
	if e.Rendering != nil {
		r := *e.Rendering
		c.Rendering = &r
	}
	if e.Invoice != nil {
		in := *e.Invoice
		in.Renderings = append([]string(nil), in.Renderings...)
		if in.Early != nil {
			early := *in.Early
			in.Early = &early
		}
		c.Invoice = &in
	}
	if e.Payment != nil {
		p := *e.Payment
		c.Payment = &p
	}
	if e.CreditNote != nil {
		n := *e.CreditNote
		c.CreditNote = &n
	}
	if e.Cancellation != nil {
		x := *e.Cancellation
		c.Cancellation = &x
	}
	if e.CreditApplication != nil {
		a := *e.CreditApplication
		c.CreditApplication = &a
	}
	return c
}
