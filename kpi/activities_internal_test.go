package kpi

import (
	"fmt"
	"math/rand/v2"
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
	rng := rand.New(rand.NewPCG(2026, 5))
	year := Year(2026)
	clients := make([]string, 300)
	for i := range clients {
		clients[i] = fmt.Sprintf("m0001-c%03d", i)
	}
	list := make([]Activity, 5000)
	for i := range list {
		a := &list[i]
		a.On = year.From.AddDays(i * 365 / len(list))
		a.ClientID = clients[rng.IntN(len(clients))]
		if own {
			a.ClientID = string([]byte(a.ClientID))
		}
		switch r := rng.IntN(100); {
		case r < 70:
			a.Kind = ActivityCall
		case r < 85:
			a.Kind, a.DecisionMaker = ActivityMeeting, Presence(rng.IntN(3))
		case r < 91:
			a.Kind = ActivityProposal
		case r < 96:
			a.Kind = ActivityReferralRequest
		case r < 99:
			a.Kind = ActivityReferral
		default:
			a.Kind, a.ClientID = ActivityEvent, ""
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
