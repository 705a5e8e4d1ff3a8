package solvency

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assessed(g Grade) Assessment {
	return Assessment{
		Kind: client.KindCompany, Currency: "EUR", Result: ScoreResult{Grade: g},
		Discipline:    Discipline{MonthlyPurchases: nd("10000")},
		AnnualRevenue: nd("1460000"), Equity: nd("400000"),
	}
}

func TestDecideCreditLimitMethods(t *testing.T) {
	tests := []struct {
		name    string
		method  LimitMethod
		percent string
		grade   Grade
		limit   string
		days    int
		capped  bool
	}{
		// 10,000 a month × 200 % × grade B's 75 % = 15,000, 45 days.
		{"monthly purchases", LimitMonthlyPurchases, "200", GradeB, "15000", 45, false},
		// 1,460,000 × 10 % × 75 % = 109,500.
		{"revenue", LimitRevenue, "10", GradeB, "109500", 45, false},
		// 400,000 × 20 % × grade C's 50 % = 40,000, 30 days.
		{"equity", LimitEquity, "20", GradeC, "40000", 30, false},
		// 1,460,000 × 100 % × grade A's 100 % = 1,460,000 > the 1,000,000 cap.
		{"capped", LimitRevenue, "100", GradeA, "1000000", 60, true},
	}
	for _, tt := range tests {
		p := DefaultCreditPolicy("EUR")
		p.Limit.Method, p.Limit.Percent = tt.method, d(tt.percent)
		c, err := DecideCredit(assessed(tt.grade), p)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.limit, c.Limit.Amount.String(), tt.name)
		assert.Equal(t, "EUR", c.Limit.Currency)
		assert.Equal(t, tt.days, c.DeferralDays, tt.name)
		assert.False(t, c.Prepayment)
		assert.Equal(t, tt.capped, c.Basis.Capped, tt.name)
		assert.Equal(t, tt.method, c.Basis.Method)
	}
}

func TestDecideCreditRoundsDown(t *testing.T) {
	// The hand-worked history's 757.63125763 a month × 200 % × 100 % =
	// 1515.26251526, rounded down to the cent: 1515.26.
	a := assessed(GradeA)
	a.Discipline.MonthlyPurchases = nd("757.63125763")
	c, err := DecideCredit(a, DefaultCreditPolicy("EUR"))
	require.NoError(t, err)
	assert.Equal(t, "1515.26", c.Limit.Amount.String())
	assert.Equal(t, "1515.26251526", c.Basis.Uncapped.String())

	// In yen, which has no minor unit: ¥1515.
	a.Currency = "JPY"
	c, err = DecideCredit(a, DefaultCreditPolicy("JPY"))
	require.NoError(t, err)
	assert.Equal(t, "1515", c.Limit.Amount.String())
}

func TestDecideCreditWithoutLimit(t *testing.T) {
	p := DefaultCreditPolicy("EUR")
	c, err := DecideCredit(assessed(GradeE), p)
	require.NoError(t, err)
	assert.True(t, c.Prepayment)
	assert.True(t, c.Limit.Amount.IsZero())
	assert.Equal(t, []string{"grade E: prepayment, no credit limit"}, c.Notes)

	a := assessed(GradeA)
	a.Discipline.MonthlyPurchases = decimal.NullDecimal{}
	c, err = DecideCredit(a, p)
	require.NoError(t, err)
	assert.True(t, c.Limit.Amount.IsZero())
	assert.Equal(t, []string{"monthly purchases unknown: no credit limit"}, c.Notes)

	p.Limit.Method = LimitEquity
	a.Equity = nd("-5")
	c, err = DecideCredit(a, p)
	require.NoError(t, err)
	assert.Equal(t, []string{"equity is -5, not positive: no credit limit"}, c.Notes)

	// An individual has no equity: the limit falls back to purchases.
	a = assessed(GradeA)
	a.Kind = client.KindIndividual
	c, err = DecideCredit(a, p)
	require.NoError(t, err)
	assert.Equal(t, LimitMonthlyPurchases, c.Basis.Method)
	assert.Equal(t, "20000", c.Limit.Amount.String())
	assert.Contains(t, c.Notes, "individual: no revenue or equity, the limit uses the monthly purchases")
}

func TestDecideCreditBadInput(t *testing.T) {
	a := assessed(GradeB)
	a.Currency = "USD"
	_, err := DecideCredit(a, DefaultCreditPolicy("EUR"))
	requireFields(t, err, "assessment.currency")

	_, err = DecideCredit(assessed(0), DefaultCreditPolicy("EUR"))
	requireFields(t, err, "assessment.result.grade")

	p := DefaultCreditPolicy("EUR")
	p.Terms = p.Terms[:3]
	_, err = DecideCredit(assessed(GradeD), p)
	requireFields(t, err, "terms")
}

