package receivables

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/ledger"
)

// Issue builds the invoice entry that bills the named renderings under
// the contract's payment terms, without recording it: its amount is the
// renderings' sum, its due date the issue date plus terms.NetDays, and
// under early-payment terms its discount date and amount are what
// discount.EarlyPaymentTerms.Apply computes (rounded half up to the
// currency). Record the entry to book it. Errors name the terms, the
// invoice ID, the date or the rendering at fault.
func (b *Book) Issue(terms contract.PaymentTerms, id string, issued clientele.Date, renderings ...string) (Entry, error) {
	var p validate.Problems
	if b.byInvoice == nil {
		p.Add("account", nil, "the zero Book holds no account: build one with Open")
		return Entry{}, p.Err(ErrInvalid)
	}
	p.Merge("terms", terms.Validate())
	p.ID("id", id)
	if !p.Date("issued", issued, true) || p.Len() > 0 {
		return Entry{}, p.Err(ErrInvalid)
	}
	in := &Invoice{Invoice: ledger.Invoice{ID: id, Currency: b.acct.Currency, Issued: issued, Due: issued.AddDays(terms.NetDays)},
		Renderings: append([]string(nil), renderings...)}
	_, sum := b.checkBilled(&p, in)
	if err := p.Err(ErrInvalid); err != nil {
		return Entry{}, err
	}
	in.Amount = amountOf(sum, b.minor)
	if terms.Early != nil {
		applied, err := terms.Early.Apply(in.Invoice, 0)
		if err != nil {
			p.Merge("terms.early", err)
			return Entry{}, p.Err(ErrInvalid)
		}
		in.Early = &EarlyPayment{Terms: *terms.Early, DiscountDate: applied.DiscountDate,
			Discount: applied.Discount, AmountIfEarly: applied.AmountIfEarly}
	}
	return Entry{Invoice: in}, nil
}
