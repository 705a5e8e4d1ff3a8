package qcut_test

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/rfm/qcut"
	"github.com/shopspring/decimal"
)

// A team checks its pandas notebook against the library: the same five
// clients scored in quintiles the pandas way and by rfm's midpoint
// ranks. With N = 5 each rank has its own bin (edges 1, 1.8, 2.6, 3.4,
// 4.2, 5). sever and yug both ordered once: pandas ranks sever, first in
// the table, 1 and yug 2, so F1 and F2; the midpoint scores give both F2.
// vostok and zapad both ordered 3 times: F4 and F5 against F5 and F5.
func ExampleClassify() {
	asOf := clientele.MustParseDate("2026-11-26")
	h := func(id string, daysAgo, orders int, total string) client.History {
		last := asOf.AddDays(-daysAgo)
		return client.History{ClientID: id, Orders: orders, FirstOrder: last.AddDays(-300), LastOrder: last,
			Total: decimal.RequireFromString(total)}
	}
	base := []client.History{
		h("vostok", 3, 3, "325000"), h("zapad", 200, 3, "890000"), h("sever", 10, 1, "15000"),
		h("yug", 400, 1, "8000"), h("center", 30, 2, "85000"),
	}
	pandas, err := qcut.Classify(base, asOf, qcut.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	midpoint, err := rfm.Classify(base, asOf, rfm.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range pandas.Scores {
		fmt.Printf("%-6s pandas %s midpoint %s\n", s.ClientID, s.Code(), midpoint.Scores[i].Code())
	}
	// Output:
	// vostok pandas 544 midpoint 554
	// zapad  pandas 255 midpoint 255
	// sever  pandas 412 midpoint 422
	// yug    pandas 121 midpoint 121
	// center pandas 333 midpoint 333
}
