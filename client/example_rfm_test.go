package client_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/clientele-go/clientele/client"
	"github.com/shopspring/decimal"
)

// An account manager's base: orders from the ledger, one prospect that
// never ordered. RFM ranks the clients that ordered and names their
// segment; the prospect is reported, not guessed.
func ExampleRFM() {
	asOf := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	daysAgo := func(n int) time.Time { return asOf.AddDate(0, 0, -n) }
	amount := decimal.RequireFromString
	orders := []client.Order{
		{ClientID: "vostok", Date: daysAgo(3), Amount: amount("120000.00")},
		{ClientID: "vostok", Date: daysAgo(40), Amount: amount("95000.00")},
		{ClientID: "vostok", Date: daysAgo(75), Amount: amount("110000.00")},
		{ClientID: "zapad", Date: daysAgo(200), Amount: amount("300000.00")},
		{ClientID: "zapad", Date: daysAgo(260), Amount: amount("280000.00")},
		{ClientID: "zapad", Date: daysAgo(320), Amount: amount("310000.00")},
		{ClientID: "sever", Date: daysAgo(10), Amount: amount("15000.00")},
		{ClientID: "yug", Date: daysAgo(400), Amount: amount("8000.00")},
		{ClientID: "center", Date: daysAgo(30), Amount: amount("45000.00")},
		{ClientID: "center", Date: daysAgo(90), Amount: amount("40000.00")},
	}
	histories, err := client.Histories([]string{"vostok", "zapad", "sever", "yug", "center", "prospect-7"}, orders)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := client.RFM(histories, asOf, client.DefaultRFMConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Scores {
		fmt.Printf("%-7s R%d F%d M%d  %s\n", s.ClientID, s.R, s.F, s.M, s.Segment)
	}
	for _, u := range res.Unscored {
		fmt.Printf("%s: %s\n", u.ClientID, u.Reason)
	}
	fmt.Println("recency cut-offs (days):", res.Cutoffs.RecencyDays)
	// Output:
	// vostok  R5 F4 M4  champions
	// zapad   R2 F4 M5  at_risk
	// sever   R4 F1 M2  promising
	// yug     R1 F1 M1  lost
	// center  R3 F3 M3  needs_attention
	// prospect-7: no orders: recency and frequency are undefined, so the client is not scored
	// recency cut-offs (days): [400 200 30 10]
}

// A host keeps its own map as JSON: first match wins, so the narrow
// "whales" rule placed first takes the top monetary fifth out of every
// other segment.
func ExampleRFMConfig_Resolve() {
	var cfg client.RFMConfig
	err := json.Unmarshal([]byte(`{"rules": [
		{"segment": "whales",   "monetary": {"min": 5, "max": 5}},
		{"segment": "active",   "recency":  {"min": 3, "max": 5}},
		{"segment": "inactive", "recency":  {"min": 1, "max": 2}}
	]}`), &cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := cfg.Resolve()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m["R1F1M5"], m["R5F5M4"], m["R2F5M4"])

	// A gap is caught before any client is scored.
	cfg.Rules = cfg.Rules[:2]
	fmt.Println(cfg.Validate())
	// Output:
	// whales active inactive
	// client: invalid input: rules: no rule covers R1F1M1, R1F1M2, R1F1M3, R1F1M4, R1F2M1, R1F2M2, R1F2M3, R1F2M4, R1F3M1, R1F3M2, R1F3M3, R1F3M4, R1F4M1, R1F4M2, R1F4M3, R1F4M4, R1F5M1, R1F5M2, R1F5M3, R1F5M4, R2F1M1, R2F1M2, R2F1M3, R2F1M4, R2F2M1, R2F2M2, R2F2M3, R2F2M4, R2F3M1, R2F3M2, R2F3M3, R2F3M4, R2F4M1, R2F4M2, R2F4M3, R2F4M4, R2F5M1, R2F5M2, R2F5M3, R2F5M4 (every combination of scores needs a segment)
}

// Rule segments are data: a client falls in every segment whose
// conditions all hold, and each verdict says why.
func ExampleRuleSegments() {
	asOf := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	clients := []client.Client{
		{ID: "vostok", Kind: client.KindCompany, DisplayName: "Vostok", VIP: true, KeyAccount: true, Region: "Moscow", Status: client.StatusActive},
		{ID: "anna", Kind: client.KindIndividual, PersonName: client.NewPersonal("Anna Petrova"), Region: "Tver", Status: client.StatusActive},
	}
	histories := []client.History{
		{ClientID: "vostok", Orders: 14, FirstOrder: asOf.AddDate(-2, 0, 0), LastOrder: asOf.AddDate(0, 0, -75), Total: decimal.NewFromInt(900000)},
		{ClientID: "anna", Orders: 1, FirstOrder: asOf.AddDate(0, 0, -12), LastOrder: asOf.AddDate(0, 0, -12), Total: decimal.NewFromInt(4500)},
	}
	cfg := client.DefaultRuleSegmentConfig()
	cfg.Segments = append(cfg.Segments, client.RuleSegment{Name: "outside_moscow", Conditions: []client.RuleCondition{
		{Kind: client.RuleRegion, Not: true, Values: []string{"Moscow"}},
	}})
	res, err := client.RuleSegments(clients, histories, asOf, cfg)
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
