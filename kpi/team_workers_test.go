package kpi_test

import (
	"runtime"
	"testing"

	"github.com/clientele-go/clientele/kpi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A team larger than one worker's chunk is shared among goroutines; the
// ranking is what one goroutine gives, and each scorecard is what
// Evaluate gives for its manager alone: no scratch leaks between
// managers or workers, and bad input is reported in the managers' order.
func TestTeamWorkersAgreeWithOneGoroutine(t *testing.T) {
	team := synthTeam(40)
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	year := kpi.Year(2026)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	shared, err := kpi.EvaluateTeam(cfg, team, year)
	require.NoError(t, err)
	runtime.GOMAXPROCS(1)
	alone, err := kpi.EvaluateTeam(cfg, team, year)
	require.NoError(t, err)
	assert.Equal(t, alone, shared)
	byManager := map[string]kpi.Scorecard{}
	for _, r := range shared {
		byManager[r.Scorecard.ManagerID] = r.Scorecard
	}
	for _, in := range team {
		s, err := kpi.Evaluate(cfg, in, year)
		require.NoError(t, err)
		assert.Equal(t, s, byManager[in.ManagerID], in.ManagerID)
	}

	team[3].Currency, team[37].ManagerID = "", ""
	_, errAlone := kpi.EvaluateTeam(cfg, team, year)
	require.Error(t, errAlone)
	runtime.GOMAXPROCS(2)
	_, errShared := kpi.EvaluateTeam(cfg, team, year)
	require.ErrorIs(t, errShared, kpi.ErrInvalid)
	assert.EqualError(t, errShared, errAlone.Error())
	assert.ErrorContains(t, errShared, "managers[3].currency: is required")
	assert.ErrorContains(t, errShared, "managers[37].manager_id")
}
