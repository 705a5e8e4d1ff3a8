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
	d := discriminate([]scored{{5, true}, {1, false}, {4, true}, {2, false}, {3, true}, {4, false}})
	assert.Equal(t, 6, d.Rows)
	assert.Equal(t, 3, d.Goods)
	assert.Equal(t, 3, d.Bads)
	assert.InDelta(t, 7.5/9, d.AUC, 1e-15)
	assert.InDelta(t, 2*7.5/9-1, d.Gini, 1e-15)
	assert.InDelta(t, 2.0/3, d.KS, 1e-15)

	// All tied: chance, no gap.
	d = discriminate([]scored{{1, true}, {1, false}})
	assert.Equal(t, 0.5, d.AUC)
	assert.Equal(t, 0.0, d.KS)
	// Reversed ranking: AUC 0, Gini −1, KS 1.
	d = discriminate([]scored{{1, true}, {2, false}})
	assert.Equal(t, 0.0, d.AUC)
	assert.Equal(t, -1.0, d.Gini)
	assert.Equal(t, 1.0, d.KS)
}
