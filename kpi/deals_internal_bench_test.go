package kpi

import (
	"sync"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/cputime"
	"github.com/clientele-go/clientele/internal/validate"
)

// dealsBenchTeam is the deals, contracts and plans of a team like the
// issue's (1,000 managers, 200 deals each, about 80,000 contracts, 13
// plans each), without the activity log: far more than the processor's
// caches hold.
var dealsBenchTeam = sync.OnceValue(func() []Inputs { return SynthTeam(1000, 0) })

// BenchmarkDealsPasses runs the contracts, deals and plans passes of
// every manager of dealsBenchTeam, and nothing else of an evaluation:
// the cost the profile put at a fifth of a team's.
func BenchmarkDealsPasses(b *testing.B) {
	team := dealsBenchTeam()
	e, err := newEvaluator(DefaultConfig(ModelB2BServices), Year(2026))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		for m := range team {
			in := &team[m]
			e.reset()
			var p validate.Problems
			t := tally{plan: -1}
			e.contracts(&p, in.Contracts, &t)
			e.deals(&p, in.Deals, &t)
			e.findPlan(&p, in.Plans, &t)
			if p.Len() > 0 || t.plan < 0 {
				b.Fatal(p.Err(ErrInvalid))
			}
		}
	}
	cpu.Report(b, b.N)
}

// BenchmarkDealsTouchReference is the floor BenchmarkDealsPasses is
// measured against: a plain loop that reads what the passes must read
// of each record (a byte of each ID, each stage entry's name length and
// day, each amount's sign) and nothing more.
func BenchmarkDealsTouchReference(b *testing.B) {
	team := dealsBenchTeam()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		var sum int
		for m := range team {
			for i := range team[m].Deals {
				d := &team[m].Deals[i]
				sum += int(d.ID[0]) + int(d.ClientID[0]) + d.Amount.Sign()
				for j := range d.Stages {
					sum += len(d.Stages[j].Stage) + d.Stages[j].On.Compare(clientele.Date{})
				}
			}
			for i := range team[m].Contracts {
				c := &team[m].Contracts[i]
				sum += int(c.ID[0]) + int(c.ClientID[0]) + c.Amount.Sign() + c.SignedOn.Compare(clientele.Date{})
			}
		}
		if sum == 0 {
			b.Fatal("nothing read")
		}
	}
	cpu.Report(b, b.N)
}
