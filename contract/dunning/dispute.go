package dunning

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Correspondence is one entry of the host's log of contacts about a
// debt: a letter, an e-mail, a call. People are named by ID; the
// summary is free text that may name the client's people, so it is
// personal data (client.Personal): it prints [redacted] everywhere and
// is read only through Reveal, as a complaint's description is.
type Correspondence struct {
	Date    clientele.Date `json:"date"`
	Channel string         `json:"channel"`
	// By is the ID of the person who wrote or called.
	By      string          `json:"by,omitempty"`
	Summary client.Personal `json:"summary"`
}

// DisputePack is the material for a disputed debt: the contract's
// invoices and payments as the book sees them, its totals, the
// correspondence in date order, the dunning decision with its interest
// and fees, and a summary in words.
// The zero DisputePack is no pack: Dispute returns it only with an
// error.
type DisputePack struct {
	ContractID     string                      `json:"contract_id"`
	ClientID       string                      `json:"client_id"`
	AsOf           clientele.Date              `json:"as_of"`
	Totals         receivables.Totals          `json:"totals"`
	Invoices       []receivables.InvoiceStatus `json:"invoices"`
	Payments       []receivables.PaymentStatus `json:"payments"`
	Correspondence []Correspondence            `json:"correspondence"`
	Dunning        Decision                    `json:"dunning"`
	Summary        []string                    `json:"summary"`
}

// NewDisputePack assembles the dispute pack of a contract's book on day, with
// the host's correspondence log and the dunning steps taken.
func NewDisputePack(book *receivables.Book, day clientele.Date, correspondence []Correspondence, done []Step, cfg Config) (DisputePack, error) {
	var p validate.Problems
	if book == nil {
		p.Add("book", nil, "is required")
		return DisputePack{}, p.Err(ErrInvalid)
	}
	p.Each("correspondence", len(correspondence), func(q *validate.Problems, i int) {
		c := &correspondence[i]
		q.Date("date", c.Date, true)
		q.Name("channel", c.Channel)
		q.OptionalID("by", c.By)
		switch text := c.Summary.Reveal(); {
		case text == "":
			q.Add("summary", nil, "is required")
		case len(text) > validate.MaxTextLen || !utf8.ValidString(text):
			q.Addf("summary", c.Summary, "must be UTF-8 text of at most %d bytes", validate.MaxTextLen)
		}
	})
	if err := p.Err(ErrInvalid); err != nil {
		return DisputePack{}, err
	}
	tot, err := book.Totals(day)
	if err != nil {
		return DisputePack{}, err
	}
	invs, err := book.Invoices(day)
	if err != nil {
		return DisputePack{}, err
	}
	pays, err := book.Payments(day)
	if err != nil {
		return DisputePack{}, err
	}
	dec, err := Next(Debt{ClientID: book.ClientID(), Invoices: invs, Done: done}, day, cfg)
	if err != nil {
		return DisputePack{}, err
	}
	log := slices.Clone(correspondence)
	slices.SortStableFunc(log, func(a, b Correspondence) int { return a.Date.Compare(b.Date) })
	pack := DisputePack{ContractID: book.ContractID(), ClientID: book.ClientID(), AsOf: day, Totals: tot,
		Invoices: invs, Payments: pays, Correspondence: log, Dunning: dec}
	minor, _ := currency.MinorUnits(tot.Currency)
	f := func(d decimal.Decimal) string { return d.StringFixed(minor) }
	pack.Summary = append(pack.Summary,
		fmt.Sprintf("Contract %s with client %s, as of %s: rendered %s %s, invoiced %s, credited %s, paid %s (of which %s held as credit); outstanding %s, of which %s past due.",
			pack.ContractID, pack.ClientID, day, f(tot.Rendered), tot.Currency, f(tot.Invoiced), f(tot.Credited), f(tot.Paid), f(tot.Credit), f(tot.Outstanding), f(tot.Overdue)))
	cancelled := 0
	for _, in := range invs {
		if in.Status == receivables.StatusCancelled {
			cancelled++
		}
	}
	pack.Summary = append(pack.Summary, fmt.Sprintf("On record: %s (%d cancelled), %s, %s.",
		plural(len(invs), "invoice"), cancelled, plural(len(pays), "payment"), plural(len(log), "contact")))
	if len(log) > 0 {
		last := log[len(log)-1]
		pack.Summary = append(pack.Summary, fmt.Sprintf("Last contact on %s by %s (its summary is personal data: see the correspondence log).", last.Date, last.Channel))
	}
	pack.Summary = append(pack.Summary, dec.Reasons...)
	return pack, nil
}
