package rfm

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/pareto"
	"github.com/clientele-go/clientele/internal/validate"
)

// Units is the columnar form of a list of client.History for bulk
// analyses: client i has ID IDs[i], Orders[i] orders, the last on
// LastOrder[i], for a total of Total[i] × 10^Exp (Exp −2: integer
// cents). A client without orders has Orders 0, an unset LastOrder and
// a zero Total, as a History does. The first order day, which RFM does
// not read, is not a column. [ClassifyUnits] uses the Total column in
// place when every client has orders: keep the columns unchanged while
// its result is in use.
//
// RFM ranks no ID: IDs may be nil, for a caller that checked the IDs
// once for several analyses (abcxyz.Segment); the scores and the
// unscored clients are then unnamed until [Compact.Named] names them,
// and the client count comes from Orders.
//
// The zero Units is refused by ClassifyUnits: it has no clients.
type Units struct {
	IDs       []string
	Exp       int32
	Orders    []int32
	LastOrder []clientele.Date
	Total     []int64
}

// Compact is the RFM scoring of a [Units] input: the same scores,
// ranks, bands, segments and explanations as [Classify] on the same
// clients in decimal form, held as the three rankings (a few bytes per
// client) instead of a copied [Score] (an ID and a decimal) each. Read
// one scored client with Score, explain it with Explain.
//
// The zero Compact has no clients: Len is 0.
type Compact struct {
	AsOf   clientele.Date
	Config Config
	// Unscored, Bands and Segments are those of [Result].
	Unscored []Unscored
	Bands    Bands
	Segments []SegmentCount
	units    Units
	// scored maps the j-th scored client to its input index; nil when
	// every client is scored (then j is i).
	scored []int32
	// unscored holds the input index of each Unscored client.
	unscored []int32
	n        int // scored clients
	exp      int32
	ranks    [3]ranked
	table    table
}

