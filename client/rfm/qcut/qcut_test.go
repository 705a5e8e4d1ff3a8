package qcut

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/internal/enumtest"
	"github.com/clientele-go/clientele/internal/problemtest"
)

var asOf = clientele.NewDate(2026, time.November, 26)

// hist is a history whose last order was daysAgo days before asOf.
func hist(id string, daysAgo, orders int, total string) client.History {
	last := asOf.AddDays(-daysAgo)
	return client.History{ClientID: id, Orders: orders, FirstOrder: last.AddMonths(-12), LastOrder: last,
		Total: decimal.RequireFromString(total)}
}

// byFrequency is a base of n clients with 1..n orders, in that order,
// all last ordering the same day: their frequency ranks are 1..n.
func byFrequency(n int) []client.History {
	hs := make([]client.History, n)
	for i := range hs {
		hs[i] = hist(fmt.Sprintf("c%04d", i), 3, i+1, "100")
	}
	return hs
}

func frequencyScores(r Result) []int {
	out := make([]int, len(r.Scores))
	for i, s := range r.Scores {
		out[i] = s.F
	}
	return out
}

func cfg(bins int, path Path) Config { return Config{Bins: bins, Path: path} }

// TestQcutTenClients scores the hand-worked base of package rfm's
// TestRFMTenClients (the same histories) the pandas way, in quintiles:
//
//	r = pd.qcut(df.recency.rank(method="first"), 5, labels=[5, 4, 3, 2, 1])
//	f = pd.qcut(df.frequency.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
//	m = pd.qcut(df.monetary.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
//
// N = 10 (c11 has no orders). The edges over the ranks 1..10 are the
// quantiles at 0, .2, .4, .6, .8, 1 with linear interpolation,
// 1 + 9·k/5 = 1, 2.8, 4.6, 6.4, 8.2, 10; right-closed bins, the lowest
// edge included: ranks 1-2 bin 1, 3-4 bin 2, 5-6 bin 3, 7-8 bin 4, 9-10
// bin 5. (In float64 the edges are exactly 1.0, 2.8, 4.6, 6.4, 8.2 and
// 10.0 as printed, and no rank is near one.)
//
// Recency, fewest days first, ties in input order: c01 2 d (rank 1), c02
// 5 (2), c03 10 (3), c04 20 (4), c05 20 (5), c06 45 (6), c07 90 (7), c08
// 150 (8), c09 200 (9), c10 365 (10). Bins 1 1 2 2 3 3 4 4 5 5, reversed
// labels R = 6 − bin: 5 5 4 4 3 3 2 2 1 1. c04 and c05 both last ordered
// 20 days ago: c04, first in the input, scores R4 and c05 R3 (the
// midpoint scoring of rfm.Classify gives both R4).
//
// Frequency ascending: c04 1 (1), c09 1 (2), c07 2 (3), c10 2 (4), c05 3
// (5), c03 5 (6), c06 6 (7), c02 8 (8), c08 9 (9), c01 12 (10): F 1 1 2
// 2 3 3 4 4 5 5, as the midpoint scores.
//
// Monetary ascending: c09 300 (1), c04 900 (2), c10 1200.50 (3), c07
// 2500 (4), c05 4500 (5), c03 12000 (6), c06 15000 (7), c02 31000 (8),
// c08 40000 (9), c01 54000 (10): M 1 1 2 2 3 3 4 4 5 5, as the midpoint
// scores.
//
// With the default R×F grid of rfm, c05 R3F3 is needs_attention here
// and potential_loyalist (R4F3) under the midpoint scores.
func TestQcutTenClients(t *testing.T) {
	base := []client.History{
		hist("c01", 2, 12, "54000.00"),
		hist("c02", 5, 8, "31000.00"),
		hist("c03", 10, 5, "12000.00"),
		hist("c04", 20, 1, "900"),
		hist("c05", 20, 3, "4500.00"),
		hist("c06", 45, 6, "15000.00"),
		hist("c07", 90, 2, "2500.00"),
		hist("c08", 150, 9, "40000.00"),
		hist("c09", 200, 1, "300.00"),
		hist("c10", 365, 2, "1200.50"),
		{ClientID: "c11"},
	}
	res, err := Classify(base, asOf, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 2.8, 4.6, 6.4, 8.2, 10}, res.Edges)
	want := []struct {
		id         string
		rr, fr, mr int
		code       string
	}{
		{"c01", 1, 10, 10, "555"}, {"c02", 2, 8, 8, "544"}, {"c03", 3, 6, 6, "433"},
		{"c04", 4, 1, 2, "411"}, {"c05", 5, 5, 5, "333"}, {"c06", 6, 7, 7, "344"},
		{"c07", 7, 3, 4, "222"}, {"c08", 8, 9, 9, "255"}, {"c09", 9, 2, 1, "111"},
		{"c10", 10, 4, 3, "122"},
	}
	require.Len(t, res.Scores, len(want))
	for i, w := range want {
		s := res.Scores[i]
		assert.Equal(t, w.id, s.ClientID)
		assert.Equal(t, []int{w.rr, w.fr, w.mr}, []int{s.RecencyRank, s.FrequencyRank, s.MonetaryRank}, w.id)
		assert.Equal(t, w.code, s.Code(), w.id)
	}
	assert.Equal(t, []rfm.Unscored{{ClientID: "c11", Reason: noOrdersReason}}, res.Unscored)
	assert.Equal(t, int64(20), res.Scores[4].RecencyDays)
	assert.Equal(t, "4500", res.Scores[4].Monetary.String())

	// Switch and compare: the midpoint scores differ on c05 alone.
	mid, err := rfm.Classify(base, asOf, rfm.DefaultConfig())
	require.NoError(t, err)
	for i, s := range res.Scores {
		if s.ClientID == "c05" {
			assert.Equal(t, "433", mid.Scores[i].Code())
			continue
		}
		assert.Equal(t, s.Code(), mid.Scores[i].Code(), s.ClientID)
	}
	segments, err := res.Segments(rfm.DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, rfm.NeedsAttention, segments[4])
	assert.Equal(t, rfm.PotentialLoyalist, mid.Scores[4].Segment)
	assert.Equal(t, rfm.Champions, segments[0])
}

