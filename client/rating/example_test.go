package rating_test

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/rating"
	"github.com/shopspring/decimal"
)

// A client's rating lists every factor's sub-score, weight and
// contribution; the contributions add up to the score. Without a
// payment-discipline score from the host, its weight is shared out
// instead of counting as zero.
func ExampleRate() {
	asOf := clientele.MustParseDate("2026-11-26")
	in := rating.Input{
		ClientID:        "vostok",
		ProfitShare:     decimal.RequireFromString("4"),
		Revenue:         decimal.RequireFromString("120000"),
		PreviousRevenue: decimal.RequireFromString("100000"),
		Since:           clientele.MustParseDate("2022-11-26"),
		History: client.History{ClientID: "vostok", Orders: 7, Total: decimal.RequireFromString("500000"),
			FirstOrder: clientele.MustParseDate("2023-01-10"), LastOrder: clientele.MustParseDate("2026-11-01")},
	}
	r, err := rating.Rate(in, asOf, rating.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("rating %.2f\n", r.Score)
	for _, f := range r.Factors {
		fmt.Printf("%-18s %5.1f x %4.1f%% = %5.2f  %s\n", f.Factor, f.SubScore, f.EffectiveWeight, f.Contribution, f.Explanation)
	}
	fmt.Println(r.Notes[0])
	// Output:
	// rating 53.75
	// value               40.0 x 50.0% = 20.00  profit share 4 % of the full mark of 10 %: value 40
	// growth              70.0 x 25.0% = 17.50  revenue 120000 against 100000 the period before: +20 %, linear from -50 % (0) to 50 % (100): growth 70
	// loyalty             65.0 x 25.0% = 16.25  tenure 4 years of 5 for full marks (80) and 6 repeat orders of 12 (50), averaged: loyalty 65
	// payment_discipline   0.0 x  0.0% =  0.00  no payment-discipline score supplied: undefined
	// undefined payment_discipline (20 points) left out, not counted as zero: the weight was shared among value, growth, loyalty in proportion to their weights
}
