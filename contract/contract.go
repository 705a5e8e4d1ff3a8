package contract

import (
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// MaxNoticeDays bounds a notice period (termination, non-renewal): ten
// years of days, beyond any commercial notice.
const MaxNoticeDays = 3660

// MaxRenewalMonths bounds an automatic renewal's term: ten years.
const MaxRenewalMonths = 120

// Contract is a contract between the company and a client: its terms,
// its document package, the obligations of both parties and the
// history of its lifecycle. The state is not a field: it follows from
// the dates and the recorded Events on each day (StatusOn), so it is
// never stored twice and never disagrees with the history.
//
// A Contract is a value: methods that change it (Apply, Policy.Sign)
// return a changed copy, and the Store copies it in and out. The zero
// Contract is invalid: Validate names every missing field.
type Contract struct {
	// ID is chosen by the host (its own primary key); it never changes.
	ID string `json:"id"`
	// Number is the contract's number as written on the paper; a
	// re-registration gives a new one.
	Number    string `json:"number"`
	ClientID  string `json:"client_id"`
	ManagerID string `json:"manager_id"`
	// Type names one of the Policy's contract types ("supply",
	// "services"), which fixes the required documents and who may sign.
	Type string `json:"type"`
	// Value is the contract's total value, in Currency; signing limits
	// are checked against it.
	Value decimal.Decimal `json:"value"`
	// Currency is the ISO 4217 code of Value and of every amount of the
	// contract.
	Currency string `json:"currency"`
	// Start and End are the first and last days of the term as agreed.
	// Extensions are events, so End stays the agreed end and the end in
	// force on a day is Status.End.
	Start clientele.Date `json:"start"`
	End   clientele.Date `json:"end"`
	// PaymentTerms are how the contract's invoices are paid.
	PaymentTerms PaymentTerms `json:"payment_terms"`
	// AutoRenewal, when set, renews the contract for another term at
	// each end unless a party gives notice in time.
	AutoRenewal *AutoRenewal `json:"auto_renewal,omitempty"`
	// Revision counts amendments: 0 for the original contract, then 1,
	// 2, ... for each amendment (a new record; see Amendment).
	Revision int `json:"revision,omitempty"`
	// Predecessor links a renewal, a re-registration or an amendment to
	// the contract it continues; zero for an original contract.
	Predecessor Link `json:"predecessor,omitzero"`
	// Documents is the document package.
	Documents []Document `json:"documents,omitempty"`
	// Obligations are what each party must do, by when.
	Obligations []Obligation `json:"obligations,omitempty"`
	// Events is the recorded history, oldest first (see Apply).
	Events []Event `json:"events,omitempty"`
	// Version is the optimistic-concurrency version the Store assigns: 0
	// before Create, then 1, 2, ... on every Update.
	Version int64 `json:"version"`
}

// AutoRenewal renews a contract for TermMonths at each end, unless a
// party records EventStopAutoRenewal at least NoticeDays before that
// end (a later notice stops the renewal after the next one). The zero
// AutoRenewal is invalid (a term of 0 months): leave Contract.AutoRenewal
// nil for a contract that does not renew.
type AutoRenewal struct {
	TermMonths int `json:"term_months"`
	NoticeDays int `json:"notice_days"`
}

// Clone returns a deep copy: changing the copy's lists changes nothing
// in c.
func (c Contract) Clone() Contract {
	c.Documents = slices.Clone(c.Documents)
	c.Obligations = slices.Clone(c.Obligations)
	c.Events = slices.Clone(c.Events)
	for i := range c.Events {
		if s := c.Events[i].Signature; s != nil {
			cp := *s
			c.Events[i].Signature = &cp
		}
	}
	if c.PaymentTerms.Early != nil {
		cp := *c.PaymentTerms.Early
		c.PaymentTerms.Early = &cp
	}
	if c.AutoRenewal != nil {
		cp := *c.AutoRenewal
		c.AutoRenewal = &cp
	}
	return c
}

// Validate reports every problem of the record, each naming the field
// and the value: missing IDs, an unknown currency, a negative or
// out-of-range value, an end before the start, a bad document or
// obligation, and any recorded event the lifecycle does not allow on
// its day. Whether the Type exists is the Policy's to say (Policy.Check).
func (c Contract) Validate() error {
	var p validate.Problems
	p.Limit("problems", validate.MaxListed)
	c.check(&p)
	return p.Err(ErrInvalid)
}

func (c Contract) check(p *validate.Problems) {
	p.ID("id", c.ID)
	p.ID("number", c.Number)
	p.ID("client_id", c.ClientID)
	p.ID("manager_id", c.ManagerID)
	p.ID("type", c.Type)
	p.NonNegative("value", c.Value)
	checkCurrency(p, "currency", c.Currency)
	okStart := p.Date("start", c.Start, true)
	if p.Date("end", c.End, true) && okStart && c.End.Before(c.Start) {
		p.Addf("end", c.End, "is before the start %s", c.Start)
	}
	var terms validate.Problems
	c.PaymentTerms.check(&terms)
	p.Merge("payment_terms", terms.Err(ErrInvalid))
	if r := c.AutoRenewal; r != nil {
		if r.TermMonths < 1 || r.TermMonths > MaxRenewalMonths {
			p.Addf("auto_renewal.term_months", r.TermMonths, "must be within 1..%d", MaxRenewalMonths)
		}
		if r.NoticeDays < 0 || r.NoticeDays > MaxNoticeDays {
			p.Addf("auto_renewal.notice_days", r.NoticeDays, "must be within 0..%d", MaxNoticeDays)
		}
	}
	if c.Revision < 0 {
		p.Add("revision", c.Revision, "must not be negative")
	}
	c.Predecessor.check(p, c.ID)
	p.Each("documents", len(c.Documents), func(q *validate.Problems, i int) { c.Documents[i].check(q) })
	p.Each("obligations", len(c.Obligations), func(q *validate.Problems, i int) { c.Obligations[i].check(q) })
	p.Repeats("obligations", "id", len(c.Obligations), func(i int) string { return c.Obligations[i].ID })
	if c.Version < 0 {
		p.Add("version", c.Version, "must not be negative")
	}
	before := p.Len()
	p.Each("events", len(c.Events), func(q *validate.Problems, i int) { c.Events[i].check(q) })
	if p.Len() == before && okStart {
		c.checkHistory(p)
	}
}

// checkHistory replays the events and reports each the lifecycle
// refuses on its day.
func (c Contract) checkHistory(p *validate.Problems) {
	r := newRun(&c)
	r.explain = false // the refusals say why; the states need no words
	for i, e := range c.Events {
		if i > 0 && e.On.Before(c.Events[i-1].On) {
			p.Addf("events["+strconv.Itoa(i)+"].on", e.On, "is before the previous event's day %s: events are recorded oldest first", c.Events[i-1].On)
			continue
		}
		if err := r.step(e); err != nil {
			p.Add("events["+strconv.Itoa(i)+"].kind", e.Kind, err.Error())
		}
	}
}

// checkEnum reports an unset enum as required and an unknown one with
// its value.
func checkEnum[E interface {
	~uint8
	IsValid() bool
}](p *validate.Problems, field string, v E, what string) bool {
	switch {
	case v == 0:
		p.Add(field, nil, "is required")
	case !v.IsValid():
		p.Add(field, v, "unknown "+what)
	default:
		return true
	}
	return false
}

// checkCurrency reports a missing or unknown ISO 4217 code.
func checkCurrency(p *validate.Problems, field, code string) {
	switch {
	case code == "":
		p.Add(field, nil, "is required")
	case !currency.Known(code):
		p.Add(field, code, "is not an active ISO 4217 code")
	}
}
