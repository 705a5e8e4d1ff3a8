package rfm

import (
	"strconv"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/fuzztest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzUnitsAgreeWithHistories: RFM on arbitrary order histories (ties,
// clients without orders, a last order after the as-of day or a
// repeated ID now and then) gives the same answer on the decimal path
// (Classify) and the columnar one (ClassifyUnits): both refuse with
// ErrInvalid, or both score the same clients the same. The scores are
// 1-5 and follow the values: a more recent last order never scores a
// lower R, more orders never a lower F, a larger total never a lower M.
func FuzzUnitsAgreeWithHistories(f *testing.F) {
	f.Add([]byte{8, 3, 10, 50, 2, 40, 30, 1, 0, 10, 5, 3, 3, 40, 0, 0, 0, 0, 9, 1, 1, 1, 2, 7, 200, 9, 4, 4, 70})
	f.Add([]byte{1, 1, 0, 1})
	f.Add([]byte{5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2})
	f.Add([]byte{3, 255, 1, 1, 1, 1, 254, 1, 1})
	asOf := clientele.MustParseDate("2026-12-05")
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzztest.Bytes(data)
		next := in.Next
		n := next() % 30
		var hs []client.History
		u := Units{Exp: -2}
		for i := range n {
			h := client.History{ClientID: "c" + strconv.Itoa(100-i), Total: decimal.Zero}
			switch k := next(); {
			case k == 255:
				h.ClientID = "c100" // repeated: refused
			case k == 254:
				h.Orders = 1 // a last order after the as-of day: refused
				h.FirstOrder, h.LastOrder, h.Total = asOf.AddDays(1), asOf.AddDays(1), decimal.New(100, -2)
			case k%4 != 0:
				h.Orders = 1 + next()%6
				h.LastOrder = asOf.AddDays(-next() % 90)
				h.FirstOrder = h.LastOrder.AddDays(-next())
				h.Total = decimal.New(int64(1+next()%10)*500, -2)
			}
			hs = append(hs, h)
			u.IDs = append(u.IDs, h.ClientID)
			u.Orders = append(u.Orders, int32(h.Orders))
			u.LastOrder = append(u.LastOrder, h.LastOrder)
			u.Total = append(u.Total, h.Total.Shift(2).IntPart())
		}
		cfg := DefaultConfig()
		res, err := Classify(hs, asOf, cfg)
		c, cerr := ClassifyUnits(u, asOf, cfg)
		if err != nil || cerr != nil {
			require.Error(t, err, "the decimal path refuses what the columnar path refuses: %v", cerr)
			require.Error(t, cerr, "the columnar path refuses what the decimal path refuses: %v", err)
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			assert.ErrorIs(t, cerr, ErrInvalid)
			return
		}
		require.Equal(t, len(res.Scores), c.Len())
		assert.Equal(t, n, len(res.Scores)+len(res.Unscored), "every client scored or unscored")
		assert.Equal(t, len(res.Unscored), len(c.Unscored))
		for j, want := range res.Scores {
			got := c.Score(j)
			assert.True(t, want.Monetary.Equal(got.Monetary), "%s: monetary %s vs %s", want.ClientID, want.Monetary, got.Monetary)
			got.Monetary = want.Monetary
			assert.Equal(t, want, got, "scored client %d", j)
			for _, s := range []int{want.R, want.F, want.M} {
				require.True(t, s >= 1 && s <= 5, "%s: scores 1-5, got %d", want.ClientID, s)
			}
			for _, o := range res.Scores {
				if o.RecencyDays < want.RecencyDays {
					assert.GreaterOrEqual(t, o.R, want.R, "%s is more recent than %s", o.ClientID, want.ClientID)
				}
				if o.Frequency > want.Frequency {
					assert.GreaterOrEqual(t, o.F, want.F, "%s ordered more often than %s", o.ClientID, want.ClientID)
				}
				if o.Monetary.GreaterThan(want.Monetary) {
					assert.GreaterOrEqual(t, o.M, want.M, "%s spent more than %s", o.ClientID, want.ClientID)
				}
			}
		}
	})
}
