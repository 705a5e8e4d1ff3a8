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

// The ABC table of an inventory textbook (Heizer & Render, Operations
// Management, Example 1 of the inventory chapter): ten SKUs by annual
// dollar volume, the item crossing 80 % already B, the one crossing 95 %
// still B.
func ExampleClassifyItems() {
	volumes := []struct {
		sku         string
		units, cost string
	}{
		{"#10286", "1000", "90.00"}, {"#11526", "500", "154.00"}, {"#12760", "1550", "17.00"},
		{"#10867", "350", "42.86"}, {"#10500", "1000", "12.50"}, {"#12572", "600", "14.17"},
		{"#14075", "2000", ".60"}, {"#01036", "100", "8.50"}, {"#01307", "1200", ".42"},
		{"#10572", "250", ".60"},
	}
	var skus []abc.Item
	for _, v := range volumes {
		value := decimal.RequireFromString(v.units).Mul(decimal.RequireFromString(v.cost))
		skus = append(skus, abc.Item{ID: v.sku, Value: value})
	}
	res, err := abc.ClassifyItems(skus, abc.TextbookConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.Rows {
		fmt.Printf("%s %6s %5.1f%% %s %s\n", r.ClientID, r.Value.StringFixed(0), r.CumulativePct, r.Class, r.Reason)
	}
	row, _ := res.Lookup("#12760")
	fmt.Println("#12760 is", row.Class, "ranked", row.Rank)
	// Output:
	// #10286  90000  38.8% A within_threshold
	// #11526  77000  72.0% A within_threshold
	// #12760  26350  83.3% B within_threshold
	// #10867  15001  89.8% B within_threshold
	// #10500  12500  95.2% B crossing_threshold
	// #12572   8502  98.8% C beyond_thresholds
	// #14075   1200  99.4% C beyond_thresholds
	// #01036    850  99.7% C beyond_thresholds
	// #01307    504  99.9% C beyond_thresholds
	// #10572    150 100.0% C beyond_thresholds
	// #12760 is B ranked 3
}
