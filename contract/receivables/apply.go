package receivables

import (
	"github.com/shopspring/decimal"
	"strconv"

	"github.com/clientele-go/clientele/internal/validate"
)

func (b *Book) applyRendering(p *validate.Problems, r *Rendering) {
	const f = "rendering."
	if p.ID(f+"id", r.ID) {
		if _, taken := b.byRendering[r.ID]; taken {
			p.Add(f+"id", r.ID, "repeats a rendering of the journal")
		}
	}
	p.Date(f+"date", r.Date, true)
	p.Text(f+"description", r.Description, validate.MaxTextLen)
	u, ok := units(p, f+"amount", r.Amount, b.minor)
	if ok && u > maxBookUnits-b.rendered {
		p.Add(f+"amount", r.Amount, "takes the contract's rendered total past what one ledger books")
	}
	if p.Len() > 0 {
		return
	}
	b.byRendering[r.ID] = len(b.renderings)
	b.renderings = append(b.renderings, rendering{r: r, units: u, invoice: -1})
	b.rendered += u
}

func (b *Book) applyInvoice(p *validate.Problems, in *Invoice) {
	const f = "invoice."
	p.Merge("invoice", in.Invoice.Validate())
	if p.ID(f+"id", in.ID) {
		if _, taken := b.byInvoice[in.ID]; taken {
			p.Add(f+"id", in.ID, "repeats an invoice of the journal")
		}
	}
	if in.Currency != b.acct.Currency {
		p.Addf(f+"currency", in.Currency, "differs from %s, the currency of the contract's account", b.acct.Currency)
		p.Also(ErrCurrency)
	}
	b.inOrder(p, f+"issued", in.Issued)
	if !in.Paid.IsZero() || !in.WrittenOff.IsZero() {
		p.Add(f+"paid", in.Paid, "must be unset: the book derives payment from the payments it allocates")
	}
	if p.Len() > 0 {
		return
	}
	u, ok := units(p, f+"amount", in.Amount, b.minor)
	billed, sum := b.checkBilled(p, in)
	if ok && p.Len() == 0 && sum != u {
		p.Addf(f+"amount", in.Amount, "differs from %s, the sum of its renderings", amountOf(sum, b.minor))
	}
	early := int64(0)
	if in.Early != nil {
		early = b.checkEarly(p, in)
	}
	if p.Len() > 0 {
		return
	}
	idx := len(b.invoices)
	for _, r := range billed {
		b.renderings[r].invoice = idx
	}
	b.byInvoice[in.ID] = idx
	b.invoices = append(b.invoices, invoice{in: in, units: u, earlyUnits: early})
}

// checkBilled checks the renderings an invoice bills: known, each once,
// dated by the issue date, not billed by a live invoice. It returns
// their indices and the sum of their amounts.
func (b *Book) checkBilled(p *validate.Problems, in *Invoice) ([]int, int64) {
	if len(in.Renderings) == 0 {
		p.Add("invoice.renderings", nil, "is empty: an invoice bills the services rendered")
	}
	var idx []int
	var sum int64
	seen := map[string]bool{}
	for i, id := range in.Renderings {
		f := "invoice.renderings[" + strconv.Itoa(i) + "]"
		r, ok := b.byRendering[id]
		switch {
		case !ok:
			p.Add(f, id, "is not a rendering of this contract")
		case seen[id]:
			p.Add(f, id, "is listed twice")
		case b.renderings[r].invoice >= 0:
			p.Addf(f, id, "is billed already by invoice %s", b.invoices[b.renderings[r].invoice].in.ID)
		case b.renderings[r].r.Date.After(in.Issued):
			p.Addf(f, id, "is rendered on %s, after the issue date %s", b.renderings[r].r.Date, in.Issued)
		default:
			seen[id] = true
			idx = append(idx, r)
			sum += b.renderings[r].units
		}
	}
	return idx, sum
}

// checkEarly checks the invoice's early-payment offer against
// discount.EarlyPaymentTerms.Apply and records a problem where it does
// not fit; it returns AmountIfEarly in minor units. The discount date
// must be the terms'. The discount may be below what the terms give on
// the full amount: a quote under taxes (discount.Quote.Invoice) takes it
// in Odoo's "excluded" mode on the untaxed amount only. It may pass it
// by rounding only, at most earlyRoundingSlack minor units: the
// "included" mode rounds the discount once per tax and once on the
// untaxed part, each by up to half a minor unit. Discount and
// AmountIfEarly must add up to the amount, to the cent.
// earlyRoundingSlack is how many minor units a discount split by tax may
// pass the terms' discount rounded once: half a unit for each of up to
// three taxes and the untaxed part.
const earlyRoundingSlack = 2

func (b *Book) checkEarly(p *validate.Problems, in *Invoice) int64 {
	const f = "invoice.early."
	want, err := in.Early.Terms.Apply(in.Invoice, 0)
	if err != nil {
		p.Merge("invoice.early", err)
		return 0
	}
	if in.Early.DiscountDate != want.DiscountDate {
		p.Addf(f+"discount_date", in.Early.DiscountDate, "differs from %s, what the terms give", want.DiscountDate)
	}
	got := in.Early.Discount
	slack := decimal.New(earlyRoundingSlack, -b.minor)
	switch {
	case got.IsNegative():
		p.Add(f+"discount", got, "is negative")
	case got.GreaterThan(want.Discount.Add(slack)):
		p.Addf(f+"discount", got, "is above %s, what the terms give on the full amount (rounding per tax may add %s at most)", want.Discount, slack)
	case !got.Equal(got.Truncate(b.minor)):
		p.Addf(f+"discount", got, "has more decimals than the currency's %d", b.minor)
	}
	if !got.Add(in.Early.AmountIfEarly).Equal(in.Amount) {
		p.Addf(f+"amount_if_early", in.Early.AmountIfEarly, "plus the discount %s is not the amount %s", got, in.Amount)
	}
	return in.Early.AmountIfEarly.Shift(b.minor).IntPart()
}

