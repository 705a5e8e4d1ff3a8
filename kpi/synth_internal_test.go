package kpi

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

// The synthetic team's shape, per manager: the 200 deals a year
// over a base of 300 clients.
const (
	synthDeals   = 200
	synthClients = 300
)

// SynthTeam builds n managers' years from a fixed seed (exported for the
// kpi_test benchmarks and tests; it exists only in the test binary):
// activities (per manager) on the working days of 2026 (calls 70 %, meetings 15 %, proposals 6 %,
// referral requests 5 %, referrals 3 %, events 1 %), deals walking two
// to five of the default stages, two in five won, one in five lost,
// a contract per won deal, and a plan per month. With no activities
// the deals are drawn alike but not the same: the activities come
// first from the one random source.
func SynthTeam(n, activities int) []Inputs {
	rng := rand.New(rand.NewPCG(2026, 11))
	year := Year(2026)
	var workdays []clientele.Date
	for d := year.From; !d.After(year.To); d = d.AddDays(1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			workdays = append(workdays, d)
		}
	}
	stages := DefaultConfig(ModelB2BServices).Stages
	team := make([]Inputs, n)
	for m := range team {
		clients := make([]string, synthClients)
		for i := range clients {
			clients[i] = fmt.Sprintf("m%04d-c%03d", m, i)
		}
		var acts []Activity
		if activities > 0 {
			acts = make([]Activity, activities)
		}
		for i := range acts {
			a := &acts[i]
			a.On = workdays[i*len(workdays)/activities]
			a.ClientID = clients[rng.IntN(synthClients)]
			switch r := rng.IntN(100); {
			case r < 70:
				a.Kind = ActivityCall
			case r < 85:
				a.Kind = ActivityMeeting
				a.DecisionMaker = Presence(rng.IntN(3))
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
		deals := make([]Deal, synthDeals)
		var contracts []Contract
		for i := range deals {
			d := &deals[i]
			d.ID = fmt.Sprintf("m%04d-d%03d", m, i)
			d.ClientID = clients[rng.IntN(synthClients)]
			d.Amount = decimal.New(rng.Int64N(10_000_000)+10_000, -2)
			on := workdays[rng.IntN(len(workdays))].AddDays(-30)
			steps := 2 + rng.IntN(4)
			for s := range steps {
				d.Stages = append(d.Stages, StageEntry{Stage: stages[s].Name, On: on})
				on = on.AddDays(rng.IntN(20))
			}
			switch r := rng.IntN(5); {
			case r < 2:
				d.WonOn = on
				contracts = append(contracts, Contract{ID: d.ID, ClientID: d.ClientID, SignedOn: on, Amount: d.Amount})
			case r < 3:
				d.LostOn = on
			}
		}
		var plans []Plan
		for mo := time.January; mo <= time.December; mo++ {
			plans = append(plans, Plan{Period: Month(2026, mo), Revenue: decimal.NewNullDecimal(decimal.NewFromInt(40_000))})
		}
		plans = append(plans, Plan{Period: year, Revenue: decimal.NewNullDecimal(decimal.NewFromInt(480_000))})
		team[m] = Inputs{ManagerID: fmt.Sprintf("m%04d", m), Currency: "EUR", Activities: acts, Deals: deals, Plans: plans, Contracts: contracts}
	}
	return team
}
