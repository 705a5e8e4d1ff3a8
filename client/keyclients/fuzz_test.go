package keyclients

import (
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzFind: on arbitrary profits (losses, zeros, ties) and any share,
// Find either refuses with ErrInvalid or returns exactly the smallest
// set the rule names, recomputed here in rationals: clients by value
// descending then ID, taken until their sum is more than
// Total × SharePct / 100 (Total the positive values); every key but the
// last is at or below that cut; TieAtBoundary when the first client left
// out has the last key's value.
func FuzzFind(f *testing.F) {
	f.Add([]byte{6, 50, 40, 30, 20, 10, 5, 3}, uint8(50))
	f.Add([]byte{4, 10, 10, 10, 10}, uint8(50))
	f.Add([]byte{3, 0, 1, 2}, uint8(0))
	f.Add([]byte{2, 3, 3}, uint8(99))
	f.Add([]byte{0}, uint8(50))
	f.Fuzz(func(t *testing.T, data []byte, pct uint8) {
		cfg := Config{Measure: abc.ByProfit, SharePct: decimal.NewFromInt(int64(pct))}
		var totals []abc.Totals
		if len(data) > 0 {
			n := int(data[0]) % 30
			data = data[1:]
			for i := range min(n, len(data)) {
				totals = append(totals, abc.Totals{ClientID: "c" + strconv.Itoa(50-i), Revenue: decimal.NewFromInt(1000),
					Profit: decimal.New(int64(data[i]%16)-3, -1)})
			}
		}
		res, err := Find(totals, cfg)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		sorted := slices.Clone(totals)
		slices.SortFunc(sorted, func(a, b abc.Totals) int {
			if c := b.Profit.Cmp(a.Profit); c != 0 {
				return c
			}
			return strings.Compare(a.ClientID, b.ClientID)
		})
		total := new(big.Rat)
		for _, c := range totals {
			if c.Profit.IsPositive() {
				total.Add(total, c.Profit.Rat())
			}
		}
		cut := new(big.Rat).Mul(total, new(big.Rat).Mul(cfg.SharePct.Rat(), big.NewRat(1, 100)))
		sum := new(big.Rat)
		var want []string
		for _, c := range sorted {
			if sum.Cmp(cut) > 0 {
				break
			}
			want = append(want, c.ClientID)
			sum.Add(sum, c.Profit.Rat())
		}
		var got []string
		for i, k := range res.Keys {
			got = append(got, k.ClientID)
			assert.Equal(t, i+1, k.Rank)
		}
		require.Equal(t, want, got, "the smallest set above %s of %s", cut.FloatString(3), total.FloatString(3))
		assert.Equal(t, len(totals), res.Clients)
		assert.Zero(t, res.KeyValue.Rat().Cmp(sum), "KeyValue %s", res.KeyValue)
		assert.Zero(t, res.Total.Rat().Cmp(total), "Total %s", res.Total)
		assert.Zero(t, res.Cut.Rat().Cmp(cut), "Cut %s", res.Cut)
		assert.Positive(t, res.KeyValue.Cmp(res.Cut), "the keys bring more than the cut")
		tie := len(want) < len(sorted) && sorted[len(want)].Profit.Equal(sorted[len(want)-1].Profit)
		assert.Equal(t, tie, res.TieAtBoundary)
	})
}
