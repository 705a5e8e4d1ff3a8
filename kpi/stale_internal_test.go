package kpi

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// sortedStale must give what cloning the scratch and sorting the clone
// gives: the same deals in the same order. (The funnel keeps Stale nil
// when no deal is stale, without calling it; TestEvaluateTeamStaleListIsTheManagersOwn
// and the fuzz seeds hold that.)
func TestSortedStaleIsCloneAndSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 7))
	var e evaluator
	for _, n := range []int{0, 1, 2, 12, 200} {
		e.stale = make([]StaleDeal, 0, n)
		for i := range n {
			e.stale = append(e.stale, StaleDeal{Deal: fmt.Sprintf("d%03d", i), Days: 30 + rng.IntN(5)})
		}
		rng.Shuffle(n, func(i, j int) { e.stale[i], e.stale[j] = e.stale[j], e.stale[i] })
		want := slices.Clone(e.stale)
		slices.SortFunc(want, func(a, b StaleDeal) int {
			if a.Days != b.Days {
				return b.Days - a.Days
			}
			return strings.Compare(a.Deal, b.Deal)
		})
		got := e.sortedStale()
		assert.NotNil(t, got)
		assert.Equal(t, want, got, "n=%d", n)
	}
}
