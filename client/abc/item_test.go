package abc

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func items(kv ...string) []Item {
	out := make([]Item, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		out = append(out, Item{ID: kv[i], Value: dec(kv[i+1])})
	}
	return out
}

// siliconChips is the ABC analysis example of Heizer & Render,
// Operations Management, chapter 12 "Inventory Management", Example 1
// ("ABC analysis for a chip manufacturer": Silicon Chips, Inc., ten
// items). Annual dollar volume = annual units × unit cost:
//
//	item    units × cost  = volume   share   cumulative  class (book)
//	#10286  1,000 × 90.00 = 90,000   38.8 %   90,000      A
//	#11526    500 × 154.00 = 77,000  33.2 %  167,000      A   (A: 72 %)
//	#12760  1,550 × 17.00 = 26,350   11.3 %  193,350      B
//	#10867    350 × 42.86 = 15,001    6.4 %  208,351      B
//	#10500  1,000 × 12.50 = 12,500    5.4 %  220,851      B   (B: 23 %)
//	#12572    600 × 14.17 =  8,502    3.7 %  229,353      C
//	#14075  2,000 ×   .60 =  1,200     .5 %  230,553      C
//	#01036    100 ×  8.50 =    850     .4 %  231,403      C
//	#01307  1,200 ×   .42 =    504     .2 %  231,907      C
//	#10572    250 ×   .60 =    150     .1 %  232,057      C   (C: 5 %)
//
// Total 232,057. 80 % of it is 185,645.6 and 95 % is 220,454.15. Item
// #12760 takes the cumulative value from 167,000 (72.0 %) to 193,350
// (83.3 %), across 80 %: the book puts it in B. Item #10500 takes it from
// 208,351 (89.8 %) to 220,851 (95.2 %), across 95 %: the book keeps it
// in B. (The book prints 11.3 % and 6.4 % where 26,350/232,057 = 11.355 %
// and 15,001/232,057 = 6.464 % round to 11.4 and 6.5; the classes do not
// depend on it.) The input is in the book's order, which is the ranking.
var siliconChips = items(
	"#10286", "90000", "#11526", "77000", "#12760", "26350", "#10867", "15001", "#10500", "12500",
	"#12572", "8502", "#14075", "1200", "#01036", "850", "#01307", "504", "#10572", "150")

func TestABCTextbookTableHeizerRender(t *testing.T) {
	res, err := ClassifyItems(siliconChips, TextbookConfig())
	require.NoError(t, err)
	assert.Equal(t, []wantRow{
		{"#10286", ClassA, Within}, {"#11526", ClassA, Within},
		{"#12760", ClassB, Within}, // crosses 80 %: out of A
		{"#10867", ClassB, Within},
		{"#10500", ClassB, Crossing}, // crosses 95 %: still B
		{"#12572", ClassC, Beyond}, {"#14075", ClassC, Beyond}, {"#01036", ClassC, Beyond},
		{"#01307", ClassC, Beyond}, {"#10572", ClassC, Beyond},
	}, gotRows(res))
	assert.Equal(t, "232057", res.Total.String())
	assert.Equal(t, "185645.6", res.ACut.String())
	assert.Equal(t, "220454.15", res.BCut.String())
	// The book's class shares, 72 %, 23 % and 5 % of the dollar volume,
	// and 20 %, 30 % and 50 % of the items: A 167,000 (71.97 %), B 53,851
	// (23.21 %), C 11,206 (4.83 %).
	for c, want := range map[Class]struct {
		items int
		value string
		pct   float64
	}{ClassA: {2, "167000", 72}, ClassB: {3, "53851", 23}, ClassC: {5, "11206", 5}} {
		s := res.Class(c)
		assert.Equal(t, want.items, s.Clients, c.String())
		assert.Equal(t, want.value, s.Value.String(), c.String())
		assert.Equal(t, want.pct, math.Round(s.SharePct), c.String())
	}
	assert.Equal(t, "#11526", res.Class(ClassA).LastClientID)
	assert.Equal(t, "#10500", res.Class(ClassB).LastClientID)
	assert.InDelta(t, 38.78, res.Rows[0].SharePct, 0.005) // 90,000/232,057
	assert.InDelta(t, 83.32, res.Rows[2].CumulativePct, 0.005)

	// The default rule keeps the crossing item in the upper class at
	// both thresholds: #12760 joins A (167,000 < 185,645.6).
	res, err = ClassifyItems(siliconChips, DefaultConfig())
	require.NoError(t, err)
	row, ok := res.Lookup("#12760")
	require.True(t, ok)
	assert.Equal(t, ClassA, row.Class)
	assert.Equal(t, Crossing, row.Reason)
}

