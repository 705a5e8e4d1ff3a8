package rfm

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
)

var rfmAsOf = clientele.NewDate(2026, time.November, 26)

// hist is a history whose last order was daysAgo days before rfmAsOf.
func hist(id string, daysAgo, orders int, total string) client.History {
	last := rfmAsOf.AddDays(-daysAgo)
	return client.History{ClientID: id, Orders: orders, FirstOrder: last.AddMonths(-12), LastOrder: last,
		Total: decimal.RequireFromString(total)}
}

// tenClients is the hand-worked base of TestRFMTenClients; c11 never
// ordered.
func tenClients() []client.History {
	return []client.History{
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
}

// TestRFMTenClients works a ten-client base out by hand.
//
// N = 10 scored clients (c11 has no orders and is left out). With L the
// clients strictly worse and E those equal (itself included), the score
// is 1 + floor(5·(2L+E)/(2N)) = 1 + floor((2L+E)/4) for N = 10.
//
// Recency, worst (most days) first: 365 200 150 90 45 20 20 10 5 2.
// c10 365 d: L0 E1, 1/4 -> R1; c09 200: L1, 3/4 -> R1; c08 150: L2,
// 5/4 -> R2; c07 90: L3, 7/4 -> R2; c06 45: L4, 9/4 -> R3; c04 and c05
// 20 d (a tie): L5 E2, (10+2)/4 = 3 -> both R4 (PR 6/10; NTILE would
// split them into 3 and 4, RANK()-style scoring gave both 3); c03 10:
// L7 E1, 15/4 -> R4; c02 5: L8, 17/4 -> R5; c01 2: L9, 19/4 -> R5.
//
// Frequency ascending: 1 1 2 2 3 5 6 8 9 12. The 1s (c04, c09): L0 E2,
// 2/4 -> F1; the 2s (c07, c10): L2 E2, 6/4 -> F2; 3 (c05): L4, 9/4 ->
// F3; 5 (c03): L5, 11/4 -> F3; 6 (c06): L6, 13/4 -> F4; 8 (c02): L7,
// 15/4 -> F4; 9 (c08): L8, 17/4 -> F5; 12 (c01): L9, 19/4 -> F5.
//
// Monetary ascending, no ties: 300 (c09) 900 (c04) 1200.50 (c10) 2500
// (c07) 4500 (c05) 12000 (c03) 15000 (c06) 31000 (c02) 40000 (c08)
// 54000 (c01): L = 0..9 -> (2L+1)/4 = 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 ->
// M1 M1 M2 M2 M3 M3 M4 M4 M5 M5.
//
// Segments from the default R×F grid: c01 R5F5 and c02 R5F4 champions;
// c03 R4F3 and c05 R4F3 potential_loyalist; c04 R4F1 promising; c06
// R3F4 loyal; c07 R2F2 hibernating; c08 R2F5 cannot_lose; c09 R1F1 and
// c10 R1F2 lost.
//
// Bands, read off the lists above: R1 200-365 days (c09, c10), R2 90-150
// (c07, c08), R3 45 (c06), R4 10-20 (c03, c04, c05), R5 2-5 (c01, c02);
// F1 1 order, F2 2, F3 3-5, F4 6-8, F5 9-12, two clients each; M1
// 300-900, M2 1200.50-2500, M3 4500-12000, M4 15000-31000, M5
// 40000-54000, two clients each (decimals print as decimal.String does:
// 1200.50 as 1200.5).
func TestRFMTenClients(t *testing.T) {
	res, err := Classify(tenClients(), rfmAsOf, DefaultConfig())
	require.NoError(t, err)

	want := []struct {
		id               string
		days             int64
		code             string
		segment          string
		rule             int
		rRank, fRank, mR Rank
	}{
		{"c01", 2, "555", Champions, 0, Rank{9, 1}, Rank{9, 1}, Rank{9, 1}},
		{"c02", 5, "544", Champions, 0, Rank{8, 1}, Rank{7, 1}, Rank{7, 1}},
		{"c03", 10, "433", PotentialLoyalist, 2, Rank{7, 1}, Rank{5, 1}, Rank{5, 1}},
		{"c04", 20, "411", Promising, 4, Rank{5, 2}, Rank{0, 2}, Rank{1, 1}},
		{"c05", 20, "433", PotentialLoyalist, 2, Rank{5, 2}, Rank{4, 1}, Rank{4, 1}},
		{"c06", 45, "344", Loyal, 1, Rank{4, 1}, Rank{6, 1}, Rank{6, 1}},
		{"c07", 90, "222", Hibernating, 9, Rank{3, 1}, Rank{2, 2}, Rank{3, 1}},
		{"c08", 150, "255", CannotLose, 8, Rank{2, 1}, Rank{8, 1}, Rank{8, 1}},
		{"c09", 200, "111", Lost, 10, Rank{1, 1}, Rank{0, 2}, Rank{0, 1}},
		{"c10", 365, "122", Lost, 10, Rank{0, 1}, Rank{2, 2}, Rank{2, 1}},
	}
	require.Len(t, res.Scores, len(want))
	for i, w := range want {
		s := res.Scores[i]
		assert.Equal(t, w.id, s.ClientID)
		assert.Equal(t, w.days, s.RecencyDays, w.id)
		assert.Equal(t, w.code, s.Code(), w.id)
		assert.Equal(t, w.segment, s.Segment, w.id)
		assert.Equal(t, w.rule, s.Rule, w.id)
		assert.Equal(t, []Rank{w.rRank, w.fRank, w.mR}, []Rank{s.RecencyRank, s.FrequencyRank, s.MonetaryRank}, w.id)
	}
	assert.Equal(t, []Unscored{{ClientID: "c11", Reason: noOrdersReason}}, res.Unscored)
	assert.Equal(t, []SegmentCount{
		{Champions, 2}, {Loyal, 1}, {PotentialLoyalist, 2}, {NewClients, 0}, {Promising, 1},
		{NeedsAttention, 0}, {AboutToSleep, 0}, {AtRisk, 0}, {CannotLose, 1},
		{Hibernating, 1}, {Lost, 2},
	}, res.Segments)

	assert.Equal(t, [5]Band{{1, 2, 200, 365}, {2, 2, 90, 150}, {3, 1, 45, 45}, {4, 3, 10, 20}, {5, 2, 2, 5}}, res.Bands.RecencyDays)
	assert.Equal(t, [5]Band{{1, 2, 1, 1}, {2, 2, 2, 2}, {3, 2, 3, 5}, {4, 2, 6, 8}, {5, 2, 9, 12}}, res.Bands.Frequency)
	assert.Equal(t, "R1: 200-365 days (2 clients); R2: 90-150 days (2 clients); R3: 45 days (1 client); "+
		"R4: 10-20 days (3 clients); R5: 2-5 days (2 clients)\n"+
		"F1: 1 order (2 clients); F2: 2 orders (2 clients); F3: 3-5 orders (2 clients); "+
		"F4: 6-8 orders (2 clients); F5: 9-12 orders (2 clients)\n"+
		"M1: 300-900 (2 clients); M2: 1200.5-2500 (2 clients); M3: 4500-12000 (2 clients); "+
		"M4: 15000-31000 (2 clients); M5: 40000-54000 (2 clients)",
		res.Bands.String())

	// c04: recency L5 E2 -> PR (5 + 2/2)/10 = 6/10, 1 + floor(3) = 4;
	// frequency L0 E2 -> 1/10, 1 + floor(0.5) = 1; monetary 900 is
	// above 300 only: L1 E1 -> 1.5/10, 1 + floor(0.75) = 1.
	assert.Equal(t, "R4 for 20 days since the last order: of the 10 clients scored, 5 have more days (L) and 2 the same, "+
		"this one included (E): PR = (L + E/2)/N = (5 + 2/2)/10 = 6/10, R = 1 + floor(5 × PR) = 4; "+
		"band R4: 10-20 days (3 clients). "+
		"F1 for 1 order: of the 10 clients scored, 0 have fewer orders (L) and 2 the same, this one included (E): "+
		"PR = (L + E/2)/N = (0 + 2/2)/10 = 1/10, F = 1 + floor(5 × PR) = 1; band F1: 1 order (2 clients). "+
		"M1 for total 900: of the 10 clients scored, 1 has a smaller total (L) and 1 the same, this one included (E): "+
		"PR = (L + E/2)/N = (1 + 1/2)/10 = 1.5/10, M = 1 + floor(5 × PR) = 1; band M1: 300-900 (2 clients). "+
		"Segment promising by rule 4 (promising: R4 F1).",
		res.Explain(res.Scores[3]))
}

// TestDefaultRFMMatchesPublishedGrid compares the default with the
// published regex map (seg_map of the public CRM-analytics RFM
// notebooks): '[1-2][1-2]' hibernating, '[1-2][3-4]' at_risk, '[1-2]5'
// cant_loose, '3[1-2]' about_to_sleep, '33' need_attention,
// '[3-4][4-5]' loyal_customers, '41' promising, '51' new_customers,
// '[4-5][2-3]' potential_loyalists, '5[4-5]' champions. The one
// documented difference: R1 F1-2 is "lost" here.
func TestDefaultRFMMatchesPublishedGrid(t *testing.T) {
	published := []struct {
		r, f    string // character classes of the regex
		segment string
	}{
		{"12", "12", Hibernating}, {"12", "34", AtRisk}, {"12", "5", CannotLose},
		{"3", "12", AboutToSleep}, {"3", "3", NeedsAttention}, {"34", "45", Loyal},
		{"4", "1", Promising}, {"5", "1", NewClients}, {"45", "23", PotentialLoyalist},
		{"5", "45", Champions},
	}
	m, err := DefaultConfig().Resolve()
	require.NoError(t, err)
	require.Len(t, m, 125)
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			want := ""
			for _, p := range published {
				if strings.ContainsRune(p.r, rune('0'+r)) && strings.ContainsRune(p.f, rune('0'+f)) {
					require.Empty(t, want, "the published grid has no overlap at R%dF%d", r, f)
					want = p.segment
				}
			}
			if r == 1 && f <= 2 {
				want = Lost
			}
			for mon := 1; mon <= 5; mon++ {
				assert.Equal(t, want, m[fmt.Sprintf("R%dF%dM%d", r, f, mon)], "R%d F%d M%d", r, f, mon)
			}
		}
	}
}

