package xyz

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func known(id string, periods int, cvPct string) Summary {
	return Summary{ClientID: id, Periods: periods, CVPct: decimal.NewNullDecimal(dec(cvPct))}
}

func meanSD(id string, periods int, mean, sd string) Summary {
	return Summary{ClientID: id, Periods: periods, Mean: decimal.NewNullDecimal(dec(mean)), StdDev: decimal.NewNullDecimal(dec(sd))}
}

func TestXYZSummariesClasses(t *testing.T) {
	// Thresholds 10 and 25 (DefaultConfig); a CV exactly at a threshold
	// is the steadier class.
	tests := []struct {
		in   Summary
		want Class
	}{
		{known("cv0", 12, "0"), ClassX},
		{known("cv10", 12, "10"), ClassX},
		{known("cv10+", 12, "10.0001"), ClassY},
		{known("cv25", 12, "25.000"), ClassY},
		{known("cv25+", 12, "25.01"), ClassZ},
		// 100·s ≤ t·m: 100·100 = 10,000 ≤ 10·1,000 -> X.
		{meanSD("m1000", 12, "1000", "100"), ClassX},
		// 100·0.07 = 7 ≤ 10·0.7 = 7 -> X; in float64 0.07/0.7·100 is
		// 10.000000000000002, which a float comparison would call Y.
		{meanSD("float trap", 12, "0.7", "0.07"), ClassX},
		// 100·250 = 25,000 ≤ 25·1,000 -> Y; 100·250.01 = 25,001 > 25,000 -> Z.
		{meanSD("m25", 12, "1000", "250"), ClassY},
		{meanSD("m25+", 12, "1000", "250.01"), ClassZ},
		// A constant series: deviation 0, CV 0 -> X.
		{meanSD("flat", 12, "480", "0"), ClassX},
	}
	for _, tt := range tests {
		res, err := ClassifySummaries([]Summary{tt.in}, DefaultConfig())
		require.NoError(t, err, tt.in.ClientID)
		row := res.Rows[0]
		assert.Equal(t, Classified, row.Status, tt.in.ClientID)
		assert.Equal(t, tt.want, row.Class, tt.in.ClientID)
		assert.False(t, row.SettledExactly, tt.in.ClientID)
	}
	a, b := 0.07, 0.7 // variables: Go folds constant expressions exactly
	assert.Greater(t, a/b*100, 10.0, "the float trap the exact comparison avoids")
}

func TestXYZSummaryAgreesWithSeries(t *testing.T) {
	// 90, 110, 90, 110, 90, 110: mean 100, every deviation ±10, the
	// population deviation √(600/6) = 10 and the CV exactly 10 %: X from
	// the series and X from its statistics, both at the edge.
	in := []Series{series("c", "90", "110", "90", "110", "90", "110")}
	bySeries, err := Classify(in, DefaultConfig())
	require.NoError(t, err)
	byStats, err := ClassifySummaries([]Summary{meanSD("c", 6, "100", "10")}, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, ClassX, bySeries.Rows[0].Class)
	assert.Equal(t, bySeries.Rows[0].Class, byStats.Rows[0].Class)
	assert.Equal(t, *bySeries.Rows[0].Stats, *byStats.Rows[0].Stats)
	assert.Equal(t, 1, byStats.X)
}

