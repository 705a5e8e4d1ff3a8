package keyclients_test

import (
	"fmt"

	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/shopspring/decimal"
)

// totals builds a year's totals from client ID, revenue and profit triples.
func totals(kv ...string) []abc.Totals {
	var out []abc.Totals
	for i := 0; i < len(kv); i += 3 {
		out = append(out, abc.Totals{
			ClientID: kv[i],
			Revenue:  decimal.RequireFromString(kv[i+1]),
			Profit:   decimal.RequireFromString(kv[i+2]),
		})
	}
	return out
}

// The article's rule: the few clients that bring more than half the profit.
func ExampleFind() {
	base := totals(
		"vostok", "520000", "61000",
		"neva", "260000", "30500",
		"ural", "90000", "9000",
		"baikal", "60000", "-4000",
		"oka", "45000", "5200",
		"don", "25000", "2100",
	)
	res, err := keyclients.Find(base, keyclients.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range res.Keys {
		fmt.Printf("%s brings %.1f%% of the profit\n", k.ClientID, k.SharePct)
	}
	fmt.Printf("%d of %d clients: %s of %s (%.1f%%)\n", len(res.Keys), res.Clients, res.KeyValue, res.Total, res.SharePct)
	fmt.Printf("net profit %s after losses, of which they bring %.1f%%\n", res.NetTotal, *res.NetSharePct)
	// Output:
	// vostok brings 56.6% of the profit
	// 1 of 6 clients: 61000 of 107800 (56.6%)
	// net profit 103800 after losses, of which they bring 58.8%
}