func (b *Book) applyPayment(p *validate.Problems, pay *Payment) (dup bool, err error) {
	const f = "payment."
	p.Merge("payment", pay.Payment.Validate())
	p.ID(f+"id", pay.ID)
	if pay.Currency != b.acct.Currency {
		p.Addf(f+"currency", pay.Currency, "differs from %s, the currency of the contract's account: convert the payment first", b.acct.Currency)
		p.Also(ErrCurrency)
	}
	if p.Len() > 0 {
		return false, nil
	}
	if i, known := b.byPayment[pay.ID]; known {
		was := b.payments[i].p
		if was.Date == pay.Date && was.Amount.Equal(pay.Amount) && was.Currency == pay.Currency && was.Invoice == pay.Invoice {
			return true, nil
		}
		return false, &PaymentConflictError{ContractID: b.acct.ContractID, PaymentID: pay.ID, Recorded: *was, Given: *pay}
	}
	b.inOrder(p, f+"date", pay.Date)
	u, ok := units(p, f+"amount", pay.Amount, b.minor)
	if ok && u > maxBookUnits-b.received {
		p.Add(f+"amount", pay.Amount, "takes the contract's received total past what one ledger books")
	}
	var named *invoice
	if pay.Invoice != "" {
		named, _ = b.liveInvoice(p, f+"invoice", pay.Invoice)
	}
	if p.Len() > 0 {
		return false, nil
	}
	pi := len(b.payments)
	b.byPayment[pay.ID] = pi
	b.payments = append(b.payments, payment{p: pay, units: u})
	b.received += u
	if named != nil {
		b.allocate(named, pi, u, pay.Date)
		return false, nil
	}
	b.payOldestFirst(pi, u, pay.Date)
	return false, nil
}

func (b *Book) applyCreditNote(p *validate.Problems, cn *CreditNote) {
	const f = "credit_note."
	if p.ID(f+"id", cn.ID) && b.creditNotes[cn.ID] {
		p.Add(f+"id", cn.ID, "repeats a credit note of the journal")
	}
	p.Date(f+"date", cn.Date, true)
	b.inOrder(p, f+"date", cn.Date)
	p.Required(f+"reason", cn.Reason, validate.MaxTextLen)
	u, ok := units(p, f+"amount", cn.Amount, b.minor)
	in, live := b.liveInvoice(p, f+"invoice", cn.Invoice)
	if ok && live {
		if room := in.units - in.credited - in.discount; u > room {
			p.Addf(f+"amount", cn.Amount, "is more than the %s invoice %s still stands for", amountOf(room, b.minor), in.in.ID)
		}
	}
	if p.Len() > 0 {
		return
	}
	b.creditNotes[cn.ID] = true
	in.credited += u
	in.creditNotes = append(in.creditNotes, cn)
	if excess := in.allocated - (in.units - in.credited - in.discount); excess > 0 {
		b.release(in, excess)
	}
}

func (b *Book) applyCancellation(p *validate.Problems, c *Cancellation) {
	const f = "cancellation."
	p.Date(f+"date", c.Date, true)
	b.inOrder(p, f+"date", c.Date)
	p.Required(f+"reason", c.Reason, validate.MaxTextLen)
	in, live := b.liveInvoice(p, f+"invoice", c.Invoice)
	if !live || p.Len() > 0 {
		return
	}
	b.release(in, in.allocated)
	in.discount = 0
	in.cancelled = c
	idx := b.byInvoice[c.Invoice]
	for i := range b.renderings {
		if b.renderings[i].invoice == idx {
			b.renderings[i].invoice = -1
		}
	}
}

func (b *Book) applyCreditApplication(p *validate.Problems, ca *CreditApplication) {
	const f = "credit_application."
	p.Date(f+"date", ca.Date, true)
	b.inOrder(p, f+"date", ca.Date)
	u, ok := units(p, f+"amount", ca.Amount, b.minor)
	in, live := b.liveInvoice(p, f+"invoice", ca.Invoice)
	if !ok || !live || p.Len() > 0 {
		return
	}
	var credit int64 // every payment is dated by then: money entries come in date order
	for i := range b.payments {
		credit += b.payments[i].units - b.payments[i].allocated
	}
	switch open := in.open(); {
	case u > credit:
		p.Addf(f+"amount", ca.Amount, "is more than the %s of credit the client holds on %s: an allocation never exceeds what was paid", amountOf(credit, b.minor), ca.Date)
	case u > open:
		p.Addf(f+"amount", ca.Amount, "is more than the %s invoice %s still asks", amountOf(open, b.minor), in.in.ID)
	}
	if p.Len() > 0 {
		return
	}
	for i := range b.payments {
		pay := &b.payments[i]
		if u == 0 {
			break
		}
		if pay.allocated == pay.units {
			continue
		}
		take := min(u, pay.units-pay.allocated)
		in.allocs = append(in.allocs, allocation{payment: i, date: ca.Date, units: take})
		in.allocated += take
		pay.allocated += take
		u -= take
	}
}
