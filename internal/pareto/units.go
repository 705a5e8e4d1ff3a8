package pareto

import (
	"fmt"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// Columns is the columnar form of a list of totals: one ID and one or two
// integer columns of units × 10^Exp, entry i at index i of each. The
// ranked column is Profit or Revenue; a nil Revenue is not checked
// (an entry with one value of either sign passes it as Profit).
type Columns struct {
	IDs             []string
	Exp             int32
	Revenue, Profit []int64
}

// RankColumns is RankNamed for the columnar form: the same checks (IDs
// present and unique, revenue not negative, the exponent within
// ±validate.MaxExponent, every column as long as the IDs), the same
// ranking, with the ranked column used in place (not copied).
func RankColumns(c Columns, names Names, byProfit bool, measure string, cfgErr, kind error) (Ranking, error) {
	var p validate.Problems
	p.Limit(names.List, validate.MaxListed)
	p.Merge("config", cfgErr)
	n := len(c.IDs)
	if n == 0 {
		p.Addf(names.List+".ids", nil, "is empty: there are no %ss to rank", names.Noun)
		return Ranking{}, p.Err(kind)
	}
	ranked, field := c.Revenue, names.Revenue
	if byProfit {
		ranked, field = c.Profit, names.Profit
	}
	if len(ranked) != n {
		p.Addf(names.List+"."+field, len(ranked), "has %d values for %d IDs: one per %s", len(ranked), n, names.Noun)
	}
	if c.Revenue != nil && len(c.Revenue) != n {
		p.Addf(names.List+"."+names.Revenue, len(c.Revenue), "has %d values for %d IDs: one per %s", len(c.Revenue), n, names.Noun)
	}
	if c.Exp < -validate.MaxExponent || c.Exp > validate.MaxExponent {
		p.Add(names.List+".exp", c.Exp, validate.RangeReason)
	}
	sorted := repeats.Sort(c.IDs)
	checkSortedIDs(&p, names.List, names.ID, &sorted)
	if len(c.Revenue) == n {
		for i, u := range c.Revenue {
			if u < 0 {
				p.Add(fmt.Sprintf("%s.%s[%d]", names.List, names.Revenue, i), u, "must not be negative")
			}
		}
	}
	if p.Len() > 0 {
		return Ranking{}, p.Err(kind)
	}
	rk := Ranking{Amounts: exactsum.FromInts(ranked, c.Exp)}
	rk.Order, rk.keys = rankOrder(&rk.Amounts, &sorted)
	return rk.total(&p, names, measure, kind)
}

// CheckIDs records an empty or repeated ID of a columnar list, as the
// record forms check their client_id fields: one radix sort of the IDs.
func CheckIDs(p *validate.Problems, list, field string, ids []string) {
	sorted := repeats.Sort(ids)
	checkSortedIDs(p, list, field, &sorted)
}

// checkSortedIDs is CheckIDs on IDs sorted already.
func checkSortedIDs(p *validate.Problems, list, field string, sorted *repeats.Sorted) {
	dups := sorted.Find()
	for i, id := range sorted.IDs {
		if id == "" {
			p.Add(fmt.Sprintf("%s.%ss[%d]", list, field, i), nil, "is required")
		}
		for len(dups) > 0 && dups[0].At == i {
			p.Add(fmt.Sprintf("%s.%ss[%d]", list, field, i), id, validate.RepeatReason(list, dups[0].First, field))
			dups = dups[1:]
		}
	}
}
