package client_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/clientele-go/clientele/client/rating"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A decimal with a huge exponent ("1e-999999999" in a JSON config) used
// to stall validation: shopspring compares by rescaling one side to the
// other's exponent, so checking it against 100 built a billion-digit
// number, and printing it in an error wrote a billion characters. Every
// decimal input is now range-checked (±30, validate.MaxExponent) before
// it is compared, and printed compactly. Before the fix, this test did
// not finish (Go code can build any int32 exponent: decimal.New).
func TestHugeExponentsAreRefusedFast(t *testing.T) {
	tiny := decimal.New(1, -999_999_999)
	huge := decimal.New(-7, 999_999_999)

	abcCfg := abc.DefaultConfig()
	abcCfg.AMaxPct = tiny
	key := keyclients.DefaultConfig()
	key.SharePct = tiny
	xyzCfg := xyz.DefaultConfig()
	xyzCfg.YMaxPct = huge
	ratingCfg := rating.DefaultConfig()
	ratingCfg.Weights.Growth = tiny
	ratingCfg.FullMarksProfitShare = huge
	ratingCfg.GrowthFloor = tiny
	asOf := clientele.NewDate(2026, time.November, 26)
	in := rating.Input{ClientID: "c-1", ProfitShare: tiny, Revenue: huge, History: client.History{ClientID: "c-1"}}
	hist := client.History{ClientID: "c", Orders: 1, FirstOrder: asOf, LastOrder: asOf, Total: huge}

	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"abc config", abcCfg.Validate(), []string{"a_max_pct = 1e-999999999: is out of range"}},
		{"key clients config", key.Validate(), []string{"share_pct = 1e-999999999: is out of range"}},
		{"xyz config", xyzCfg.Validate(), []string{"y_max_pct = -7e999999999: is out of range"}},
		{"rating config", ratingCfg.Validate(), []string{"weights.growth = 1e-999999999: is out of range",
			"full_marks_profit_share = -7e999999999: is out of range", "growth_floor = 1e-999999999: is out of range"}},
		{"rating input", func() error { _, err := rating.Rate(in, asOf, rating.DefaultConfig()); return err }(),
			[]string{`profit_share = 1e-999999999: client "c-1": is out of range`, `revenue = -7e999999999: client "c-1": is out of range`}},
		{"history", hist.Validate(), []string{`total = -7e999999999: client "c": is out of range`}},
		{"orders", func() error {
			_, err := client.Histories([]string{"c"}, []client.Order{{ClientID: "c", Date: asOf, Amount: huge}})
			return err
		}(), []string{"orders[0].amount = -7e999999999: is out of range"}},
	} {
		require.ErrorIs(t, c.err, clientele.ErrInvalid, c.name)
		for _, w := range c.want {
			assert.Contains(t, c.err.Error(), w, c.name)
		}
		assert.Less(t, len(c.err.Error()), 1000, "%s: the error stays short", c.name)
	}

	// From JSON, shopspring accepts exponents up to ±10000: refused as
	// well, and printed in a few characters instead of ten thousand.
	var cfg abc.Config
	require.NoError(t, json.Unmarshal([]byte(`{"measure":"revenue","a_max_pct":"1e-9999","b_max_pct":"95","boundary":"crossing_in"}`), &cfg))
	assert.EqualError(t, cfg.Validate(), "abc: invalid input: a_max_pct = 1e-9999: is out of range: more than 30 decimal places or a scale above 10^30")
}
