package abc

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/clientele-go/clientele"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/internal/validate"
)

func revenues(kv ...string) []Totals {
	out := make([]Totals, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		out = append(out, Totals{ClientID: kv[i], Revenue: dec(kv[i+1])})
	}
	return out
}

type wantRow struct {
	id     string
	class  Class
	reason Reason
}

// byRank returns the rows in rank order (ABC returns them in input order).
func byRank(r Result) []Row {
	rows := slices.Clone(r.Rows)
	slices.SortFunc(rows, func(x, y Row) int { return x.Rank - y.Rank })
	return rows
}

func gotRows(r Result) []wantRow {
	rows := byRank(r)
	out := make([]wantRow, len(rows))
	for i, row := range rows {
		out[i] = wantRow{row.ClientID, row.Class, row.Reason}
	}
	return out
}

func cfgWith(b Boundary) Config {
	c := DefaultConfig()
	c.Boundary = b
	return c
}

// tenClients is the hand-worked example. Total revenue 1000:
//
//	rank client value share cumulative  crossing_in        crossing_out
//	 1   c01    400   40 %   400  40 %   A within           A within
//	 2   c02    250   25 %   650  65 %   A within           A within
//	 3   c03    120   12 %   770  77 %   A within           A within
//	 4   c04     80    8 %   850  85 %   A crossing (770<800) B within (850>800, ≤950)
//	 5   c05     50    5 %   900  90 %   B within           B within
//	 6   c06     40    4 %   940  94 %   B within           B within
//	 7   c07     30    3 %   970  97 %   B crossing (940<950) C beyond (970>950)
//	 8   c08     20    2 %   990  99 %   C beyond (970≥950) C beyond
//	 9   c09     10    1 %  1000 100 %   C beyond           C beyond
//	10   c10      0    0 %  1000 100 %   C no value         C no value
//
// The input is shuffled: the ranking must not depend on input order.
var tenClients = revenues("c07", "30", "c02", "250", "c10", "0", "c05", "50", "c01", "400",
	"c09", "10", "c04", "80", "c06", "40", "c03", "120", "c08", "20")

func TestABCHandWorkedTenClients(t *testing.T) {
	res, err := Classify(tenClients, cfgWith(CrossingIn))
	require.NoError(t, err)
	assert.Equal(t, []wantRow{
		{"c01", ClassA, Within}, {"c02", ClassA, Within}, {"c03", ClassA, Within},
		{"c04", ClassA, Crossing}, {"c05", ClassB, Within}, {"c06", ClassB, Within},
		{"c07", ClassB, Crossing}, {"c08", ClassC, Beyond}, {"c09", ClassC, Beyond},
		{"c10", ClassC, NoValue},
	}, gotRows(res))
	assert.Equal(t, "1000", res.Total.String())
	assert.Equal(t, "800", res.ACut.String())
	assert.Equal(t, "950", res.BCut.String())
	assert.Equal(t, Row{Rank: 7, ClientID: "c07", Value: dec("30"), SharePct: 3, CumulativePct: 97, Class: ClassB, Reason: Crossing},
		res.Rows[0], "rows are in input order")
	r4 := byRank(res)[3]
	assert.Equal(t, 4, r4.Rank)
	assert.Equal(t, "80", r4.Value.String())
	assert.InDelta(t, 8.0, r4.SharePct, 1e-12)
	assert.InDelta(t, 85.0, r4.CumulativePct, 1e-12)
	assert.InDelta(t, 100.0, byRank(res)[9].CumulativePct, 1e-12)
	// A = 400+250+120+80 = 850 (4 clients), B = 50+40+30 = 120 (3), C = 20+10+0 = 30 (3).
	assert.Equal(t, ClassSummary{Class: ClassA, Clients: 4, Value: dec("850"), SharePct: 85, LastClientID: "c04"}, res.Class(ClassA))
	assert.Equal(t, 3, res.Class(ClassB).Clients)
	assert.Equal(t, "120", res.Class(ClassB).Value.String())
	assert.Equal(t, "c10", res.Class(ClassC).LastClientID)
	assert.Equal(t, "30", res.Class(ClassC).Value.String())

	res, err = Classify(tenClients, cfgWith(CrossingOut))
	require.NoError(t, err)
	assert.Equal(t, []wantRow{
		{"c01", ClassA, Within}, {"c02", ClassA, Within}, {"c03", ClassA, Within},
		{"c04", ClassB, Within}, {"c05", ClassB, Within}, {"c06", ClassB, Within},
		{"c07", ClassC, Beyond}, {"c08", ClassC, Beyond}, {"c09", ClassC, Beyond},
		{"c10", ClassC, NoValue},
	}, gotRows(res))
	assert.Equal(t, "770", res.Class(ClassA).Value.String())
}

