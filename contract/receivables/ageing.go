package receivables

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// MaxAgeingEdges bounds the number of bucket edges: a dozen buckets are
// more than any ageing report shows.
const MaxAgeingEdges = 12

// maxEdgeDays bounds an edge: a hundred years past due.
const maxEdgeDays = 36600

// AgeingConfig sets the buckets of the receivables ageing. Edges are
// the upper ends, in days past due, of every bucket but the last, which
// holds everything beyond: the usual [0, 30, 60, 90] gives current (not
// past due), 1-30, 31-60, 61-90 and over 90 days. Load it with
// clientele.LoadConfig.
//
// The zero AgeingConfig has no edges and is refused: Validate says so.
type AgeingConfig struct {
	Edges []int `json:"edges"`
}

// DefaultAgeingConfig returns the usual buckets: current, 1-30, 31-60,
// 61-90 and over 90 days past due.
func DefaultAgeingConfig() AgeingConfig { return AgeingConfig{Edges: []int{0, 30, 60, 90}} }

// Validate reports every problem: no edges or too many, an edge
// negative, beyond a hundred years, or not above the one before.
func (c AgeingConfig) Validate() error {
	var p validate.Problems
	c.check(&p, "")
	return p.Err(ErrInvalid)
}

func (c AgeingConfig) check(p *validate.Problems, prefix string) {
	if len(c.Edges) == 0 || len(c.Edges) > MaxAgeingEdges {
		p.Addf(validate.Path(prefix, "edges"), len(c.Edges), "must list 1 to %d edges", MaxAgeingEdges)
		return
	}
	for i, e := range c.Edges {
		f := validate.Path(prefix, "edges["+strconv.Itoa(i)+"]")
		switch {
		case e < 0 || e > maxEdgeDays:
			p.Addf(f, e, "must be within 0..%d days past due", maxEdgeDays)
		case i > 0 && e <= c.Edges[i-1]:
			p.Addf(f, e, "must be above the edge before it (%d)", c.Edges[i-1])
		}
	}
}

// Bucket is one column of the ageing: invoices From to To days past
// due, both included. The first takes in invoices not yet due too
// (From is 0, and their days past due, negative, count as 0); the last
// is OpenEnded, with no To.
type Bucket struct {
	Label     string `json:"label"`
	From      int    `json:"from"`
	To        int    `json:"to,omitempty"`
	OpenEnded bool   `json:"open_ended,omitempty"`
}

// Buckets returns the buckets the edges make, labelled "current",
// "1-30"..., "over 90". It assumes a valid config.
func (c AgeingConfig) Buckets() []Bucket {
	out := make([]Bucket, 0, len(c.Edges)+1)
	for i, e := range c.Edges {
		b := Bucket{To: e}
		switch {
		case i > 0:
			b.From = c.Edges[i-1] + 1
			b.Label = fmt.Sprintf("%d-%d", b.From, e)
		case e == 0:
			b.Label = "current"
		default:
			b.Label = fmt.Sprintf("current-%d", e)
		}
		out = append(out, b)
	}
	last := c.Edges[len(c.Edges)-1]
	return append(out, Bucket{Label: "over " + strconv.Itoa(last), From: last + 1, OpenEnded: true})
}

// Ageing is the receivables ageing on a day: what is owed, per client
// and in total, by how long past due. Amounts are exact, in the books'
// one currency. The per-client rows are kept in minor units and turned
// into decimals as they are read (Clients, Find, JSON), so an ageing of
// a hundred thousand clients costs no decimal until a row is shown.
//
// The zero Ageing is no report: it has no buckets and no clients; Age
// returns it only with an error.
type Ageing struct {
	AsOf     clientele.Date `json:"as_of"`
	Currency string         `json:"currency"`
	// Total adds up every client; its ClientID is empty.
	Total AgeingLine `json:"total"`

	// buckets are read through Buckets, a copy: the client rows are
	// indexed by their number, which a caller must not change.
	buckets []Bucket
	p       *Portfolio
	lines   []int32       // the clients owing or holding credit, by client ID
	sums    []wide.Int128 // client i's bucket k at i*len(buckets)+k
	tally   []clientSums
}

// clientSums are one client's figures beside its buckets. Sums are
// 128-bit: each term is below 2^63, so 2^64 terms cannot overflow them,
// which is why the Add overflow flags are ignored.
type clientSums struct {
	outstanding, overdue wide.Int128
	oldest               int32
}

// AgeingLine is one client's (or the total's) row of the ageing.
type AgeingLine struct {
	ClientID string `json:"client_id,omitempty"`
	// Amounts holds what is owed in each bucket, in the order of
	// Ageing.Buckets().
	Amounts []decimal.Decimal `json:"amounts"`
	// Outstanding adds up the buckets; Overdue is its part past due.
	Outstanding decimal.Decimal `json:"outstanding"`
	Overdue     decimal.Decimal `json:"overdue"`
	// Credit is money received and not allocated, beside what is owed
	// (ageing does not net it off: applying it is the host's decision).
	Credit decimal.Decimal `json:"credit"`
	// DaysOverdue is the age of the oldest overdue invoice, 0 if none.
	DaysOverdue int `json:"days_overdue"`
}

