package solvency_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

func date(s string) clientele.Date { return clientele.MustParseDate(s) }

// known is the known statement amount s.
func known(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }

// vostok is a trading company with a year's statement and twelve monthly
// invoices of 40,000 on 30-day terms: two paid late, the last still open.
func vostok() solvency.Input {
	st := &solvency.Statement{
		PeriodEnd: date("2025-12-31"), Currency: "EUR",
		Cash: known("150000"), MarketableSecurities: known("50000"),
		Receivables: known("400000"), Inventory: known("500000"),
		CurrentAssets: known("1200000"), TotalAssets: known("2000000"),
		CurrentLiabilities: known("600000"), TotalLiabilities: known("1100000"),
		Equity: known("900000"), RetainedEarnings: known("500000"),
		Revenue: known("4800000"), EBIT: known("320000"),
		InterestExpense: known("40000"),
	}
	var invoices []ledger.Invoice
	for m := range 12 {
		issued := date("2025-11-27").AddMonths(m)
		in := ledger.Invoice{ID: fmt.Sprintf("INV-%02d", m+1), Currency: "EUR",
			Amount: decimal.NewFromInt(40000), Issued: issued, Due: issued.AddDays(30)}
		switch m {
		case 3, 7:
			in.Paid = in.Due.AddDays(9) // nine days late
		case 11:
			// still open, not yet due
		default:
			in.Paid = in.Due.AddDays(-2)
		}
		invoices = append(invoices, in)
	}
	return solvency.Input{Kind: client.KindCompany, Statement: st, Invoices: invoices}
}

// A solvency verdict and a credit decision for one company client, then
// the check of a new order against its whole exposure.
func Example() {
	today := date("2026-11-26")
	scorer, err := solvency.NewScorer(solvency.DefaultConfig())
	if err != nil {
		panic(err)
	}
	a, err := scorer.Assess(vostok(), today)
	if err != nil {
		panic(err)
	}
	fmt.Println(a)

	policy := solvency.DefaultCreditPolicy("EUR")
	credit, err := solvency.DecideCredit(a, policy)
	if err != nil {
		panic(err)
	}
	fmt.Printf("terms: %d days, limit %s\n", credit.DeferralDays, credit.Limit)

	dec, err := solvency.CheckOrder(solvency.OrderCheck{
		AsOf: today, Credit: credit, Invoices: vostok().Invoices,
		OpenOrders: []solvency.Order{{ID: "SO-17", Currency: "EUR", Amount: decimal.NewFromInt(15000)}},
		Order:      solvency.Order{ID: "SO-18", Currency: "EUR", Amount: decimal.NewFromInt(30000)},
	}, policy)
	if err != nil {
		panic(err)
	}
	fmt.Printf("order SO-18: %s (exposure %s of %s: %s)\n", dec.Outcome, dec.Exposure, dec.Limit, dec.Reasons[0].Code)

	controller := authority.Actor{ID: "u-17", Role: "credit_controller"}
	released, err := dec.Release(authority.Signature{By: controller, At: today.Time(nil).Add(10 * time.Hour)}, policy)
	if err != nil {
		panic(err)
	}
	fmt.Printf("released: %s by %s (%s)\n", released.Outcome, released.Bypass.Signature.By.ID, released.Bypass.Signature.By.Role)
	// Output:
	// grade A: score 670.0, PD 0.18%, confidence 100%; Z'' 4.72 safe; on time 82% by amount; reasons: on_time_share_by_amount, equity_to_assets, dso
	// terms: 60 days, limit 80000.00 EUR
	// order SO-18: hold (exposure 85000 of 80000: over_limit)
	// released: allow by u-17 (credit_controller)
}

// The Z-score of Matt H. Evans's worked example (exinfm.com): a listed
// manufacturer with working capital 100, retained earnings 400, EBIT 50,
// sales 1,500, market value of equity 600, total assets 1,000 and
// liabilities 700.
func ExampleZScore() {
	st := solvency.Statement{PeriodEnd: date("2024-12-31"), Currency: "USD",
		CurrentAssets: known("300"), CurrentLiabilities: known("200"),
		TotalAssets: known("1000"), TotalLiabilities: known("700"),
		RetainedEarnings: known("400"), EBIT: known("50"),
		Revenue: known("1500"), MarketEquity: known("600")}
	model, why := solvency.ChooseModel(st, solvency.Facts{Manufacturer: true})
	z, err := solvency.ZScore(st, model)
	if err != nil {
		panic(err)
	}
	fmt.Println(why)
	fmt.Printf("X1..X5 = %.3f %.3f %.3f %.3f %.3f\n", z.X1.Value, z.X2.Value, z.X3.Value, z.X4.Value, z.X5.Value)
	fmt.Printf("%s = %.2f: %s zone\n", z.Model.Title(), z.Score.Value, z.Zone)

	// Without a market value the original model has no score, and says why.
	st.MarketEquity = decimal.NullDecimal{}
	z, _ = solvency.ZScore(st, solvency.ModelZ)
	fmt.Println(z.Score)
	// Output:
	// listed manufacturer with a market value of equity: Z
	// X1..X5 = 0.100 0.400 0.050 0.857 1.500
	// Z = 2.86: grey zone
	// undefined (market_equity is unknown)
}