// The same ten clients scaled by 10^20 do not fit int64 units: the wide
// (big integer) path must classify them identically.
func TestABCWideValuesClassifyTheSame(t *testing.T) {
	scaled := make([]Totals, len(tenClients))
	for i, c := range tenClients {
		scaled[i] = Totals{ClientID: c.ClientID, Revenue: c.Revenue.Shift(20).Add(dec("0.01"))}
	}
	scaled[0].Revenue = scaled[0].Revenue.Sub(dec("0.01")) // keep c07 exactly 30e20 for the crossing case
	for _, rule := range []Boundary{CrossingIn, CrossingOut} {
		small, err := Classify(tenClients, cfgWith(rule))
		require.NoError(t, err)
		wide, err := Classify(scaled, cfgWith(rule))
		require.NoError(t, err)
		assert.Equal(t, gotRows(small)[:9], gotRows(wide)[:9], rule.String())
		assert.Equal(t, ClassC, byRank(wide)[9].Class)
	}
}

func TestABCBoundaryExactlyAtThresholds(t *testing.T) {
	// 80 + 15 + 5 = 100: the cumulative shares are exactly 80 % and 95 %.
	// A client that brings the cumulative share exactly to a threshold is
	// within it under both rules.
	for _, rule := range []Boundary{CrossingIn, CrossingOut} {
		res, err := Classify(revenues("x", "80", "y", "15", "z", "5"), cfgWith(rule))
		require.NoError(t, err)
		assert.Equal(t, []wantRow{{"x", ClassA, Within}, {"y", ClassB, Within}, {"z", ClassC, Beyond}}, gotRows(res), rule.String())
	}
	// 80 + 10 + 10: the second client starts exactly at 80 %, so it does
	// not cross A's threshold (80 < 80 is false): B under both rules.
	for _, rule := range []Boundary{CrossingIn, CrossingOut} {
		res, err := Classify(revenues("x", "80", "y", "10", "z", "10"), cfgWith(rule))
		require.NoError(t, err)
		assert.Equal(t, ClassB, res.Rows[1].Class, rule.String())
	}
}

func TestABCFloatWouldGetTheBoundaryWrong(t *testing.T) {
	// 4.9 + 4.7 + 4.4 = 14.0 of a total 17.5 is exactly 80 %. In float64,
	// (4.9+4.7+4.4)/17.5*100 = 80.00000000000001, which a float
	// comparison puts past 80 %; the exact comparison keeps "c" within A.
	in := revenues("a", "4.9", "b", "4.7", "c", "4.4", "d", "3.5")
	res, err := Classify(in, cfgWith(CrossingOut))
	require.NoError(t, err)
	assert.Equal(t, wantRow{"c", ClassA, Within}, gotRows(res)[2])
	x, y, z, w := 4.9, 4.7, 4.4, 3.5 // variables: Go folds constant expressions exactly
	assert.Greater(t, (x+y+z)/(x+y+z+w)*100, 80.0, "the float trap this test guards against")
	assert.Equal(t, "14", res.ACut.String())
}

