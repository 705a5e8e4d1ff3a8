package learn

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// optbinning's README (github.com/guillermo-navas-palencia/optbinning,
// "Getting started"): OptimalBinning on "mean radius" of scikit-learn's
// breast cancer data, binning_table.build(). Event = target 1, so goods
// are its non-events and bads its events; its WoE is ln(%non-event /
// %event), the sign used here. Counts, WoE and IV as printed.
func TestWoEIVOptbinningTable(t *testing.T) {
	goods := []int64{3, 3, 7, 10, 28, 44, 117}
	bads := []int64{115, 76, 61, 39, 55, 10, 1}
	wantWoE := []float64{-3.12517, -2.71097, -1.643814, -0.839827, -0.153979, 2.002754, 5.283323}
	wantIV := []float64{0.962483, 0.538763, 0.226599, 0.052131, 0.003385, 0.359566, 2.900997}
	total := counts{212, 357}
	var fine []bin
	for i := range goods {
		fine = append(fine, bin{lo: float64(i), counts: counts{goods[i], bads[i]}})
	}
	for i, b := range fine {
		assert.InDelta(t, wantWoE[i], woe(b.counts, total), 5e-6, "bin %d", i)
		assert.InDelta(t, wantIV[i], iv(b.counts, total), 5e-7, "bin %d", i)
	}
	assert.InDelta(t, 5.043925, totalIV(fine, total), 5e-7, "Totals row")
	// By hand, bin 0: ln((3/212)/(115/357)) = ln(0.0141509/0.3221289) =
	// ln(0.0439289) = −3.125170; IV = (0.0141509 − 0.3221289)·−3.125170 =
	// 0.962483.
	assert.InDelta(t, -3.125170, woe(fine[0].counts, total), 1e-6)

	// The bad rate falls bin by bin (0.9746 ... 0.0085): descending
	// merging keeps all seven, ascending pools them into one.
	assert.Len(t, merge(fine, false, 0, 16, total), 7)
	assert.Len(t, merge(fine, true, 0, 16, total), 1)
	// Capped at 5 bins, the pair whose union loses the least IV joins,
	// twice. Losses IV(a) + IV(b) − IV(a∪b) of the adjacent pairs:
	// 0.011835, 0.059799, 0.028665, 0.023191, 0.264731, 0.925580, so
	// bins 0 and 1 join (3+3 goods, 115+76 bads); then 0.141134,
	// 0.028665, 0.023191, 0.264731, 0.925580, so (10, 39) and (28, 55)
	// join.
	got := merge(fine, false, 0, 5, total)
	var gotCounts []counts
	for _, b := range got {
		gotCounts = append(gotCounts, b.counts)
	}
	assert.Equal(t, []counts{{6, 191}, {7, 61}, {38, 94}, {44, 10}, {117, 1}}, gotCounts)
}

func TestBadRateLessIsExact(t *testing.T) {
	assert.True(t, badRateLess(counts{2, 1}, counts{1, 1}))    // 1/3 < 1/2
	assert.False(t, badRateLess(counts{1, 1}, counts{2, 2}))   // 1/2 = 1/2
	assert.False(t, badRateLess(counts{1, 1}, counts{3, 1}))   // 1/2 > 1/4
	assert.True(t, violates(counts{1, 1}, counts{3, 1}, true)) // rate falls: breaks ascending
	assert.False(t, violates(counts{1, 1}, counts{3, 1}, false))
}
