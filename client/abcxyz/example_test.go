package abcxyz_test

import (
	"fmt"

	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/abcxyz"
	"github.com/clientele-go/clientele/client/xyz"
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

// The ABC-XYZ matrix with the recommended treatment of each client.
// Revenue 600/300/100: steady is A (60 %), seasonal A (crosses 80 %),
// erratic B (crosses 95 %).
func ExampleCombine() {
	byValue, _ := abc.Classify(totals(
		"steady", "600", "0",
		"seasonal", "300", "0",
		"erratic", "100", "0",
	), abc.DefaultConfig())
	xyzCfg := xyz.DefaultConfig()
	xyzCfg.MinPeriods = 4
	one := func(id string, vals ...int64) xyz.Series {
		s := xyz.Series{ClientID: id}
		for _, v := range vals {
			s.Values = append(s.Values, decimal.NewFromInt(v))
		}
		return s
	}
	steadiness, _ := xyz.Classify([]xyz.Series{
		one("steady", 150, 148, 152, 150),
		one("seasonal", 60, 80, 90, 70),
		one("erratic", 0, 90, 0, 10),
		one("prospect", 5, 0, 0, 0),
	}, xyzCfg)
	m, err := abcxyz.Combine(byValue, steadiness, abcxyz.DefaultConfig())
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
