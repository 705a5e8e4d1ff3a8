package receivables

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Book is an account's state: its journal replayed. It knows every
// rendering, invoice and payment of the contract, how each payment was
// allocated, what each invoice still asks and what the client holds as
// credit. [Open] builds one from an Account; [Book.Record] appends
// entries, all or none.
//
// The rules it keeps:
//   - money is never lost: every unit paid is allocated to an invoice
//     or kept as credit, and no allocation exceeds its payment;
//   - rendered = invoiced + uninvoiced: every invoice bills renderings
//     not billed by another live invoice, and a cancellation releases
//     them;
//   - nothing is deleted: credit notes and cancellations are entries of
//     their own, with their reasons.
//
// A Book is not safe for concurrent writes; reads of a Book no one
// writes are. The zero Book holds no account: Record refuses it and the
// reports are empty.
type Book struct {
	acct   Account
	minor  int32
	latest clientele.Date // the latest date of any entry
	// latestMoney is the latest date of an entry that moves money (all
	// but renderings): those are journaled in date order.
	latestMoney clientele.Date

	renderings  []rendering
	byRendering map[string]int
	invoices    []invoice
	byInvoice   map[string]int
	payments    []payment
	byPayment   map[string]int
	creditNotes map[string]bool

	rendered, received int64 // minor units

	// items are the open invoices' due dates and open amounts, rebuilt
	// after every Record: what ageing reads, 16 bytes an invoice.
	items  []openItem
	credit int64 // money received and not allocated
}

type openItem struct {
	due  clientele.Date
	open int64
}

// reindex rebuilds the open items.
func (b *Book) reindex() {
	b.items = b.items[:0:0]
	b.credit = b.received
	for i := range b.payments {
		b.credit -= b.payments[i].allocated
	}
	for i := range b.invoices {
		if o := b.invoices[i].open(); o > 0 {
			b.items = append(b.items, openItem{due: b.invoices[i].in.Due, open: o})
		}
	}
}

type rendering struct {
	r       *Rendering
	units   int64
	invoice int // index of the live invoice billing it, or -1
}

type invoice struct {
	in           *Invoice
	units        int64
	earlyUnits   int64 // AmountIfEarly, 0 without an offer
	credited     int64
	discount     int64 // the early-payment discount granted
	discountDate clientele.Date
	allocated    int64
	released     int64 // allocations handed back to credit
	allocs       []allocation
	creditNotes  []*CreditNote
	cancelled    *Cancellation
	lateAlloc    bool // an allocation after the discount date
}

// open is what the invoice still asks.
func (in *invoice) open() int64 {
	if in.cancelled != nil {
		return 0
	}
	return in.units - in.credited - in.discount - in.allocated
}

type allocation struct {
	payment int
	date    clientele.Date
	units   int64
}

type payment struct {
	p         *Payment
	units     int64
	allocated int64
}

