package xyz_test

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/shopspring/decimal"
)

// From orders to XYZ classes: monthly order values over six months.
// steady: mean 100.67, σ 2.36, CV 2.3 %; seasonal: mean 100.83, σ 18.35,
// CV 18.2 %; erratic: mean 101.67, σ 124.15, CV 122.1 %; the newcomer's
// history starts with its first order, two months: too short to judge.
func ExampleClassify() {
	periods, err := xyz.MonthlyPeriods(clientele.MustParseDate("2025-01-01"), 6)
	if err != nil {
		fmt.Println(err)
		return
	}
	var orders []client.Order
	add := func(id string, amounts ...int64) {
		for m, a := range amounts {
			if a > 0 {
				orders = append(orders, client.Order{ClientID: id, Date: periods[m].Start.AddDays(9), Amount: decimal.NewFromInt(a)})
			}
		}
	}
	add("steady", 100, 104, 97, 101, 99, 103)
	add("seasonal", 80, 90, 120, 130, 100, 85)
	add("erratic", 20, 300, 0, 0, 250, 40)
	add("newcomer", 0, 0, 0, 0, 120, 130)

	s, err := xyz.OrderSeries(orders, periods, xyz.SeriesFromFirstOrder)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := xyz.Classify(s.Series, xyz.DefaultConfig())
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

// Statistics a database already computed (AVG and STDDEV_POP of monthly
// order values per client over a year), and a CV from a report: no series
// to build. north: 100·40 = 4,000 ≤ 10·500 = 5,000, X; south: 100·150 =
// 15,000 ≤ 25·600 = 15,000, exactly 25 %, Y; the report's 31.5 % is Z.
func ExampleClassifySummaries() {
	d := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	known := []xyz.Summary{
		{ClientID: "north", Periods: 12, Mean: d("500"), StdDev: d("40")},
		{ClientID: "south", Periods: 12, Mean: d("600"), StdDev: d("150")},
		{ClientID: "east", Periods: 12, CVPct: d("31.5")},
	}
	res, err := xyz.ClassifySummaries(known, xyz.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.Rows {
		fmt.Printf("%s CV %.1f%% %s\n", r.ClientID, r.Stats.CVPct, r.Class)
	}
	// Output:
	// north CV 8.0% X
	// south CV 25.0% Y
	// east CV 31.5% Z
}
