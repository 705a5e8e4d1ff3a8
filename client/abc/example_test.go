package abc_test

import (
	"fmt"
	"slices"

	"github.com/clientele-go/clientele/client/abc"
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

// A year's revenue of six clients, split 80/15/5.
func ExampleClassify() {
	base := totals(
		"vostok", "520000", "61000",
		"neva", "260000", "30500",
		"ural", "90000", "9000",
		"baikal", "60000", "-4000",
		"oka", "45000", "5200",
		"don", "25000", "2100",
	)
	res, err := abc.Classify(base, abc.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	rows := slices.Clone(res.Rows)
	slices.SortFunc(rows, func(a, b abc.Row) int { return a.Rank - b.Rank })
	for _, r := range rows {
		fmt.Printf("%d %-6s %7s %5.1f%% %5.1f%% %s %s\n", r.Rank, r.ClientID, r.Value, r.SharePct, r.CumulativePct, r.Class, r.Reason)
	}
	fmt.Println("A ends at", res.ACut, "of", res.Total)
	// Output:
	// 1 vostok  520000  52.0%  52.0% A within_threshold
	// 2 neva    260000  26.0%  78.0% A within_threshold
	// 3 ural     90000   9.0%  87.0% A crossing_threshold
	// 4 baikal   60000   6.0%  93.0% B within_threshold
	// 5 oka      45000   4.5%  97.5% B crossing_threshold
	// 6 don      25000   2.5% 100.0% C beyond_thresholds
	// A ends at 800000 of 1000000
}
