package kpi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update", false, "rewrite kpi/testdata/summaries.golden")

// renderCases are the inputs whose summaries the golden file pins: the
// scenario tests' worked month under every profile and several periods,
// the edge cases of the words (no working day, no plan, a plan by count,
// deferred deals that would have exceeded the plan), and sixteen synthetic
// managers over every month, a quarter, a week and the year.
func renderCases() (worked []string, synthetic []string) {
	in, march := march()
	profiles := []kpi.BusinessModel{kpi.ModelConsumerGoods, kpi.ModelB2BServices, kpi.ModelConsulting}
	periods := []kpi.Period{march, kpi.Month(2026, time.February), kpi.Month(2026, time.April), kpi.Quarter(2026, 1),
		kpi.Year(2026), kpi.Week(clientele.NewDate(2026, 3, 4)),
		{From: clientele.NewDate(2026, 3, 7), To: clientele.NewDate(2026, 3, 8)}} // a weekend: no working day
	byCount := in
	byCount.Plans = []kpi.Plan{{Period: march, Contracts: 4}}
	under := in
	under.Plans = []kpi.Plan{{Period: march, Revenue: decimal.NewNullDecimal(decimal.RequireFromString("150000"))}}
	empty := kpi.Inputs{ManagerID: "m-0", Currency: "JPY"}
	many := unreachedAndStale()
	for _, model := range profiles {
		cfg := kpi.DefaultConfig(model)
		for _, p := range periods {
			for _, x := range []kpi.Inputs{in, byCount, under, empty, many} {
				s, err := kpi.Evaluate(cfg, x, p)
				if err != nil {
					worked = append(worked, "error: "+err.Error()+"\n")
					continue
				}
				worked = append(worked, s.Summary())
			}
		}
	}
	team := synthTeam(16)
	for i := range team {
		switch i % 4 {
		case 1:
			team[i].Plans = []kpi.Plan{{Period: kpi.Month(2026, time.May), Contracts: 3}, {Period: kpi.Month(2026, time.June), Contracts: 30}}
		case 2:
			team[i].WorkingDays = 3
		}
	}
	wide := kpi.DefaultConfig(kpi.ModelB2BServices)
	wide.DeferWindowDays = 31
	for m := time.January; m <= time.December; m++ {
		for _, cfg := range []kpi.Config{kpi.DefaultConfig(kpi.ModelConsulting), wide} {
			for _, p := range []kpi.Period{kpi.Month(2026, m), kpi.Quarter(2026, 2), kpi.Week(clientele.NewDate(2026, m, 10)), kpi.Year(2026)} {
				for _, x := range team {
					s, err := kpi.Evaluate(cfg, x, p)
					if err != nil {
						synthetic = append(synthetic, "error: "+err.Error()+"\n")
						continue
					}
					synthetic = append(synthetic, s.Summary())
				}
			}
		}
	}
	return worked, synthetic
}

// unreachedAndStale is a manager with twelve clients met 3 to 14 times
// without a contract, some with a decision maker recorded, and eleven
// stale deals: more than the findings name one by one.
func unreachedAndStale() kpi.Inputs {
	period := kpi.Month(2026, time.March)
	in := kpi.Inputs{ManagerID: "m-many", Currency: "EUR"}
	for c := range 12 {
		for i := range 3 + c {
			a := kpi.Activity{Kind: kpi.ActivityMeeting, On: period.From.AddDays(i), ClientID: "c-" + string(rune('a'+c))}
			a.DecisionMaker = kpi.Presence((c + i) % 3)
			in.Activities = append(in.Activities, a)
		}
	}
	for i := range 11 {
		in.Deals = append(in.Deals, kpi.Deal{ID: "d-" + string(rune('a'+i)), ClientID: "c", Amount: decimal.New(int64(100*i+1), -1),
			Stages: []kpi.StageEntry{{Stage: "qualified_to_buy", On: clientele.NewDate(2026, 1, 1+i)}}})
	}
	return in
}

// The summaries, every finding's words included, are byte for byte
// those the package wrote when findings were strings built during the
// evaluation: testdata/summaries.golden holds the worked cases in full
// and the digest of the synthetic ones.
func TestSummariesMatchGolden(t *testing.T) {
	worked, synthetic := renderCases()
	sum := sha256.Sum256([]byte(strings.Join(synthetic, "\x00")))
	got := strings.Join(worked, "\x00\n") + "\x00\nsynthetic sha256 " + hex.EncodeToString(sum[:]) + "\n"
	const path = "testdata/summaries.golden"
	if *updateGolden {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), got)
}
