package kpi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/stretchr/testify/require"
)

var updateTeamJSON = flag.Bool("update-team-json", false, "rewrite kpi/testdata/team_json.sha256")

// The JSON of whole ranked teams is byte for byte what the package wrote
// before the scorecard assembly was made cheaper (testdata/team_json.sha256,
// recorded at that commit): every list in full (stale deals with their
// ties on equal days, unreached clients, deferred deals, the stage
// table) and every finding, not only the ten the summaries name. Forty
// synthetic managers (more than one worker's chunk) over every month, a
// quarter, a week and the year, under two configs, plus the worked
// month's edge cases.
func TestEvaluateTeamJSONUnchanged(t *testing.T) {
	team := synthTeam(40)
	for i := range team {
		switch i % 4 {
		case 1:
			team[i].Plans = team[i].Plans[:0:0] // a plan by count in two months only
			team[i].Plans = append(team[i].Plans, kpi.Plan{Period: kpi.Month(2026, time.May), Contracts: 3},
				kpi.Plan{Period: kpi.Month(2026, time.June), Contracts: 30})
		case 2:
			team[i].WorkingDays = 3
		}
	}
	in, _ := march()
	team = append(team, in, unreachedAndStale(), kpi.Inputs{ManagerID: "m-empty", Currency: "JPY"})
	wide := kpi.DefaultConfig(kpi.ModelB2BServices)
	wide.DeferWindowDays = 31
	var periods []kpi.Period
	for m := time.January; m <= time.December; m++ {
		periods = append(periods, kpi.Month(2026, m))
	}
	periods = append(periods, kpi.Quarter(2026, 2), kpi.Week(clientele.NewDate(2026, 3, 4)), kpi.Year(2026))
	h := sha256.New()
	for _, cfg := range []kpi.Config{kpi.DefaultConfig(kpi.ModelConsulting), wide} {
		for _, p := range periods {
			ranked, err := kpi.EvaluateTeam(cfg, team, p)
			require.NoError(t, err)
			b, err := json.Marshal(ranked)
			require.NoError(t, err)
			h.Write(b)
			h.Write([]byte{'\n'})
		}
	}
	got := "team json sha256 " + hex.EncodeToString(h.Sum(nil)) + "\n"
	const path = "testdata/team_json.sha256"
	if *updateTeamJSON {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, strings.TrimSpace(string(want)), strings.TrimSpace(got))
}
