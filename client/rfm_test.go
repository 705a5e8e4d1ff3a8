package client

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
)

var rfmAsOf = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// rfmHist is a history whose last order was daysAgo days before rfmAsOf.
func rfmHist(id string, daysAgo, orders int, total string) History {
	last := rfmAsOf.AddDate(0, 0, -daysAgo)
	return History{ClientID: id, Orders: orders, FirstOrder: last.AddDate(-1, 0, 0), LastOrder: last,
		Total: decimal.RequireFromString(total)}
}

// rfmTenClients is the hand-worked base of TestRFMTenClients; c11 never
// ordered.
func rfmTenClients() []History {
	return []History{
		rfmHist("c01", 2, 12, "54000.00"),
		rfmHist("c02", 5, 8, "31000.00"),
		rfmHist("c03", 10, 5, "12000.00"),
		rfmHist("c04", 20, 1, "900"),
		rfmHist("c05", 20, 3, "4500.00"),
		rfmHist("c06", 45, 6, "15000.00"),
		rfmHist("c07", 90, 2, "2500.00"),
		rfmHist("c08", 150, 9, "40000.00"),
		rfmHist("c09", 200, 1, "300.00"),
		rfmHist("c10", 365, 2, "1200.50"),
		{ClientID: "c11"},
	}
}

