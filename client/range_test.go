package client

import (
	"encoding/json"
	"testing"

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

	abc := DefaultABCConfig()
	abc.AMaxPct = tiny
	key := DefaultKeyClientsConfig()
	key.SharePct = tiny
	xyz := DefaultXYZConfig()
	xyz.YMaxPct = huge
	rating := DefaultRatingConfig()
	rating.Weights.Growth = tiny
	rating.FullMarksProfitShare = huge
	rating.GrowthFloor = tiny
	in := ratingInput()
	in.ProfitShare = tiny
	in.Revenue = huge
	hist := History{ClientID: "c", Orders: 1, FirstOrder: ratingAsOf, LastOrder: ratingAsOf, Total: huge}

	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"abc config", abc.Validate(), []string{"a_max_pct = 1e-999999999: is out of range"}},
		{"key clients config", key.Validate(), []string{"share_pct = 1e-999999999: is out of range"}},
		{"xyz config", xyz.Validate(), []string{"y_max_pct = -7e999999999: is out of range"}},
		{"rating config", rating.Validate(), []string{"weights.growth = 1e-999999999: is out of range",
			"full_marks_profit_share = -7e999999999: is out of range", "growth_floor = 1e-999999999: is out of range"}},
		{"rating input", func() error { _, err := Rate(in, ratingAsOf, DefaultRatingConfig()); return err }(),
			[]string{`profit_share = 1e-999999999: client "c-1": is out of range`, `revenue = -7e999999999: client "c-1": is out of range`}},
		{"history", hist.Validate(), []string{`total = -7e999999999: client "c": is out of range`}},
		{"orders", func() error {
			_, err := Histories([]string{"c"}, []Order{{ClientID: "c", Date: ratingAsOf, Amount: huge}})
			return err
		}(), []string{"orders[0].amount = -7e999999999: is out of range"}},
	} {
		require.ErrorIs(t, c.err, ErrInvalid, c.name)
		for _, w := range c.want {
			assert.Contains(t, c.err.Error(), w, c.name)
		}
		assert.Less(t, len(c.err.Error()), 1000, "%s: the error stays short", c.name)
	}

	// From JSON, shopspring accepts exponents up to ±10000: refused as
	// well, and printed in a few characters instead of ten thousand.
	var cfg ABCConfig
	require.NoError(t, json.Unmarshal([]byte(`{"measure":"revenue","a_max_pct":"1e-9999","b_max_pct":"95","boundary":"crossing_in"}`), &cfg))
	assert.EqualError(t, cfg.Validate(), "client: invalid input: a_max_pct = 1e-9999: is out of range: more than 30 decimal places or a scale above 10^30")
}
