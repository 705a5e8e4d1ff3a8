package complaint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNearestRankMatchesWikipedia checks the percentile rank formula
// on the worked examples of Wikipedia's "Percentile" article, section
// "The nearest-rank method" (https://en.wikipedia.org/wiki/Percentile):
// for {15, 20, 35, 40, 50} the 5th, 30th, 40th, 50th and 100th
// percentiles are 15, 20, 20, 35, 50; for {3, 6, 7, 8, 8, 10, 13, 15,
// 16, 20} the 25th, 50th, 75th, 100th are 7, 8, 15, 20; for {3, 6, 7,
// 8, 8, 9, 10, 13, 15, 16, 20} they are 7, 9, 15, 20.
func TestNearestRankMatchesWikipedia(t *testing.T) {
	cases := []struct {
		list []int
		pct  []int
		want []int
	}{
		{[]int{15, 20, 35, 40, 50}, []int{5, 30, 40, 50, 100}, []int{15, 20, 20, 35, 50}},
		{[]int{3, 6, 7, 8, 8, 10, 13, 15, 16, 20}, []int{25, 50, 75, 100}, []int{7, 8, 15, 20}},
		{[]int{3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20}, []int{25, 50, 75, 100}, []int{7, 9, 15, 20}},
	}
	for _, c := range cases {
		for i, p := range c.pct {
			assert.Equal(t, c.want[i], c.list[nearestRank(len(c.list), p)], "P%d of %v", p, c.list)
		}
	}
}