// TestRFMTenClients works a ten-client base out by hand.
//
// N = 10 scored clients (c11 has no orders and is left out). The cut-offs
// are the nearest-rank 20/40/60/80th percentiles: ranks ceil(0.2·10)=2,
// 4, 6 and 8 of the values ordered from worst to best.
//
// Recency days, worst first: 365 200 150 90 45 20 20 10 5 2
// -> ranks 2,4,6,8 = 200, 90, 20, 10. R = 1 + number of cut-offs with
// more days than the client's: c01 (2 d) beats all four: R5; c02 (5 d):
// R5; c03 (10 d) beats 200, 90, 20: R4; c04 and c05 (20 d, a tie) beat
// 200 and 90: both R3 (NTILE would split them into 3 and 4); c06 (45 d):
// R3; c07 (90 d) beats 200: R2; c08 (150 d): R2; c09 (200 d): R1;
// c10 (365 d): R1. Cross-check with 1 + floor(5·L/N), L = clients with
// strictly more days: c03 has L = 7 (365..20,20) -> 1 + floor(3.5) = 4.
//
// Frequency ascending: 1 1 2 2 3 5 6 8 9 12 -> cut-offs 1, 2, 5, 8.
// F = 1 + cut-offs below: c01 12: F5; c02 8 (beats 1, 2, 5): F4; c03 5:
// F3; c04 1: F1; c05 3: F3; c06 6: F4; c07 2: F2; c08 9: F5; c09 1: F1;
// c10 2: F2.
//
// Monetary ascending: 300 900 1200.50 2500 4500 12000 15000 31000 40000
// 54000 -> cut-offs 900, 2500, 12000, 31000. c01 M5; c02 31000 (beats
// three): M4; c03 M3; c04 900 (beats none, equal is not better): M1; c05
// M3; c06 M4; c07 M2; c08 M5; c09 M1; c10 M2.
//
// Segments from the default R×F grid: c01 R5F5 and c02 R5F4 champions;
// c03 R4F3 potential_loyalist; c04 R3F1 about_to_sleep; c05 R3F3
// needs_attention; c06 R3F4 loyal; c07 R2F2 hibernating; c08 R2F5
// cannot_lose; c09 R1F1 and c10 R1F2 lost.
func TestRFMTenClients(t *testing.T) {
	res, err := RFM(rfmTenClients(), rfmAsOf, DefaultRFMConfig())
	require.NoError(t, err)

	assert.Equal(t, [4]int64{200, 90, 20, 10}, res.Cutoffs.RecencyDays)
	assert.Equal(t, [4]int64{1, 2, 5, 8}, res.Cutoffs.Frequency)
	for k, want := range []string{"900", "2500", "12000", "31000"} {
		assert.True(t, decimal.RequireFromString(want).Equal(res.Cutoffs.Monetary[k]), "monetary cut-off %d = %s", k, res.Cutoffs.Monetary[k])
	}

	want := []struct {
		id      string
		days    int64
		code    string
		segment string
		rule    int
	}{
		{"c01", 2, "555", RFMChampions, 0},
		{"c02", 5, "544", RFMChampions, 0},
		{"c03", 10, "433", RFMPotentialLoyalist, 2},
		{"c04", 20, "311", RFMAboutToSleep, 6},
		{"c05", 20, "333", RFMNeedsAttention, 5},
		{"c06", 45, "344", RFMLoyal, 1},
		{"c07", 90, "222", RFMHibernating, 9},
		{"c08", 150, "255", RFMCannotLose, 8},
		{"c09", 200, "111", RFMLost, 10},
		{"c10", 365, "122", RFMLost, 10},
	}
	require.Len(t, res.Scores, len(want))
	for i, w := range want {
		s := res.Scores[i]
		assert.Equal(t, w.id, s.ClientID)
		assert.Equal(t, w.days, s.RecencyDays, w.id)
		assert.Equal(t, w.code, s.Code(), w.id)
		assert.Equal(t, w.segment, s.Segment, w.id)
		assert.Equal(t, w.rule, s.Rule, w.id)
	}
	assert.Equal(t, []RFMUnscored{{ClientID: "c11", Reason: rfmNoOrders}}, res.Unscored)
	assert.Equal(t, []RFMSegmentCount{
		{RFMChampions, 2}, {RFMLoyal, 1}, {RFMPotentialLoyalist, 1}, {RFMNew, 0}, {RFMPromising, 0},
		{RFMNeedsAttention, 1}, {RFMAboutToSleep, 1}, {RFMAtRisk, 0}, {RFMCannotLose, 1},
		{RFMHibernating, 1}, {RFMLost, 2},
	}, res.Segments)

	why := res.Explain(res.Scores[3])
	assert.Contains(t, why, "recency 20 days: R3 (cut-offs [200 90 20 10] days, fewer is better)")
	assert.Contains(t, why, "monetary 900: M1 (cut-offs [900 2500 12000 31000])")
	assert.Contains(t, why, "segment about_to_sleep by rule 6 (about_to_sleep: R3 F1-2)")
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
		{"12", "12", RFMHibernating}, {"12", "34", RFMAtRisk}, {"12", "5", RFMCannotLose},
		{"3", "12", RFMAboutToSleep}, {"3", "3", RFMNeedsAttention}, {"34", "45", RFMLoyal},
		{"4", "1", RFMPromising}, {"5", "1", RFMNew}, {"45", "23", RFMPotentialLoyalist},
		{"5", "45", RFMChampions},
	}
	m, err := DefaultRFMConfig().Resolve()
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
				want = RFMLost
			}
			for mon := 1; mon <= 5; mon++ {
				assert.Equal(t, want, m[fmt.Sprintf("R%dF%dM%d", r, f, mon)], "R%d F%d M%d", r, f, mon)
			}
		}
	}
}

