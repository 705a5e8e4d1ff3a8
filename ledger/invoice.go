package ledger

import (
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// ErrInvalid marks a malformed invoice or payment; it matches
// clientele.ErrInvalid.
var ErrInvalid = validate.Kind("ledger: invalid input", clientele.ErrInvalid)

// Invoice is one invoice to a client, as a fact: how much, in which
// currency, issued and due when, and, once it happened, when it was paid
// in full or written off as uncollectable.
//
// A partly paid invoice is open for its full amount until it is paid in
// full: a host that tracks part payments (the contract ledger does) hands
// the paid part and the open part on as two invoices.
//
// The zero Invoice is not valid: Validate names what is missing.
type Invoice struct {
	// ID is the host's invoice number, reported back where an invoice is
	// singled out. Optional.
	ID       string          `json:"id,omitempty"`
	Currency string          `json:"currency"`
	Amount   decimal.Decimal `json:"amount"`
	Issued   clientele.Date  `json:"issued"`
	Due      clientele.Date  `json:"due"`
	// Paid is the day the invoice was paid in full; unset while it is
	// not.
	Paid clientele.Date `json:"paid,omitzero"`
	// WrittenOff is the day the invoice was written off as bad debt;
	// unset if it was not.
	WrittenOff clientele.Date `json:"written_off,omitzero"`
}

// Validate reports every problem of one invoice.
func (in Invoice) Validate() error {
	var p validate.Problems
	checkInvoice(&p, &in)
	return p.Err(ErrInvalid)
}

// ValidateInvoices checks each invoice of a history and that the history
// is in one currency, naming each problem "invoices[i].field".
func ValidateInvoices(invs []Invoice) error {
	var p validate.Problems
	checkInvoices(&p, "invoices", invs)
	return p.Err(ErrInvalid)
}

// checkInvoices checks each invoice and that the history is in one
// currency, recording problems under prefix ("invoices[i].field"). A
// good invoice, the usual case among thousands, costs no field names.
func checkInvoices(p *validate.Problems, prefix string, invs []Invoice) {
	cur := ""
	p.Each(prefix, len(invs), func(q *validate.Problems, i int) {
		in := &invs[i]
		switch {
		case in.Currency == cur && cur != "": // the usual case, known already
		case !currency.Known(in.Currency):
			// checkInvoice reports it
		case cur == "":
			cur = in.Currency
		default:
			q.Addf("currency", in.Currency, "differs from %s, the currency of the earlier invoices: one history is in one currency", cur)
		}
		checkInvoice(q, in)
	})
}

// checkInvoice records the problems of one invoice.
func checkInvoice(p *validate.Problems, in *Invoice) {
	p.OptionalID("id", in.ID)
	if !currency.Known(in.Currency) {
		p.Add("currency", strconv.Quote(in.Currency), "is not an ISO 4217 currency code")
	}
	if p.CheckRange("amount", in.Amount) && in.Amount.Sign() <= 0 {
		p.Add("amount", in.Amount, "must be positive")
	}
	issuedOK := p.Date("issued", in.Issued, true)
	dates := [...]struct {
		name     string
		d        clientele.Date
		required bool
	}{{"due", in.Due, true}, {"paid", in.Paid, false}, {"written_off", in.WrittenOff, false}}
	for _, d := range dates {
		if p.Date(d.name, d.d, d.required) && issuedOK && d.d.IsValid() && d.d.Before(in.Issued) {
			p.Addf(d.name, d.d, "is before the issue date %s", in.Issued)
		}
	}
	if !in.Paid.IsZero() && !in.WrittenOff.IsZero() {
		p.Add("written_off", in.WrittenOff, "an invoice is either paid or written off, not both")
	}
}
