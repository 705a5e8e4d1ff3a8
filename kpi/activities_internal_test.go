package kpi

import (
	"testing"

	"github.com/clientele-go/clientele/internal/validate"
)

// BenchmarkActivitiesPass is the log's one pass alone, for one manager's
// year (5,000 activities over 300 clients, the team benchmark's mix):
// the part of BenchmarkEvaluateTeam that grows with the activities,
// measured without the scorecards and the collector around it. In
// "shared", a client's activities share one ID string, as when a host
// builds the log from its client records (the team benchmark's case);
// in "own", every entry has its own copy, as a JSON decoder gives.
func BenchmarkActivitiesPass(b *testing.B) {
	for _, own := range []bool{false, true} {
		name := "shared"
		if own {
			name = "own"
		}
		b.Run(name, func(b *testing.B) { benchmarkActivitiesPass(b, own) })
	}
}

func benchmarkActivitiesPass(b *testing.B, own bool) {
	year := Year(2026)
	list := SynthTeam(1, 5000)[0].Activities
	if own {
		for i := range list {
			list[i].ClientID = string([]byte(list[i].ClientID))
		}
	}
	e, err := newEvaluator(DefaultConfig(ModelB2BServices), year)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		e.reset()
		var p validate.Problems
		var t tally
		e.activities(&p, list, &t)
		if p.Len() > 0 || t.kinds[ActivityCall] == 0 {
			b.Fatal("the log did not count")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(list)), "ns/activity")
}
