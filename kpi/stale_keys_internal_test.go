package kpi

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sortedStale takes two roads: packed keys when the count's bits and the
// days' spread fit 31 bits together, the comparator otherwise. Both must
// give the documented order (days descending, then deal ID), ties on
// equal days included, with the deal IDs running against the scratch's
// order so that an index order would show.
func TestSortedStaleBothRoads(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 8))
	cases := []struct {
		name   string
		n      int
		spread int // days are 30 + rng.IntN(spread)
		packed bool
	}{
		{"one deal", 1, 1, true},
		{"all ties", 50, 1, true},
		{"few days, many ties", 300, 7, true},
		{"a year of days", 80, 366, true},
		// 1,000 deals take 10 bits (999 < 1,024): a spread of 2^21 days
		// (21 bits) fits, one of 2^22 (22 bits) does not.
		{"widest packed", 1000, 1 << 21, true},
		{"comparator", 1000, 1 << 22, false},
		{"comparator with ties", 1000, 3, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var e evaluator
			for i := range c.n {
				e.stale = append(e.stale, StaleDeal{Deal: fmt.Sprintf("d%04d", c.n-i), Days: 30 + rng.IntN(c.spread)})
			}
			if c.name == "comparator with ties" {
				e.stale[0].Days = 30 + 1<<22 // one far-off deal pushes the spread past 31 bits
			}
			most, least := e.stale[0].Days, e.stale[0].Days
			for _, d := range e.stale {
				most, least = max(most, d.Days), min(least, d.Days)
			}
			require.Equal(t, c.packed, bits.Len(uint(c.n-1))+bits.Len(uint(most-least)) <= 31, "the case takes the road it names")
			want := slices.Clone(e.stale)
			slices.SortFunc(want, func(a, b StaleDeal) int {
				if a.Days != b.Days {
					return b.Days - a.Days
				}
				return strings.Compare(a.Deal, b.Deal)
			})
			assert.Equal(t, want, e.sortedStale())
		})
	}
}
