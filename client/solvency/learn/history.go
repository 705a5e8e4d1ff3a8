package learn

import (
	"math"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/internal/validate"
)

// History is labelled history in columns: one outcome per client and,
// per feature, one value per client in the same order. Columns keep a
// million clients in a few dozen megabytes, where a [solvency.Features]
// per client would take ten times that.
//
// The zero History has no rows: Learn refuses it.
type History struct {
	// Bad is each client's outcome: true for a bad payer (defaulted,
	// written off, past your policy's days late), false for a good one.
	Bad     []bool   `json:"bad"`
	Columns []Column `json:"columns"`
	// Test, when given, marks the held-out rows (true) and replaces the
	// seeded split: a time split (older rows to learn, newer to test) is
	// the usual choice for credit.
	Test []bool `json:"test,omitempty"`
}

// Column holds one numeric feature's values.
//
// The zero Column names no feature: Learn refuses it.
type Column struct {
	Feature solvency.Feature `json:"feature"`
	Values  []float64        `json:"values"`
	// Missing, when given, marks the rows whose value is unknown (their
	// Values entry is ignored). They form the factor's missing group.
	Missing []bool `json:"missing,omitempty"`
}

// Limits on a history: counts multiply in int64 without overflow, and a
// value stays far from the float64 range.
const (
	maxRows  = 1 << 30
	maxValue = 1e15
	minRows  = 10
)

// check reports every problem with the history's shape and values.
func (h *History) check(p *validate.Problems) {
	n := len(h.Bad)
	switch {
	case n < minRows:
		p.Addf("bad", n, "a history needs at least %d rows", minRows)
	case n > maxRows:
		p.Addf("bad", n, "a history has at most %d rows", maxRows)
	}
	if h.Test != nil && len(h.Test) != n {
		p.Addf("test", len(h.Test), "must have one entry per row (%d)", n)
	}
	if len(h.Columns) == 0 {
		p.Add("columns", nil, "a history needs at least one feature column")
	}
	seen := map[solvency.Feature]int{}
	for i, c := range h.Columns {
		f := "columns[" + strconv.Itoa(i) + "]"
		switch {
		case !c.Feature.IsValid():
			p.Add(f+".feature", c.Feature, "unknown feature")
		case seen[c.Feature] > 0:
			p.Addf(f+".feature", c.Feature, "repeats columns[%d]", seen[c.Feature]-1)
		}
		seen[c.Feature] = i + 1
		if len(c.Values) != n {
			p.Addf(f+".values", len(c.Values), "must have one value per row (%d)", n)
			continue
		}
		if c.Missing != nil && len(c.Missing) != n {
			p.Addf(f+".missing", len(c.Missing), "must have one entry per row (%d)", n)
			continue
		}
		cats := len(c.Feature.Categories())
		for r, v := range c.Values {
			switch {
			case !c.known(r):
				continue
			case cats > 0 && !(v >= 1 && v <= float64(cats) && v == math.Trunc(v)):
				p.Addf(f+".values["+strconv.Itoa(r)+"]", v, "must be a category number from 1 to %d (%s; mark an unknown value in missing)",
					cats, strings.Join(c.Feature.Categories(), ", "))
			case !(math.Abs(v) <= maxValue):
				p.Addf(f+".values["+strconv.Itoa(r)+"]", v, "must be a finite number of at most %g in size (mark an unknown value in missing)", maxValue)
			default:
				continue
			}
			break
		}
	}
}

// known reports whether row r of column c holds a value.
func (c *Column) known(r int) bool { return c.Missing == nil || !c.Missing[r] }

// splitTest returns the held-out marks: the history's own, or a seeded
// draw in which each row is held out with probability share. The draw
// hashes (seed, row) with SplitMix64, so it depends on nothing else.
func splitTest(h *History, share float64, seed uint64) []bool {
	if h.Test != nil {
		return h.Test
	}
	test := make([]bool, len(h.Bad))
	cut := uint64(share * (1 << 53))
	for r := range test {
		test[r] = splitmix64(seed^uint64(r)*0x9e3779b97f4a7c15)>>11 < cut
	}
	return test
}

// splitmix64 is the finaliser of Steele, Lea and Flood's SplitMix64
// ("Fast splittable pseudorandom number generators", OOPSLA 2014).
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
