package solvency

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAssessCompanyHandWorked(t *testing.T) {
	s := defaultScorer(t)
	st := fullStatement()
	a, err := s.Assess(Input{Kind: client.KindCompany, Statement: &st, Invoices: history()}, day("2025-06-30"))
	require.NoError(t, err)
	assert.Equal(t, BasisStatementsAndPayments, a.Basis)
	assert.Equal(t, "EUR", a.Currency)

	// Not a manufacturer: Z″ = 6.56·150/1000 + 3.26·200/1000 + 6.72·90/1000
	// + 1.05·400/600 = 0.984 + 0.652 + 0.6048 + 0.7 = 2.9408, safe.
	assert.Equal(t, ModelZDoublePrime, a.Altman.Model)
	assert.InDelta(t, 2.9408, a.Altman.Score.Value, 1e-12)
	assert.Equal(t, ZoneSafe, a.Altman.Zone)

	// Points: 420 + zone safe 45 + current 1.6 → 20 + equity 0.4 → 20 +
	// coverage 3 → 20 + DSO 30 → 15 + on-time 26 % → 0 + 35.5 days late
	// → 0 + oldest overdue 60 days → 10 + one write-off → 0 + trend
	// unknown (missing) → 5 = 555: grade E (below 560).
	r := a.Result
	assert.InDelta(t, 555, r.Score, 1e-9)
	assert.Equal(t, GradeE, r.Grade)
	// 555 is 45 points, 2.25 PDO, below 600: odds 50 · 2^−2.25 = 10.511.
	odds := 50 * math.Pow(2, -2.25)
	assert.InDelta(t, 1/(1+odds), r.PD, 1e-12)
	assert.InDelta(t, 1-10.0/270, r.Confidence, 1e-12, "only the trend (range 10 of 270) is missing")
	var reasons []Feature
	for _, rc := range r.Reasons {
		reasons = append(reasons, rc.Feature)
	}
	// Lost: on-time 40, lateness 30, overdue 20, write-offs 20.
	assert.Equal(t, []Feature{FeatureOnTimeShareByAmount, FeatureAvgDaysLateWeighted, FeatureOldestOverdueDays, FeatureWrittenOff}, reasons)
	assert.Equal(t, []string{"payment trend unknown: it needs 3 invoices due in the last 180 days and 3 earlier, there are 4 and 1"}, a.Notes)
	assert.Equal(t, "1460", a.AnnualRevenue.Decimal.String())
	assert.Contains(t, a.String(), "grade E: score 555.0, PD 8.69%, confidence 96%; Z'' 2.94 safe; on time 26% by amount; reasons: on_time_share_by_amount")

	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"basis":"statements_and_payments"`)
}

func TestAssessIndividualRestsOnPaymentsAlone(t *testing.T) {
	s := defaultScorer(t)
	invs := []ledger.Invoice{
		inv("a", "100", "2025-01-01", "2025-01-31", "2025-01-20"),
		inv("b", "300", "2025-02-01", "2025-03-03", "2025-03-03"),
	}
	a, err := s.Assess(Input{Kind: client.KindIndividual, Invoices: invs}, day("2025-06-30"))
	require.NoError(t, err)
	assert.Equal(t, BasisPaymentsOnly, a.Basis)
	assert.Contains(t, a.Notes, "individual: no financial statements, scored on payment behaviour alone")
	// 430 + on time 100 % → 80 + 0 days late → 60 + nothing overdue → 60
	// + no write-off → 40 + trend missing → 10 = 680: grade A.
	assert.InDelta(t, 680, a.Result.Score, 1e-9)
	assert.Equal(t, GradeA, a.Result.Grade)
	assert.InDelta(t, 1-20.0/260, a.Result.Confidence, 1e-12)
	for _, f := range a.Result.Factors {
		assert.True(t, f.Feature.FromPayments(), f.Feature.String())
	}
	assert.Contains(t, a.String(), "payments only")
}

func TestAssessCompanyWithoutStatement(t *testing.T) {
	s := defaultScorer(t)
	a, err := s.Assess(Input{Kind: client.KindCompany, Invoices: history()}, day("2025-06-30"))
	require.NoError(t, err)
	assert.Contains(t, a.Notes, "no financial statement: the ratios and the Z-score are missing")
	assert.Equal(t, FactorMissing, a.Result.Factors[0].Status)
	// Statement factors span 45 + 25 + 25 + 25 + 20 = 140, the trend 10: 1 − 150/270.
	assert.InDelta(t, 1-150.0/270, a.Result.Confidence, 1e-12)
	assert.False(t, a.Ratios.CurrentRatio.Defined)
}

func TestAssessNamesMissingStatementInputs(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Model = ModelZ // explicit: the original model, which needs a market value
	s, err := NewScorer(cfg)
	require.NoError(t, err)
	st := fullStatement()
	st.Inventory = decimal.NullDecimal{}
	st.CurrentLiabilities = decimal.NullDecimal{}
	st.PeriodEnd = day("2023-06-30")
	a, err := s.Assess(Input{Kind: client.KindEntrepreneur, Statement: &st, Invoices: history()}, day("2025-06-30"))
	require.NoError(t, err)
	assert.Equal(t, ModelZ, a.Altman.Model)
	assert.Equal(t, whyExplicit, a.Altman.Why)
	assert.Subset(t, a.Notes, []string{
		"statement for the period ending 2023-06-30 is 731 days old (more than 548): stale",
		"altman_zone is missing: current_liabilities is unknown",
		"current_ratio is missing: current_liabilities is unknown",
	})
}

func TestAssessBadInput(t *testing.T) {
	s := defaultScorer(t)
	st := fullStatement()
	_, err := s.Assess(Input{Kind: client.KindIndividual, Statement: &st}, day("2025-06-30"))
	requireFields(t, err, "statement")
	assert.ErrorIs(t, err, clientele.ErrInvalid, "a host may handle every package's bad input as one")

	usd := history()
	for i := range usd {
		usd[i].Currency = "USD"
	}
	_, err = s.Assess(Input{Kind: client.KindCompany, Statement: &st, Invoices: usd}, day("2025-06-30"))
	requireFields(t, err, "invoices[0].currency")

	future := fullStatement()
	future.PeriodEnd = day("2025-12-31")
	future.TotalAssets = nd("-1")
	_, err = s.Assess(Input{Kind: client.Kind(7), Statement: &future}, day("2025-06-30"))
	requireFields(t, err, "kind", "statement.total_assets", "statement.current_assets", "statement.period_end")

	_, err = s.Assess(Input{Kind: client.KindCompany}, clientele.Date{})
	requireFields(t, err, "as_of")
}

// Every result marshals to JSON, whatever is missing in it.
func TestResultsMarshal(t *testing.T) {
	s := defaultScorer(t)
	asOf := day("2025-06-30")
	var results []any
	for _, in := range []Input{
		{Kind: client.KindIndividual},
		{Kind: client.KindCompany},
		{Kind: client.KindEntrepreneur, Invoices: history()},
	} {
		a, err := s.Assess(in, asOf)
		require.NoError(t, err)
		c, err := DecideCredit(a, DefaultCreditPolicy("EUR"))
		require.NoError(t, err)
		dec, err := CheckOrder(OrderCheck{AsOf: asOf, Credit: c, Order: order("o", "1")}, DefaultCreditPolicy("EUR"))
		require.NoError(t, err)
		results = append(results, a, c, dec)
	}
	f, err := s.Forecast(nil)
	require.NoError(t, err)
	results = append(results, f)
	for _, r := range results {
		b, err := json.Marshal(r)
		require.NoError(t, err, "%T", r)
		assert.NotContains(t, string(b), "NaN")
	}
}

// A statement is stale when its period ended more than 548 days before
// the as-of date: 2023-12-30 is 548 days before 2025-06-30 (366 days of
// 2024 + 181 of 2025 + 1), 2023-12-29 is 549.
func TestAssessStaleStatementEdge(t *testing.T) {
	s := defaultScorer(t)
	for end, stale := range map[string]bool{"2023-12-30": false, "2023-12-29": true} {
		st := fullStatement()
		st.PeriodEnd = day(end)
		a, err := s.Assess(Input{Kind: client.KindCompany, Statement: &st, Invoices: history()}, day("2025-06-30"))
		require.NoError(t, err)
		note := "statement for the period ending 2023-12-29 is 549 days old (more than 548): stale"
		if stale {
			assert.Contains(t, a.Notes, note)
		} else {
			for _, n := range a.Notes {
				assert.NotContains(t, n, "stale", end)
			}
		}
	}
}

func TestAssessCurrencyComesFromTheStatement(t *testing.T) {
	st := fullStatement()
	a, err := defaultScorer(t).Assess(Input{Kind: client.KindCompany, Statement: &st}, day("2025-06-30"))
	require.NoError(t, err)
	assert.Equal(t, "EUR", a.Currency, "no invoice: the statement's currency")
	_, err = DecideCredit(a, DefaultCreditPolicy("USD"))
	requireFields(t, err, "assessment.currency")
}
