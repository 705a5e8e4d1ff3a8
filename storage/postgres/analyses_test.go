package postgres_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/storage/postgres"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analysesData is a small base: six clients (c-6 never ordered), orders
// over 2025 plus one before the window (c-2, 2024-12-20) and one after
// it (c-1, 2026-01-05), so every branch of the series shows.
func analysesData() (ids []string, sales []postgres.Sale) {
	ids = []string{"c-1", "c-2", "c-3", "c-4", "c-5", "c-6"}
	add := func(id, day, amount, profit string) {
		sales = append(sales, postgres.Sale{
			Order:  client.Order{ClientID: id, Date: clientele.MustParseDate(day), Amount: decimal.RequireFromString(amount)},
			Profit: decimal.RequireFromString(profit)})
	}
	for m := 1; m <= 12; m++ { // c-1: the same 1000.50 every month, a regular client
		add("c-1", clientele.NewDate(2025, time.Month(m), 10).String(), "1000.50", "100")
	}
	add("c-1", "2026-01-05", "999", "1")
	add("c-2", "2024-12-20", "50", "5")
	add("c-2", "2025-03-01", "4000", "-200")
	add("c-2", "2025-03-15", "0.25", "0")
	add("c-2", "2025-11-30", "3000", "300")
	add("c-3", "2025-06-01", "200", "20")
	add("c-3", "2025-07-01", "250", "25")
	add("c-3", "2025-08-01", "150", "15")
	add("c-4", "2025-12-31", "12000", "2400")
	add("c-5", "2025-02-02", "10", "1")
	add("c-5", "2025-02-03", "10", "1")
	return ids, sales
}