// scoresOf returns the R, F and M scores of every scored client.
func scoresOf(res Result) (r, f, m []int) {
	for _, s := range res.Scores {
		r, f, m = append(r, s.R), append(f, s.F), append(m, s.M)
	}
	return r, f, m
}

// withOrders is a base whose clients differ only in their order counts:
// each ordered 10 days ago for a total of 100.
func withOrders(counts ...int) []client.History {
	hs := make([]client.History, len(counts))
	for i, c := range counts {
		hs[i] = hist(fmt.Sprintf("c%02d", i), 10, c, "100")
	}
	return hs
}

// TestRFMMidpointRanks works the rule 1 + floor(5·(2L+E)/(2N)) out by
// hand on small bases, the cases the RFM doc comment names.
func TestRFMMidpointRanks(t *testing.T) {
	cases := []struct {
		name   string
		orders []int
		want   []int // F of each client
	}{
		// N = 7, the quickstart's base: 3s L0 E3, 5·3/14 = 1.07 -> F2
		// (PR 1.5/7); 6 L3 E1, 5·7/14 = 2.5 -> F3 (PR 3.5/7); 12s L4 E3,
		// 5·11/14 = 3.93 -> F4 (PR 5.5/7). RANK()-style scoring gave
		// 1, 1, 1, 3, 3, 3, 3: the best buyers as F3.
		{"ties at the top", []int{3, 3, 3, 6, 12, 12, 12}, []int{2, 2, 2, 3, 4, 4, 4}},
		// N = 5, no ties: 5·(2L+1)/10 = L + 0.5 -> 1 + L.
		{"five distinct", []int{5, 1, 4, 2, 3}, []int{5, 1, 4, 2, 3}},
		// N = 10, no ties: (2L+1)/4 for L = 0..9 is 0.25, 0.75, 1.25,
		// 1.75, 2.25, 2.75, 3.25, 3.75, 4.25, 4.75.
		{"ten distinct", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}},
		// N = 1: L0 E1, 5·1/2 = 2.5 -> 3 (PR 1/2).
		{"one client", []int{4}, []int{3}},
		// N = 6, all equal: L0 E6, 5·6/12 = 2.5 -> 3 for everyone.
		{"all equal", []int{2, 2, 2, 2, 2, 2}, []int{3, 3, 3, 3, 3, 3}},
		// N = 3: 5·1/6 = 0.83 -> 1, 5·3/6 = 2.5 -> 3, 5·5/6 = 4.17 -> 5.
		{"three distinct", []int{1, 2, 3}, []int{1, 3, 5}},
		// N = 10, six 1s: L0 E6, 6/4 = 1.5 -> F2; 2: L6, 13/4 -> F4; 3:
		// L7, 15/4 -> F4; 4: L8, 17/4 -> F5; 5: L9, 19/4 -> F5. F1 and F3
		// are empty bands. RANK()-style: 1 (six times), 4, 4, 5, 5.
		{"a large tie at the bottom", []int{1, 1, 1, 1, 1, 1, 2, 3, 4, 5}, []int{2, 2, 2, 2, 2, 2, 4, 4, 5, 5}},
		// N = 4, best value tied by three: 1 L0 E1, 5·1/8 -> F1; 9s L1
		// E3, 5·5/8 = 3.125 -> F4. RANK()-style: 1, 2, 2, 2.
		{"a large tie at the top", []int{1, 9, 9, 9}, []int{1, 4, 4, 4}},
		// N = 3, counts far apart (they span more values than N +
		// countSlack, so they are sorted, not counted): 1 L0 E1, 5·1/6
		// -> F1; 5000s L1 E2, 5·4/6 = 3.33 -> F4.
		{"counts far apart", []int{5000, 1, 5000}, []int{4, 1, 4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Classify(withOrders(c.orders...), rfmAsOf, DefaultConfig())
			require.NoError(t, err)
			r, f, m := scoresOf(res)
			assert.Equal(t, c.want, f)
			// Everyone ordered 10 days ago for 100: one tie group of N,
			// L0 E=N, 5·N/(2N) = 2.5 -> 3.
			for i := range r {
				assert.Equal(t, 3, r[i])
				assert.Equal(t, 3, m[i])
			}
		})
	}

	t.Run("one client explained", func(t *testing.T) {
		// N = 1: L0 E1 on every measure, PR (0 + 1/2)/1, 1 + floor(2.5) = 3.
		res, err := Classify(withOrders(4), rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, "333", res.Scores[0].Code())
		assert.Equal(t, NeedsAttention, res.Scores[0].Segment)
		assert.Equal(t, "R3 for 10 days since the last order: of the 1 client scored, 0 have more days (L) and 1 the same, "+
			"this one included (E): PR = (L + E/2)/N = (0 + 1/2)/1 = 0.5/1, R = 1 + floor(5 × PR) = 3; band R3: 10 days (1 client). "+
			"F3 for 4 orders: of the 1 client scored, 0 have fewer orders (L) and 1 the same, this one included (E): "+
			"PR = (L + E/2)/N = (0 + 1/2)/1 = 0.5/1, F = 1 + floor(5 × PR) = 3; band F3: 4 orders (1 client). "+
			"M3 for total 100: of the 1 client scored, 0 have a smaller total (L) and 1 the same, this one included (E): "+
			"PR = (L + E/2)/N = (0 + 1/2)/1 = 0.5/1, M = 1 + floor(5 × PR) = 3; band M3: 100 (1 client). "+
			"Segment needs_attention by rule 5 (needs_attention: R3 F3).", res.Explain(res.Scores[0]))
	})

	t.Run("a published worked example", func(t *testing.T) {
		// https://ximpledu.com/en/percentile/ (the percentile rank
		// (n_less + 0.5·n_equal)/n·100 of Wikipedia's "Percentile rank"):
		// among these 20 values the percentile rank of 4 is
		// (6 + 0.5·1)/20 = 32.5 %, and that of 7 is (12 + 0.5·4)/20 = 70 %.
		// As scores: 4 -> 1 + floor(5·0.325) = 1 + floor(1.625) = 2;
		// 7 -> 1 + floor(5·0.7) = 1 + floor(3.5) = 4.
		values := []int{1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 9}
		res, err := Classify(withOrders(values...), rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		four, seven := res.Scores[6], res.Scores[12]
		require.Equal(t, []int{4, 7}, []int{four.Frequency, seven.Frequency})
		assert.Equal(t, Rank{Worse: 6, Equal: 1}, four.FrequencyRank)
		assert.Equal(t, 2, four.F)
		assert.Equal(t, Rank{Worse: 12, Equal: 4}, seven.FrequencyRank)
		assert.Equal(t, 4, seven.F)
		assert.Contains(t, res.Explain(four), "PR = (L + E/2)/N = (6 + 1/2)/20 = 6.5/20, F = 1 + floor(5 × PR) = 2")
		assert.Contains(t, res.Explain(seven), "PR = (L + E/2)/N = (12 + 4/2)/20 = 14/20, F = 1 + floor(5 × PR) = 4")
	})

	t.Run("the quickstart's bands", func(t *testing.T) {
		res, err := Classify(withOrders(3, 3, 3, 6, 12, 12, 12), rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, "F1: no clients; F2: 3 orders (3 clients); F3: 6 orders (1 client); F4: 12 orders (3 clients); F5: no clients",
			strings.Split(res.Bands.String(), "\n")[1])
		assert.Equal(t, [5]Band{{Score: 1}, {Score: 2}, {3, 7, 10, 10}, {Score: 4}, {Score: 5}}, res.Bands.RecencyDays)
		assert.Contains(t, res.Explain(res.Scores[4]), "F4 for 12 orders: of the 7 clients scored, 4 have fewer orders (L) "+
			"and 3 the same, this one included (E): PR = (L + E/2)/N = (4 + 3/2)/7 = 5.5/7, F = 1 + floor(5 × PR) = 4; "+
			"band F4: 12 orders (3 clients).")
	})

	t.Run("nobody ordered", func(t *testing.T) {
		res, err := Classify([]client.History{{ClientID: "p1"}, {ClientID: "p2"}}, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Empty(t, res.Scores)
		assert.Len(t, res.Unscored, 2)
		assert.Len(t, res.Segments, 11, "every segment is listed, with zero clients")
		for k := range 5 {
			assert.Equal(t, Band{Score: k + 1}, res.Bands.Frequency[k])
			assert.Equal(t, MoneyBand{Score: k + 1}, res.Bands.Monetary[k])
		}
	})
}

// TestRFMBandsJSON: a band with clients carries its range; an empty one
// says so and has no range to misread.
func TestRFMBandsJSON(t *testing.T) {
	// N = 2, totals 10.50 and 99: L0 E1, 5·1/4 = 1.25 -> M2; L1 E1,
	// 5·3/4 = 3.75 -> M4.
	res, err := Classify([]client.History{hist("a", 1, 1, "10.50"), hist("b", 1, 1, "99")}, rfmAsOf, DefaultConfig())
	require.NoError(t, err)
	b, err := json.Marshal(res.Bands.Monetary)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"score":1,"clients":0},{"score":2,"clients":1,"min":"10.5","max":"10.5"},{"score":3,"clients":0},
		{"score":4,"clients":1,"min":"99","max":"99"},{"score":5,"clients":0}]`, string(b))
	b, err = json.Marshal(res.Bands.RecencyDays)
	require.NoError(t, err)
	// Both ordered 1 day ago: L0 E2, 5·2/4 = 2.5 -> R3.
	assert.JSONEq(t, `[{"score":1,"clients":0},{"score":2,"clients":0},{"score":3,"clients":2,"min":1,"max":1},
		{"score":4,"clients":0},{"score":5,"clients":0}]`, string(b))

	b, err = json.Marshal(res)
	require.NoError(t, err)
	var back Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, res.Bands.RecencyDays, back.Bands.RecencyDays)
	assert.Equal(t, res.Bands.Frequency, back.Bands.Frequency)
	assert.Equal(t, res.Bands.String(), back.Bands.String())
	assert.Equal(t, res.Explain(res.Scores[1]), back.Explain(back.Scores[1]), "a result read back explains the same")
}

func TestRFMRecencyCountsCalendarDays(t *testing.T) {
	// Recency is the calendar days between the two days, whatever the
	// hours: an order late on the 25th is 1 day old early on the 26th (1
	// hour, 0 days by the old 24-hour rule), and one early on the 25th is
	// still 1 day old late on the 26th (47 hours).
	nov := func(d, hour int) time.Time { return time.Date(2026, 11, d, hour, 0, 0, 0, time.UTC) }
	msk := time.FixedZone("MSK", 3*3600)
	for _, c := range []struct {
		order, asOf time.Time
		want        int64
	}{
		{nov(26, 0), nov(26, 23), 0},
		{nov(25, 23), nov(26, 0), 1},
		{nov(25, 0), nov(26, 23), 1},
		{nov(24, 1), nov(26, 23), 2},
		// The day a time shows in its own zone: 26 November in Moscow,
		// though still the 25th in UTC.
		{time.Date(2026, 11, 26, 1, 0, 0, 0, msk), nov(26, 0), 0},
		// 30 years of 365 days plus 7 leap days.
		{time.Date(1996, 11, 26, 12, 0, 0, 0, time.UTC), nov(26, 12), 10957},
	} {
		day := clientele.DateOf(c.order)
		h := client.History{ClientID: "c", Orders: 1, FirstOrder: day, LastOrder: day, Total: decimal.NewFromInt(1)}
		res, err := Classify([]client.History{h}, clientele.DateOf(c.asOf), DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, c.want, res.Scores[0].RecencyDays, "%v to %v", c.order, c.asOf)
	}
}

// monetaryScores returns the M score of every scored client.
func monetaryScores(res Result) []int {
	_, _, m := scoresOf(res)
	return m
}

func TestRFMMonetaryRanksExactUnits(t *testing.T) {
	t.Run("mixed exponents rank as one unit", func(t *testing.T) {
		// 1.5, 20, 0.125 and 1E+2 (exponent +2) are units of 0.001:
		// 1500, 20000, 125, 100000. N = 4, no ties, ascending 0.125 (L0),
		// 1.5 (L1), 20 (L2), 100 (L3): 1 + floor(5·(2L+1)/8) = 1 +
		// floor(0.625) = 1, 1 + floor(1.875) = 2, 1 + floor(3.125) = 4,
		// 1 + floor(4.375) = 5. Nobody scores M3.
		hs := []client.History{hist("a", 1, 1, "1.5"), hist("b", 1, 1, "20"), hist("c", 1, 1, "0.125"),
			{ClientID: "d", Orders: 1, FirstOrder: rfmAsOf, LastOrder: rfmAsOf, Total: decimal.New(1, 2)}}
		res, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, []int{2, 4, 1, 5}, monetaryScores(res))
		assert.Equal(t, "M1: 0.125 (1 client); M2: 1.5 (1 client); M3: no clients; M4: 20 (1 client); M5: 100 (1 client)",
			strings.Split(res.Bands.String(), "\n")[2])
	})
	t.Run("totals shifted by 10^20 score the same", func(t *testing.T) {
		// The ten-client base with every total multiplied by 10^20: the
		// order, and so M, is unchanged (TestRFMTenClients: c01..c10 score
		// M5 M4 M3 M1 M3 M4 M2 M5 M1 M2), and the units still fit int64.
		hs := tenClients()
		for i := range hs {
			hs[i].Total = hs[i].Total.Shift(20)
		}
		res, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, []int{5, 4, 3, 1, 3, 4, 2, 5, 1, 2}, monetaryScores(res))
		assert.Equal(t, "120050"+strings.Repeat("0", 18), res.Bands.Monetary[1].Min.String(), "M2 from 1200.50·10^20")
		assert.Equal(t, "2500"+strings.Repeat("0", 20), res.Bands.Monetary[1].Max.String(), "M2 to 2500·10^20")
	})
	t.Run("units too wide for int64 score the same", func(t *testing.T) {
		// 10^19 added to every total keeps the order; in cents the units
		// (about 10^21) no longer fit an int64, so the wide path ranks them.
		hs := tenClients()
		for i := range hs {
			if hs[i].Orders > 0 {
				hs[i].Total = hs[i].Total.Add(decimal.New(1, 19))
			}
		}
		a, err := exactsumOf([]decimal.Decimal{hs[0].Total, hs[9].Total})
		require.NoError(t, err)
		require.True(t, a.IsWide(), "the test must reach the wide path")
		res, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, []int{5, 4, 3, 1, 3, 4, 2, 5, 1, 2}, monetaryScores(res))
		assert.Equal(t, Rank{Worse: 2, Equal: 1}, res.Scores[9].MonetaryRank, "c10 above c09 and c04")
		m2 := res.Bands.Monetary[1]
		assert.Equal(t, 2, m2.Clients)
		assert.Equal(t, "10000000000000001200.5", m2.Min.String(), "c10's 1200.50 + 10^19")
		assert.Equal(t, "10000000000000002500", m2.Max.String(), "c07's 2500 + 10^19")
	})
	t.Run("random bases agree between the two paths", func(t *testing.T) {
		// The same amounts ranked by the radix path and the comparison
		// path; then the same base lifted by 10^19 (which keeps the order)
		// through RFM, so the wide path runs end to end.
		rng := rand.New(rand.NewPCG(1, 2))
		for range 50 {
			n := 1 + rng.IntN(40)
			totals := make([]decimal.Decimal, n)
			hs := make([]client.History, n)
			for i := range totals {
				totals[i] = decimal.New(rng.Int64N(20), -rng.Int32N(3)) // many ties, mixed exponents
				hs[i] = hist(fmt.Sprintf("c%02d", i), 1, 1, totals[i].String())
			}
			a, err := exactsumOf(totals)
			require.NoError(t, err)
			require.NotNil(t, a.Ints())
			var r ranker
			fast, fastBands := r.rankMoney(&a) // int64 units, counted
			sorted, _ := r.rankSorted(a.Len(), sliceKey(a.Ints()))
			slow, slowBands := rankWide(&a)
			for i := range n {
				assert.Equal(t, fast.at(i), slow.at(i), "totals %v", totals)
				assert.Equal(t, sorted.at(i), slow.at(i), "totals %v", totals)
			}
			for k := range fastBands {
				f, s := fastBands[k], slowBands[k]
				assert.Equal(t, f.Clients, s.Clients)
				assert.True(t, f.Min.Equal(s.Min) && f.Max.Equal(s.Max), "M%d: %s-%s vs %s-%s", k+1, f.Min, f.Max, s.Min, s.Max)
				assert.Equal(t, f.Min.String()+f.Max.String(), s.Min.String()+s.Max.String())
			}

			res, err := Classify(hs, rfmAsOf, DefaultConfig())
			require.NoError(t, err)
			lifted := make([]decimal.Decimal, n)
			for i := range hs {
				hs[i].Total = hs[i].Total.Add(decimal.New(1, 19))
				lifted[i] = hs[i].Total
			}
			la, err := exactsumOf(lifted)
			require.NoError(t, err)
			require.True(t, la.IsWide())
			wide, err := Classify(hs, rfmAsOf, DefaultConfig())
			require.NoError(t, err)
			for i := range res.Scores {
				assert.Equal(t, res.Scores[i].MonetaryRank, wide.Scores[i].MonetaryRank)
				assert.Equal(t, res.Scores[i].M, wide.Scores[i].M)
				assert.Equal(t, int(fast.at(i).score), res.Scores[i].M)
			}
		}
	})
}

func TestRFMErrors(t *testing.T) {
	future := hist("c-late", 0, 1, "10")
	future.LastOrder = rfmAsOf.AddDays(1)
	cases := []struct {
		name string
		hs   []client.History
		asOf clientele.Date
		want []string
	}{
		{"empty base", nil, rfmAsOf, []string{"histories: the client base is empty"}},
		{"no as-of", tenClients(), clientele.Date{}, []string{"as_of: is required"}},
		{"invalid as-of", tenClients(), clientele.NewDate(2026, time.November, 31), []string{"as_of: is not a calendar date in years 1-9999"}},
		{"future last order", []client.History{hist("c1", 1, 1, "1"), future}, rfmAsOf,
			[]string{`histories[1].last_order = 2026-11-27: client "c-late": is after the as-of date 2026-11-26`}},
		{"invalid last order", []client.History{{ClientID: "c1", Orders: 1, FirstOrder: rfmAsOf, LastOrder: rfmAsOf.AddDays(-1e7), Total: decimal.NewFromInt(1)}}, rfmAsOf,
			[]string{`histories[0].last_order: client "c1": is not a calendar date in years 1-9999`}},
		{"duplicate", []client.History{hist("c1", 1, 1, "1"), hist("c2", 1, 1, "1"), hist("c1", 2, 1, "1")}, rfmAsOf,
			[]string{"histories[2].client_id = c1: repeats histories[0]: each client_id appears once"}},
		{"negative total and missing id", []client.History{hist("c1", 1, 1, "-5"), {Orders: 0}}, rfmAsOf,
			[]string{`histories[0].total = -5: client "c1": must not be negative`, "histories[1].client_id: is required"}},
		{"amount out of range", []client.History{hist("c1", 1, 1, "1e-31")}, rfmAsOf,
			[]string{`histories[0].total = 1e-31: client "c1": is out of range: more than 30 decimal places`}},
		{"orders without dates", []client.History{{ClientID: "c1", Orders: 2, Total: decimal.NewFromInt(3)}}, rfmAsOf,
			[]string{`histories[0].first_order: client "c1": is required when the client has orders`,
				`histories[0].last_order: client "c1": is required when the client has orders`}},
		{"no orders but a total", []client.History{{ClientID: "c1", Total: decimal.NewFromInt(3)}}, rfmAsOf,
			[]string{`histories[0].total = 3: client "c1": must be zero when the client has no orders`}},
		{"negative orders", []client.History{{ClientID: "c1", Orders: -1}}, rfmAsOf,
			[]string{`histories[0].orders = -1: client "c1": must not be negative`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Classify(c.hs, c.asOf, DefaultConfig())
			require.ErrorIs(t, err, ErrInvalid)
			var fe *clientele.FieldError
			require.ErrorAs(t, err, &fe)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	t.Run("a bad config is reported with the input problems", func(t *testing.T) {
		_, err := Classify(nil, rfmAsOf, Config{})
		assert.ErrorContains(t, err, "config.rules: must list at least one rule; histories: the client base is empty")
	})
	t.Run("a flood of bad records is capped", func(t *testing.T) {
		// 250 histories with negative orders (250 problems), all of the
		// same client (249 repeats): 499 problems, the first 100 listed.
		hs := make([]client.History, 250)
		for i := range hs {
			hs[i] = client.History{ClientID: "same", Orders: -1}
		}
		_, err := Classify(hs, rfmAsOf, DefaultConfig())
		var list *clientele.ValidationError
		require.ErrorAs(t, err, &list)
		require.Len(t, list.Fields, validate.MaxListed+1)
		assert.Equal(t, `histories[99].orders = -1: client "same": must not be negative`, list.Fields[99].Error())
		assert.Equal(t, "histories = 399: 399 more problems not listed (the first 100 are)", list.Fields[100].Error())
	})
}

func TestRFMConfigValidate(t *testing.T) {
	require.NoError(t, DefaultConfig().Validate())

	t.Run("first match wins", func(t *testing.T) {
		// A VIP carve-out before the grid: R5 F5 M5 is "vip_champions",
		// the rest of R5 F4-5 stays "champions".
		cfg := DefaultConfig()
		cfg.Rules = append([]Rule{{Segment: "vip_champions", Recency: Range{5, 5}, Frequency: Range{5, 5}, Monetary: Range{5, 5}}}, cfg.Rules...)
		m, err := cfg.Resolve()
		require.NoError(t, err)
		assert.Equal(t, "vip_champions", m["R5F5M5"])
		assert.Equal(t, Champions, m["R5F5M4"])
		assert.Equal(t, Champions, m["R5F4M5"])
	})
	t.Run("one catch-all rule is a total map", func(t *testing.T) {
		require.NoError(t, Config{Rules: []Rule{{Segment: "everyone"}}}.Validate())
		assert.Equal(t, "everyone: any scores", Rule{Segment: "everyone"}.String())
		assert.Equal(t, "whales: M5", Rule{Segment: "whales", Monetary: Range{5, 5}}.String())
	})

	cases := []struct {
		name  string
		rules []Rule
		want  []string
	}{
		{"empty", nil, []string{"rules: must list at least one rule"}},
		{"bad ranges and names", []Rule{
			{Segment: " ", Recency: Range{0, 5}},
			{Segment: "x", Frequency: Range{4, 2}, Monetary: Range{1, 6}},
			{Segment: "bad\nname"},
			{Segment: strings.Repeat("n", 65)},
		}, []string{
			"rules[0].segment: is required", "rules[0].recency = 0-5: must be a range within 1..5",
			"rules[1].frequency = 4-2: must be a range", "rules[1].monetary = 1-6: must be a range",
			`rules[2].segment = "bad\nname": must be printable UTF-8`,
			"rules[3].segment = nnnnnnnnnnnnnnnn...: is 65 bytes long, the limit is 64",
		}},
		{"gaps", []Rule{
			{Segment: "top", Recency: Range{3, 5}},
			{Segment: "low", Recency: Range{1, 2}, Frequency: Range{2, 5}},
			{Segment: "low_rich", Recency: Range{1, 1}, Frequency: Range{1, 1}, Monetary: Range{4, 5}},
		}, []string{"rules: no rule covers R1F1M1, R1F1M2, R1F1M3, R2F1 (every combination of scores needs a segment)"}},
		{"shadowed rule", []Rule{
			{Segment: "all"},
			{Segment: "champions", Recency: Range{5, 5}},
		}, []string{"rules[1] = champions: R5: never applies: earlier rules match every score combination it covers"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Config{Rules: c.rules}.Validate()
			require.ErrorIs(t, err, ErrInvalid)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
			_, err = Config{Rules: c.rules}.Resolve()
			assert.Error(t, err)
		})
	}
}

func TestRFMConfigJSON(t *testing.T) {
	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	assert.Contains(t, string(b), `{"segment":"champions","recency":{"min":5,"max":5},"frequency":{"min":4,"max":5}}`,
		"an any-score range is omitted")
	var back Config
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DefaultConfig(), back)

	var custom Config
	require.NoError(t, json.Unmarshal([]byte(`{"rules":[
		{"segment":"whales","monetary":{"min":5,"max":5}},
		{"segment":"others"}]}`), &custom))
	m, err := custom.Resolve()
	require.NoError(t, err)
	assert.Equal(t, "whales", m["R1F1M5"])
	assert.Equal(t, "others", m["R5F5M4"])
}

// FuzzRFMConfig loads arbitrary JSON as a map. Whatever loads either
// fails Validate or is a total map: every score combination resolves to
// one of its rules, and RFM runs on it.
func FuzzRFMConfig(f *testing.F) {
	def, _ := json.Marshal(DefaultConfig())
	f.Add(def)
	f.Add([]byte(`{"rules":[{"segment":"all"}]}`))
	f.Add([]byte(`{"rules":[{"segment":"a","recency":{"min":1,"max":2}},{"segment":"b","recency":{"min":3,"max":5}}]}`))
	f.Add([]byte(`{"rules":[{"segment":"a","recency":{"min":0,"max":9}}]}`))
	f.Add([]byte(`{"rules":[]}`))
	f.Add([]byte(`{"rules":[{"segment":"x","monetary":{"min":5,"max":5}},{"segment":"x"},{"segment":"y"}]}`))
	base := tenClients()
	f.Fuzz(func(t *testing.T, data []byte) {
		var cfg Config
		if json.Unmarshal(data, &cfg) != nil {
			return
		}
		m, err := cfg.Resolve()
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			return
		}
		require.Len(t, m, 125)
		names := map[string]bool{}
		for _, r := range cfg.Rules {
			names[r.Segment] = true
		}
		for code, seg := range m {
			require.True(t, names[seg], "%s -> %q is one of the rules", code, seg)
		}
		res, err := Classify(base, rfmAsOf, cfg)
		require.NoError(t, err)
		for _, s := range res.Scores {
			require.Equal(t, m[fmt.Sprintf("R%dF%dM%d", s.R, s.F, s.M)], s.Segment)
		}
	})
}

// view is one measure of a result as the property tests see it: each
// client's value (better: larger is better; value: in the measure's own
// units), rank and score, and the bands in the measure's units.
type view struct {
	name          string
	better, value []decimal.Decimal
	rank          []Rank
	score         []int
	bands         [5]MoneyBand
}

func views(res Result) []view {
	vs := []view{{name: "recency"}, {name: "frequency"}, {name: "monetary"}}
	for _, s := range res.Scores {
		days := decimal.NewFromInt(s.RecencyDays)
		orders := decimal.NewFromInt(int64(s.Frequency))
		vs[0].better, vs[0].value = append(vs[0].better, days.Neg()), append(vs[0].value, days)
		vs[1].better, vs[1].value = append(vs[1].better, orders), append(vs[1].value, orders)
		vs[2].better, vs[2].value = append(vs[2].better, s.Monetary), append(vs[2].value, s.Monetary)
		vs[0].rank, vs[0].score = append(vs[0].rank, s.RecencyRank), append(vs[0].score, s.R)
		vs[1].rank, vs[1].score = append(vs[1].rank, s.FrequencyRank), append(vs[1].score, s.F)
		vs[2].rank, vs[2].score = append(vs[2].rank, s.MonetaryRank), append(vs[2].score, s.M)
	}
	for k := range 5 {
		for i, b := range []Band{res.Bands.RecencyDays[k], res.Bands.Frequency[k]} {
			vs[i].bands[k] = MoneyBand{Score: b.Score, Clients: b.Clients, Min: decimal.NewFromInt(b.Min), Max: decimal.NewFromInt(b.Max)}
		}
		vs[2].bands[k] = res.Bands.Monetary[k]
	}
	return vs
}

// requireRule checks res against the definition, brute force: for
// every measure and client, the rank counts the clients worse (L) and
// equal (E); the score is 1 + floor(5·PR) with PR = (CF − 0.5·F)/N
// taken literally from the source (CF = L + E values up to and
// including the client's, F = E), in exact rationals; scores lie in
// 1..5; equal values score equal and a better value never lower; each
// band holds exactly the clients with its score, from the least to the
// greatest of their values, and an empty band is all zero.
func requireRule(t *testing.T, res Result) {
	t.Helper()
	n := len(res.Scores)
	for _, v := range views(res) {
		for i := range n {
			var k Rank
			for j := range n {
				switch v.better[j].Cmp(v.better[i]) {
				case -1:
					k.Worse++
				case 0:
					k.Equal++
				}
			}
			require.Equal(t, k, v.rank[i], "%s rank of client %d", v.name, i)
			cf, f := int64(k.Worse+k.Equal), int64(k.Equal)
			pr := new(big.Rat).SetFrac64(2*cf-f, int64(2*n)) // (CF − 0.5·F)/N
			five := new(big.Rat).Mul(pr, big.NewRat(5, 1))
			want := 1 + int(new(big.Int).Quo(five.Num(), five.Denom()).Int64())
			require.Equal(t, want, v.score[i], "%s score of client %d, PR %s", v.name, i, pr)
			require.True(t, v.score[i] >= 1 && v.score[i] <= 5)
			for j := range n {
				switch c := v.better[j].Cmp(v.better[i]); {
				case c == 0:
					require.Equal(t, v.score[i], v.score[j], "%s: equal values, equal scores", v.name)
				case c > 0:
					require.GreaterOrEqual(t, v.score[j], v.score[i], "%s: a better value never scores lower", v.name)
				}
			}
		}
		total := 0
		for k, b := range v.bands {
			require.Equal(t, k+1, b.Score)
			var in []decimal.Decimal
			for i := range n {
				if v.score[i] == k+1 {
					in = append(in, v.value[i])
				}
			}
			require.Equal(t, len(in), b.Clients, "%s band %d", v.name, k+1)
			total += b.Clients
			if len(in) == 0 {
				require.True(t, b.Min.IsZero() && b.Max.IsZero(), "%s band %d is empty", v.name, k+1)
				continue
			}
			require.True(t, decimal.Min(in[0], in[1:]...).Equal(b.Min), "%s band %d min %s", v.name, k+1, b.Min)
			require.True(t, decimal.Max(in[0], in[1:]...).Equal(b.Max), "%s band %d max %s", v.name, k+1, b.Max)
		}
		require.Equal(t, n, total)
	}
}

// TestRFMScoreInvariants checks the rule on random bases full of ties:
// values close together (ranked by counting) and far apart (sorted).
func TestRFMScoreInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for b := range 80 {
		n := 1 + rng.IntN(60)
		spread := 1
		if b%2 == 1 {
			spread = 5000 // beyond N + rfmCountSlack
		}
		hs := make([]client.History, n)
		for i := range hs {
			hs[i] = hist(fmt.Sprintf("c%02d", i), spread*rng.IntN(8), 1+spread*rng.IntN(5),
				fmt.Sprintf("%d.%d", spread*rng.IntN(6), rng.IntN(3)))
		}
		res, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		require.Len(t, res.Scores, n)
		requireRule(t, res)
	}
}

// TestRFMCountedAndSortedRanksAgree ranks the same keys both ways.
func TestRFMCountedAndSortedRanksAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100 {
		n := 1 + rng.IntN(50)
		keys := make([]int64, n)
		base, width := rng.Int64N(1<<40)-1<<39, 1+rng.Int64N(12) // negative keys too
		for i := range keys {
			keys[i] = base + rng.Int64N(width)
		}
		lo := slices.Min(keys)
		counted, cb := rankCounted(len(keys), sliceKey(keys), lo, int(slices.Max(keys)-lo)+1)
		var r ranker
		sorted, sb := r.rankSorted(len(keys), sliceKey(keys))
		assert.Equal(t, sb, cb, "bands of %v", keys)
		for i := range keys {
			assert.Equal(t, sorted.at(i), counted.at(i), "rank and score of %d in %v", keys[i], keys)
		}
	}
}

// TestRFMWithoutTiesScoresQuintiles: with N distinct values, the client
// at position L (0 = worst) scores the quintile holding the middle of
// its position, 1 + floor(5·(L + 1/2)/N), so each score goes to
// floor(N/5) or ceil(N/5) clients (the number of half-integers L + 1/2
// in [(s−1)·N/5, s·N/5)), exactly N/5 when 5 divides N.
func TestRFMWithoutTiesScoresQuintiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 1; n <= 60; n++ {
		pos := rng.Perm(n) // client i has the pos[i]-th smallest value
		hs := make([]client.History, n)
		for i := range hs {
			hs[i] = hist(fmt.Sprintf("c%02d", i), n-pos[i], 1+pos[i], fmt.Sprint(10*pos[i]))
		}
		res, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		var count [5]int
		for i, s := range res.Scores {
			want := 1 + 5*(2*pos[i]+1)/(2*n)
			assert.Equal(t, []int{want, want, want}, []int{s.R, s.F, s.M}, "N=%d position %d", n, pos[i])
			count[s.F-1]++
		}
		for s, c := range count {
			assert.True(t, c == n/5 || c == (n+4)/5, "N=%d: score %d for %d clients", n, s+1, c)
		}
	}
}

// FuzzRFMRule: any base of up to 80 clients, three bytes each (days,
// orders, total; spread out when the input's length is odd), obeys the rule (requireRule); and the same base
// lifted by 10^19, which keeps the order of the totals but makes their
// units too wide for int64, gets the same monetary ranks and scores.
func FuzzRFMRule(f *testing.F) {
	f.Add([]byte{0, 3, 1, 0, 3, 1, 0, 3, 1, 0, 6, 1, 0, 12, 1, 0, 12, 1, 0, 12, 1}) // the quickstart's orders
	f.Add([]byte{5, 1, 7})
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Add([]byte{0, 0, 0, 255, 255, 255, 7, 8, 9, 7, 8, 9, 100, 2, 33})
	f.Add([]byte{0, 0, 0, 255, 255, 255, 7, 8, 9, 7, 8, 9, 100, 2, 33, 0}) // spread out
	f.Fuzz(func(t *testing.T, data []byte) {
		n := min(len(data)/3, 80)
		if n == 0 {
			return
		}
		// An odd length spreads the values out, so that they are sorted
		// rather than counted.
		spread := 1 + 4999*(len(data)%2)
		hs := make([]client.History, n)
		for i := range hs {
			d, o, m := int(data[3*i]), int(data[3*i+1]), data[3*i+2]
			// Totals 0..9 with 0-2 decimals: ties and mixed exponents.
			total := decimal.New(int64(spread*int(m%10)), -int32(m/10%3))
			hs[i] = hist(fmt.Sprintf("c%02d", i), spread*(d%64), 1+spread*(o%16), total.String())
		}
		res, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		requireRule(t, res)

		for i := range hs {
			hs[i].Total = hs[i].Total.Add(decimal.New(1, 19))
		}
		wide, err := Classify(hs, rfmAsOf, DefaultConfig())
		require.NoError(t, err)
		for i := range res.Scores {
			require.Equal(t, res.Scores[i].MonetaryRank, wide.Scores[i].MonetaryRank)
			require.Equal(t, res.Scores[i].M, wide.Scores[i].M)
		}
		requireRule(t, wide)
	})
}

// TestRFMConfigIsBounded: a map of more rules than the 125 score
// combinations always has dead rules and is refused at once; dead rules
// in a shorter map are listed up to the cap, so a hostile config makes a
// short error.
func TestRFMConfigIsBounded(t *testing.T) {
	rules := make([]Rule, 126)
	for i := range rules {
		rules[i] = Rule{Segment: fmt.Sprintf("s%d", i)}
	}
	requireProblems(t, Config{Rules: rules}.Validate(), []string{"rules = 126: must list at most 125 rules"})

	// A catch-all first: the 124 rules after it never apply.
	requireCapped(t, Config{Rules: rules[:125]}.Validate(), "rules", 124)
}

// exactsumOf converts ds as the client package does, with a Builder.
func exactsumOf(ds []decimal.Decimal) (exactsum.Amounts, error) {
	var b exactsum.Builder
	for _, d := range ds {
		b.Append(d)
	}
	return b.Amounts()
}
