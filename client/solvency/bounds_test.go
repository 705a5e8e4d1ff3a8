package solvency

import (
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// hostile are the amounts of issue 8 whose digits, written out or
// rescaled for a comparison, would run to a billion.
var hostile = []decimal.Decimal{decimal.New(1, 999999999), decimal.New(1, -999999999)}

// quickly runs f and fails unless it returns an ErrInvalid naming field
// within a second (a hostile exponent reaching arithmetic takes minutes).
func quickly(t *testing.T, field string, f func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		require.ErrorIs(t, err, ErrInvalid, field)
		require.Contains(t, err.Error(), field+" = 1e", "the value is printed compactly")
	case <-time.After(time.Second):
		t.Fatalf("%s: no error within a second", field)
	}
}

// Issue 8: every decimal entering solvency is bounded before any
// arithmetic, at every entry point.
func TestHostileAmountsAreRefusedQuickly(t *testing.T) {
	s, err := NewScorer(DefaultConfig())
	require.NoError(t, err)
	asOf := day("2025-06-30")
	for _, h := range hostile {
		st := edgeStatement("100", "100", "1", "1")
		st.Cash = decimal.NewNullDecimal(h)
		quickly(t, "statement.cash", func() error {
			_, err := s.Assess(Input{Kind: client.KindCompany, Statement: &st}, asOf)
			return err
		})
		invs := history()
		invs[0].Amount = h
		quickly(t, "invoices[0].amount", func() error {
			_, err := s.Assess(Input{Kind: client.KindCompany, Invoices: invs}, asOf)
			return err
		})
		quickly(t, "invoices[0].amount", func() error {
			_, err := PaymentDiscipline(invs, asOf, DefaultDisciplineConfig())
			return err
		})

		// DecideCredit: the assessment's bases and every policy amount.
		for _, tt := range []struct {
			field string
			set   func(a *Assessment, p *CreditPolicy)
		}{
			{"assessment.discipline.monthly_purchases", func(a *Assessment, _ *CreditPolicy) { a.Discipline.MonthlyPurchases = decimal.NewNullDecimal(h) }},
			{"assessment.annual_revenue", func(a *Assessment, _ *CreditPolicy) { a.AnnualRevenue = decimal.NewNullDecimal(h) }},
			{"assessment.equity", func(a *Assessment, _ *CreditPolicy) { a.Equity = decimal.NewNullDecimal(h) }},
			{"terms[1].limit_percent", func(_ *Assessment, p *CreditPolicy) { p.Terms[1].LimitPercent = h }},
			{"limit.percent", func(_ *Assessment, p *CreditPolicy) { p.Limit.Percent = h }},
			{"limit.cap", func(_ *Assessment, p *CreditPolicy) { p.Limit.Cap = h }},
			{"exposure.warn_percent", func(_ *Assessment, p *CreditPolicy) { p.Exposure.WarnPercent = h }},
			{"exposure.block_percent", func(_ *Assessment, p *CreditPolicy) { p.Exposure.BlockPercent = h }},
			{"exposure.overdue[1].amount", func(_ *Assessment, p *CreditPolicy) { p.Exposure.Overdue[1].Amount = h }},
			{"release.hold[0].max", func(_ *Assessment, p *CreditPolicy) { p.Release.Hold[0].Max = h }},
		} {
			a, p := assessed(GradeB), DefaultCreditPolicy("EUR")
			tt.set(&a, &p)
			quickly(t, tt.field, func() error { _, err := DecideCredit(a, p); return err })
			if !strings.HasPrefix(tt.field, "assessment.") {
				quickly(t, tt.field, func() error {
					_, err := CheckOrder(OrderCheck{AsOf: asOf, Credit: credit("1000"), Order: order("o", "1")}, p)
					return err
				})
			}
		}

		// CheckOrder: the order, an open order, the limit, an invoice.
		for _, tt := range []struct {
			field string
			set   func(r *OrderCheck)
		}{
			{"order.amount", func(r *OrderCheck) { r.Order.Amount = h }},
			{"open_orders[0].amount", func(r *OrderCheck) { r.OpenOrders = []Order{{ID: "p", Currency: "EUR", Amount: h}} }},
			{"credit.limit.amount", func(r *OrderCheck) { r.Credit.Limit.Amount = h }},
			{"invoices[0].amount", func(r *OrderCheck) {
				r.Invoices = []ledger.Invoice{open("i", "1")}
				r.Invoices[0].Amount = h
			}},
		} {
			req := OrderCheck{AsOf: asOf, Credit: credit("1000"), Order: order("o", "1")}
			tt.set(&req)
			quickly(t, tt.field, func() error { _, err := CheckOrder(req, DefaultCreditPolicy("EUR")); return err })
		}

		// Release: the decision's order and the policy.
		held, err := CheckOrder(OrderCheck{AsOf: asOf, Credit: credit("1000"), Order: order("o", "2000")}, DefaultCreditPolicy("EUR"))
		require.NoError(t, err)
		bad := held
		bad.Order = h
		quickly(t, "order", func() error {
			_, err := bad.Release(sig("u", "credit_controller"), DefaultCreditPolicy("EUR"))
			return err
		})
		p := DefaultCreditPolicy("EUR")
		p.Limit.Cap = h
		quickly(t, "limit.cap", func() error { _, err := held.Release(sig("u", "credit_controller"), p); return err })
	}
}
