package learn

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigJSONRoundTrip(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Trends = map[solvency.Feature]Trend{solvency.FeatureAvgDaysLate: TrendAscending}
	cfg.Scaling = solvency.RScorecardScaling()
	b, err := json.Marshal(cfg)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"trends":{"avg_days_late":"ascending"}`)
	back, err := clientele.LoadConfig[Config](strings.NewReader(string(b)))
	require.NoError(t, err)
	assert.Equal(t, cfg, back)
}

func TestConfigValidate(t *testing.T) {
	require.NoError(t, DefaultConfig().Validate())
	c := DefaultConfig()
	c.MaxBins, c.MinBinShare, c.PointsDecimals = 17, 0.6, 5
	c.Trends = map[solvency.Feature]Trend{solvency.FeatureDSO: 9}
	requireFields(t, c.Validate(), ErrInvalid, "max_bins", "min_bin_share", "trends.dso", "points_decimals")
}

func TestTrendEnum(t *testing.T) {
	for _, tr := range []Trend{TrendAuto, TrendAscending, TrendDescending} {
		b, err := tr.MarshalText()
		require.NoError(t, err)
		var back Trend
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tr, back)
		p, err := ParseTrend(tr.String())
		require.NoError(t, err)
		assert.Equal(t, tr, p)
	}
	_, err := ParseTrend("up")
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.False(t, Trend(0).IsValid())
}

// Fine classing cuts at quantiles but never splits equal values: ten
// values 1,1,1,1,1,1,2,3,4,5 in 5 bins cut after 2, 4, 6, 8 rows; the
// first cuts fall inside the run of 1s and move past it, so the bins are
// {1×6}, {2, 3}, {4, 5}.
func TestFineClassesKeepTies(t *testing.T) {
	var obs observations
	for _, v := range []float64{5, 1, 1, 4, 1, 1, 3, 1, 2, 1} {
		obs.add(v, v >= 4)
	}
	got := fineClasses(obs, 5)
	require.Len(t, got, 3)
	assert.Equal(t, bin{lo: 1, counts: counts{6, 0}, fine: 1}, got[0])
	assert.Equal(t, bin{lo: 2, counts: counts{2, 0}, fine: 1}, got[1])
	assert.Equal(t, bin{lo: 4, counts: counts{0, 2}, fine: 1}, got[2])
	assert.Equal(t, 0, binOf(got, -7), "below the first edge: the first bin, open below")
	assert.Equal(t, 1, binOf(got, 3.5))
	assert.Equal(t, 2, binOf(got, 4))
}

func TestSortKeyKeepsOrder(t *testing.T) {
	vs := []float64{math.Inf(-1), -1e300, -2.5, -1, -1e-300, 0, 1e-300, 1, 2.5, 1e300, math.Inf(1)}
	for i, v := range vs {
		assert.Equal(t, v, keyValue(sortKey(v)), "round trip %v", v)
		if i > 0 {
			assert.Less(t, sortKey(vs[i-1]), sortKey(v), "%v < %v", vs[i-1], v)
		}
	}
	assert.Equal(t, sortKey(0), sortKey(math.Copysign(0, -1)), "−0 and 0 are one value")
}
