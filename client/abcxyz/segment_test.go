package abcxyz

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/internal/synthetic"
)

// The columnar form gives what the decimal form gives, digit for digit:
// on the same generated clients (record form and cents), every ABC row
// and summary, every XYZ row with its statistics, every RFM score, band,
// segment count and explanation, and the matrix's rows, counts and
// unplaced clients are equal. Run for ABC by revenue and by profit (the
// losses), and for a base with clients without orders (RFM's unscored,
// XYZ's no demand) and a short series (insufficient history).
func TestSegmentEqualsDecimalForm(t *testing.T) {
	base := synthetic.Segmentation(20_000, false)
	// Clients without any order: zero months, no history.
	for _, i := range []int{3, 777, 19_999} {
		for m := range synthetic.Periods {
			base.MonthCents[synthetic.Periods*i+m] = 0
			base.Series[i][m] = base.Series[i][m].Sub(base.Series[i][m])
		}
		base.Orders[i], base.LastOrder[i], base.FirstOrder[i], base.TotalCents[i] = 0, clientele.Date{}, clientele.Date{}, 0
		base.Histories[i] = client.History{ClientID: base.IDs[i]}
	}
	cols := Columns{IDs: base.IDs, Exp: -2, Revenue: base.RevenueCents, Profit: base.ProfitCents,
		Periods: synthetic.Periods, Values: base.MonthCents, Orders: base.Orders, LastOrder: base.LastOrder, OrderTotal: base.TotalCents}
	totals := make([]abc.Totals, len(base.IDs))
	series := make([]xyz.Series, len(base.IDs))
	for i, id := range base.IDs {
		totals[i] = abc.Totals{ClientID: id, Revenue: base.Revenue[i], Profit: base.Profit[i]}
		series[i] = xyz.Series{ClientID: id, Values: base.Series[i]}
	}
	asOf := synthetic.BaseAsOf

	for _, measure := range []abc.Measure{abc.ByRevenue, abc.ByProfit} {
		t.Run(measure.String(), func(t *testing.T) {
			cfg := DefaultSegmentConfig()
			cfg.ABC.Measure = measure
			seg, err := Segment(cols, asOf, cfg)
			require.NoError(t, err)

			wantABC, err := abc.Classify(totals, cfg.ABC)
			require.NoError(t, err)
			gotABC := seg.ABC.Result()
			assertABCEqual(t, wantABC, gotABC)

			wantXYZ, err := xyz.Classify(series, cfg.XYZ)
			require.NoError(t, err)
			assert.Equal(t, wantXYZ, seg.XYZ.Result())
			assert.Equal(t, 3, wantXYZ.NoDemand)

			wantRFM, err := rfm.Classify(base.Histories, asOf, cfg.RFM)
			require.NoError(t, err)
			gotRFM := seg.RFM.Result()
			require.Len(t, gotRFM.Scores, len(wantRFM.Scores))
			require.Len(t, wantRFM.Unscored, 3)
			assert.Equal(t, wantRFM.Unscored, gotRFM.Unscored)
			assert.Equal(t, wantRFM.Segments, gotRFM.Segments)
			assert.Equal(t, wantRFM.Bands.String(), gotRFM.Bands.String())
			for j, w := range wantRFM.Scores {
				g := gotRFM.Scores[j]
				require.True(t, w.Monetary.Equal(g.Monetary), "score %d monetary", j)
				w.Monetary, g.Monetary = w.Monetary.Round(2), g.Monetary.Round(2)
				require.Equal(t, w, g, "score %d", j)
				require.Equal(t, wantRFM.Explain(wantRFM.Scores[j]), seg.RFM.Explain(gotRFM.Scores[j]), "explanation %d", j)
			}

			wantM, err := Combine(wantABC, wantXYZ, cfg.Matrix)
			require.NoError(t, err)
			assert.Equal(t, wantM, seg.Matrix.Result())
		})
	}
}

// assertABCEqual compares two ABC results field by field, the decimals
// by value and by their text at the same scale.
func assertABCEqual(t *testing.T, want, got abc.Result) {
	t.Helper()
	assert.Equal(t, want.Total.String(), got.Total.String())
	assert.Equal(t, want.Losses.String(), got.Losses.String())
	assert.Equal(t, want.ACut.String(), got.ACut.String())
	assert.Equal(t, want.BCut.String(), got.BCut.String())
	for c := range want.Classes {
		w, g := want.Classes[c], got.Classes[c]
		assert.Equal(t, w.Value.String(), g.Value.String())
		w.Value, g.Value = w.Value.Round(2), g.Value.Round(2)
		assert.Equal(t, w, g)
	}
	require.Len(t, got.Rows, len(want.Rows))
	for i, w := range want.Rows {
		g := got.Rows[i]
		require.Equal(t, w.Value.String(), g.Value.String(), "row %d", i)
		w.Value, g.Value = w.Value.Round(2), g.Value.Round(2)
		require.Equal(t, w, g, "row %d", i)
	}
}