func TestQcutPandasDocExamples(t *testing.T) {
	// The examples of pandas.qcut's documentation, on range(5) (the ranks
	// 1..5 bin alike: 5 distinct values rank as their order):
	//   pd.qcut(range(5), 4, labels=False) -> [0, 0, 1, 2, 3]
	//   pd.qcut(range(5), 3, labels=["good", "medium", "bad"])
	//     -> [good, good, medium, bad, bad]
	// Edges over 1..5: 4 bins 1, 2, 3, 4, 5; 3 bins 1, 2.33, 3.67, 5.
	for _, path := range []Path{Quantile, Percentile} {
		res, err := Classify(byFrequency(5), asOf, cfg(4, path))
		require.NoError(t, err)
		assert.Equal(t, []int{1, 1, 2, 3, 4}, frequencyScores(res), path.String())
		res, err = Classify(byFrequency(5), asOf, cfg(3, path))
		require.NoError(t, err)
		assert.Equal(t, []int{1, 1, 2, 3, 3}, frequencyScores(res), path.String())
	}
}

func TestQcutPandasIssue58240(t *testing.T) {
	// pandas-dev/pandas issue 58240: pd.qcut(np.arange(1, 182), 10,
	// labels=False).value_counts() gives bins of 19, 18, 18, 18, 18, 18,
	// 17, 19, 18, 18 values in pandas 2.2, and 19 then nine 18s in pandas
	// 2.1.4. The values 1..181 are their own ranks; exactly the edges are
	// 1 + 180·k/10 = 1, 19, 37, ..., 127, 145, 163, 181. The 8th edge
	// (k = 7): np.linspace gives 7 × 0.1 = 0.7000000000000001. On the
	// Quantile path v = 180 × that = 126.00000000000001, at or above 126,
	// so the edge is 127 (plus a rounding) and rank 127 stays in bin 7. On
	// the Percentile path × 100 = 70.0 and / 100 = 0.7, v = 180 × 0.7 =
	// 125.99999999999999: floor 125, t = 0.9999999999999858, edge
	// 127 − (1 − t) = 126.99999999999999, below rank 127, which moves to
	// bin 8: 17 and 19.
	count := func(path Path) []int {
		res, err := Classify(byFrequency(181), asOf, cfg(10, path))
		require.NoError(t, err)
		n := make([]int, 10)
		for _, f := range frequencyScores(res) {
			n[f-1]++
		}
		return n
	}
	assert.Equal(t, []int{19, 18, 18, 18, 18, 18, 18, 18, 18, 18}, count(Quantile))
	assert.Equal(t, []int{19, 18, 18, 18, 18, 18, 17, 19, 18, 18}, count(Percentile))
}