func TestXYZSummariesStatusesAndStats(t *testing.T) {
	in := []Summary{
		meanSD("steady", 12, "200", "30"), // CV 15 % -> Y
		known("short", 3, "5"),            // 3 periods < 6
		meanSD("none", 12, "0", "0"),      // no demand
		known("cv", 6, "40"),              // Z
	}
	res, err := ClassifySummaries(in, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []Status{Classified, InsufficientHistory, NoDemand, Classified},
		[]Status{res.Rows[0].Status, res.Rows[1].Status, res.Rows[2].Status, res.Rows[3].Status})
	assert.Equal(t, Stats{Mean: 200, StdDev: 30, CVPct: 15}, *res.Rows[0].Stats)
	assert.Equal(t, Stats{CVPct: 40}, *res.Rows[3].Stats)
	assert.Nil(t, res.Rows[1].Stats)
	assert.Nil(t, res.Rows[2].Stats)
	assert.Equal(t, []int{0, 1, 1, 1, 1}, []int{res.X, res.Y, res.Z, res.InsufficientHistory, res.NoDemand})
	assert.Equal(t, 3, res.Rows[1].Periods)

	// Lowering MinPeriods accepts the short history, as for series.
	cfg := DefaultConfig()
	cfg.MinPeriods = 3
	res, err = ClassifySummaries(in, cfg)
	require.NoError(t, err)
	assert.Equal(t, Classified, res.Rows[1].Status)
	assert.Equal(t, ClassX, res.Rows[1].Class)
}

func TestXYZSummariesErrors(t *testing.T) {
	null := decimal.NullDecimal{}
	tests := []struct {
		name string
		in   []Summary
		cfg  Config
		want []string
	}{
		{"empty", nil, DefaultConfig(), []string{"summaries: is empty"}},
		{"zero summary", []Summary{{}}, DefaultConfig(), []string{
			"summaries[0].client_id: is required", "summaries[0].periods = 0: must be at least 1",
			"summaries[0]: gives no statistics"}},
		{"both forms", []Summary{{ClientID: "a", Periods: 6, CVPct: decimal.NewNullDecimal(dec("5")), Mean: decimal.NewNullDecimal(dec("1"))}},
			DefaultConfig(), []string{"summaries[0]: gives both a CV and a mean or deviation"}},
		{"mean only", []Summary{{ClientID: "a", Periods: 6, Mean: decimal.NewNullDecimal(dec("1")), StdDev: null}},
			DefaultConfig(), []string{"summaries[0]: gives only one of mean and std_dev"}},
		{"negative and out of range", []Summary{known("a", 6, "-1"), meanSD("b", 6, "1e40", "-2")}, DefaultConfig(), []string{
			"summaries[0].cv_pct = -1: must not be negative", "summaries[1].mean = 1e40: is out of range",
			"summaries[1].std_dev = -2: must not be negative"}},
		{"spread without a mean", []Summary{meanSD("a", 6, "0", "3"), known("b", 6, "1")}, DefaultConfig(),
			[]string{"summaries[0].std_dev = 3: must be 0 when the mean is 0"}},
		{"repeated ID", []Summary{known("a", 6, "1"), known("a", 6, "2")}, DefaultConfig(),
			[]string{"summaries[1].client_id = a: repeats summaries[0]"}},
		{"no demand at all", []Summary{meanSD("a", 6, "0", "0")}, DefaultConfig(),
			[]string{"summaries[].mean = 0: every client's mean is zero"}},
		{"config with input", []Summary{known("a", 0, "1")}, Config{}, []string{
			"config.x_max_pct", "config.y_max_pct", "config.deviation", "config.min_periods", "summaries[0].periods = 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ClassifySummaries(tt.in, tt.cfg)
			requireProblems(t, err, tt.want)
		})
	}
}

func TestXYZSummaryJSON(t *testing.T) {
	var in []Summary
	require.NoError(t, json.Unmarshal([]byte(`[{"client_id":"a","periods":12,"cv_pct":"12.5"},
		{"client_id":"b","periods":12,"mean":"1000","std_dev":"80"}]`), &in))
	res, err := ClassifySummaries(in, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []Class{ClassY, ClassX}, []Class{res.Rows[0].Class, res.Rows[1].Class})
	b, err := json.Marshal(known("a", 12, "12.5"))
	require.NoError(t, err)
	assert.JSONEq(t, `{"client_id":"a","periods":12,"cv_pct":"12.5"}`, string(b))
}
