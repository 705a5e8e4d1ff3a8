package receivables

import (
	"fmt"
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

// Bucket is one column of the ageing: invoices From to To days past due,
// both included; the last bucket has no upper end (To is 0) and the
// first takes in invoices not yet due (From is 0, and their days past
// due, negative, count as 0).
type Bucket struct {
	Label string `json:"label"`
	From  int    `json:"from"`
	To    int    `json:"to,omitempty"`
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
	return append(out, Bucket{Label: "over " + strconv.Itoa(last), From: last + 1})
}

// Ageing is the receivables ageing on a day: what is owed, per client
// and in total, by how long past due. Amounts are exact, in the books'
// one currency.
// The zero Ageing is no report: Age returns it only with an error.
type Ageing struct {
	AsOf     clientele.Date `json:"as_of"`
	Currency string         `json:"currency"`
	Buckets  []Bucket       `json:"buckets"`
	// Total adds up every client; its ClientID is empty.
	Total AgeingLine `json:"total"`
	// Clients are the clients owing or holding credit, by client ID.
	Clients []AgeingLine `json:"clients"`
}

// AgeingLine is one client's (or the total's) row of the ageing.
type AgeingLine struct {
	ClientID string `json:"client_id,omitempty"`
	// Amounts holds what is owed in each bucket, in the order of
	// Ageing.Buckets.
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

// clientTally is one client's running sums during a scan (its buckets
// are in scan.buckets). Sums are 128-bit: each term is below 2^63, so
// 2^64 terms cannot overflow them, and the Add overflow flags are
// ignored below for that reason.
type clientTally struct {
	id       string
	oldest   int
	overdue  wide.Int128
	credit   wide.Int128
	outstand wide.Int128
}

// scan tallies books by client on day: buckets by edges (a flat slice,
// client i's bucket k at i*(len(edges)+1)+k), in book order of first
// appearance.
type scan struct {
	day     clientele.Date
	minor   int32
	cur     string
	clients []clientTally
	buckets []wide.Int128
	// overdueBooks lists the books with overdue money, in book order
	// (for the debtor list).
	overdueBooks []int
}

// checkBooks validates the day and the books: none zero, one currency.
func checkBooks(p *validate.Problems, day clientele.Date, books []*Book) string {
	p.Date("as_of", day, true)
	cur := ""
	p.Each("books", len(books), func(q *validate.Problems, i int) {
		b := books[i]
		switch {
		case b == nil || b.byInvoice == nil:
			q.Add("", nil, "the zero Book holds no account: build one with Open")
		case cur == "":
			cur = b.acct.Currency
		case b.acct.Currency != cur:
			q.Addf("currency", b.acct.Currency, "differs from %s, the currency of the earlier books: one report is in one currency", cur)
			q.Also(ErrCurrency)
		}
	})
	return cur
}

func runScan(day clientele.Date, edges []int, books []*Book) (*scan, error) {
	s := &scan{day: day}
	nb := len(edges) + 1
	index := make(map[string]int, len(books))
	for bi, b := range books {
		st, err := b.at(day)
		if err != nil {
			return nil, err
		}
		s.minor, s.cur = st.minor, st.acct.Currency
		ci, ok := index[st.acct.ClientID]
		if !ok {
			ci = len(s.clients)
			index[st.acct.ClientID] = ci
			s.clients = append(s.clients, clientTally{id: st.acct.ClientID})
			s.buckets = append(s.buckets, make([]wide.Int128, nb)...)
		}
		c := &s.clients[ci]
		row := s.buckets[ci*nb : ci*nb+nb]
		var overdue int64
		oldest := 0
		for _, it := range st.items {
			past := day.Sub(it.due)
			k := 0
			for k < len(edges) && past > edges[k] {
				k++
			}
			row[k] = row[k].AddInt64(it.open)
			if past > 0 {
				overdue += it.open
				oldest = max(oldest, past)
			}
			c.outstand = c.outstand.AddInt64(it.open)
		}
		c.credit = c.credit.AddInt64(st.credit)
		if overdue > 0 {
			c.overdue = c.overdue.AddInt64(overdue)
			c.oldest = max(c.oldest, oldest)
			s.overdueBooks = append(s.overdueBooks, bi)
		}
	}
	return s, nil
}

// Age returns the receivables ageing of the books on day. Books of one
// client (its contracts) are added up; all books must be in one
// currency. Errors name the day, the config or the book at fault.
func Age(day clientele.Date, cfg AgeingConfig, books []*Book) (Ageing, error) {
	var p validate.Problems
	p.Limit("books", validate.MaxListed)
	cfg.check(&p, "config")
	cur := checkBooks(&p, day, books)
	if err := p.Err(ErrInvalid); err != nil {
		return Ageing{}, err
	}
	s, err := runScan(day, cfg.Edges, books)
	if err != nil {
		return Ageing{}, err
	}
	nb := len(cfg.Edges) + 1
	a := Ageing{AsOf: day, Currency: cur, Buckets: cfg.Buckets()}
	order := make([]int, 0, len(s.clients))
	for i := range s.clients {
		if s.clients[i].outstand.Sign() != 0 || s.clients[i].credit.Sign() != 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(s.clients[x].id, s.clients[y].id) })
	total := make([]wide.Int128, nb)
	var tOverdue, tCredit, tOut wide.Int128
	a.Clients = make([]AgeingLine, len(order))
	amounts := make([]decimal.Decimal, len(order)*nb) // one backing array for every row
	for li, ci := range order {
		c := &s.clients[ci]
		row := s.buckets[ci*nb : ci*nb+nb]
		line := AgeingLine{ClientID: c.id, Amounts: amounts[li*nb : li*nb+nb : li*nb+nb], DaysOverdue: c.oldest,
			Outstanding: wideAmount(c.outstand, s.minor), Overdue: wideAmount(c.overdue, s.minor), Credit: wideAmount(c.credit, s.minor)}
		for k, v := range row {
			line.Amounts[k] = wideAmount(v, s.minor)
			total[k], _ = total[k].Add(v)
		}
		tOverdue, _ = tOverdue.Add(c.overdue)
		tCredit, _ = tCredit.Add(c.credit)
		tOut, _ = tOut.Add(c.outstand)
		a.Total.DaysOverdue = max(a.Total.DaysOverdue, c.oldest)
		a.Clients[li] = line
	}
	a.Total.Amounts = make([]decimal.Decimal, nb)
	for k, v := range total {
		a.Total.Amounts[k] = wideAmount(v, s.minor)
	}
	a.Total.Outstanding, a.Total.Overdue, a.Total.Credit = wideAmount(tOut, s.minor), wideAmount(tOverdue, s.minor), wideAmount(tCredit, s.minor)
	return a, nil
}
