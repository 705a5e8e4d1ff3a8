package xyz

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func series(id string, vals ...string) Series {
	s := Series{ClientID: id}
	for _, v := range vals {
		s.Values = append(s.Values, dec(v))
	}
	return s
}

func cfgWith(dev Deviation, minPeriods int) Config {
	c := DefaultConfig()
	c.Deviation, c.MinPeriods = dev, minPeriods
	return c
}

func TestXYZHandWorkedBothDeviations(t *testing.T) {
	// 87, 100, 113, 100: mean 100, deviations -13, 0, 13, 0, Σd² = 338.
	//   population: σ² = 338/4 = 84.5,    σ = 9.1924, CV = 9.19 %  -> X
	//   sample:     s² = 338/3 = 112.667, s = 10.6145, CV = 10.61 % -> Y
	in := []Series{series("c", "87", "100", "113", "100")}
	res, err := Classify(in, cfgWith(Population, 4))
	require.NoError(t, err)
	row := res.Rows[0]
	assert.Equal(t, Classified, row.Status)
	assert.Equal(t, ClassX, row.Class)
	require.NotNil(t, row.Stats)
	assert.InDelta(t, 100.0, row.Stats.Mean, 1e-9)
	assert.InDelta(t, math.Sqrt(84.5), row.Stats.StdDev, 1e-9)
	assert.InDelta(t, 9.1924, row.Stats.CVPct, 1e-4)
	assert.False(t, row.SettledExactly)
	assert.Equal(t, 1, res.X)

	res, err = Classify(in, cfgWith(Sample, 4))
	require.NoError(t, err)
	row = res.Rows[0]
	assert.Equal(t, ClassY, row.Class)
	assert.InDelta(t, 10.6145, row.Stats.CVPct, 1e-4)
	assert.Equal(t, 1, res.Y)
}

func TestXYZExactlyAtThresholds(t *testing.T) {
	// A CV exactly at a threshold belongs to the steadier class, as in the
	// usual spreadsheet rule IF(CV<=10%,"X",IF(CV<=25%,"Y","Z"))
	// (jobdatabase.store/viewtopic.php?t=2446, "XYZ Analysis: Find Out When
	// and What Customers Buy").
	tests := []struct {
		name string
		dev  Deviation
		s    Series
		want Class
	}{
		// 9, 9, 11, 11: mean 10, every deviation ±1, σ = 1, CV = 10 %.
		{"population 10 %", Population, series("a", "9", "9", "11", "11"), ClassX},
		// 3, 3, 5, 5: mean 4, σ = 1, CV = 25 %.
		{"population 25 %", Population, series("b", "3", "3", "5", "5"), ClassY},
		// 9, 10, 11: mean 10, Σd² = 2, s² = 2/2 = 1, CV = 10 %.
		{"sample 10 %", Sample, series("c", "9", "10", "11"), ClassX},
		// 3, 4, 5: mean 4, s = 1, CV = 25 %.
		{"sample 25 %", Sample, series("d", "3", "4", "5"), ClassY},
		// In cents with mixed exponents: 0.09, 0.090, 0.11, 0.1100.
		{"population 10 % in cents", Population, series("e", "0.09", "0.090", "0.11", "0.1100"), ClassX},
		// One cent more spread is past 10 %: 8.99, 9, 11, 11.01.
		{"just past 10 %", Population, series("f", "8.99", "9", "11", "11.01"), ClassY},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Classify([]Series{tt.s}, cfgWith(tt.dev, 3))
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.Rows[0].Class)
		})
	}
	res, err := Classify([]Series{series("a", "9", "9", "11", "11")}, cfgWith(Population, 3))
	require.NoError(t, err)
	assert.True(t, res.Rows[0].SettledExactly, "a CV at the threshold is settled exactly")
}

