package solvency

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadConfig(b []byte) (Config, error) { return clientele.LoadConfig[Config](bytes.NewReader(b)) }

func TestDefaultConfigIsValidAndRoundTrips(t *testing.T) {
	c := DefaultConfig()
	require.NoError(t, c.Validate())
	b, err := json.MarshalIndent(c, "", "  ")
	require.NoError(t, err)
	back, err := loadConfig(b)
	require.NoError(t, err)
	assert.Equal(t, c, back)
	assert.NotContains(t, string(b), `"model"`, "the default rule is the absence of a model")

	c.Model = ModelZPrime
	b, _ = json.Marshal(c)
	back, err = loadConfig(b)
	require.NoError(t, err)
	assert.Equal(t, ModelZPrime, back.Model)
}

func TestLoadConfigRejects(t *testing.T) {
	good, _ := json.Marshal(DefaultConfig())
	var m map[string]any
	require.NoError(t, json.Unmarshal(good, &m))
	with := func(k string, v any) []byte {
		c := map[string]any{}
		for kk, vv := range m {
			c[kk] = vv
		}
		c[k] = v
		b, _ := json.Marshal(c)
		return b
	}
	_, err := loadConfig(with("colour", "blue"))
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.ErrorContains(t, err, `unknown field "colour"`)

	_, err = loadConfig(with("model", "zeta"))
	assert.ErrorContains(t, err, `unknown altman model "zeta"`)

	_, err = loadConfig(with("scaling", map[string]any{"anchor_score": 600, "anchor_odds": 0, "pdo": -20}))
	requireFields(t, err, "scaling.anchor_odds", "scaling.pdo")

	_, err = loadConfig(append(good, []byte(`{}`)...))
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	_, err = loadConfig([]byte(`{}`))
	assert.ErrorIs(t, err, ErrInvalid, "an empty config is not a valid one")
	requireFields(t, err, "statement_max_age_days",
		"discipline.recent_days", "discipline.trend_min_invoices", "discipline.purchase_window_days",
		"discipline.score", "discipline.score.lateness_scale_days", "discipline.score.overdue_scale_days",
		"scaling.anchor_odds", "scaling.pdo", "grades", "business.factors", "individual.factors", "forecast.min_periods")
}

func TestConfigValidateReportsEverything(t *testing.T) {
	c := DefaultConfig()
	c.StatementMaxAgeDays = 0
	c.MaxReasons = -1
	c.Grades = []GradeBand{{GradeA, ptr(600)}, {GradeC, ptr(620)}, {GradeD, ptr(1)}}
	c.Individual.Factors[0].Feature = FeatureCurrentRatio
	c.Forecast.MinPeriods = 1
	c.Discipline.TrendMinInvoices = 0
	requireFields(t, c.Validate(),
		"statement_max_age_days",
		"discipline.trend_min_invoices",
		"grades[1].grade", "grades[1].min_score", "grades[2].grade", "grades[2].min_score",
		"max_reasons",
		"individual.factors[0].feature",
		"forecast.min_periods")
	assert.ErrorContains(t, c.Validate(), "an individual has no financial statements: only payment features may be scored")

	c = DefaultConfig()
	c.Grades = []GradeBand{{GradeA, nil}}
	requireFields(t, c.Validate(), "grades")
}

func TestConfigStatementMaxAgeRange(t *testing.T) {
	c := DefaultConfig()
	c.StatementMaxAgeDays = 3660
	require.NoError(t, c.Validate())
	c.StatementMaxAgeDays = 3661
	requireFields(t, c.Validate(), "statement_max_age_days")
}