// TestAnalysesFromSQLMatchInMemory loads the base into PostgreSQL and
// checks that the streamed totals, histories and series give the same
// ABC, RFM and XYZ classes as the in-memory path on the same orders.
func TestAnalysesFromSQLMatchInMemory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := migrated(t)
	ids, sales := analysesData()
	for _, id := range ids {
		_, err := db.Clients().Create(ctx, company(id, "m-1"))
		require.NoError(t, err)
	}
	n, err := db.CopySales(ctx, slices.Values(sales))
	require.NoError(t, err)
	require.Equal(t, int64(len(sales)), n)
	orders := make([]client.Order, len(sales))
	for i, s := range sales {
		orders[i] = s.Order
	}

	t.Run("ABC", func(t *testing.T) {
		from, to := clientele.MustParseDate("2025-01-01"), clientele.MustParseDate("2026-01-01")
		streamed := collect(t, db.Totals(ctx, from, to))
		// By hand: c-1 12 × 1000.50 = 12006, profit 1200; c-2 4000 + 0.25 +
		// 3000 = 7000.25, profit −200 + 0 + 300 = 100 (the 2024 order is
		// outside); c-3 600 / 60; c-4 12000 / 2400; c-5 20 / 2.
		want := []abc.Totals{
			{ClientID: "c-1", Revenue: decimal.RequireFromString("12006"), Profit: decimal.RequireFromString("1200")},
			{ClientID: "c-2", Revenue: decimal.RequireFromString("7000.25"), Profit: decimal.RequireFromString("100")},
			{ClientID: "c-3", Revenue: decimal.RequireFromString("600"), Profit: decimal.RequireFromString("60")},
			{ClientID: "c-4", Revenue: decimal.RequireFromString("12000"), Profit: decimal.RequireFromString("2400")},
			{ClientID: "c-5", Revenue: decimal.RequireFromString("20"), Profit: decimal.RequireFromString("2")},
		}
		require.Len(t, streamed, len(want))
		for i := range want {
			assert.Equal(t, want[i].ClientID, streamed[i].ClientID)
			assert.True(t, want[i].Revenue.Equal(streamed[i].Revenue), "%s revenue %s", want[i].ClientID, streamed[i].Revenue)
			assert.True(t, want[i].Profit.Equal(streamed[i].Profit), "%s profit %s", want[i].ClientID, streamed[i].Profit)
		}
		fromSQL, err := abc.Classify(streamed, abc.DefaultConfig())
		require.NoError(t, err)
		inMemory, err := abc.Classify(want, abc.DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, abcClasses(inMemory), abcClasses(fromSQL))
	})

	t.Run("RFM", func(t *testing.T) {
		asOf := clientele.MustParseDate("2025-12-31")
		streamed := collect(t, db.Histories(ctx, asOf))
		var upToAsOf []client.Order
		for _, o := range orders {
			if !o.Date.After(asOf) {
				upToAsOf = append(upToAsOf, o)
			}
		}
		inMemory, err := client.Histories(ids, upToAsOf)
		require.NoError(t, err)
		require.Len(t, streamed, len(inMemory))
		for i := range inMemory {
			w, g := inMemory[i], streamed[i]
			assert.True(t, w.Total.Equal(g.Total), "%s total", w.ClientID)
			w.Total, g.Total = decimal.Zero, decimal.Zero
			assert.Equal(t, w, g)
		}
		fromSQL, err := rfm.Classify(streamed, asOf, rfm.DefaultConfig())
		require.NoError(t, err)
		want, err := rfm.Classify(inMemory, asOf, rfm.DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, rfmSegments(want), rfmSegments(fromSQL))
		assert.Len(t, fromSQL.Unscored, 1, "c-6 never ordered")
	})

	for _, start := range []xyz.SeriesStart{xyz.SeriesFromFirstOrder, xyz.SeriesFromWindowStart} {
		t.Run("XYZ/"+start.String(), func(t *testing.T) {
			periods, err := xyz.MonthlyPeriods(clientele.MustParseDate("2025-01-01"), 12)
			require.NoError(t, err)
			streamed := collect(t, db.OrderSeries(ctx, periods, start))
			inMemory, err := xyz.OrderSeries(orders, periods, start)
			require.NoError(t, err)
			require.Len(t, streamed, len(inMemory.Series))
			for i, w := range inMemory.Series {
				g := streamed[i]
				assert.Equal(t, w.ClientID, g.ClientID)
				assert.Equal(t, w.FirstPeriod, g.FirstPeriod, "%s first period", w.ClientID)
				require.Len(t, g.Values, len(w.Values), w.ClientID)
				for j := range w.Values {
					assert.True(t, w.Values[j].Equal(g.Values[j]), "%s period %d: want %s, got %s", w.ClientID, j, w.Values[j], g.Values[j])
				}
			}
			fromSQL, err := xyz.Classify(streamed, xyz.DefaultConfig())
			require.NoError(t, err)
			want, err := xyz.Classify(inMemory.Series, xyz.DefaultConfig())
			require.NoError(t, err)
			assert.Equal(t, xyzClasses(want), xyzClasses(fromSQL))
		})
	}

	t.Run("StopsEarly", func(t *testing.T) {
		n := 0
		for _, err := range db.Histories(ctx, clientele.Date{}) {
			require.NoError(t, err)
			n++
			if n == 2 {
				break
			}
		}
		assert.Equal(t, 2, n)
	})
	t.Run("BadPeriods", func(t *testing.T) {
		_, err := collectErr(db.OrderSeries(ctx, nil, xyz.SeriesFromFirstOrder))
		assert.ErrorIs(t, err, xyz.ErrInvalid)
	})
}

func collectErr[T any](seq func(func(T, error) bool)) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) []T {
	t.Helper()
	out, err := collectErr(seq)
	require.NoError(t, err)
	return out
}

func abcClasses(r abc.Result) map[string]abc.Class {
	m := map[string]abc.Class{}
	for _, row := range r.Rows {
		m[row.ClientID] = row.Class
	}
	return m
}

func xyzClasses(r xyz.Result) map[string]string {
	m := map[string]string{}
	for _, row := range r.Rows {
		m[row.ClientID] = row.Status.String() + "/" + row.Class.String()
	}
	return m
}

func rfmSegments(r rfm.Result) map[string]string {
	m := map[string]string{}
	for _, s := range r.Scores {
		m[s.ClientID] = s.Segment
	}
	return m
}
