package kpi_test

import (
	"testing"

	"github.com/clientele-go/clientele/kpi"
)

// BenchmarkEvaluateManagerYear is one manager of BenchmarkEvaluateTeam
// over the year, evaluated again and again: the same pass and scorecard
// with a heap of one manager's inputs, so that the memory a scorecard
// takes is recycled warm instead of being touched for the first time.
// Beside the team benchmark it separates the CPU work of a scorecard
// from the first touch of its ~21 KB of lists and findings, which is
// most of what a scorecard costs while a team's heap grows.
func BenchmarkEvaluateManagerYear(b *testing.B) {
	in := synthTeam(1)[0]
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kpi.Evaluate(cfg, in, kpi.Year(2026)); err != nil {
			b.Fatal(err)
		}
	}
}
