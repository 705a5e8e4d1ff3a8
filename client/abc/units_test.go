package abc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/internal/problemtest"
)

// The columnar form refuses what the record form refuses, in columnar
// paths: a repeated and an empty ID, a negative revenue, a short profit
// column when ranking by profit, an exponent beyond ±30.
func TestClassifyUnitsRefusesBadColumns(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Measure = ByProfit
	_, err := ClassifyUnits(Units{IDs: []string{"a", "a", ""}, Exp: 31, Revenue: []int64{1, -2, 3}, Profit: []int64{1}}, cfg)
	require.ErrorIs(t, err, ErrInvalid)
	assert.ElementsMatch(t, []string{"totals.profit", "totals.exp", "totals.client_ids[1]", "totals.client_ids[2]", "totals.revenue[1]"},
		problemtest.Fields(t, err))
}

// Five clients of 100, 50, 30, 20 and 0 cents, worked by hand: total
// 200 (cents at exponent -2: 2.00); cumulative 100 (50 %) A, 150 (75 %)
// A, 180 (90 %) crosses 80 % and stays A (crossing_in), 200 (100 %)
// crosses 95 % and stays B; the zeros are C, NoValue.
func TestClassifyUnitsByHand(t *testing.T) {
	c, err := ClassifyUnits(Units{IDs: []string{"z", "d", "a", "c", "b"}, Exp: -2, Revenue: []int64{0, 20, 100, 30, 50}}, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, "2", c.Total.String())
	want := []Class{ClassC, ClassB, ClassA, ClassA, ClassA}
	for i, w := range want {
		assert.Equal(t, w, c.ClassOf(i), "client %d", i)
	}
	assert.Equal(t, 1, c.RankOf(2))
	assert.Equal(t, Crossing, c.Row(3).Reason)
	assert.Equal(t, NoValue, c.Row(0).Reason)
	assert.Equal(t, "0.3", c.Row(3).Value.String())
	assert.InDelta(t, 90.0, c.Row(3).CumulativePct, 1e-9)
}
