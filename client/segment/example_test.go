package segment_test

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/segment"
	"github.com/shopspring/decimal"
)

// Rule segments are data: a client falls in every segment whose
// conditions all hold, and each verdict says why.
func ExampleAssign() {
	asOf := clientele.MustParseDate("2026-11-26")
	clients := []client.Client{
		{ID: "vostok", Kind: client.KindCompany, DisplayName: "Vostok", VIP: true, KeyAccount: true, Region: "Moscow", Status: client.StatusActive},
		{ID: "anna", Kind: client.KindIndividual, PersonName: client.NewPersonal("Anna Petrova"), Region: "Tver", Status: client.StatusActive},
	}
	histories := []client.History{
		{ClientID: "vostok", Orders: 14, FirstOrder: asOf.AddMonths(-24), LastOrder: asOf.AddDays(-75), Total: decimal.NewFromInt(900000)},
		{ClientID: "anna", Orders: 1, FirstOrder: asOf.AddDays(-12), LastOrder: asOf.AddDays(-12), Total: decimal.NewFromInt(4500)},
	}
	cfg := segment.DefaultConfig()
	cfg.Segments = append(cfg.Segments, segment.Rule{Name: "outside_moscow", Conditions: []segment.Condition{
		{Kind: segment.Region, Not: true, Values: []string{"Moscow"}},
	}})
	res, err := segment.Assign(clients, histories, asOf, cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Println(r.ClientID, r.Segments)
	}
	fmt.Println(res[0].Verdicts[5].Checks[0].Reason)
	// Output:
	// vostok [b2b vip key_accounts dormant key_accounts_dormant]
	// anna [b2c new outside_moscow]
	// last order 75 days before as-of, 60 or more
}