func TestABCCutBetweenWholeUnits(t *testing.T) {
	// Total 999 units; 80 % is 799.2. A client taking the cumulative total
	// from 799 to 800 crosses it: A under crossing_in (799 < 799.2), B
	// under crossing_out (800 > 799.2). 95 % is 949.05.
	in := revenues("p", "799", "q", "1", "r", "150", "s", "49")
	res, err := Classify(in, cfgWith(CrossingIn))
	require.NoError(t, err)
	assert.Equal(t, "799.2", res.ACut.String())
	assert.Equal(t, "949.05", res.BCut.String())
	assert.Equal(t, []wantRow{{"p", ClassA, Within}, {"r", ClassA, Crossing}, {"s", ClassB, Crossing}, {"q", ClassC, Beyond}}, gotRows(res))
	res, err = Classify(in, cfgWith(CrossingOut))
	require.NoError(t, err)
	// p 799 ≤ 799.2 A; r 949 ≤ 949.05 B; s 998 > 949.05 C; q 999 C.
	assert.Equal(t, []wantRow{{"p", ClassA, Within}, {"r", ClassB, Within}, {"s", ClassC, Beyond}, {"q", ClassC, Beyond}}, gotRows(res))
}

func TestABCOneDominantClient(t *testing.T) {
	// One client holds 90 %: crossing_in keeps it in A; crossing_out
	// moves it to B (90 % > 80 % but ≤ 95 %) and leaves A empty.
	in := revenues("big", "90", "small", "10")
	res, err := Classify(in, cfgWith(CrossingIn))
	require.NoError(t, err)
	assert.Equal(t, wantRow{"big", ClassA, Crossing}, gotRows(res)[0])
	res, err = Classify(in, cfgWith(CrossingOut))
	require.NoError(t, err)
	assert.Equal(t, wantRow{"big", ClassB, Within}, gotRows(res)[0])
	assert.Equal(t, 0, res.Class(ClassA).Clients)
	assert.Equal(t, "", res.Class(ClassA).LastClientID)
	assert.Equal(t, "0", res.Class(ClassA).Value.String())
}

func TestABCTiesByID(t *testing.T) {
	in := revenues("m", "100", "b", "100", "z", "300", "a", "100")
	res, err := Classify(in, DefaultConfig())
	require.NoError(t, err)
	var ids []string
	for _, r := range byRank(res) {
		ids = append(ids, r.ClientID)
	}
	assert.Equal(t, []string{"z", "a", "b", "m"}, ids)
	// Equal values at different exponents are equal: 100 == 100.00.
	in = revenues("m", "100.00", "b", "100")
	res, err = Classify(in, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, "b", byRank(res)[0].ClientID)
}

func TestABCByProfitWithLosses(t *testing.T) {
	// Positive profits 500 + 300 + 200 = 1000 are the 100 %; the loss of
	// -100 is left out and reported; the zero is C.
	//   p1 500 cum 50 % A within; p2 300 cum 80 % A within (80 ≤ 80);
	//   p3 200: before 80 % is not < 80 %, after 100 % > 95 %, before
	//   80 % < 95 % -> B crossing (crossing_in).
	in := []Totals{
		{ClientID: "loss", Revenue: dec("50"), Profit: dec("-100")},
		{ClientID: "p3", Revenue: dec("900"), Profit: dec("200")},
		{ClientID: "zero", Revenue: dec("10"), Profit: dec("0")},
		{ClientID: "p1", Revenue: dec("100"), Profit: dec("500")},
		{ClientID: "p2", Revenue: dec("700"), Profit: dec("300")},
	}
	cfg := DefaultConfig()
	cfg.Measure = ByProfit
	res, err := Classify(in, cfg)
	require.NoError(t, err)
	assert.Equal(t, []wantRow{
		{"p1", ClassA, Within}, {"p2", ClassA, Within}, {"p3", ClassB, Crossing},
		{"zero", ClassC, NoValue}, {"loss", ClassC, Loss},
	}, gotRows(res))
	assert.Equal(t, "1000", res.Total.String())
	assert.Equal(t, "-100", res.Losses.String())
	loss := res.Rows[0]
	assert.InDelta(t, -10.0, loss.SharePct, 1e-12)
	assert.InDelta(t, 100.0, loss.CumulativePct, 1e-12)
	assert.Equal(t, "-100", loss.Value.String())
	assert.Equal(t, 5, loss.Rank)
	assert.Equal(t, 2, res.Class(ClassC).Clients)

	// The same clients by revenue: 900, 700, 100, 50, 10 of 1760.
	res, err = Classify(in, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, "p3", byRank(res)[0].ClientID)
	assert.Equal(t, "0", res.Losses.String())
}

