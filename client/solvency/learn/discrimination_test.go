package learn

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Goods score 3, 4, 5; bads 1, 2, 4. Of the 9 good–bad pairs the good
// is higher in 2 (3 over 1, 2) + 2 (4 over 1, 2) + 3 (5 over all) = 7
// and ties in 1 (4 and 4): AUC = (7 + 0.5)/9 = 0.833333, Gini =
// 0.666667. Cumulative shares (bads, goods) at 1, 2, 3, 4, 5: (1/3, 0),
// (2/3, 0), (2/3, 1/3), (1, 2/3), (1, 1): KS = 2/3.
func TestDiscriminateByHand(t *testing.T) {
	good, bad := counts{goods: 1}, counts{bads: 1}
	d := discriminate([]scored{{5, good}, {1, bad}, {4, good}, {2, bad}, {3, good}, {4, bad}})
	assert.Equal(t, 6, d.Rows)
	assert.Equal(t, 3, d.Goods)
	assert.Equal(t, 3, d.Bads)
	assert.InDelta(t, 7.5/9, d.AUC, 1e-15)
	assert.InDelta(t, 2*7.5/9-1, d.Gini, 1e-15)
	assert.InDelta(t, 2.0/3, d.KS, 1e-15)

	// The same rows, counted in groups: the same measures.
	grouped := discriminate([]scored{{1, counts{0, 1}}, {2, counts{0, 1}}, {3, counts{1, 0}}, {4, counts{1, 1}}, {5, counts{1, 0}}})
	assert.Equal(t, d, grouped)

	// All tied: chance, no gap.
	d = discriminate([]scored{{1, good}, {1, bad}})
	assert.Equal(t, 0.5, d.AUC)
	assert.Equal(t, 0.0, d.KS)
	// Reversed ranking: AUC 0, Gini −1, KS 1.
	d = discriminate([]scored{{1, good}, {2, bad}})
	assert.Equal(t, 0.0, d.AUC)
	assert.Equal(t, -1.0, d.Gini)
	assert.Equal(t, 1.0, d.KS)
}
