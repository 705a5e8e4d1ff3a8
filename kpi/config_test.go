package kpi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/clientele-go/clientele/kpi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The article's benchmarks (DOMAIN.md, "Seven criteria"), pinned in the
// default profiles.
func TestDefaultProfilesPinTheArticle(t *testing.T) {
	goods := kpi.DefaultConfig(kpi.ModelConsumerGoods)
	services := kpi.DefaultConfig(kpi.ModelB2BServices)
	consulting := kpi.DefaultConfig(kpi.ModelConsulting)
	for _, c := range []kpi.Config{goods, services, consulting} {
		require.NoError(t, c.Validate(), c.Profile)
		// "At least 1 client in 10 signs a contract" (criterion 7) and
		// "one contract per 10 prospective clients" (criterion 5).
		assertDec(t, "10", c.Benchmarks.Funnel.Target, c.Profile+" funnel")
		assertDec(t, "10", c.Benchmarks.DecisionMaker.Target, c.Profile+" decision maker")
		// Over-fulfilling the plan (criterion 6): 100 % meets.
		assertDec(t, "100", c.Benchmarks.Plan.Target, c.Profile+" plan")
		assert.Equal(t, 1, c.Benchmarks.Meetings.PerWorkingDays, c.Profile)
	}
	// "About 20 meetings a day is a great figure" for everyday consumer goods.
	assertDec(t, "20", goods.Benchmarks.Meetings.Target, "goods meetings")
	// "1-2 a day" for B2B services.
	assertDec(t, "1", services.Benchmarks.Meetings.Target, "services meetings")
	assertDec(t, "2", services.Benchmarks.Meetings.Exceeds, "services meetings exceed")
	// "In service markets effectiveness shows in repeat requests."
	assert.False(t, goods.RepeatRequests)
	assert.True(t, services.RepeatRequests)
	assert.True(t, consulting.RepeatRequests)
	assert.Equal(t, []string{"consumer_goods", "b2b_services", "consulting"}, []string{goods.Profile, services.Profile, consulting.Profile})
	assert.Error(t, kpi.DefaultConfig(0).Validate(), "no profile name for an unknown model")
	assert.Error(t, kpi.DefaultConfig(9).Validate(), "nor for a corrupted one")
}

// A config travels as JSON and loads through the library's one loader.
func TestConfigLoads(t *testing.T) {
	want := kpi.DefaultConfig(kpi.ModelConsulting)
	b, err := json.Marshal(want)
	require.NoError(t, err)
	got, err := clientele.LoadConfig[kpi.Config](strings.NewReader(string(b)))
	require.NoError(t, err)
	assert.Equal(t, want.Profile, got.Profile)
	assertDec(t, "90", got.Stages[4].Probability, "contract_sent")
	assert.True(t, want.Benchmarks.Meetings.Target.Equal(got.Benchmarks.Meetings.Target))

	_, err = clientele.LoadConfig[kpi.Config](strings.NewReader(`{"profile":"x","colour":"red"}`))
	require.ErrorIs(t, err, clientele.ErrInvalid)
}

func TestConfigReportsEveryProblem(t *testing.T) {
	c := kpi.DefaultConfig(kpi.ModelB2BServices)
	c.Profile = ""
	c.Stages[1].Probability = dec("101")
	c.Stages[2].Probability = dec("-1")
	c.Stages[3].Name = c.Stages[0].Name
	c.Benchmarks.Meetings.Exceeds = dec("0.5")
	c.Benchmarks.Events.PerWorkingDays = 0
	c.Benchmarks.Plan.PerWorkingDays = 5
	c.Benchmarks.Funnel.Target = dec("0")
	c.CleanDayShare = dec("50")
	c.ReadyStage = "signed"
	c.StaleDays = 0
	c.ScoreCap = dec("1e-40")
	problemtest.Require(t, c.Validate(), kpi.ErrInvalid, []string{
		"profile: is required",
		"benchmarks.events.per_working_days = 0: must be within 1..366",
		"benchmarks.meetings.exceeds = 0.5: must not be below the target (1)",
		"benchmarks.plan.per_working_days = 5: applies to events and meetings only",
		"benchmarks.funnel.target = 0: must be above zero",
		"clean_day_share = 50: must be a percentage over 50 and at most 100",
		"stale_days = 0: must be within 1..3660",
		"score_cap = 1e-40: is out of range",
		"stages[1].probability = 101: must be a percentage within 0..100",
		"stages[2].probability = -1: must be a percentage within 0..100",
		"stages[3].name = appointment_scheduled: repeats stages[0]",
		"ready_stage = signed: is not one of the stages",
	})

	zero := kpi.DefaultConfig(kpi.ModelB2BServices)
	for _, cr := range kpi.Criteria() {
		setWeight(&zero, cr, "0")
	}
	problemtest.Require(t, zero.Validate(), kpi.ErrInvalid, []string{"benchmarks = 0: has weights summing to zero"})

	problemtest.Require(t, kpi.Config{}.Validate(), kpi.ErrInvalid, []string{
		"profile: is required",
		"benchmarks.events.target = 0: must be above zero",
		"benchmarks.events.per_working_days = 0",
		"benchmarks.organisation.target = 0",
		"benchmarks.referrals.target = 0",
		"benchmarks.meetings.target = 0",
		"benchmarks.meetings.per_working_days = 0",
		"benchmarks.decision_maker.target = 0",
		"benchmarks.plan.target = 0",
		"benchmarks.funnel.target = 0",
		"benchmarks = 0: has weights summing to zero",
		"clean_day_share = 0",
		"decision_maker_meetings = 0",
		"defer_window_days = 0",
		"stale_days = 0",
		"score_cap = 0",
		"stages: is required",
	})
}

func setWeight(c *kpi.Config, cr kpi.Criterion, w string) {
	b := &c.Benchmarks
	for _, x := range []struct {
		c kpi.Criterion
		b *kpi.Benchmark
	}{{kpi.CriterionEvents, &b.Events}, {kpi.CriterionOrganisation, &b.Organisation}, {kpi.CriterionReferrals, &b.Referrals},
		{kpi.CriterionMeetings, &b.Meetings}, {kpi.CriterionDecisionMaker, &b.DecisionMaker}, {kpi.CriterionPlan, &b.Plan}, {kpi.CriterionFunnel, &b.Funnel}} {
		if x.c == cr {
			x.b.Weight = dec(w)
		}
	}
}

// Weights pick what counts: with only the plan weighted, the overall score
// is the plan's score (116.67 in the worked March).
func TestWeights(t *testing.T) {
	in, march := march()
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	for _, cr := range kpi.Criteria() {
		setWeight(&cfg, cr, "0")
	}
	setWeight(&cfg, kpi.CriterionPlan, "3")
	s, err := kpi.Evaluate(cfg, in, march)
	require.NoError(t, err)
	assertDec(t, "116.67", s.Overall.Decimal, "plan only")
	// Plan weight 3, meetings weight 1: (3 × 116.67 + 50) / 4 = 400.01 / 4
	// = 100.0025 → 100.
	setWeight(&cfg, kpi.CriterionMeetings, "1")
	s, err = kpi.Evaluate(cfg, in, march)
	require.NoError(t, err)
	assertDec(t, "100", s.Overall.Decimal, "plan and meetings")
}
