package keyclients

import (
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func profits(kv ...string) []abc.Totals {
	out := make([]abc.Totals, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		out = append(out, abc.Totals{ClientID: kv[i], Profit: dec(kv[i+1])})
	}
	return out
}

func keyIDs(r Result) []string {
	ids := make([]string, len(r.Keys))
	for i, k := range r.Keys {
		ids[i] = k.ClientID
	}
	return ids
}

func TestKeyClientsArticleRule(t *testing.T) {
	// Profit 1000 in all; more than 50 % is more than 500. Ranked:
	//   k1 300 -> 300 (30 %), k8 200 -> 500 (50 %: not MORE than 50 %),
	//   k3 100 -> 600 (60 %) > 500. k3 comes before k4..k7 (all 100) by ID.
	// Three of the seven clients bring 60 % of the profit.
	in := profits("k5", "100", "k7", "100", "k1", "300", "k4", "100", "k3", "100", "k6", "100", "k8", "200")
	res, err := Find(in, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k8", "k3"}, keyIDs(res))
	assert.Equal(t, "600", res.KeyValue.String())
	assert.Equal(t, "1000", res.Total.String())
	assert.Equal(t, "500", res.Cut.String())
	assert.InDelta(t, 60.0, res.SharePct, 1e-12)
	assert.Equal(t, 7, res.Clients)
	assert.True(t, res.TieAtBoundary, "k4 has the same 100 as k3: the set was chosen by ID")
	assert.Equal(t, Key{Rank: 2, ClientID: "k8", Value: dec("200"), SharePct: 20, CumulativePct: 50}, res.Keys[1])
	require.NotNil(t, res.NetSharePct)
	assert.InDelta(t, 60.0, *res.NetSharePct, 1e-12)
}

func TestKeyClientsExactlyAtTheShare(t *testing.T) {
	// 500 of 1000 is exactly 50 %, not more: a second client is needed.
	res, err := Find(profits("a", "500", "b", "300", "c", "200"), DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, keyIDs(res))
	assert.False(t, res.TieAtBoundary)
	// 500.01 of 1000.01 is just over 50 % (the cut is 500.005).
	res, err = Find(profits("a", "500.01", "b", "300", "c", "200"), DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, keyIDs(res))
	assert.Equal(t, "500.005", res.Cut.String())
}

func TestKeyClientsWithLosses(t *testing.T) {
	// Positive profits 600 + 300 + 100 = 1000 are the total; the loss of
	// 400 makes the net 600. 600 > 500: one key client with 60 % of the
	// positive profit and 100 % of the net.
	res, err := Find(profits("x", "300", "loss", "-400", "top", "600", "y", "100"), DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []string{"top"}, keyIDs(res))
	assert.Equal(t, "1000", res.Total.String())
	assert.Equal(t, "600", res.NetTotal.String())
	require.NotNil(t, res.NetSharePct)
	assert.InDelta(t, 100.0, *res.NetSharePct, 1e-12)

	// Losses of 1200 make the net negative: the net share is undefined.
	res, err = Find(profits("top", "600", "y", "400", "loss", "-1200"), DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, []string{"top"}, keyIDs(res))
	assert.Equal(t, "-200", res.NetTotal.String())
	assert.Nil(t, res.NetSharePct)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"net_share_pct":null`)
}

func TestKeyClientsThresholds(t *testing.T) {
	in := profits("a", "40", "b", "30", "c", "20", "d", "10")
	for _, tt := range []struct {
		pct  string
		want []string
	}{
		{"0", []string{"a"}},              // any positive profit is more than 0 %
		{"39.99", []string{"a"}},          // 40 > 39.99
		{"40", []string{"a", "b"}},        // 40 is not more than 40
		{"89.5", []string{"a", "b", "c"}}, // 90 > 89.5
		{"99.99", []string{"a", "b", "c", "d"}},
	} {
		cfg := DefaultConfig()
		cfg.SharePct = dec(tt.pct)
		res, err := Find(in, cfg)
		require.NoError(t, err, tt.pct)
		assert.Equal(t, tt.want, keyIDs(res), tt.pct)
	}
	cfg := Config{Measure: abc.ByRevenue, SharePct: dec("50")}
	res, err := Find([]abc.Totals{{ClientID: "r1", Revenue: dec("10")}, {ClientID: "r2", Revenue: dec("90")}}, cfg)
	require.NoError(t, err)
	assert.Equal(t, []string{"r2"}, keyIDs(res))
}

func TestKeyClientsErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []abc.Totals
		cfg  Config
		want string
	}{
		{"share 100", profits("a", "1"), Config{Measure: abc.ByProfit, SharePct: dec("100")}, "config.share_pct = 100: must be a percentage from 0 up to, not including, 100"},
		{"negative share", profits("a", "1"), Config{Measure: abc.ByProfit, SharePct: dec("-5")}, "config.share_pct = -5"},
		{"no measure", profits("a", "1"), Config{SharePct: dec("50")}, "config.measure = : unknown measure"},
		{"total not positive", profits("a", "-1", "b", "0"), DefaultConfig(), "totals[].profit = 0: no client has a positive profit"},
		{"empty", nil, DefaultConfig(), "totals: is empty"},
		{"duplicate", profits("a", "1", "a", "2"), DefaultConfig(), "totals[1].client_id = a: repeats totals[0]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Find(tt.in, tt.cfg)
			require.ErrorIs(t, err, ErrInvalid)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestMarkKeyAccounts(t *testing.T) {
	res, err := Find(profits("a", "60", "b", "30", "c", "10"), DefaultConfig())
	require.NoError(t, err)
	clients := []client.Client{{ID: "c", KeyAccount: true}, {ID: "a"}, {ID: "z"}}
	assert.Equal(t, 1, res.MarkKeyAccounts(clients))
	assert.False(t, clients[0].KeyAccount, "a former key account that no longer qualifies is unmarked")
	assert.True(t, clients[1].KeyAccount)
	assert.False(t, clients[2].KeyAccount)
}

func TestKeyClientsConfigJSON(t *testing.T) {
	var c Config
	require.NoError(t, json.Unmarshal([]byte(`{"measure":"revenue","share_pct":60}`), &c))
	require.NoError(t, c.Validate())
	assert.Equal(t, "60", c.SharePct.String())
	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	assert.JSONEq(t, `{"measure":"profit","share_pct":"50"}`, string(b))
}