func TestABCBoundaryPerThreshold(t *testing.T) {
	// tenClients (see abc_test.go): cuts at 800 and 950. c04 takes the
	// cumulative total from 770 to 850 across 800; c07 from 940 to 970
	// across 950. Each threshold applies its own rule.
	tests := []struct {
		a, b     Boundary
		c04, c07 wantRow
	}{
		{CrossingIn, CrossingIn, wantRow{"c04", ClassA, Crossing}, wantRow{"c07", ClassB, Crossing}},
		{CrossingOut, CrossingOut, wantRow{"c04", ClassB, Within}, wantRow{"c07", ClassC, Beyond}},
		{CrossingOut, CrossingIn, wantRow{"c04", ClassB, Within}, wantRow{"c07", ClassB, Crossing}},
		{CrossingIn, CrossingOut, wantRow{"c04", ClassA, Crossing}, wantRow{"c07", ClassC, Beyond}},
	}
	for _, tt := range tests {
		cfg := DefaultConfig()
		cfg.Boundary, cfg.BBoundary = tt.a, tt.b
		res, err := Classify(tenClients, cfg)
		require.NoError(t, err)
		rows := gotRows(res)
		name := tt.a.String() + "/" + tt.b.String()
		assert.Equal(t, tt.c04, rows[3], name)
		assert.Equal(t, tt.c07, rows[6], name)
		// c05 (900) and c06 (940) are B under every rule; c08 (990) C.
		assert.Equal(t, wantRow{"c05", ClassB, Within}, rows[4], name)
		assert.Equal(t, wantRow{"c08", ClassC, Beyond}, rows[7], name)
	}
	// An unset BBoundary is the Boundary rule at both thresholds.
	a, b := cfgWith(CrossingOut).Boundaries()
	assert.Equal(t, []Boundary{CrossingOut, CrossingOut}, []Boundary{a, b})
	a, b = TextbookConfig().Boundaries()
	assert.Equal(t, []Boundary{CrossingOut, CrossingIn}, []Boundary{a, b})
}

func TestABCItemsMatchClients(t *testing.T) {
	// The same values as items and as client revenues classify alike.
	in := make([]Item, len(tenClients))
	for i, c := range tenClients {
		in[i] = Item{ID: c.ClientID, Value: c.Revenue}
	}
	byItem, err := ClassifyItems(in, Config{AMaxPct: dec("80"), BMaxPct: dec("95"), Boundary: CrossingIn})
	require.NoError(t, err)
	byClient, err := Classify(tenClients, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, byClient.Rows, byItem.Rows)
	assert.Equal(t, byClient.Classes, byItem.Classes)
}

func TestABCItemLosses(t *testing.T) {
	// Margins: 60 + 30 + 10 = 100 positive; the -20 is a loss, C, left
	// out of the total. m1 60 % A within; m2 90 %: before 60 < 80 -> A
	// crossing; m3 100 %: before 90 < 95 -> B crossing.
	res, err := ClassifyItems(items("m3", "10", "loss", "-20", "m1", "60", "m2", "30", "zero", "0"), DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []wantRow{
		{"m1", ClassA, Within}, {"m2", ClassA, Crossing}, {"m3", ClassB, Crossing},
		{"zero", ClassC, NoValue}, {"loss", ClassC, Loss},
	}, gotRows(res))
	assert.Equal(t, "100", res.Total.String())
	assert.Equal(t, "-20", res.Losses.String())
}

func TestABCItemErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []Item
		cfg  Config
		want []string
	}{
		{"empty", nil, TextbookConfig(), []string{"items: is empty: there are no items to rank"}},
		{"IDs", items("a", "1", "", "2", "a", "3"), TextbookConfig(),
			[]string{"items[1].id: is required", "items[2].id = a: repeats items[0]"}},
		{"range", []Item{{ID: "a", Value: dec("1e60")}}, TextbookConfig(),
			[]string{"items[0].value = 1e60: is out of range"}},
		{"no positive value", items("a", "0", "b", "-1"), TextbookConfig(),
			[]string{"items[].value = 0: no item has a positive value"}},
		{"config", items("a", "1"), Config{AMaxPct: dec("80"), BMaxPct: dec("95"), Boundary: CrossingIn, BBoundary: 9},
			[]string{"config.b_boundary = Boundary(9): unknown boundary rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ClassifyItems(tt.in, tt.cfg)
			requireProblems(t, err, tt.want)
		})
	}
	// Classify still needs the measure that ClassifyItems does not read.
	_, err := Classify(tenClients, Config{AMaxPct: dec("80"), BMaxPct: dec("95"), Boundary: CrossingIn})
	requireProblems(t, err, []string{"config.measure = : unknown measure"})
}

func TestABCLookupAndIndex(t *testing.T) {
	res, err := ClassifyItems(siliconChips, TextbookConfig())
	require.NoError(t, err)
	row, ok := res.Lookup("#10500")
	require.True(t, ok)
	assert.Equal(t, 5, row.Rank)
	assert.Equal(t, "12500", row.Value.String())
	_, ok = res.Lookup("#99999")
	assert.False(t, ok)
	idx := res.Index()
	require.Len(t, idx, 10)
	for id, i := range idx {
		assert.Equal(t, id, res.Rows[i].ClientID)
	}
	_, ok = Result{}.Lookup("")
	assert.False(t, ok)
	assert.Empty(t, Result{}.Index())
}

func TestABCBBoundaryJSON(t *testing.T) {
	b, err := json.Marshal(TextbookConfig())
	require.NoError(t, err)
	assert.JSONEq(t, `{"measure":"revenue","a_max_pct":"80","b_max_pct":"95","boundary":"crossing_out","b_boundary":"crossing_in"}`, string(b))
	var c Config
	require.NoError(t, json.Unmarshal(b, &c))
	assert.Equal(t, TextbookConfig(), c)
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"b_boundary":"inside"}`), &c), `unknown ABC boundary rule "inside"`)
}
