package abcxyz

import (
	"strconv"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/internal/fuzztest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzSegment: Segment on a client base built from the fuzzer's bytes
// (zero and negative values, clients without orders, a repeated ID now
// and then) either refuses it with ErrInvalid, or gives, client by
// client, the classes each analysis gives alone on its own columns, a
// matrix equal to Combine on the two results, every client in one cell
// or unplaced, and the cell CellOf(ABC class, XYZ class).
func FuzzSegment(f *testing.F) {
	f.Add([]byte{6, 3, 10, 2, 4, 5, 6, 3, 100, 9, 0, 0, 0, 0, 0, 0, 7, 1, 1, 1, 1, 1, 9, 40, 50, 60})
	f.Add([]byte{1, 2, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{12, 6, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte{})
	asOf := clientele.MustParseDate("2026-12-05")
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzztest.Bytes(data)
		next := in.Next
		n, periods := next()%20, 1+next()%12
		cols := Columns{Exp: -2, Periods: periods}
		for i := range n {
			id := "c" + strconv.Itoa(19-i)
			if next() == 255 {
				id = "c19" // repeated: refused
			}
			cols.IDs = append(cols.IDs, id)
			cols.Revenue = append(cols.Revenue, int64(next()%16)*1000)
			cols.Profit = append(cols.Profit, int64(next()%16-3)*100)
			for range periods {
				cols.Values = append(cols.Values, int64(next()%8)*500)
			}
			orders := int32(next() % 5)
			cols.Orders = append(cols.Orders, orders)
			if orders == 0 {
				cols.LastOrder = append(cols.LastOrder, clientele.Date{})
				cols.OrderTotal = append(cols.OrderTotal, 0)
			} else {
				cols.LastOrder = append(cols.LastOrder, asOf.AddDays(-next()))
				cols.OrderTotal = append(cols.OrderTotal, int64(1+next())*100)
			}
		}
		cfg := DefaultSegmentConfig()
		seg, err := Segment(cols, asOf, cfg)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		a, err := abc.ClassifyUnits(abc.Units{IDs: cols.IDs, Exp: cols.Exp, Revenue: cols.Revenue, Profit: cols.Profit}, cfg.ABC)
		require.NoError(t, err, "Segment placed what ABC alone refuses")
		x, err := xyz.ClassifyUnits(xyz.Units{IDs: cols.IDs, Exp: cols.Exp, Periods: cols.Periods, Values: cols.Values}, cfg.XYZ)
		require.NoError(t, err, "Segment placed what XYZ alone refuses")
		r, err := rfm.ClassifyUnits(rfm.Units{IDs: cols.IDs, Exp: cols.Exp, Orders: cols.Orders, LastOrder: cols.LastOrder, Total: cols.OrderTotal}, asOf, cfg.RFM)
		require.NoError(t, err, "Segment placed what RFM alone refuses")
		assert.Equal(t, a.Result(), seg.ABC.Result())
		named := seg.XYZ.Named(cols.IDs)
		assert.Equal(t, x.Result(), named.Result())
		require.Equal(t, r.Len(), seg.RFM.Len())
		assert.Equal(t, n, seg.RFM.Len()+len(seg.RFM.Unscored), "every client scored or unscored")
		for j := range r.Len() {
			assert.Equal(t, r.Score(j), seg.RFM.Score(j), "scored client %d", j)
		}
		namedRFM := seg.RFM.Named(cols.IDs)
		assert.Equal(t, r.Result(), namedRFM.Result())
		want, err := Combine(a.Result(), x.Result(), cfg.Matrix)
		require.NoError(t, err)
		assert.Equal(t, want, seg.Matrix.Result(), "the matrix is Combine's")
		placed := 0
		for _, c := range seg.Matrix.Counts {
			placed += c
		}
		assert.Equal(t, n, placed+len(seg.Matrix.Unplaced), "every client in one cell or unplaced")
		for i := range n {
			cell := seg.Matrix.CellOf(i)
			_, ok := seg.Matrix.Row(i)
			if xc := seg.XYZ.ClassOf(i); xc.IsValid() {
				assert.Equal(t, CellOf(seg.ABC.ClassOf(i), xc), cell)
				assert.True(t, ok)
			} else {
				assert.Zero(t, cell)
				assert.False(t, ok)
			}
		}
	})
}
