package solvency

import (
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
	"github.com/stretchr/testify/assert"
)

// Every exported type's zero value either works or returns an error that
// names what is missing; none panics.
func TestZeroValues(t *testing.T) {
	t.Run("Scorer", func(t *testing.T) {
		var s Scorer
		_, err := s.Assess(Input{Kind: client.KindCompany}, day("2025-06-30"))
		requireFields(t, err, "scorer")
		assert.EqualError(t, err, "solvency: invalid input: scorer: is the zero Scorer; build one with NewScorer")
		_, err = s.Forecast(periods(600, 610, 620))
		requireFields(t, err, "scorer")
		var f Features
		assert.Equal(t, ScoreResult{}, s.Scorecard(client.KindCompany).Score(&f))
	})
	t.Run("Scorecard", func(t *testing.T) {
		var sc Scorecard
		f := healthy(t)
		r := ScoreResult{Factors: make([]FactorScore, 3)}
		sc.ScoreInto(&r, &f)
		assert.Equal(t, ScoreResult{}, r, "no scale: nothing scored, no grade")
		_, err := json.Marshal(sc.Score(&f))
		assert.Error(t, err, "an unset grade does not marshal as if it were one")
	})
	t.Run("configs", func(t *testing.T) {
		requireFields(t, Config{}.Validate(), "statement_max_age_days",
			"discipline.recent_days", "discipline.trend_min_invoices", "discipline.purchase_window_days",
			"discipline.score", "discipline.score.lateness_scale_days", "discipline.score.overdue_scale_days",
			"scaling.anchor_odds", "scaling.pdo", "grades", "business.factors", "individual.factors", "forecast.min_periods")
		_, err := NewScorer(Config{})
		assert.ErrorIs(t, err, ErrInvalid)
		requireFields(t, CreditPolicy{}.Validate(), "currency", "terms", "limit.method", "limit.percent", "limit.cap",
			"exposure.warn_percent", "exposure.block_percent")
		requireFields(t, DisciplineConfig{}.Validate(), "recent_days", "trend_min_invoices", "purchase_window_days",
			"score", "score.lateness_scale_days", "score.overdue_scale_days")
		requireFields(t, ScorecardConfig{}.Validate(), "factors")
		requireFields(t, Scaling{}.Validate(), "anchor_odds", "pdo")
		_, err = PaymentDiscipline(nil, day("2025-06-30"), DisciplineConfig{})
		assert.ErrorIs(t, err, ErrInvalid)
	})
	t.Run("Statement", func(t *testing.T) {
		requireFields(t, Statement{}.Validate(), "period_end", "currency")
		_, err := ZScore(Statement{}, ModelZ)
		requireFields(t, err, "period_end", "currency")
	})
	t.Run("Input, OrderCheck, Order, Credit", func(t *testing.T) {
		_, err := defaultScorer(t).Assess(Input{}, clientele.Date{})
		requireFields(t, err, "as_of", "kind")
		_, err = CheckOrder(OrderCheck{}, DefaultCreditPolicy("EUR"))
		requireFields(t, err, "as_of", "credit.limit.currency", "order.id", "order.currency", "order.amount")
		dec := check(t, Credit{Limit: Money{Currency: "EUR"}}, nil, nil, order("o", "1"))
		assert.Equal(t, []DecisionCode{CodeNoCreditLimit}, codes(dec), "the zero Credit holds: no credit limit")
	})
	t.Run("Decision, Bypass, ReleaseLimits", func(t *testing.T) {
		_, err := Decision{}.Release(sig("u-1", "finance_director"), DefaultCreditPolicy("EUR"))
		requireFields(t, err, "outcome")
		assert.True(t, Bypass{}.IsZero())
		held := check(t, credit("1000"), nil, nil, order("o", "1100"))
		p := DefaultCreditPolicy("EUR")
		p.Release = ReleaseLimits{}
		_, err = held.Release(sig("u-1", "finance_director"), p)
		assert.ErrorIs(t, err, authority.ErrLimitExceeded, "the zero ReleaseLimits lets nobody release")
	})
	t.Run("results", func(t *testing.T) {
		assert.Equal(t, "0", Money{}.String())
		assert.False(t, Discipline{}.Score().Defined)
		assert.Equal(t, "grade : score 0.0, PD 0.00%, confidence 0%", Assessment{}.String())
		var f Features
		assert.Equal(t, "current_ratio is unknown", f.Get(FeatureCurrentRatio).Reason())
		assert.Equal(t, "undefined (undefined)", Measure{}.String())
		assert.False(t, Ratios{}.CurrentRatio.Defined)
		assert.False(t, Forecast{}.Projected.Defined)
	})
	t.Run("enums", func(t *testing.T) {
		for _, v := range []interface {
			String() string
			MarshalText() ([]byte, error)
		}{Model(0), Zone(0), Basis(0), LimitMethod(0), Outcome(0), DecisionCode(0), Feature(0), Grade(0), Cause(0), FactorStatus(0), Trend(0)} {
			assert.Empty(t, v.String(), "%T", v)
			_, err := v.MarshalText()
			assert.Error(t, err, "%T: an unset value is never written as a valid one", v)
		}
	})
}
