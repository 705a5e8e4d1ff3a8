package abc

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

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

// Twenty thousand clients with values from a small range (so most values
// are tied) and IDs of varied length under a shared prefix: the ranking
// is the plain sort's (value descending, ties by ID ascending), and the
// int64 loop classifies every client as the wide (big integer) loop
// does on the same values scaled by 10^20, by revenue and by profit with
// losses.
func TestClassifyUnitsRanksAsThePlainSortAndTheWidePath(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2))
	n := 20_000
	u := Units{IDs: make([]string, n), Exp: -2, Revenue: make([]int64, n), Profit: make([]int64, n)}
	for i := range n {
		u.IDs[i] = fmt.Sprintf("client-%d", r.IntN(1_000_000_000)*n+i) // unique, 7 to 20 bytes
		u.Revenue[i] = r.Int64N(300)
		u.Profit[i] = r.Int64N(300) - 30
	}
	for _, m := range []Measure{ByRevenue, ByProfit} {
		cfg := DefaultConfig()
		cfg.Measure = m
		c, err := ClassifyUnits(u, cfg)
		require.NoError(t, err)
		value := u.Revenue
		if m == ByProfit {
			value = u.Profit
		}
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		slices.SortFunc(want, func(x, y int) int {
			if c := cmp.Compare(value[y], value[x]); c != 0 {
				return c
			}
			return strings.Compare(u.IDs[x], u.IDs[y])
		})
		for r, i := range want {
			require.Equal(t, r+1, c.RankOf(i), "%s: client %d", m, i)
		}

		scaled := make([]Totals, n)
		for i := range scaled {
			scaled[i] = Totals{ClientID: u.IDs[i], Revenue: decimal.New(u.Revenue[i], 18), Profit: decimal.New(u.Profit[i], 18)}
		}
		wide, err := Classify(scaled, cfg)
		require.NoError(t, err)
		for i, row := range wide.Rows {
			got := c.Row(i)
			require.Equal(t, []any{row.Rank, row.Class, row.Reason}, []any{got.Rank, got.Class, got.Reason}, "%s: client %d", m, i)
		}
		assert.Equal(t, wide.Classes[0].Clients, c.Classes[0].Clients, m.String())
	}
}