func TestABCErrors(t *testing.T) {
	profit := DefaultConfig()
	profit.Measure = ByProfit
	tests := []struct {
		name string
		in   []Totals
		cfg  Config
		want []string
	}{
		{"empty", nil, DefaultConfig(), []string{"totals: is empty"}},
		{"duplicate and missing IDs", revenues("a", "1", "", "2", "a", "3"), DefaultConfig(),
			[]string{"totals[1].client_id: is required", "totals[2].client_id = a: repeats totals[0]"}},
		{"negative revenue", revenues("a", "1", "b", "-2.50"), DefaultConfig(),
			[]string{"totals[1].revenue = -2.5: must not be negative"}},
		{"negative revenue ranking by profit", []Totals{{ClientID: "a", Revenue: dec("-1"), Profit: dec("5")}}, profit,
			[]string{"totals[0].revenue = -1: must not be negative"}},
		{"all zero", revenues("a", "0", "b", "0.00"), DefaultConfig(),
			[]string{"totals[].revenue = 0: no client has a positive revenue"}},
		{"only losses", []Totals{{ClientID: "a", Profit: dec("-5")}, {ClientID: "b"}}, profit,
			[]string{"totals[].profit = 0: no client has a positive profit"}},
		// Each amount's exponent must lie within ±30 (validate.MaxExponent);
		// a bad one is printed compactly, whatever its length written out.
		{"amounts out of range", []Totals{{ClientID: "a", Revenue: dec("1e60")}, {ClientID: "b", Revenue: dec("1e-50"), Profit: decimal.New(-1, -999_999_999)}}, DefaultConfig(),
			[]string{"totals[0].revenue = 1e60: is out of range: more than 30 decimal places or a scale above 10^30",
				"totals[1].revenue = 1e-50: is out of range", "totals[1].profit = -1e-999999999: is out of range"}},
		{"thresholds out of order", revenues("a", "1"), Config{Measure: ByRevenue, AMaxPct: dec("90"), BMaxPct: dec("80"), Boundary: CrossingIn},
			[]string{"config.b_max_pct = 80: must not be below a_max_pct (90)"}},
		// The config's problems come with the input's, not alone.
		{"config and totals together", revenues("a", "-1", "a", "2"), Config{Measure: ByRevenue, AMaxPct: dec("80"), BMaxPct: dec("95")},
			[]string{"config.boundary = : unknown boundary rule", "totals[0].revenue = -1: must not be negative", "totals[1].client_id = a: repeats totals[0]"}},
		{"thresholds outside 0-100", revenues("a", "1"), Config{AMaxPct: dec("0"), BMaxPct: dec("100.5")},
			[]string{"config.measure = : unknown measure", "config.a_max_pct = 0: must be a percentage above 0", "config.b_max_pct = 100.5: must be a percentage", "config.boundary = : unknown boundary rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Classify(tt.in, tt.cfg)
			requireProblems(t, err, tt.want)
		})
	}
}

func TestABCCapsListedProblems(t *testing.T) {
	in := make([]Totals, 250)
	for i := range in {
		in[i] = Totals{ClientID: fmt.Sprint(i), Revenue: dec("-1")}
	}
	_, err := Classify(in, DefaultConfig())
	var list *clientele.ValidationError
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Fields, validate.MaxListed+1)
	assert.Equal(t, "totals = 150: 150 more problems not listed (the first 100 are)", list.Fields[100].Error())
}

func TestABCConfigJSON(t *testing.T) {
	var c Config
	require.NoError(t, json.Unmarshal([]byte(`{"measure":"profit","a_max_pct":"70","b_max_pct":92.5,"boundary":"crossing_out"}`), &c))
	require.NoError(t, c.Validate())
	assert.Equal(t, ByProfit, c.Measure)
	assert.Equal(t, "92.5", c.BMaxPct.String())
	assert.Equal(t, CrossingOut, c.Boundary)
	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	assert.JSONEq(t, `{"measure":"revenue","a_max_pct":"80","b_max_pct":"95","boundary":"crossing_in"}`, string(b))
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"measure":"margin"}`), &c), `unknown ABC measure "margin"`)
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"boundary":"in"}`), &c), `unknown ABC boundary rule "in"`)
}

