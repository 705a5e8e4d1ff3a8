package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/solvency"
)

// checkSolvency measures every client's payment discipline (the rating
// takes it as an input), then assesses Vostok Trading in full from its
// annual statement and sets its credit terms.
func (d *day) checkSolvency() error {
	d.section("Solvency: payment discipline of the base")
	d.discipline = map[string]float64{}
	w := d.table()
	fmt.Fprintln(w, "client\tinvoices due\ton time (by amount)\tavg days late\toverdue, EUR\tscore")
	for _, a := range d.accounts {
		if a.client.Status == client.StatusProspect {
			continue
		}
		dis, err := solvency.PaymentDiscipline(d.books[a.client.ID].History(), today, solvency.DefaultDisciplineConfig())
		if err != nil {
			return err
		}
		score, ok := dis.Score().Get()
		if !ok {
			fmt.Fprintf(w, "%s\t%d\t-\t-\t-\tunknown: %s\n", a.client.ID, dis.Evaluated, dis.Score().Reason())
			continue
		}
		d.discipline[a.client.ID] = score
		onTime, _ := dis.OnTimeShareByAmount.Get()
		late, _ := dis.AvgDaysLateWeighted.Get()
		fmt.Fprintf(w, "%s\t%d\t%.0f %%\t%.1f\t%s\t%.0f\n", a.client.ID, dis.Evaluated, 100*onTime, late, dis.Overdue.StringFixed(0), score)
	}
	if err := w.Flush(); err != nil {
		return err
	}

	d.section("Solvency: Vostok Trading, statement for 2025")
	vostok, err := d.account("vostok")
	if err != nil {
		return err
	}
	rub := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	statement := &solvency.Statement{
		PeriodEnd: clientele.NewDate(2025, time.December, 31), Currency: "EUR",
		Cash: rub("15000000"), MarketableSecurities: rub("5000000"), Receivables: rub("40000000"),
		Inventory: rub("50000000"), CurrentAssets: rub("120000000"), TotalAssets: rub("200000000"),
		CurrentLiabilities: rub("60000000"), TotalLiabilities: rub("110000000"), Equity: rub("90000000"),
		RetainedEarnings: rub("50000000"), Revenue: rub("480000000"), EBIT: rub("32000000"),
		InterestExpense: rub("4000000"),
	}
	scorer, err := solvency.NewScorer(solvency.DefaultConfig())
	if err != nil {
		return err
	}
	a, err := scorer.Assess(solvency.Input{Kind: vostok.client.Kind, Statement: statement, Invoices: d.books[vostok.client.ID].History()}, today)
	if err != nil {
		return err
	}
	fmt.Fprintln(d.out, "Verdict:")
	for _, part := range strings.Split(a.String(), "; ") {
		fmt.Fprintf(d.out, "  %s\n", part)
	}
	r := a.Ratios
	fmt.Fprintf(d.out, "Ratios: current %.2f, quick %.2f, debt/equity %.2f, equity/assets %.2f,\n  interest cover %.1f, DSO %.0f days\n",
		r.CurrentRatio.Value, r.QuickExInventory.Value, r.DebtToEquity.Value, r.EquityToAssets.Value, r.InterestCoverage.Value, r.DSO.Value)
	d.credit, err = solvency.DecideCredit(a, d.creditPolicy)
	if err != nil {
		return err
	}
	terms := "prepayment"
	if !d.credit.Prepayment {
		terms = fmt.Sprintf("deferred payment up to %d days", d.credit.DeferralDays)
	}
	fmt.Fprintf(d.out, "Credit decision: grade %s, %s, limit %s %s\n  (%s%% of %s %s, %s%% for the grade)\n",
		d.credit.Grade, terms, d.credit.Limit.Amount.StringFixed(2), d.credit.Limit.Currency,
		d.credit.Basis.Percent, strings.ReplaceAll(d.credit.Basis.Method.String(), "_", " "), d.credit.Basis.Base.Decimal.StringFixed(2), d.credit.Basis.GradePercent)
	return nil
}