func TestQcutFloatEdges(t *testing.T) {
	// Exactly, the edges of 8 ranks in 7 bins are 1 + 7·k/7 = 1..8 and
	// rank r > 1 is in bin r − 1. In float64, 1/7 = 0.14285714285714285,
	// × 5 = 0.7142857142857142 (below 5/7), × 7 = 4.999999999999999: the
	// floor is 4, t = 0.999999999999999, and the edge is b − (b−a)·(1−t)
	// = 6 − 8.9e-16 = 5.999999999999999. Rank 6 lies above it: bin 6,
	// which it shares with rank 7, and bin 5 stays empty.
	res, err := Classify(byFrequency(8), asOf, cfg(7, Quantile))
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 2, 3, 4, 5, 5.999999999999999, 7, 8}, res.Edges)
	assert.Equal(t, []int{1, 1, 2, 3, 4, 6, 6, 7}, frequencyScores(res))

	// 4 ranks in 3 bins: exactly the edges are 1, 2, 3, 4 (the Quantile
	// path gets them: 3 × 0.3333333333333333 rounds to 1.0). On the
	// Percentile path 0.3333333333333333 × 100 = 33.33333333333333, / 100
	// = 0.33333333333333326, × 3 = 0.9999999999999998: floor 0, t =
	// 0.9999999999999998, edge 2 − 2.2e-16 = 1.9999999999999998; likewise
	// 0.6666666666666666 → 0.6666666666666665 → 1.9999999999999996, edge
	// 2.9999999999999996. Ranks 2 and 3 each move up a bin.
	res, err = Classify(byFrequency(4), asOf, cfg(3, Quantile))
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 2, 3, 4}, res.Edges)
	assert.Equal(t, []int{1, 1, 2, 3}, frequencyScores(res))
	res, err = Classify(byFrequency(4), asOf, cfg(3, Percentile))
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 1.9999999999999998, 2.9999999999999996, 4}, res.Edges)
	assert.Equal(t, []int{1, 2, 3, 3}, frequencyScores(res))
}

// TestQcutEdgesNearExact checks every edge against the exact
// 1 + (n−1)·k/bins: within a few ulps, so that a rank changes bin only
// when it lies exactly on an edge.
func TestQcutEdgesNearExact(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2026))
	for range 2000 {
		n, bins := 2+r.IntN(5000), 2+r.IntN(40)
		for _, path := range []Path{Quantile, Percentile} {
			e := edges(n, bins, path)
			require.Len(t, e, bins+1)
			for k, x := range e {
				exact, _ := new(big.Rat).SetFrac64(int64(bins)+int64(n-1)*int64(k), int64(bins)).Float64()
				require.InDelta(t, exact, x, 8*ulp(exact), "n %d bins %d k %d", n, bins, k)
				if k > 0 {
					require.Less(t, e[k-1], x)
				}
			}
			assert.Equal(t, 1.0, e[0])
			assert.Equal(t, float64(n), e[bins])
		}
	}
}

func ulp(x float64) float64 { return math.Nextafter(x, math.Inf(1)) - x }

func TestQcutTiesByFirstAppearanceAndWideTotals(t *testing.T) {
	// Totals too wide for int64 units at their common exponent (1e25 in
	// cents is 1e27 units) are ranked by the exact comparison sort; equal
	// totals still rank in input order. Monetary ascending: d 0.01 (1),
	// b 1e25 (2), c 1e25 (3), a 2e25 (4); 4 ranks in 2 bins, edges 1,
	// 2.5, 4: M 1 1 2 2, so b and c, equal, score 1 and 2.
	base := []client.History{
		hist("a", 1, 1, "2e25"), hist("b", 1, 1, "1e25"), hist("c", 1, 1, "10000000000000000000000000.00"), hist("d", 1, 1, "0.01"),
	}
	res, err := Classify(base, asOf, cfg(2, Quantile))
	require.NoError(t, err)
	got := make([]string, len(res.Scores))
	for i, s := range res.Scores {
		got[i] = fmt.Sprintf("%s M%d rank %d", s.ClientID, s.M, s.MonetaryRank)
	}
	assert.Equal(t, []string{"a M2 rank 4", "b M1 rank 2", "c M2 rank 3", "d M1 rank 1"}, got)
	// Every recency and frequency is equal: ranks in input order, and the
	// reversed recency labels give the first two R2.
	assert.Equal(t, []int{2, 2, 1, 1}, []int{res.Scores[0].R, res.Scores[1].R, res.Scores[2].R, res.Scores[3].R})
}

