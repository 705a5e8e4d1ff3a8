package contract

import (
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/internal/validate"
)

// MaxNetDays bounds a payment period: ten years of days is beyond any
// commercial credit and keeps every due date far inside clientele.Date.
const MaxNetDays = 3660

// PaymentTerms are how a contract's invoices are paid: the net period
// from the invoice date to its due date and, optionally, a cash
// discount for early payment ("2/10 net 30"). The receivables ledger
// issues every invoice of the contract under them.
//
// The zero PaymentTerms mean payment due on the invoice date, without an
// early-payment discount; they are valid.
type PaymentTerms struct {
	// NetDays is the days from the invoice date to its due date.
	NetDays int `json:"net_days"`
	// Early, when set, grants a cash discount for early payment; its own
	// NetDays must equal the contract's, so one contract has one due date
	// rule.
	Early *discount.EarlyPaymentTerms `json:"early,omitempty"`
}

// Validate reports every problem of the terms, naming each field.
func (t PaymentTerms) Validate() error {
	var p validate.Problems
	t.check(&p)
	return p.Err(ErrInvalid)
}

// check adds the terms' problems to p, so a contract reports them beside
// its own under "payment_terms.".
func (t PaymentTerms) check(p *validate.Problems) {
	if t.NetDays < 0 || t.NetDays > MaxNetDays {
		p.Addf("net_days", t.NetDays, "must be within 0..%d", MaxNetDays)
	}
	if t.Early == nil {
		return
	}
	p.Merge("early", t.Early.Validate())
	if t.Early.NetDays != t.NetDays {
		p.Addf("early.net_days", t.Early.NetDays, "must equal net_days (%d)", t.NetDays)
	}
}
