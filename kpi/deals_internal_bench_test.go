package kpi

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/cputime"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// dealsBenchTeam is the deals, contracts and plans of the team
// (1,000 managers, 200 deals each walking two to five stages, two in
// five won with their contract, one in five lost, a plan a month and
// one for the year), built as BenchmarkEvaluateTeam's team is, without
// the activity log: far more than the processor's caches hold.
var dealsBenchTeam = sync.OnceValue(func() []Inputs {
	rng := rand.New(rand.NewPCG(2026, 11))
	year := Year(2026)
	stages := DefaultConfig(ModelB2BServices).Stages
	team := make([]Inputs, 1000)
	for m := range team {
		in := Inputs{ManagerID: fmt.Sprintf("m%04d", m), Currency: "EUR"}
		clients := make([]string, 300)
		for i := range clients {
			clients[i] = fmt.Sprintf("m%04d-c%03d", m, i)
		}
		for i := range 200 {
			d := Deal{ID: fmt.Sprintf("m%04d-d%03d", m, i), ClientID: clients[rng.IntN(len(clients))],
				Amount: decimal.New(rng.Int64N(10_000_000)+10_000, -2)}
			on := year.From.AddDays(rng.IntN(365) - 30)
			for s := range 2 + rng.IntN(4) {
				d.Stages = append(d.Stages, StageEntry{Stage: stages[s].Name, On: on})
				on = on.AddDays(rng.IntN(20))
			}
			switch r := rng.IntN(5); {
			case r < 2:
				d.WonOn = on
				in.Contracts = append(in.Contracts, Contract{ID: d.ID, ClientID: d.ClientID, SignedOn: on, Amount: d.Amount})
			case r < 3:
				d.LostOn = on
			}
			in.Deals = append(in.Deals, d)
		}
		for mo := time.January; mo <= time.December; mo++ {
			in.Plans = append(in.Plans, Plan{Period: Month(2026, mo), Revenue: decimal.NewNullDecimal(decimal.NewFromInt(40_000))})
		}
		in.Plans = append(in.Plans, Plan{Period: year, Revenue: decimal.NewNullDecimal(decimal.NewFromInt(480_000))})
		team[m] = in
	}
	return team
})

func reportCPU(b *testing.B, start time.Duration, ok bool) {
	if end, ok2 := cputime.Process(); ok && ok2 {
		b.ReportMetric(float64((end-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

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
	start, ok := cputime.Process()
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
	reportCPU(b, start, ok)
}

// BenchmarkDealsTouchReference is the floor BenchmarkDealsPasses is
// measured against: a plain loop that reads what the passes must read
// of each record (a byte of each ID, each stage entry's name length and
// day, each amount's sign) and nothing more.
func BenchmarkDealsTouchReference(b *testing.B) {
	team := dealsBenchTeam()
	b.ReportAllocs()
	start, ok := cputime.Process()
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
	reportCPU(b, start, ok)
}
