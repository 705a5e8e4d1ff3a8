package client_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/client"
)

func totals(kv ...string) []client.ClientTotals {
	var out []client.ClientTotals
	for i := 0; i < len(kv); i += 3 {
		out = append(out, client.ClientTotals{
			ClientID: kv[i],
			Revenue:  decimal.RequireFromString(kv[i+1]),
			Profit:   decimal.RequireFromString(kv[i+2]),
		})
	}
	return out
}

// A year's revenue of six clients, split 80/15/5.
func ExampleABC() {
	base := totals(
		"vostok", "520000", "61000",
		"neva", "260000", "30500",
		"ural", "90000", "9000",
		"baikal", "60000", "-4000",
		"oka", "45000", "5200",
		"don", "25000", "2100",
	)
	res, err := client.ABC(base, client.DefaultABCConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	rows := slices.Clone(res.Rows)
	slices.SortFunc(rows, func(a, b client.ABCRow) int { return a.Rank - b.Rank })
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

// The article's rule: the few clients that bring more than half the profit.
func ExampleKeyClients() {
	base := totals(
		"vostok", "520000", "61000",
		"neva", "260000", "30500",
		"ural", "90000", "9000",
		"baikal", "60000", "-4000",
		"oka", "45000", "5200",
		"don", "25000", "2100",
	)
	res, err := client.KeyClients(base, client.DefaultKeyClientsConfig())
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

// From orders to XYZ classes: monthly order values over six months.
// steady: mean 100.67, σ 2.36, CV 2.3 %; seasonal: mean 100.83, σ 18.35,
// CV 18.2 %; erratic: mean 101.67, σ 124.15, CV 122.1 %; the newcomer's
// history starts with its first order, two months: too short to judge.
func ExampleXYZ() {
	periods, err := client.MonthlyPeriods(time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), 6)
	if err != nil {
		fmt.Println(err)
		return
	}
	var orders []client.Order
	add := func(id string, amounts ...int64) {
		for m, a := range amounts {
			if a > 0 {
				orders = append(orders, client.Order{ClientID: id, Date: periods[m].Start.AddDate(0, 0, 9), Amount: decimal.NewFromInt(a)})
			}
		}
	}
	add("steady", 100, 104, 97, 101, 99, 103)
	add("seasonal", 80, 90, 120, 130, 100, 85)
	add("erratic", 20, 300, 0, 0, 250, 40)
	add("newcomer", 0, 0, 0, 0, 120, 130)

	s, err := client.OrderSeries(orders, periods, client.SeriesFromFirstOrder)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := client.XYZ(s.Series, client.DefaultXYZConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.Rows {
		if r.Stats == nil {
			fmt.Printf("%-8s %d periods: %s\n", r.ClientID, r.Periods, r.Status)
			continue
		}
		fmt.Printf("%-8s %d periods: CV %5.1f%% -> %s\n", r.ClientID, r.Periods, r.Stats.CVPct, r.Class)
	}
	// Output:
	// erratic  6 periods: CV 122.1% -> Z
	// newcomer 2 periods: insufficient_history
	// seasonal 6 periods: CV  18.2% -> Y
	// steady   6 periods: CV   2.3% -> X
}

// The ABC-XYZ matrix with the recommended treatment of each client.
// Revenue 600/300/100: steady is A (60 %), seasonal A (crosses 80 %),
// erratic B (crosses 95 %).
func ExampleABCXYZ() {
	abc, _ := client.ABC(totals(
		"steady", "600", "0",
		"seasonal", "300", "0",
		"erratic", "100", "0",
	), client.DefaultABCConfig())
	xyzCfg := client.DefaultXYZConfig()
	xyzCfg.MinPeriods = 4
	one := func(id string, vals ...int64) client.ClientSeries {
		s := client.ClientSeries{ClientID: id}
		for _, v := range vals {
			s.Values = append(s.Values, decimal.NewFromInt(v))
		}
		return s
	}
	xyz, _ := client.XYZ([]client.ClientSeries{
		one("steady", 150, 148, 152, 150),
		one("seasonal", 60, 80, 90, 70),
		one("erratic", 0, 90, 0, 10),
		one("prospect", 5, 0, 0, 0),
	}, xyzCfg)
	m, err := client.ABCXYZ(abc, xyz, client.DefaultABCXYZConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range m.Rows {
		fmt.Printf("%s %s: %.40s...\n", r.Cell, r.ClientID, r.Treatment)
	}
	fmt.Println("not in ABC:", m.OnlyXYZ)
	// Output:
	// AX steady: Key-account care: a dedicated (lead) acc...
	// AY seasonal: Key-account care with planning: a dedica...
	// BZ erratic: Review the relationship: understand the ...
	// not in ABC: [prospect]
}
