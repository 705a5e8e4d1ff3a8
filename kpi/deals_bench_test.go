package kpi_test

import (
	"testing"

	"github.com/clientele-go/clientele/internal/cputime"
	"github.com/clientele-go/clientele/kpi"
)

// BenchmarkEvaluateTeamDealsOnly is the team with its activity
// log left out: the 200,000 deals, about 80,000 contracts and 13,000
// plans, and the words of each scorecard. Beside BenchmarkEvaluateTeam
// it shows what the deals, contracts and plans passes cost.
func BenchmarkEvaluateTeamDealsOnly(b *testing.B) {
	full := benchTeam()
	team := make([]kpi.Inputs, len(full))
	for i, in := range full {
		team[i] = in
		team[i].Activities = nil
	}
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := kpi.EvaluateTeam(cfg, team, kpi.Year(2026)); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b, b.N)
}