func FuzzABCConfigJSON(f *testing.F) {
	f.Add([]byte(`{"measure":"revenue","a_max_pct":"80","b_max_pct":"95","boundary":"crossing_in"}`))
	f.Add([]byte(`{"measure":"profit","a_max_pct":100,"b_max_pct":100,"boundary":"crossing_out"}`))
	f.Add([]byte(`{"a_max_pct":"-1","b_max_pct":"1e3"}`))
	f.Add([]byte(`{"measure":"revenue","a_max_pct":"80","b_max_pct":"95","boundary":"crossing_out","b_boundary":"crossing_in"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Config
		if json.Unmarshal(data, &c) != nil || c.Validate() != nil {
			return
		}
		// A valid config round-trips and classifies a small base.
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back Config
		require.NoError(t, json.Unmarshal(b, &back))
		require.NoError(t, back.Validate())
		require.True(t, c.AMaxPct.Equal(back.AMaxPct) && c.BMaxPct.Equal(back.BMaxPct))
		in := slices.Clone(tenClients)
		for i := range in {
			in[i].Profit = in[i].Revenue
		}
		_, err = Classify(in, c)
		require.NoError(t, err)
	})
}

// FuzzABCAgreesWithRationals re-derives every class with math/big
// rationals straight from the definition and checks the result.
func FuzzABCAgreesWithRationals(f *testing.F) {
	f.Add(uint64(1), uint8(10), uint8(80), uint8(95), false, false)
	f.Add(uint64(2), uint8(40), uint8(50), uint8(50), true, true)
	f.Add(uint64(3), uint8(3), uint8(1), uint8(100), false, true)
	f.Add(uint64(4), uint8(30), uint8(80), uint8(95), true, false)
	f.Fuzz(func(t *testing.T, seed uint64, n, aPct, bPct uint8, out, bOut bool) {
		a, b := int64(aPct%100)+1, int64(bPct%100)+1
		if a > b {
			a, b = b, a
		}
		cfg := Config{Measure: ByProfit, AMaxPct: decimal.NewFromInt(a), BMaxPct: decimal.NewFromInt(b), Boundary: CrossingIn}
		if out {
			cfg.Boundary = CrossingOut
		}
		if bOut {
			cfg.BBoundary = CrossingOut
		} else if seed%2 == 0 {
			cfg.BBoundary = CrossingIn
		}
		_, ruleB := cfg.Boundaries()
		r := rand.New(rand.NewPCG(seed, 7))
		in := make([]Totals, int(n)%50+1)
		for i := range in {
			// Few distinct values, so ties and exact hits are frequent.
			in[i] = Totals{ClientID: fmt.Sprintf("c%03d", r.IntN(1000)*1000+i), Profit: decimal.New(r.Int64N(12)-2, -int32(r.IntN(3)))}
		}
		res, err := Classify(in, cfg)
		total := new(big.Rat)
		for _, c := range in {
			if c.Profit.Sign() > 0 {
				total.Add(total, c.Profit.Rat())
			}
		}
		if total.Sign() == 0 {
			require.ErrorIs(t, err, ErrInvalid)
			return
		}
		require.NoError(t, err)
		cutA := new(big.Rat).Mul(total, big.NewRat(a, 100))
		cutB := new(big.Rat).Mul(total, big.NewRat(b, 100))
		cum := new(big.Rat)
		rows := byRank(res)
		for i, row := range rows {
			require.Equal(t, i+1, row.Rank)
			if i > 0 {
				prev := rows[i-1]
				c := prev.Value.Cmp(row.Value)
				require.True(t, c > 0 || c == 0 && prev.ClientID < row.ClientID, "rank order")
			}
			if row.Value.Sign() <= 0 {
				require.Equal(t, ClassC, row.Class)
				continue
			}
			before := new(big.Rat).Set(cum)
			cum.Add(cum, row.Value.Rat())
			want := ClassC
			switch {
			case cum.Cmp(cutA) <= 0 || !out && before.Cmp(cutA) < 0:
				want = ClassA
			case cum.Cmp(cutB) <= 0 || ruleB == CrossingIn && before.Cmp(cutB) < 0:
				want = ClassB
			}
			require.Equal(t, want, row.Class, "row %d %+v", i, row)
		}
	})
}