func TestRFMTiesAndSmallBases(t *testing.T) {
	t.Run("equal values get equal scores", func(t *testing.T) {
		// Six of ten clients ordered once: L = 0 for all of them, so
		// F = 1 + floor(5·0/10) = 1 for all six; the four others have
		// L = 6, 7, 8, 9 -> F 4, 4, 5, 5. Nobody scores F2 or F3.
		var hs []History
		for i, orders := range []int{1, 1, 1, 1, 1, 1, 2, 3, 4, 5} {
			hs = append(hs, rfmHist(fmt.Sprintf("c%d", i), 10, orders, "100"))
		}
		res, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		var f []int
		for _, s := range res.Scores {
			f = append(f, s.F)
			assert.Equal(t, 1, s.R, "everyone ordered 10 days ago: one tie group at the worst position")
			assert.Equal(t, 1, s.M)
		}
		assert.Equal(t, []int{1, 1, 1, 1, 1, 1, 4, 4, 5, 5}, f)
	})
	t.Run("one client", func(t *testing.T) {
		// N = 1: every cut-off is the client's own value, L = 0 -> 111.
		res, err := RFM([]History{rfmHist("solo", 3, 4, "10")}, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Equal(t, "111", res.Scores[0].Code())
		assert.Equal(t, RFMLost, res.Scores[0].Segment)
	})
	t.Run("three clients", func(t *testing.T) {
		// N = 3, distinct values: L = 0, 1, 2 -> 1 + floor(0), 1 +
		// floor(5/3) = 2, 1 + floor(10/3) = 4: scores 1, 2, 4.
		hs := []History{rfmHist("a", 30, 1, "1"), rfmHist("b", 20, 2, "2"), rfmHist("c", 10, 3, "3")}
		res, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Equal(t, []string{"111", "222", "444"}, []string{res.Scores[0].Code(), res.Scores[1].Code(), res.Scores[2].Code()})
	})
	t.Run("nobody ordered", func(t *testing.T) {
		res, err := RFM([]History{{ClientID: "p1"}, {ClientID: "p2"}}, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Empty(t, res.Scores)
		assert.Len(t, res.Unscored, 2)
		assert.Len(t, res.Segments, 11, "every segment is listed, with zero clients")
	})
}

func TestRFMRecencyCountsWholeDays(t *testing.T) {
	// 47 hours before as-of is 1 whole day; exactly 48 hours is 2.
	for hours, want := range map[int]int64{0: 0, 23: 0, 24: 1, 47: 1, 48: 2} {
		h := History{ClientID: "c", Orders: 1, Total: decimal.NewFromInt(1)}
		h.LastOrder = rfmAsOf.Add(-time.Duration(hours) * time.Hour)
		h.FirstOrder = h.LastOrder
		res, err := RFM([]History{h}, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Equal(t, want, res.Scores[0].RecencyDays, "%d hours", hours)
	}
	// Across zones: the instant counts, not the wall clock.
	msk := time.FixedZone("MSK", 3*3600)
	assert.Equal(t, int64(1), historyDays(time.Date(2026, 11, 25, 15, 0, 0, 0, msk), rfmAsOf))
	assert.Equal(t, int64(10957), historyDays(time.Date(1996, 11, 26, 12, 0, 0, 0, time.UTC), rfmAsOf),
		"30 years of 365 days plus 7 leap days; no Duration overflow")
}

// rfmMs returns the M score of every scored client.
func rfmMs(res RFMResult) []int {
	m := make([]int, len(res.Scores))
	for i, s := range res.Scores {
		m[i] = s.M
	}
	return m
}

func TestRFMMonetaryRanksExactUnits(t *testing.T) {
	t.Run("mixed exponents rank as one unit", func(t *testing.T) {
		// 1.5, 20, 0.125 and 1E+2 (exponent +2) are units of 0.001:
		// 1500, 20000, 125, 100000. Ascending 125 1500 20000 100000; N = 4,
		// cut-offs at ranks 1, 2, 3, 4 (ceil(0.2·4) = 1 ...): 0.125, 1.5,
		// 20, 100; M = 1 + cut-offs below: 1.5 -> 2, 20 -> 3, 0.125 -> 1,
		// 100 -> 4.
		hs := []History{rfmHist("a", 1, 1, "1.5"), rfmHist("b", 1, 1, "20"), rfmHist("c", 1, 1, "0.125"),
			{ClientID: "d", Orders: 1, FirstOrder: rfmAsOf, LastOrder: rfmAsOf, Total: decimal.New(1, 2)}}
		res, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Equal(t, []int{2, 3, 1, 4}, rfmMs(res))
		for k, want := range []string{"0.125", "1.5", "20", "100"} {
			assert.True(t, decimal.RequireFromString(want).Equal(res.Cutoffs.Monetary[k]), "cut-off %d = %s", k, res.Cutoffs.Monetary[k])
		}
	})
	t.Run("totals shifted by 10^20 score the same", func(t *testing.T) {
		// The ten-client base with every total multiplied by 10^20: the
		// order, and so M, is unchanged.
		hs := rfmTenClients()
		for i := range hs {
			hs[i].Total = hs[i].Total.Shift(20)
		}
		res, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Equal(t, []int{5, 4, 3, 1, 3, 4, 2, 5, 1, 2}, rfmMs(res))
		assert.Equal(t, "2500"+strings.Repeat("0", 20), res.Cutoffs.Monetary[1].String())
	})
	t.Run("units too wide for int64 score the same", func(t *testing.T) {
		// 10^19 added to every total keeps the order; in cents the units
		// (about 10^21) no longer fit an int64, so the wide path ranks them.
		hs := rfmTenClients()
		for i := range hs {
			if hs[i].Orders > 0 {
				hs[i].Total = hs[i].Total.Add(decimal.New(1, 19))
			}
		}
		res, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		assert.Equal(t, []int{5, 4, 3, 1, 3, 4, 2, 5, 1, 2}, rfmMs(res))
		assert.Equal(t, "10000000000000002500", res.Cutoffs.Monetary[1].String())
	})
	t.Run("random bases agree between the two paths", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 50 {
			n := 1 + rng.IntN(40)
			totals := make([]decimal.Decimal, n)
			for i := range totals {
				totals[i] = decimal.New(rng.Int64N(20), -rng.Int32N(3)) // many ties, mixed exponents
			}
			a, err := exactsum.FromDecimals(totals)
			require.NoError(t, err)
			require.NotNil(t, a.Ints())
			fast := make([]RFMScore, n)
			slow := make([]RFMScore, n)
			for i, d := range totals {
				fast[i].Monetary, slow[i].Monetary = d, d
			}
			fastCut := rfmScoreMonetary(fast, &a, make([]uint64, n), make([]uint64, n))
			slowCut := rfmScoreWide(slow, &a)
			for k := range fastCut {
				assert.True(t, fastCut[k].Equal(slowCut[k]), "cut-off %d: %s vs %s", k, fastCut[k], slowCut[k])
			}
			assert.Equal(t, slow, fast, "totals %v", totals)
		}
	})
}

// TestRFMCutoffsOfNegativeKeys: the recency keys are negated days, so
// the cut-offs must order negative keys below positive ones.
func TestRFMCutoffsOfNegativeKeys(t *testing.T) {
	// Five keys, ascending -5 -1 0 2 3: nearest ranks 1, 2, 3, 4.
	cut := rfmCutoffs([]int64{-5, 3, -1, 0, 2}, make([]uint64, 5), make([]uint64, 5))
	assert.Equal(t, [4]int64{-5, -1, 0, 2}, cut)
}

func TestRFMErrors(t *testing.T) {
	future := rfmHist("c-late", 0, 1, "10")
	future.LastOrder = rfmAsOf.Add(time.Hour)
	cases := []struct {
		name string
		hs   []History
		asOf time.Time
		want []string
	}{
		{"empty base", nil, rfmAsOf, []string{"histories: the client base is empty"}},
		{"no as-of", rfmTenClients(), time.Time{}, []string{"as_of: is required"}},
		{"future last order", []History{rfmHist("c1", 1, 1, "1"), future}, rfmAsOf,
			[]string{`histories[1].last_order = 2026-11-26T13:00:00Z: client "c-late": is after the as-of date 2026-11-26T12:00:00Z`}},
		{"duplicate", []History{rfmHist("c1", 1, 1, "1"), rfmHist("c2", 1, 1, "1"), rfmHist("c1", 2, 1, "1")}, rfmAsOf,
			[]string{"histories[2].client_id = c1: repeats histories[0]: each client_id appears once"}},
		{"negative total and missing id", []History{rfmHist("c1", 1, 1, "-5"), {Orders: 0}}, rfmAsOf,
			[]string{`histories[0].total = -5: client "c1": must not be negative`, "histories[1].client_id: is required"}},
		{"amount out of range", []History{rfmHist("c1", 1, 1, "1e-31")}, rfmAsOf,
			[]string{`histories[0].total = 1e-31: client "c1": is out of range: more than 30 decimal places`}},
		{"orders without dates", []History{{ClientID: "c1", Orders: 2, Total: decimal.NewFromInt(3)}}, rfmAsOf,
			[]string{`histories[0].first_order: client "c1": is required when the client has orders`,
				`histories[0].last_order: client "c1": is required when the client has orders`}},
		{"no orders but a total", []History{{ClientID: "c1", Total: decimal.NewFromInt(3)}}, rfmAsOf,
			[]string{`histories[0].total = 3: client "c1": must be zero when the client has no orders`}},
		{"negative orders", []History{{ClientID: "c1", Orders: -1}}, rfmAsOf,
			[]string{`histories[0].orders = -1: client "c1": must not be negative`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := RFM(c.hs, c.asOf, DefaultRFMConfig())
			require.ErrorIs(t, err, ErrInvalid)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	t.Run("a bad config is reported with the input problems", func(t *testing.T) {
		_, err := RFM(nil, rfmAsOf, RFMConfig{})
		assert.ErrorContains(t, err, "config.rules: must list at least one rule; histories: the client base is empty")
	})
	t.Run("a flood of bad records is capped", func(t *testing.T) {
		// 250 histories with negative orders (250 problems), all of the
		// same client (249 repeats): 499 problems, the first 100 listed.
		hs := make([]History, 250)
		for i := range hs {
			hs[i] = History{ClientID: "same", Orders: -1}
		}
		_, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		var list *ValidationError
		require.ErrorAs(t, err, &list)
		require.Len(t, list.Fields, validate.MaxListed+1)
		assert.Equal(t, `histories[99].orders = -1: client "same": must not be negative`, list.Fields[99].Error())
		assert.Equal(t, "histories = 399: 399 more problems not listed (the first 100 are)", list.Fields[100].Error())
	})
}

func TestRFMConfigValidate(t *testing.T) {
	require.NoError(t, DefaultRFMConfig().Validate())

	t.Run("first match wins", func(t *testing.T) {
		// A VIP carve-out before the grid: R5 F5 M5 is "vip_champions",
		// the rest of R5 F4-5 stays "champions".
		cfg := DefaultRFMConfig()
		cfg.Rules = append([]RFMRule{{Segment: "vip_champions", Recency: RFMRange{5, 5}, Frequency: RFMRange{5, 5}, Monetary: RFMRange{5, 5}}}, cfg.Rules...)
		m, err := cfg.Resolve()
		require.NoError(t, err)
		assert.Equal(t, "vip_champions", m["R5F5M5"])
		assert.Equal(t, RFMChampions, m["R5F5M4"])
		assert.Equal(t, RFMChampions, m["R5F4M5"])
	})
	t.Run("one catch-all rule is a total map", func(t *testing.T) {
		require.NoError(t, RFMConfig{Rules: []RFMRule{{Segment: "everyone"}}}.Validate())
		assert.Equal(t, "everyone: any scores", RFMRule{Segment: "everyone"}.String())
		assert.Equal(t, "whales: M5", RFMRule{Segment: "whales", Monetary: RFMRange{5, 5}}.String())
	})

	cases := []struct {
		name  string
		rules []RFMRule
		want  []string
	}{
		{"empty", nil, []string{"rules: must list at least one rule"}},
		{"bad ranges and names", []RFMRule{
			{Segment: " ", Recency: RFMRange{0, 5}},
			{Segment: "x", Frequency: RFMRange{4, 2}, Monetary: RFMRange{1, 6}},
			{Segment: "bad\nname"},
			{Segment: strings.Repeat("n", 65)},
		}, []string{
			"rules[0].segment: is required", "rules[0].recency = 0-5: must be a range within 1..5",
			"rules[1].frequency = 4-2: must be a range", "rules[1].monetary = 1-6: must be a range",
			`rules[2].segment = "bad\nname": must be printable UTF-8`,
			"rules[3].segment = nnnnnnnnnnnnnnnn...: is 65 bytes long, the limit is 64",
		}},
		{"gaps", []RFMRule{
			{Segment: "top", Recency: RFMRange{3, 5}},
			{Segment: "low", Recency: RFMRange{1, 2}, Frequency: RFMRange{2, 5}},
			{Segment: "low_rich", Recency: RFMRange{1, 1}, Frequency: RFMRange{1, 1}, Monetary: RFMRange{4, 5}},
		}, []string{"rules: no rule covers R1F1M1, R1F1M2, R1F1M3, R2F1 (every combination of scores needs a segment)"}},
		{"shadowed rule", []RFMRule{
			{Segment: "all"},
			{Segment: "champions", Recency: RFMRange{5, 5}},
		}, []string{"rules[1] = champions: R5: never applies: earlier rules match every score combination it covers"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := RFMConfig{Rules: c.rules}.Validate()
			require.ErrorIs(t, err, ErrInvalid)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
			_, err = RFMConfig{Rules: c.rules}.Resolve()
			assert.Error(t, err)
		})
	}
}

func TestRFMConfigJSON(t *testing.T) {
	b, err := json.Marshal(DefaultRFMConfig())
	require.NoError(t, err)
	assert.Contains(t, string(b), `{"segment":"champions","recency":{"min":5,"max":5},"frequency":{"min":4,"max":5}}`,
		"an any-score range is omitted")
	var back RFMConfig
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DefaultRFMConfig(), back)

	var custom RFMConfig
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
	def, _ := json.Marshal(DefaultRFMConfig())
	f.Add(def)
	f.Add([]byte(`{"rules":[{"segment":"all"}]}`))
	f.Add([]byte(`{"rules":[{"segment":"a","recency":{"min":1,"max":2}},{"segment":"b","recency":{"min":3,"max":5}}]}`))
	f.Add([]byte(`{"rules":[{"segment":"a","recency":{"min":0,"max":9}}]}`))
	f.Add([]byte(`{"rules":[]}`))
	f.Add([]byte(`{"rules":[{"segment":"x","monetary":{"min":5,"max":5}},{"segment":"x"},{"segment":"y"}]}`))
	base := rfmTenClients()
	f.Fuzz(func(t *testing.T, data []byte) {
		var cfg RFMConfig
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
		res, err := RFM(base, rfmAsOf, cfg)
		require.NoError(t, err)
		for _, s := range res.Scores {
			require.Equal(t, m[fmt.Sprintf("R%dF%dM%d", s.R, s.F, s.M)], s.Segment)
		}
	})
}

// TestRFMScoreInvariants checks on random bases, full of ties, that the
// scores obey their definition: 1 + floor(5·L/N) with L the number of
// clients strictly worse on the measure, which makes equal values score
// equal and a better value never score lower.
func TestRFMScoreInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 40 {
		n := 1 + rng.IntN(60)
		hs := make([]History, n)
		for i := range hs {
			hs[i] = rfmHist(fmt.Sprintf("c%02d", i), rng.IntN(8), 1+rng.IntN(5), fmt.Sprintf("%d.%d", rng.IntN(6), rng.IntN(3)))
		}
		res, err := RFM(hs, rfmAsOf, DefaultRFMConfig())
		require.NoError(t, err)
		for _, a := range res.Scores {
			var worseR, worseF, worseM int
			for _, b := range res.Scores {
				if b.RecencyDays > a.RecencyDays {
					worseR++
				}
				if b.Frequency < a.Frequency {
					worseF++
				}
				if b.Monetary.LessThan(a.Monetary) {
					worseM++
				}
			}
			assert.Equal(t, 1+5*worseR/n, a.R, "R of %+v", a)
			assert.Equal(t, 1+5*worseF/n, a.F, "F of %+v", a)
			assert.Equal(t, 1+5*worseM/n, a.M, "M of %+v", a)
		}
	}
}

// TestRFMConfigIsBounded: a map of more rules than the 125 score
// combinations always has dead rules and is refused at once; dead rules
// in a shorter map are listed up to the cap, so a hostile config makes a
// short error.
func TestRFMConfigIsBounded(t *testing.T) {
	rules := make([]RFMRule, 126)
	for i := range rules {
		rules[i] = RFMRule{Segment: fmt.Sprintf("s%d", i)}
	}
	requireProblems(t, RFMConfig{Rules: rules}.Validate(), []string{"rules = 126: must list at most 125 rules"})

	// A catch-all first: the 124 rules after it never apply.
	requireCapped(t, RFMConfig{Rules: rules[:125]}.Validate(), "rules", 124)
}
