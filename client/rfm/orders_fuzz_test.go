package rfm

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
)

// FuzzClassifyOrders scores a base built from arbitrary orders: every
// client with orders is scored, the others are unscored; each measure is
// what its orders say; each score is 1 + floor(5 × midpoint percentile
// rank) with the rank counted by hand (worse and equal values among the
// scored); every score has a segment; the order of the orders does not
// matter.
func FuzzClassifyOrders(f *testing.F) {
	f.Add([]byte{8, 0, 1, 10, 1, 5, 20, 2, 9, 3, 0, 1, 10, 4, 200, 7, 1, 3, 30, 5, 90, 100, 6, 2, 2})
	f.Add([]byte{3, 0, 0, 0, 1, 0, 0, 2, 0, 0})
	f.Add([]byte{1, 0})
	asOf := clientele.MustParseDate("2026-12-05")
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() byte {
			if len(data) == 0 {
				return 0
			}
			c := data[0]
			data = data[1:]
			return c
		}
		n := int(next()%20) + 1
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("c-%02d", i)
		}
		var orders []client.Order
		for range int(next() % 60) {
			orders = append(orders, client.Order{ClientID: ids[int(next())%n], Date: asOf.AddDays(-int(next() % 120)), Amount: decimal.New(int64(next()%9), -1)})
		}
		hs, err := client.Histories(ids, orders)
		require.NoError(t, err)
		cfg := DefaultConfig()
		res, err := Classify(hs, asOf, cfg)
		if len(orders) == 0 {
			// Nobody ordered: nobody to score, and Classify says so.
			if err != nil {
				require.ErrorIs(t, err, ErrInvalid)
				return
			}
		}
		require.NoError(t, err)

		type measures struct {
			recency int64
			count   int
			total   decimal.Decimal
		}
		by := map[string]*measures{}
		for _, o := range orders {
			m := by[o.ClientID]
			if m == nil {
				m = &measures{recency: 1 << 40, total: decimal.Zero}
				by[o.ClientID] = m
			}
			m.recency = min(m.recency, int64(asOf.Sub(o.Date)))
			m.count++
			m.total = m.total.Add(o.Amount)
		}
		require.Len(t, res.Scores, len(by))
		require.Len(t, res.Unscored, n-len(by))
		for _, u := range res.Unscored {
			assert.Nil(t, by[u.ClientID], "%s ordered", u.ClientID)
		}
		scored := len(by)
		score := func(worse, equal int) int { return 1 + 5*(2*worse+equal)/(2*scored) }
		segments := 0
		for _, s := range res.Scores {
			m := by[s.ClientID]
			require.NotNil(t, m)
			assert.Equal(t, m.recency, s.RecencyDays)
			assert.Equal(t, m.count, s.Frequency)
			assert.True(t, m.total.Equal(s.Monetary), "%s monetary %s, orders %s", s.ClientID, s.Monetary, m.total)
			var rw, re, fw, fe, mw, me int
			for _, o := range by {
				switch {
				case o.recency > m.recency:
					rw++
				case o.recency == m.recency:
					re++
				}
				switch {
				case o.count < m.count:
					fw++
				case o.count == m.count:
					fe++
				}
				switch c := o.total.Cmp(m.total); {
				case c < 0:
					mw++
				case c == 0:
					me++
				}
			}
			assert.Equal(t, Rank{rw, re}, s.RecencyRank)
			assert.Equal(t, Rank{fw, fe}, s.FrequencyRank)
			assert.Equal(t, Rank{mw, me}, s.MonetaryRank)
			assert.Equal(t, score(rw, re), s.R)
			assert.Equal(t, score(fw, fe), s.F)
			assert.Equal(t, score(mw, me), s.M)
			assert.NotEmpty(t, s.Segment)
			assert.NotEmpty(t, res.Explain(s))
		}
		for _, sc := range res.Segments {
			segments += sc.Clients
		}
		assert.Equal(t, scored, segments, "the segment counts add up to the scored clients")

		rev := slices.Clone(orders)
		slices.Reverse(rev)
		hs2, err := client.Histories(ids, rev)
		require.NoError(t, err)
		back, err := Classify(hs2, asOf, cfg)
		require.NoError(t, err)
		assert.Equal(t, len(res.Scores), len(back.Scores))
		for i := range res.Scores {
			a, b := res.Scores[i], back.Scores[i]
			assert.True(t, a.Monetary.Equal(b.Monetary))
			a.Monetary, b.Monetary = decimal.Zero, decimal.Zero
			assert.Equal(t, a, b, "the order of the orders does not matter")
		}
	})
}