func TestXYZUnclassified(t *testing.T) {
	in := []Series{
		series("short", "100", "100", "100", "100", "100"), // 5 < 6 periods
		series("idle", "0", "0", "0", "0", "0", "0"),
		// 0, 0, 100, 0, 0, 100: mean 33.33, Σd² = 4×33.33² + 2×66.67²
		// = 13333.33, σ² = 2222.22, σ = 47.14, CV = 141.4 % -> Z.
		series("erratic", "0", "0", "100", "0", "0", "100"),
		{ClientID: "none"},
	}
	res, err := Classify(in, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, Row{ClientID: "short", Periods: 5, Status: InsufficientHistory}, res.Rows[0])
	assert.Equal(t, Row{ClientID: "idle", Periods: 6, Status: NoDemand}, res.Rows[1])
	assert.Equal(t, ClassZ, res.Rows[2].Class)
	assert.InDelta(t, 141.42, res.Rows[2].Stats.CVPct, 0.01)
	assert.Equal(t, InsufficientHistory, res.Rows[3].Status)
	assert.Equal(t, 2, res.InsufficientHistory)
	assert.Equal(t, 1, res.NoDemand)
	assert.Equal(t, 1, res.Z)

	b, err := json.Marshal(res.Rows[:2])
	require.NoError(t, err)
	assert.JSONEq(t, `[{"client_id":"short","periods":5,"status":"insufficient_history","stats":null},
		{"client_id":"idle","periods":6,"status":"no_demand","stats":null}]`, string(b))
}

func TestXYZWideUnits(t *testing.T) {
	// The hand-worked 87/100/113/100 series scaled by 10^20 (and a value
	// with 16 decimal places) no longer fits int64 units.
	in := []Series{
		series("big", "87e20", "100e20", "113e20", "100e20"),
		series("fine", "87.0000000000000001", "100", "113", "100"),
	}
	res, err := Classify(in, cfgWith(Sample, 4))
	require.NoError(t, err)
	for _, row := range res.Rows {
		assert.Equal(t, ClassY, row.Class, row.ClientID)
		assert.True(t, row.SettledExactly)
		assert.InDelta(t, 10.6145, row.Stats.CVPct, 1e-4)
	}
	assert.InDelta(t, 100e20, res.Rows[0].Stats.Mean, 1e8)
}

func TestXYZErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []Series
		cfg  Config
		want []string
	}{
		{"empty", nil, DefaultConfig(), []string{"series: is empty"}},
		{"negative, duplicate, missing ID", []Series{series("a", "1", "-2"), series("a", "1"), series("", "1")}, DefaultConfig(),
			[]string{"series[0].values[1] = -2: must not be negative", "series[1].client_id = a: repeats series[0]", "series[2].client_id: is required"}},
		{"all zero", []Series{series("a", "0", "0"), series("b")}, DefaultConfig(),
			[]string{"series[].values = 0: every value of every client is zero"}},
		{"config", []Series{series("a", "1")}, Config{XMaxPct: dec("30"), YMaxPct: dec("25"), MinPeriods: 1},
			[]string{"config.y_max_pct = 25: must not be below x_max_pct (30)", "config.deviation = : unknown deviation", "config.min_periods = 1: must be at least 2"}},
		{"config and series together", []Series{series("a", "-1")}, Config{XMaxPct: dec("10"), YMaxPct: dec("25"), MinPeriods: 2},
			[]string{"config.deviation = : unknown deviation", "series[0].values[0] = -1: must not be negative"}},
		{"config range", []Series{series("a", "1")}, Config{XMaxPct: dec("0"), YMaxPct: dec("101"), Deviation: Sample, MinPeriods: 3},
			[]string{"config.x_max_pct = 0: must be a percentage above 0 and at most 100", "config.y_max_pct = 101"}},
		{"out of range", []Series{series("a", "1"), series("b", "2", "1e-120")}, DefaultConfig(),
			[]string{"series[1].values[1] = 1e-120: is out of range: more than 30 decimal places or a scale above 10^30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Classify(tt.in, tt.cfg)
			requireProblems(t, err, tt.want)
		})
	}
}

