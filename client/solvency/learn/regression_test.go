package learn

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// table builds a one-feature design from a contingency table: cell k
// holds goods[k] goods and bads[k] bads, and its x is xs[k].
func table(xs []float64, goods, bads []int) *design {
	d := &design{nFeats: 1, woes: [][]float64{xs}}
	for k := range xs {
		d.codes = append(d.codes, uint8(k))
		d.train = append(d.train, counts{int64(goods[k]), int64(bads[k])})
		d.test = append(d.test, counts{})
	}
	return d
}

// A single feature coded by its own WoE fits a saturated model: the
// fitted log-odds of cell k are ln(gₖ/bₖ) = ln(G/B) + WoEₖ, so β₁ = 1
// exactly and β₀ = ln(G/B).
func TestFitSingleWoEFeature(t *testing.T) {
	goods, bads := []int{30, 50, 80}, []int{20, 10, 5}
	total := counts{160, 35}
	var xs []float64
	for k := range goods {
		xs = append(xs, woe(counts{int64(goods[k]), int64(bads[k])}, total))
	}
	beta, it, err := fit(table(xs, goods, bads), 0, 25, 1e-12)
	require.NoError(t, err)
	assert.InDelta(t, 1, beta[1], 1e-9)
	assert.InDelta(t, math.Log(160.0/35), beta[0], 1e-9) // ln 4.5714 = 1.519826
	assert.InDelta(t, 1.519826, beta[0], 1e-6)
	assert.Less(t, it, 10)
}

// A 2×2 table with x = 0 or 1 fits β₀ = the log-odds at x = 0 and β₁ =
// the log odds ratio: x = 0 has 40 goods, 10 bads (odds 4); x = 1 has
// 30 goods, 30 bads (odds 1); β₀ = ln 4 = 1.386294, β₁ = ln(1/4) =
// −1.386294.
func TestFitTwoByTwoLogOddsRatio(t *testing.T) {
	beta, _, err := fit(table([]float64{0, 1}, []int{40, 30}, []int{10, 30}), 0, 25, 1e-12)
	require.NoError(t, err)
	assert.InDelta(t, 1.386294, beta[0], 1e-6)
	assert.InDelta(t, -1.386294, beta[1], 1e-6)
}

func TestFitRefusals(t *testing.T) {
	// Perfect separation: every good has x = 1, every bad x = 0; the
	// likelihood rises without bound as β₁ grows.
	_, _, err := fit(table([]float64{0, 1}, []int{0, 20}, []int{20, 0}), 0, 100, 1e-12)
	assert.ErrorIs(t, err, errSeparated)
	// Two identical columns: H is singular.
	d := table([]float64{0, 1}, []int{40, 30}, []int{10, 30})
	d.nFeats, d.woes, d.codes = 2, append(d.woes, d.woes[0]), []uint8{0, 0, 1, 1}
	_, _, err = fit(d, 0, 25, 1e-12)
	assert.ErrorIs(t, err, errSingular)
	// One step is not enough to converge.
	_, _, err = fit(table([]float64{0, 1}, []int{40, 30}, []int{10, 30}), 0, 1, 1e-12)
	assert.ErrorIs(t, err, errNotConverged)
}

func TestCholSolve(t *testing.T) {
	// [4 2; 2 3]·s = [2; 1]: det 8, s = [ (3·2 − 2·1)/8, (4·1 − 2·2)/8 ] = [0.5, 0].
	s, ok := cholSolve([]float64{4, 0, 2, 3}, []float64{2, 1}, 2)
	require.True(t, ok)
	assert.InDelta(t, 0.5, s[0], 1e-15)
	assert.InDelta(t, 0, s[1], 1e-15)
	_, ok = cholSolve([]float64{1, 0, 1, 1}, []float64{1, 1}, 2)
	assert.False(t, ok, "[1 1; 1 1] is singular")
}

// Wikipedia, "Logistic regression", example "Probability of passing an
// exam versus hours of study": 20 students, R's glm(Pass ~ Hours,
// family = binomial) gives (Intercept) −4.077713, Hours 1.504645
// (reproduced at rstudio-pubs-static.s3.amazonaws.com/167443_521a65d0dc3e4f04aeba47a8fd813554.html).
// Here a pass is a "good" and each student a row.
func TestFitPublishedExample(t *testing.T) {
	hours := []float64{0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50,
		2.75, 3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50}
	pass := []bool{false, false, false, false, false, false, true, false, true, false,
		true, false, true, false, true, true, true, true, true, true}
	goods, bads := make([]int, len(hours)), make([]int, len(hours))
	for r, p := range pass { // one cell per student
		if p {
			goods[r] = 1
		} else {
			bads[r] = 1
		}
	}
	d := table(hours, goods, bads)
	beta, _, err := fit(d, 0, 25, 1e-12)
	require.NoError(t, err)
	assert.InDelta(t, -4.077713, beta[0], 5e-7)
	assert.InDelta(t, 1.504645, beta[1], 5e-7)
}