// ClassifyUnits is [Classify] on the columnar form: the same scores by
// the same integer formula, the same segments, the same errors in
// columnar field paths (histories.orders[i]...), plus a column whose
// length differs from the IDs' and an exponent outside ±30.
func ClassifyUnits(u Units, asOf clientele.Date, cfg Config) (Compact, error) {
	var p validate.Problems
	p.Limit("histories", validate.MaxListed)
	tbl, err := cfg.resolve()
	p.Merge("config", err)
	p.Date("as_of", asOf, true)
	n := len(u.IDs)
	if u.IDs == nil {
		n = len(u.Orders)
	}
	if n == 0 {
		p.Add("histories.client_ids", nil, "the client base is empty")
		return Compact{}, p.Err(ErrInvalid)
	}
	for _, col := range []struct {
		name string
		n    int
	}{{"orders", len(u.Orders)}, {"last_order", len(u.LastOrder)}, {"total", len(u.Total)}} {
		if col.n != n {
			p.Addf("histories."+col.name, col.n, "has %d values for %d IDs: one per client", col.n, n)
		}
	}
	if u.Exp < -validate.MaxExponent || u.Exp > validate.MaxExponent {
		p.Add("histories.exp", u.Exp, validate.RangeReason)
	}
	if u.IDs != nil {
		pareto.CheckIDs(&p, "histories", "client_id", u.IDs)
	}
	if p.Len() > 0 {
		return Compact{}, p.Err(ErrInvalid)
	}
	scored := 0
	for i := range n {
		if !unitsOK(&u, i, asOf) {
			checkUnits(&p, &u, i, asOf)
		}
		if u.Orders[i] > 0 {
			scored++
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Compact{}, err
	}

	res := Compact{AsOf: asOf, Config: Config{Rules: slices.Clone(cfg.Rules)}, units: u, n: scored, exp: u.Exp, table: tbl}
	money := u.Total
	if scored < n {
		res.scored = make([]int32, 0, scored)
		money = make([]int64, 0, scored)
	}
	j := 0
	for i := range n {
		if u.Orders[i] == 0 {
			res.Unscored = append(res.Unscored, Unscored{ClientID: u.id(i), Reason: noOrdersReason})
			res.unscored = append(res.unscored, int32(i))
			continue
		}
		if res.scored != nil {
			res.scored = append(res.scored, int32(i))
			money = append(money, u.Total[i])
		}
		j++
	}
	a := exactsum.FromInts(money, u.Exp)
	// Larger is better: fewer days since the last order.
	recency := func(j int) int64 { return -int64(asOf.Sub(u.LastOrder[res.input(j)])) }
	frequency := func(j int) int64 { return int64(u.Orders[res.input(j)]) }
	res.ranks, res.Bands = rankAll(scored, recency, frequency, &a)
	counts := make([]int, len(cfg.Rules))
	for j := range scored {
		counts[res.rule(j)]++
	}
	res.Segments = segmentCounts(cfg, counts)
	return res, nil
}

// unitsOK is the allocation-free fast path of checkUnits: a few
// comparisons for a good client.
func unitsOK(u *Units, i int, asOf clientele.Date) bool {
	orders, last, total := u.Orders[i], u.LastOrder[i], u.Total[i]
	switch {
	case total < 0 || orders < 0:
		return false
	case orders == 0:
		return last.IsZero() && total == 0
	}
	return last.IsValid() && !last.After(asOf)
}

// checkUnits records the problems of client i, as client.History's
// checks do for the record form.
func checkUnits(p *validate.Problems, u *Units, i int, asOf clientele.Date) {
	field := func(col string) string { return fmt.Sprintf("histories.%s[%d]", col, i) }
	who := fmt.Sprintf("client %q: ", u.id(i))
	orders, last, total := u.Orders[i], u.LastOrder[i], u.Total[i]
	if total < 0 {
		p.Add(field("total"), total, who+"must not be negative")
	}
	switch {
	case orders < 0:
		p.Add(field("orders"), orders, who+"must not be negative")
	case orders == 0:
		if !last.IsZero() {
			p.Add(field("last_order"), last, who+"must be empty when the client has no orders")
		}
		if total != 0 {
			p.Add(field("total"), total, who+"must be zero when the client has no orders")
		}
	case !last.IsValid():
		p.Add(field("last_order"), last, who+"is required when the client has orders")
	case last.After(asOf):
		p.Add(field("last_order"), last, fmt.Sprintf("%sis after the as-of date %s", who, asOf))
	}
}

// id returns the ID of client i, "" when the IDs are nil.
func (u *Units) id(i int) string {
	if u.IDs == nil {
		return ""
	}
	return u.IDs[i]
}

// Named returns c with its scores and unscored clients named by ids, one
// per client in input order, which are not checked: for a caller that
// checked them once for several analyses, as abcxyz.Segment does.
func (c Compact) Named(ids []string) Compact {
	c.units.IDs = ids
	c.Unscored = slices.Clone(c.Unscored)
	for k, i := range c.unscored {
		c.Unscored[k].ClientID = ids[i]
	}
	return c
}

// Len is the number of scored clients (those with orders).
func (c *Compact) Len() int { return c.n }

// input returns the input index of the j-th scored client.
func (c *Compact) input(j int) int {
	if c.scored != nil {
		return int(c.scored[j])
	}
	return j
}

// rule returns the index of the rule that names scored client j's segment.
func (c *Compact) rule(j int) int {
	r, f, m := c.ranks[0].at(j), c.ranks[1].at(j), c.ranks[2].at(j)
	return int(c.table[cellOf(int(r.score), int(f.score), int(m.score))])
}

// Score returns the score of the j-th scored client (input order, the
// clients without orders left out), equal field for field to
// Result.Scores[j] of [Classify] on the same clients.
func (c *Compact) Score(j int) Score {
	i := c.input(j)
	r, f, m := c.ranks[0].at(j), c.ranks[1].at(j), c.ranks[2].at(j)
	rule := c.rule(j)
	return Score{
		ClientID:    c.units.id(i),
		RecencyDays: int64(c.AsOf.Sub(c.units.LastOrder[i])),
		Frequency:   int(c.units.Orders[i]),
		Monetary:    decimal.New(c.units.Total[i], c.exp),
		RecencyRank: r.rank(), FrequencyRank: f.rank(), MonetaryRank: m.rank(),
		R: int(r.score), F: int(f.score), M: int(m.score),
		Segment: c.Config.Rules[rule].Segment,
		Rule:    rule,
	}
}

// Explain is [Result.Explain] for a score of this result.
func (c *Compact) Explain(s Score) string { return explain(c.Len(), c.Bands, c.Config, s) }

// Result builds the full [Result], one [Score] per scored client: what
// [Classify] returns, for a caller that wants every score at once.
func (c *Compact) Result() Result {
	res := Result{AsOf: c.AsOf, Config: c.Config, Scores: make([]Score, c.Len()), Unscored: c.Unscored,
		Bands: c.Bands, Segments: c.Segments}
	for j := range res.Scores {
		res.Scores[j] = c.Score(j)
	}
	return res
}