func TestXYZConfigJSON(t *testing.T) {
	var c Config
	require.NoError(t, json.Unmarshal([]byte(`{"x_max_pct":15,"y_max_pct":"30","deviation":"sample","min_periods":12}`), &c))
	require.NoError(t, c.Validate())
	assert.Equal(t, Sample, c.Deviation)
	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	assert.JSONEq(t, `{"x_max_pct":"10","y_max_pct":"25","deviation":"population","min_periods":6}`, string(b))
	assert.ErrorContains(t, json.Unmarshal([]byte(`{"deviation":"stdevp"}`), &c), `unknown XYZ deviation "stdevp"`)
}

func FuzzXYZConfigJSON(f *testing.F) {
	f.Add([]byte(`{"x_max_pct":"10","y_max_pct":"25","deviation":"population","min_periods":6}`))
	f.Add([]byte(`{"x_max_pct":0.001,"y_max_pct":100,"deviation":"sample","min_periods":2}`))
	f.Add([]byte(`{"min_periods":-3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Config
		if json.Unmarshal(data, &c) != nil || c.Validate() != nil {
			return
		}
		res, err := Classify([]Series{series("a", "87", "100", "113", "100"), series("b", "1", "0")}, c)
		require.NoError(t, err)
		require.Equal(t, 2, res.X+res.Y+res.Z+res.InsufficientHistory+res.NoDemand)
	})
}

// FuzzXYZAgreesWithRationals checks every class against CV² computed as
// an exact rational from the definition.
func FuzzXYZAgreesWithRationals(f *testing.F) {
	f.Add(uint64(1), uint8(12), false, uint8(10), uint8(25))
	f.Add(uint64(2), uint8(3), true, uint8(10), uint8(25))
	f.Add(uint64(3), uint8(4), false, uint8(1), uint8(99))
	f.Fuzz(func(t *testing.T, seed uint64, periods uint8, sample bool, x, y uint8) {
		xp, yp := int64(x%100)+1, int64(y%100)+1
		if xp > yp {
			xp, yp = yp, xp
		}
		cfg := Config{XMaxPct: decimal.NewFromInt(xp), YMaxPct: decimal.NewFromInt(yp), Deviation: Population, MinPeriods: 2}
		if sample {
			cfg.Deviation = Sample
		}
		r := rand.New(rand.NewPCG(seed, 11))
		n := int(periods)%13 + 2
		in := make([]Series, 20)
		for c := range in {
			in[c].ClientID = fmt.Sprint(c)
			base := r.Int64N(50) + 1
			for range n {
				// Values near a base, in cents, so CVs cluster around the
				// thresholds and exact hits happen.
				in[c].Values = append(in[c].Values, decimal.New(base*10+r.Int64N(7)-3, -int32(r.IntN(3))))
			}
		}
		in[0].Values[0] = decimal.New(1, 0) // make sure some demand exists
		res, err := Classify(in, cfg)
		require.NoError(t, err)
		for c, row := range res.Rows {
			sum, sq := new(big.Rat), new(big.Rat)
			for _, v := range in[c].Values {
				sum.Add(sum, v.Rat())
				sq.Add(sq, new(big.Rat).Mul(v.Rat(), v.Rat()))
			}
			if sum.Sign() == 0 {
				require.Equal(t, NoDemand, row.Status)
				continue
			}
			// CV² = (n·Σx² − S²)/S² · (n/(n−1) for the sample).
			nr := new(big.Rat).SetInt64(int64(n))
			cv2 := new(big.Rat).Sub(new(big.Rat).Mul(nr, sq), new(big.Rat).Mul(sum, sum))
			cv2.Quo(cv2, new(big.Rat).Mul(sum, sum))
			if sample {
				cv2.Mul(cv2, big.NewRat(int64(n), int64(n-1)))
			}
			want := ClassZ
			switch {
			case cv2.Cmp(big.NewRat(xp*xp, 10_000)) <= 0:
				want = ClassX
			case cv2.Cmp(big.NewRat(yp*yp, 10_000)) <= 0:
				want = ClassY
			}
			require.Equal(t, want, row.Class, "client %d %v", c, in[c].Values)
		}
	})
}