func TestQcutErrors(t *testing.T) {
	one := []client.History{hist("a", 1, 1, "1"), {ClientID: "b"}}
	tests := []struct {
		name string
		in   []client.History
		asOf clientele.Date
		cfg  Config
		want []string
	}{
		{"config", byFrequency(3), asOf, Config{Bins: 1}, []string{"config.bins = 1: must be 2 to 1000", "config.path = : unknown path"}},
		{"too many bins", byFrequency(3), asOf, cfg(1001, Quantile), []string{"config.bins = 1001"}},
		{"empty and no date", nil, clientele.Date{}, DefaultConfig(), []string{"as_of: is required", "histories: the client base is empty"}},
		{"repeat", []client.History{hist("a", 1, 1, "1"), hist("a", 2, 1, "1")}, asOf, DefaultConfig(), []string{"histories[1].client_id = a: repeats histories[0]"}},
		{"future order", []client.History{hist("a", -1, 1, "1"), hist("b", 1, 1, "1")}, asOf, DefaultConfig(), []string{"histories[0]"}},
		{"one client with orders", one, asOf, DefaultConfig(), []string{"histories = 1: clients with orders: pandas' qcut needs at least 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Classify(tt.in, tt.asOf, tt.cfg)
			problemtest.Require(t, err, ErrInvalid, tt.want)
		})
	}
	res, err := Classify(byFrequency(4), asOf, cfg(4, Quantile))
	require.NoError(t, err)
	_, err = res.Segments(rfm.Config{})
	problemtest.Require(t, err, ErrInvalid, []string{"result.config.bins = 4: must be 5", "map.rules: must list at least one rule"})
}

func TestQcutPathText(t *testing.T) {
	enumtest.CheckText[Path](t, ParsePath)
}

// TestQcutInvariants checks, on random bases full of ties, what
// rank(method="first") and qcut promise: the ranks of each measure are
// 1..N, ascending in the value and, among equal values, in input order;
// scores lie in 1..bins and never fall as the rank rises (recency: never
// rise); each bin's count is what the edges give.
func TestQcutInvariants(t *testing.T) {
	r := rand.New(rand.NewPCG(58240, 1))
	for range 300 {
		n, bins := 2+r.IntN(60), 2+r.IntN(12)
		base := make([]client.History, n)
		for i := range base {
			base[i] = hist(fmt.Sprintf("c%03d", i), r.IntN(5), 1+r.IntN(4), fmt.Sprintf("%d.%d", r.IntN(4), r.IntN(3)))
		}
		path := Path(1 + r.IntN(2))
		res, err := Classify(base, asOf, cfg(bins, path))
		require.NoError(t, err)
		type measure struct {
			value func(s Score) decimal.Decimal
			rank  func(s Score) int
			score func(s Score) int
		}
		for _, m := range []measure{
			{func(s Score) decimal.Decimal { return decimal.NewFromInt(s.RecencyDays) }, func(s Score) int { return s.RecencyRank }, func(s Score) int { return bins + 1 - s.R }},
			{func(s Score) decimal.Decimal { return decimal.NewFromInt(int64(s.Frequency)) }, func(s Score) int { return s.FrequencyRank }, func(s Score) int { return s.F }},
			{func(s Score) decimal.Decimal { return s.Monetary }, func(s Score) int { return s.MonetaryRank }, func(s Score) int { return s.M }},
		} {
			byRank := make([]int, n+1)
			for i, s := range res.Scores {
				require.Zero(t, byRank[m.rank(s)], "rank %d twice", m.rank(s))
				byRank[m.rank(s)] = i + 1
			}
			for k := 2; k <= n; k++ {
				a, b := res.Scores[byRank[k-1]-1], res.Scores[byRank[k]-1]
				c := m.value(a).Cmp(m.value(b))
				require.True(t, c < 0 || c == 0 && byRank[k-1] < byRank[k], "rank order")
				require.LessOrEqual(t, m.score(a), m.score(b))
			}
			for k := 1; k <= n; k++ {
				bin := m.score(res.Scores[byRank[k]-1])
				require.True(t, bin >= 1 && bin <= bins)
				require.True(t, float64(k) <= res.Edges[bin] && (bin == 1 || float64(k) > res.Edges[bin-1]), "rank %d bin %d edges %v", k, bin, res.Edges)
			}
		}
	}
}