// Open replays an account's journal into a Book, refusing an account
// whose header is invalid or whose journal breaks a rule, naming the
// entry ("entries[3].payment.invoice").
func Open(a Account) (*Book, error) {
	var p validate.Problems
	minor := a.checkHeader(&p)
	if a.Version < 0 {
		p.Add("version", a.Version, "must not be negative")
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	b := &Book{minor: minor, byRendering: map[string]int{}, byInvoice: map[string]int{},
		byPayment: map[string]int{}, creditNotes: map[string]bool{}}
	b.acct = a
	b.acct.Entries = nil
	if _, err := b.record(a.Entries, false); err != nil {
		return nil, err
	}
	return b, nil
}

// Account returns a copy of the account: header, version and journal.
func (b *Book) Account() Account { return b.acct.clone() }

// ContractID, ClientID and Currency are the account's header.
func (b *Book) ContractID() string { return b.acct.ContractID }

// ClientID is the client the contract's receivables are owed by.
func (b *Book) ClientID() string { return b.acct.ClientID }

// Currency is the one currency of the account.
func (b *Book) Currency() string { return b.acct.Currency }

// Version is the account's stored version.
func (b *Book) Version() int64 { return b.acct.Version }

// Record appends entries to the journal, all or none: an entry the book
// refuses leaves it unchanged and the error names that entry. Money
// entries must come in date order (see the package doc). A payment
// whose ID is recorded already is skipped when it is the same payment
// (recording twice is idempotent) and refused with a
// *PaymentConflictError when it differs. Record returns how many entries
// it appended; it does not change the version (a Store does). Being all
// or none, it works on a copy of the book's state: a batch costs the
// size of the book once, so record many entries in one call.
func (b *Book) Record(entries ...Entry) (int, error) {
	if b.byInvoice == nil {
		var p validate.Problems
		p.Add("account", nil, "the zero Book holds no account: build one with Open")
		return 0, p.Err(ErrInvalid)
	}
	return b.record(entries, true)
}

// record applies entries on a copy and keeps it only if all are
// accepted. Duplicate payments are skipped when skipDuplicates, else
// (replaying a stored journal) refused.
func (b *Book) record(entries []Entry, skipDuplicates bool) (int, error) {
	work := b.clone()
	added := 0
	for i, e := range entries {
		var p validate.Problems
		prefix := fmt.Sprintf("entries[%d]", i)
		dup, err := work.apply(&p, e.clone())
		if err == nil {
			err = p.Err(ErrInvalid)
		}
		if err != nil {
			var conflict *PaymentConflictError
			if errors.As(err, &conflict) {
				return 0, err
			}
			var q validate.Problems
			q.Merge(prefix, err)
			return 0, q.Err(ErrInvalid)
		}
		if dup {
			if !skipDuplicates {
				p.Add(prefix+".payment.id", e.Payment.ID, "repeats a payment of the journal")
				return 0, p.Err(ErrInvalid)
			}
			continue
		}
		added++
	}
	work.reindex()
	*b = *work
	return added, nil
}

// clone copies the state deeply enough that applying entries to the copy
// leaves b unchanged. Entries themselves are never mutated once applied,
// so they are shared.
func (b *Book) clone() *Book {
	c := *b
	c.acct.Entries = slices.Clone(b.acct.Entries)
	c.renderings = slices.Clone(b.renderings)
	c.invoices = slices.Clone(b.invoices)
	for i := range c.invoices {
		c.invoices[i].allocs = slices.Clone(c.invoices[i].allocs)
		c.invoices[i].creditNotes = slices.Clone(c.invoices[i].creditNotes)
	}
	c.payments = slices.Clone(b.payments)
	c.byRendering = maps.Clone(b.byRendering)
	c.byInvoice = maps.Clone(b.byInvoice)
	c.byPayment = maps.Clone(b.byPayment)
	c.creditNotes = maps.Clone(b.creditNotes)
	return &c
}

// apply checks one entry against the state and, when p stays empty and
// no error is returned, applies it. dup reports an identical payment
// recorded already (nothing applied).
func (b *Book) apply(p *validate.Problems, e Entry) (dup bool, err error) {
	if n := e.set(); n != 1 {
		p.Addf("", n, "an entry sets exactly one of rendering, invoice, payment, credit_note, cancellation, credit_application (this one sets %d)", n)
		return false, nil
	}
	switch {
	case e.Rendering != nil:
		b.applyRendering(p, e.Rendering)
	case e.Invoice != nil:
		b.applyInvoice(p, e.Invoice)
	case e.Payment != nil:
		if dup, err = b.applyPayment(p, e.Payment); dup || err != nil {
			return dup, err
		}
	case e.CreditNote != nil:
		b.applyCreditNote(p, e.CreditNote)
	case e.Cancellation != nil:
		b.applyCancellation(p, e.Cancellation)
	case e.CreditApplication != nil:
		b.applyCreditApplication(p, e.CreditApplication)
	}
	if p.Len() == 0 {
		b.acct.Entries = append(b.acct.Entries, e)
		d := e.Date()
		if d.After(b.latest) {
			b.latest = d
		}
		if e.Rendering == nil && d.After(b.latestMoney) {
			b.latestMoney = d
		}
	}
	return false, nil
}

// inOrder records a problem when a money entry is dated before the
// latest one recorded. Journaling them in date order is what makes the
// book as of any day the replay of the entries dated by then: the same
// allocations, the same credit, in every report.
func (b *Book) inOrder(p *validate.Problems, field string, d clientele.Date) {
	if d.IsValid() && d.Before(b.latestMoney) {
		p.Addf(field, d, "is before %s, the date of the latest invoice, payment, credit note, cancellation or credit application: those are recorded in date order", b.latestMoney)
	}
}

// liveInvoice finds the invoice named at field, recording a problem
// when it is unknown or cancelled. (It is issued by the entry's day:
// money entries come in date order.)
func (b *Book) liveInvoice(p *validate.Problems, field, id string) (*invoice, bool) {
	i, ok := b.byInvoice[id]
	if !ok {
		p.Add(field, id, "is not an invoice of this contract")
		return nil, false
	}
	in := &b.invoices[i]
	if in.cancelled != nil {
		p.Addf(field, id, "was cancelled on %s (%s)", in.cancelled.Date, in.cancelled.Reason)
		p.Also(ErrCancelled)
		return nil, false
	}
	return in, true
}

// allocate gives up to avail units of payment pi, dated day, to invoice
// in and returns how many it took. A payment by the discount date that
// settles the rest of an invoice under early-payment terms settles it
// with the discount (as Odoo grants a cash discount: only for payment in
// full within the term); a part payment earns none.
func (b *Book) allocate(in *invoice, pi int, avail int64, day clientele.Date) int64 {
	open := in.open()
	if open <= 0 || avail <= 0 {
		return 0
	}
	take := min(avail, open)
	if in.in.Early != nil && in.credited == 0 && in.discount == 0 && !in.lateAlloc && !day.After(in.in.Early.DiscountDate) {
		// need > 0: credit applied at face value may already cover the
		// discounted amount, and then no discount is earned.
		if need := in.earlyUnits - in.allocated; need > 0 && avail >= need {
			take = need
			in.discount = in.units - in.earlyUnits
			in.discountDate = day
		}
	}
	if day.After(in.discountDateOrZero()) {
		in.lateAlloc = true
	}
	in.allocs = append(in.allocs, allocation{payment: pi, date: day, units: take})
	in.allocated += take
	b.payments[pi].allocated += take
	return take
}

// discountDateOrZero is the last day of the early-payment discount, or
// the zero date (before every day) without an offer.
func (in *invoice) discountDateOrZero() clientele.Date {
	if in.in.Early == nil {
		return clientele.Date{}
	}
	return in.in.Early.DiscountDate
}

// release hands back units of the invoice's allocations to their
// payments' credit, latest allocation first.
func (b *Book) release(in *invoice, units int64) {
	for units > 0 && len(in.allocs) > 0 {
		last := &in.allocs[len(in.allocs)-1]
		r := min(units, last.units)
		last.units -= r
		b.payments[last.payment].allocated -= r
		in.allocated -= r
		in.released += r
		units -= r
		if last.units == 0 {
			in.allocs = in.allocs[:len(in.allocs)-1]
		}
	}
}

// payOldestFirst allocates avail units of payment pi, dated day, to the
// open invoices (all issued by then: money entries come in date order),
// the oldest due date first (then the oldest issue date, then the order
// recorded), and returns what is left.
func (b *Book) payOldestFirst(pi int, avail int64, day clientele.Date) int64 {
	var order []int
	for i := range b.invoices {
		in := &b.invoices[i]
		if in.open() > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, c := b.invoices[x].in, b.invoices[y].in
		return cmp.Or(a.Due.Compare(c.Due), a.Issued.Compare(c.Issued))
	})
	for _, i := range order {
		if avail == 0 {
			break
		}
		avail -= b.allocate(&b.invoices[i], pi, avail, day)
	}
	return avail
}
