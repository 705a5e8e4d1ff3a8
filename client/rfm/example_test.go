package rfm_test

import (
	"encoding/json"
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/shopspring/decimal"
)

// An account manager's base: orders from the ledger, one prospect that
// never ordered. RFM ranks the clients that ordered and names their
// segment; the prospect is reported, not guessed. The bands show which
// values got each score, and Explain gives one client's arithmetic.
//
// By hand, N = 5 and score = 1 + floor(5·(2L+E)/10) = 1 + floor((2L+E)/2),
// L the clients worse, E those equal (itself included). Recency, no
// ties: yug 400 days L0 -> 1, zapad 200 L1 -> 2, center 30 L2 -> 3, sever
// 10 L3 -> 4, vostok 3 L4 -> 5. Frequency: sever and yug 1 order, L0 E2
// -> 1 + 1 = 2; center 2, L2 E1 -> 1 + 2 = 3; vostok and zapad 3, L3 E2
// -> 1 + 4 = 5 (F1 and F4 are empty). Monetary, no ties: 8000 (yug) 1,
// 15000 (sever) 2, 85000 (center) 3, 325000 (vostok) 4, 890000 (zapad) 5.
// zapad, the best buyer not seen for 200 days, is R2 F5: cannot_lose.
func ExampleClassify() {
	asOf := clientele.MustParseDate("2026-11-26")
	daysAgo := func(n int) clientele.Date { return asOf.AddDays(-n) }
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
	res, err := rfm.Classify(histories, asOf, rfm.DefaultConfig())
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
	fmt.Println(res.Bands)
	fmt.Println(res.Explain(res.Scores[1]))
	// Output:
	// vostok  R5 F5 M4  champions
	// zapad   R2 F5 M5  cannot_lose
	// sever   R4 F2 M2  potential_loyalist
	// yug     R1 F2 M1  lost
	// center  R3 F3 M3  needs_attention
	// prospect-7: no orders: recency and frequency are undefined, so the client is not scored
	// R1: 400 days (1 client); R2: 200 days (1 client); R3: 30 days (1 client); R4: 10 days (1 client); R5: 3 days (1 client)
	// F1: no clients; F2: 1 order (2 clients); F3: 2 orders (1 client); F4: no clients; F5: 3 orders (2 clients)
	// M1: 8000 (1 client); M2: 15000 (1 client); M3: 85000 (1 client); M4: 325000 (1 client); M5: 890000 (1 client)
	// R2 for 200 days since the last order: of the 5 clients scored, 1 has more days (L) and 1 the same, this one included (E): PR = (L + E/2)/N = (1 + 1/2)/5 = 1.5/5, R = 1 + floor(5 × PR) = 2; band R2: 200 days (1 client). F5 for 3 orders: of the 5 clients scored, 3 have fewer orders (L) and 2 the same, this one included (E): PR = (L + E/2)/N = (3 + 2/2)/5 = 4/5, F = 1 + floor(5 × PR) = 5; band F5: 3 orders (2 clients). M5 for total 890000: of the 5 clients scored, 4 have a smaller total (L) and 1 the same, this one included (E): PR = (L + E/2)/N = (4 + 1/2)/5 = 4.5/5, M = 1 + floor(5 × PR) = 5; band M5: 890000 (1 client). Segment cannot_lose by rule 8 (cannot_lose: R1-2 F5).
}

// A host keeps its own map as JSON: first match wins, so the narrow
// "whales" rule placed first takes the top monetary fifth out of every
// other segment.
func ExampleConfig_Resolve() {
	var cfg rfm.Config
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
	// rfm: invalid input: rules: no rule covers R1F1M1, R1F1M2, R1F1M3, R1F1M4, R1F2M1, R1F2M2, R1F2M3, R1F2M4, R1F3M1, R1F3M2, R1F3M3, R1F3M4, R1F4M1, R1F4M2, R1F4M3, R1F4M4, R1F5M1, R1F5M2, R1F5M3, R1F5M4, R2F1M1, R2F1M2, R2F1M3, R2F1M4, R2F2M1, R2F2M2, R2F2M3, R2F2M4, R2F3M1, R2F3M2, R2F3M3, R2F3M4, R2F4M1, R2F4M2, R2F4M3, R2F4M4, R2F5M1, R2F5M2, R2F5M3, R2F5M4 (every combination of scores needs a segment)
}
