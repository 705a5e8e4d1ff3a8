package abc

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/fuzztest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzUnitsAgreeWithDecimal: the columnar path (Units → ClassifyUnits →
// Compact) and the decimal path (Totals → Classify) on the same clients
// built from the fuzzer's bytes (repeated IDs, negative and zero values,
// exponents up to beyond ±30, either measure and boundary) both refuse
// with ErrInvalid or both give the same rows, totals, cuts and
// summaries; the classes follow the ranking (A, then B, then C) and the
// summaries count every client once.
func FuzzUnitsAgreeWithDecimal(f *testing.F) {
	f.Add([]byte{5, 0, 1, 80, 95, 0, 9, 4, 0, 3, 2, 0, 15, 15, 0, 5, 5, 0, 0, 0}, int8(-2))
	f.Add([]byte{3, 1, 2, 50, 50, 1, 10, 246, 1, 10, 10, 2, 0, 0}, int8(0))
	f.Add([]byte{2, 0, 0, 80, 95, 1, 1, 1, 2, 1, 1}, int8(31))
	f.Add([]byte{0}, int8(-2))
	f.Add([]byte{9, 1, 3, 10, 90, 7, 200, 100, 6, 200, 100, 5, 1, 255, 4, 0, 0, 3, 90, 60, 2, 10, 10, 1, 5, 5, 0, 3, 3, 8, 7, 7}, int8(-30))
	f.Fuzz(func(t *testing.T, data []byte, exp int8) {
		in := fuzztest.Bytes(data)
		next := in.Next
		n := next() % 24
		cfg := Config{Measure: ByRevenue, Boundary: Boundary(1 + next()%2)}
		if next()%2 == 1 {
			cfg.Measure = ByProfit
		}
		a, b := 1+next()%100, 1+next()%100
		cfg.AMaxPct, cfg.BMaxPct = decimal.NewFromInt(int64(min(a, b))), decimal.NewFromInt(int64(max(a, b)))
		u := Units{Exp: int32(exp), IDs: make([]string, n), Revenue: make([]int64, n), Profit: make([]int64, n)}
		totals := make([]Totals, n)
		for i := range n {
			u.IDs[i] = "c" + string(rune('z'-i)) // IDs against the input order
			if next() == 255 {
				u.IDs[i] = u.IDs[0] // a repeated ID: refused
			}
			u.Revenue[i] = int64(next()%16) * 1000 // few values: ties
			if u.Revenue[i] == 15000 {
				u.Revenue[i] = -1 // a negative revenue: refused
			}
			u.Profit[i] = int64(next()%16-3) * 7 // losses, zeros and ties
			totals[i] = Totals{ClientID: u.IDs[i], Revenue: decimal.New(u.Revenue[i], u.Exp), Profit: decimal.New(u.Profit[i], u.Exp)}
		}

		res, err := Classify(totals, cfg)
		c, cerr := ClassifyUnits(u, cfg)
		if err != nil || cerr != nil {
			require.Error(t, err, "the decimal path refuses what the columnar path refuses: %v", cerr)
			require.Error(t, cerr, "the columnar path refuses what the decimal path refuses: %v", err)
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			assert.ErrorIs(t, cerr, ErrInvalid)
			return
		}
		require.Equal(t, n, c.Len())
		fast := c.Result()
		require.Len(t, fast.Rows, len(res.Rows))
		assert.True(t, res.Total.Equal(fast.Total), "total %s vs %s", res.Total, fast.Total)
		assert.True(t, res.Losses.Equal(fast.Losses))
		assert.True(t, res.ACut.Equal(fast.ACut))
		assert.True(t, res.BCut.Equal(fast.BCut))
		counted := 0
		for k := range res.Classes {
			want, got := res.Classes[k], fast.Classes[k]
			assert.Equal(t, want.Class, got.Class)
			assert.Equal(t, want.Clients, got.Clients)
			assert.True(t, want.Value.Equal(got.Value), "class %s value %s vs %s", want.Class, want.Value, got.Value)
			assert.Equal(t, want.LastClientID, got.LastClientID)
			counted += want.Clients
		}
		assert.Equal(t, n, counted, "every client in one class")
		byRank := make([]Class, n+1)
		for i, row := range res.Rows {
			got := c.Row(i)
			assert.Equal(t, row.Rank, got.Rank, "row %d", i)
			assert.Equal(t, row.ClientID, got.ClientID)
			assert.True(t, row.Value.Equal(got.Value), "row %d value %s vs %s", i, row.Value, got.Value)
			assert.Equal(t, row.Class, got.Class, "row %d", i)
			assert.Equal(t, row.Reason, got.Reason, "row %d", i)
			assert.Equal(t, row.Class, c.ClassOf(i))
			assert.Equal(t, row.Rank, c.RankOf(i))
			require.True(t, row.Rank >= 1 && row.Rank <= n)
			require.Zero(t, byRank[row.Rank], "rank %d given twice", row.Rank)
			byRank[row.Rank] = row.Class
		}
		for r := 2; r <= n; r++ {
			assert.LessOrEqual(t, byRank[r-1], byRank[r], "rank %d is %s, rank %d is %s: classes follow the ranking", r-1, byRank[r-1], r, byRank[r])
		}
	})
}