func TestCreditPolicyValidate(t *testing.T) {
	require.NoError(t, DefaultCreditPolicy("EUR").Validate())
	p := CreditPolicy{
		Currency: "eur",
		Terms: []GradeTerms{
			{Grade: GradeB, DeferralDays: 30, LimitPercent: d("100")},
			{Grade: GradeB, Prepayment: true, DeferralDays: 10, LimitPercent: d("5")},
			{Grade: GradeC, DeferralDays: 400, LimitPercent: d("0")},
		},
		Limit:    LimitRule{Percent: d("0"), Cap: d("-1")},
		Exposure: ExposureRule{WarnPercent: d("0"), BlockPercent: d("100"), Overdue: []OverdueRule{{MinDays: 0, Amount: d("-1"), Outcome: OutcomeAllow}}},
		Release: ReleaseLimits{
			Hold:  authority.Limits{{Holder: "cc", Max: d("100")}, {Holder: "cc", Max: d("5")}},
			Block: authority.Limits{{Holder: "", Max: d("-1")}},
		},
	}
	err := p.Validate()
	requireFields(t, err, "currency",
		"terms[0].grade",
		"terms[1].deferral_days", "terms[1].limit_percent",
		"terms[2].deferral_days", "terms[2].limit_percent",
		"limit.method", "limit.percent", "limit.cap",
		"exposure.warn_percent", "exposure.block_percent",
		"exposure.overdue[0].min_days", "exposure.overdue[0].amount", "exposure.overdue[0].outcome",
		"release.hold[1].holder", "release.block[0].holder", "release.block[0].max")
}

func loadPolicy(s string) (CreditPolicy, error) {
	return clientele.LoadConfig[CreditPolicy](strings.NewReader(s))
}

func TestCreditPolicyJSON(t *testing.T) {
	p := DefaultCreditPolicy("RUB")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	back, err := loadPolicy(string(b))
	require.NoError(t, err)
	assert.Equal(t, p.Terms[1].LimitPercent.String(), back.Terms[1].LimitPercent.String())
	assert.Equal(t, OutcomeBlock, back.Exposure.Overdue[2].Outcome)
	assert.True(t, back.Limit.Cap.Equal(decimal.NewFromInt(1000000)))

	// Percentages load as numbers or strings, exactly.
	back, err = loadPolicy(`{"currency":"EUR","terms":[{"grade":"A","deferral_days":30,"limit_percent":12.5},{"grade":"B","prepayment":true,"limit_percent":"0"}],
		"limit":{"method":"revenue","percent":"10","cap":"50000"},"exposure":{"warn_percent":90,"block_percent":150,"overdue":[]},"release":{"hold":[],"block":[]}}`)
	require.NoError(t, err)
	assert.Equal(t, "12.5", back.Terms[0].LimitPercent.String())
	assert.Empty(t, back.Release.Hold, "no release limits: nobody releases")

	_, err = loadPolicy(`{"currency":"EUR","limit":{"method":"turnover"}}`)
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.ErrorContains(t, err, `unknown limit method "turnover"`)
	_, err = loadPolicy(`{"currency":"EUR","bypass":[]}`)
	assert.ErrorContains(t, err, `unknown field "bypass"`)

}

func TestDecideCreditEdges(t *testing.T) {
	t.Run("a limit is rounded down, never up", func(t *testing.T) {
		// 1,000.0049 a month × 200 % × grade A's 100 % = 2,000.0098: to
		// the cent, 2,000.00, where rounding half-up would give 2,000.01.
		a := assessed(GradeA)
		a.Discipline.MonthlyPurchases = nd("1000.0049")
		c, err := DecideCredit(a, DefaultCreditPolicy("EUR"))
		require.NoError(t, err)
		assert.Equal(t, "2000", c.Limit.Amount.String())
		assert.Equal(t, "2000.00 EUR", c.Limit.String())
	})
	t.Run("the cap binds from a cent above it", func(t *testing.T) {
		p := DefaultCreditPolicy("EUR")
		p.Limit.Method, p.Limit.Percent = LimitRevenue, d("100")
		a := assessed(GradeA)
		a.AnnualRevenue = nd("1000000")
		c, err := DecideCredit(a, p)
		require.NoError(t, err)
		assert.Equal(t, "1000000", c.Limit.Amount.String())
		assert.False(t, c.Basis.Capped, "at the cap is not above it")
		assert.Empty(t, c.Notes)

		a.AnnualRevenue = nd("1000000.01")
		c, err = DecideCredit(a, p)
		require.NoError(t, err)
		assert.Equal(t, "1000000", c.Limit.Amount.String())
		assert.True(t, c.Basis.Capped)
		assert.Equal(t, "1000000.01", c.Basis.Uncapped.String())
		assert.Equal(t, []string{"capped at 1000000 EUR"}, c.Notes)
	})
	t.Run("a zero base gives no limit, and says so", func(t *testing.T) {
		p := DefaultCreditPolicy("EUR")
		p.Limit.Method = LimitEquity
		a := assessed(GradeA)
		a.Equity = nd("0")
		c, err := DecideCredit(a, p)
		require.NoError(t, err)
		assert.True(t, c.Limit.Amount.IsZero())
		assert.Equal(t, []string{"equity is 0, not positive: no credit limit"}, c.Notes)
	})
	t.Run("an individual's limit rests on purchases whatever the method", func(t *testing.T) {
		for _, m := range []LimitMethod{LimitRevenue, LimitEquity} {
			p := DefaultCreditPolicy("EUR")
			p.Limit.Method = m
			a := assessed(GradeB)
			a.Kind = client.KindIndividual
			c, err := DecideCredit(a, p)
			require.NoError(t, err)
			// 10,000 × 200 % × 75 % = 15,000.
			assert.Equal(t, "15000", c.Limit.Amount.String(), m.String())
			assert.Equal(t, LimitMonthlyPurchases, c.Basis.Method)
		}
	})
}
