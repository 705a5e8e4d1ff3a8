package abc

import (
	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/pareto"
)

// Units is the columnar form of a list of [Totals] for bulk analyses:
// client i has ID IDs[i], revenue Revenue[i] × 10^Exp and profit
// Profit[i] × 10^Exp (Exp −2: integer cents). The column [Config.Measure]
// ranks by is required; the other may be nil (a nil Revenue is then not
// checked for negative values). A million clients cost 8 bytes a column
// and no decimal, and [ClassifyUnits] uses the columns in place: keep
// them unchanged while its result is in use.
//
// The zero Units is refused by ClassifyUnits: it has no clients.
type Units struct {
	IDs     []string
	Exp     int32
	Revenue []int64
	Profit  []int64
}

// Compact is the ABC segmentation of a [Units] input: the same classes,
// ranks, shares, totals and summaries as [Classify] on the same clients
// in decimal form, held as 16 bytes per client that index the input
// instead of a copied [Row] (an ID and a decimal) each. Read one client
// with Row, or build the full [Result] with Result.
//
// The zero Compact has no clients: Len is 0 and Summary is the zero
// summary of each class.
type Compact struct {
	Config Config
	// Total, Losses, ACut, BCut and Classes are those of [Result].
	Total, Losses, ACut, BCut decimal.Decimal
	Classes                   [3]ClassSummary
	units                     Units
	sweep                     sweep
}

// ClassifyUnits is [Classify] on the columnar form: the same ranking
// (equal values by ID), the same exact cuts, the same errors in the
// columnar field paths (totals.client_ids[i], totals.revenue[i]), plus
// a column whose length differs from the IDs' and an exponent outside
// ±30.
func ClassifyUnits(u Units, cfg Config) (Compact, error) {
	rk, err := pareto.RankColumns(pareto.Columns{IDs: u.IDs, Exp: u.Exp, Revenue: u.Revenue, Profit: u.Profit},
		pareto.ClientNames, cfg.Measure == ByProfit, cfg.Measure.String(), cfg.Validate(), ErrInvalid)
	if err != nil {
		return Compact{}, err
	}
	res, sw := cut(&rk, cfg, false)
	for c, i := range sw.last {
		if i >= 0 {
			res.Classes[c].LastClientID = u.IDs[i]
		}
	}
	return Compact{Config: cfg, Total: res.Total, Losses: res.Losses, ACut: res.ACut, BCut: res.BCut,
		Classes: res.Classes, units: u, sweep: sw}, nil
}

// Len is the number of clients.
func (c *Compact) Len() int { return len(c.sweep.verdicts) }

// ClassOf returns the class of client i (the input's index).
func (c *Compact) ClassOf(i int) Class { return c.sweep.verdicts[i].class }

// IDOf returns the ID of client i.
func (c *Compact) IDOf(i int) string { return c.units.IDs[i] }

// RankOf returns the rank of client i: 1 for the largest value.
func (c *Compact) RankOf(i int) int { return int(c.sweep.verdicts[i].rank) }

// Row returns the row of client i, equal field for field to
// Result.Rows[i] of [Classify] on the same clients.
func (c *Compact) Row(i int) Row {
	v := c.units.Revenue
	if c.Config.Measure == ByProfit {
		v = c.units.Profit
	}
	return c.sweep.row(i, c.units.IDs[i], decimal.New(v[i], c.units.Exp))
}

// Summary returns the summary of class k (A, B or C).
func (c *Compact) Summary(k Class) ClassSummary {
	if !k.IsValid() {
		return ClassSummary{}
	}
	return c.Classes[k-1]
}

// Result builds the full [Result], one [Row] per client: what
// [Classify] returns, for a caller that wants every row at once.
func (c *Compact) Result() Result {
	res := Result{Config: c.Config, Rows: make([]Row, c.Len()), Total: c.Total, Losses: c.Losses,
		ACut: c.ACut, BCut: c.BCut, Classes: c.Classes}
	for i := range res.Rows {
		res.Rows[i] = c.Row(i)
	}
	return res
}