// Buckets returns the ageing's buckets, youngest first: the columns of
// every row's Amounts. The slice is the caller's own.
func (a *Ageing) Buckets() []Bucket { return slices.Clone(a.buckets) }

// Len is the number of client rows: the clients owing or holding credit.
func (a *Ageing) Len() int { return len(a.lines) }

// Clients yields the client rows in client ID order.
func (a *Ageing) Clients() iter.Seq[AgeingLine] {
	return func(yield func(AgeingLine) bool) {
		for _, ci := range a.lines {
			if !yield(a.line(ci)) {
				return
			}
		}
	}
}

// Find returns the row of one client, and false when the client owes
// nothing and holds no credit (or is not in the books).
func (a *Ageing) Find(clientID string) (AgeingLine, bool) {
	i, ok := slices.BinarySearchFunc(a.lines, clientID, func(ci int32, id string) int { return strings.Compare(a.p.clients[ci], id) })
	if !ok {
		return AgeingLine{}, false
	}
	return a.line(a.lines[i]), true
}

func (a *Ageing) line(ci int32) AgeingLine {
	nb := len(a.buckets)
	m := a.p.minor
	l := AgeingLine{ClientID: a.p.clients[ci], Amounts: make([]decimal.Decimal, nb), DaysOverdue: int(a.tally[ci].oldest),
		Outstanding: wideAmount(a.tally[ci].outstanding, m), Overdue: wideAmount(a.tally[ci].overdue, m), Credit: wideAmount(a.p.credit[ci], m)}
	for k, v := range a.sums[int(ci)*nb : int(ci)*nb+nb] {
		l.Amounts[k] = wideAmount(v, m)
	}
	return l
}

// MarshalJSON writes the ageing with its client rows.
func (a Ageing) MarshalJSON() ([]byte, error) {
	type head struct {
		AsOf     clientele.Date `json:"as_of"`
		Currency string         `json:"currency"`
		Buckets  []Bucket       `json:"buckets"`
		Total    AgeingLine     `json:"total"`
		Clients  []AgeingLine   `json:"clients"`
	}
	return json.Marshal(head{a.AsOf, a.Currency, a.buckets, a.Total, slices.Collect(a.Clients())})
}

// Age returns the receivables ageing of the books on day: Collect, then
// Portfolio.Age. Books of one client (its contracts) are added up; all
// books must be in one currency. Errors name the day, the config or the
// book at fault.
func Age(day clientele.Date, cfg AgeingConfig, books []*Book) (Ageing, error) {
	var problems validate.Problems
	problems.Limit("books", validate.MaxListed)
	cfg.check(&problems, "config")
	checkBooks(&problems, day, books)
	if err := problems.Err(ErrInvalid); err != nil {
		return Ageing{}, err
	}
	p, err := Collect(day, books)
	if err != nil {
		return Ageing{}, err
	}
	return p.Age(cfg)
}

// Age returns the ageing of the portfolio's open invoices under cfg.
func (p *Portfolio) Age(cfg AgeingConfig) (Ageing, error) {
	if err := cfg.Validate(); err != nil {
		return Ageing{}, err
	}
	if p == nil {
		p = &Portfolio{}
	}
	nb := len(cfg.Edges) + 1
	edges := cfg.Edges
	a := Ageing{AsOf: p.day, Currency: p.currency, buckets: cfg.Buckets(), p: p,
		sums: make([]wide.Int128, len(p.clients)*nb), tally: make([]clientSums, len(p.clients))}
	for _, it := range p.items {
		past := p.day.Sub(it.due)
		k := 0
		for k < len(edges) && past > edges[k] {
			k++
		}
		i := int(it.client)*nb + k
		a.sums[i] = a.sums[i].AddInt64(it.open)
		if past > 0 {
			t := &a.tally[it.client]
			t.overdue = t.overdue.AddInt64(it.open)
			t.oldest = max(t.oldest, int32(past))
		}
	}
	for ci := range a.tally {
		t := &a.tally[ci]
		for _, v := range a.sums[ci*nb : ci*nb+nb] { // outstanding adds up the buckets
			t.outstanding, _ = t.outstanding.Add(v)
		}
	}
	total := make([]wide.Int128, nb)
	var tot clientSums
	var credit wide.Int128
	for ci := range p.clients {
		t := &a.tally[ci]
		if t.outstanding.Sign() == 0 && p.credit[ci].Sign() == 0 {
			continue
		}
		a.lines = append(a.lines, int32(ci))
		for k, v := range a.sums[ci*nb : ci*nb+nb] {
			total[k], _ = total[k].Add(v)
		}
		tot.outstanding, _ = tot.outstanding.Add(t.outstanding)
		tot.overdue, _ = tot.overdue.Add(t.overdue)
		tot.oldest = max(tot.oldest, t.oldest)
		credit, _ = credit.Add(p.credit[ci])
	}
	a.Total = AgeingLine{Amounts: make([]decimal.Decimal, nb), DaysOverdue: int(tot.oldest),
		Outstanding: wideAmount(tot.outstanding, p.minor), Overdue: wideAmount(tot.overdue, p.minor), Credit: wideAmount(credit, p.minor)}
	for k, v := range total {
		a.Total.Amounts[k] = wideAmount(v, p.minor)
	}
	return a, nil
}