// The payment discipline score is the client rating's payment-discipline
// input: 0 to 100, undefined for a client with no invoice due yet.
func ExamplePaymentDiscipline() {
	d, err := solvency.PaymentDiscipline(vostok().Invoices, date("2026-11-26"), solvency.DefaultDisciplineConfig())
	if err != nil {
		panic(err)
	}
	fmt.Printf("on time %d of %d, %.1f days late on average by amount, trend %s\n",
		d.OnTime, d.Evaluated, d.AvgDaysLateWeighted.Value, d.Trend)
	if score, ok := d.Score().Get(); ok {
		fmt.Printf("payment discipline %.1f / 100 (on time %.1f + lateness %.1f + overdue %.1f)\n",
			score, d.Scoring.OnTime, d.Scoring.Lateness, d.Scoring.Overdue)
	}
	fmt.Printf("owed %s, overdue %s, buys %s a month\n", d.Outstanding, d.Overdue, d.MonthlyPurchases.Decimal.StringFixed(2))
	// Output:
	// on time 9 of 11, 1.6 days late on average by amount, trend stable
	// payment discipline 90.1 / 100 (on time 40.9 + lateness 29.2 + overdue 20.0)
	// owed 40000, overdue 0, buys 40000.00 a month
}

// A client's scores over four quarters: the least-squares line rises 9.5
// points a quarter and projects 637.5 next.
func ExampleScorer_Forecast() {
	scorer, _ := solvency.NewScorer(solvency.DefaultConfig())
	f, err := scorer.Forecast([]solvency.PeriodScore{
		{PeriodEnd: date("2025-12-31"), Score: 600}, {PeriodEnd: date("2026-03-31"), Score: 610},
		{PeriodEnd: date("2026-06-30"), Score: 615}, {PeriodEnd: date("2026-09-30"), Score: 630},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s, %+.1f points a period, next %.1f (grade %s)\n", f.Trend, f.Slope.Value, f.Projected.Value, f.ProjectedGrade)
	// Output:
	// improving, +9.5 points a period, next 637.5 (grade B)
}

// A scorecard whose bins overlap and leave a gap is refused, with every
// problem named.
func ExampleScorecardConfig_Validate() {
	var c solvency.ScorecardConfig
	err := json.Unmarshal([]byte(`{"base_points": 500, "factors": [{"feature": "current_ratio", "bins": [
		{"to": 1.0, "points": 0},
		{"from": 0.8, "to": 1.5, "points": 10},
		{"from": 2.0, "points": 25}]}]}`), &c)
	if err != nil {
		panic(err)
	}
	var list *clientele.ValidationError
	if errors.As(c.Validate(), &list) {
		for _, f := range list.Fields {
			fmt.Println(f)
		}
	}
	// Output:
	// factors[0].bins[1].from = 0.8: overlaps factors[0].bins[0], which runs to 1
	// factors[0].bins[2].from = 2: leaves a gap: values from 1.5 (factors[0].bins[1].to) to 2 fall in no bin
}

// A textbook's Altman problem gives the five ratios; score them with the
// coefficient set the book prints (here Altman's 1968 weights with 0.999
// on X5, as in Evans's worked example at exinfm.com: "2.86, not sure").
func ExampleZScoreFromRatios() {
	z, err := solvency.ZScoreFromRatios(solvency.AltmanRatios{X1: 0.1, X2: 0.4, X3: 0.05, X4: 600.0 / 700, X5: 1.5},
		solvency.CoefficientsZ1968())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %.2f, %s\n", z.Coefficients, z.Score, z.Zone)
	// Output: Altman 1968 Z (0.999·X5): 2.86, grey
}

// R's scorecard package states odds bad:good: 600 points at 1/19 with
// PDO 50 is the same line as 600 points at 19:1 good:bad.
func ExampleRScorecardScaling() {
	r := solvency.RScorecardScaling()
	g := r.GoodBad()
	fmt.Printf("%s: %.0f at %.4f, double the odds every %v points\n", r.Odds, r.AnchorScore, r.AnchorOdds, r.PointsToDouble())
	fmt.Printf("%s: %.0f at %.0f, double the odds every %v points\n", g.Odds, g.AnchorScore, g.AnchorOdds, g.PointsToDouble())
	fmt.Printf("offset %.4f, factor %.4f\n", r.Offset(), r.Factor())
	// Output:
	// bad_good: 600 at 0.0526, double the odds every -50 points
	// good_bad: 600 at 19, double the odds every 50 points
	// offset 387.6036, factor 72.1348
}
