package kpi_test

import (
	"sync"
	"testing"

	"github.com/clientele-go/clientele/internal/cputime"
	"github.com/clientele-go/clientele/kpi"
)

// The size: a year of activity for 1,000 managers, about
// 5,000,000 activities and 200,000 deals.
const (
	benchManagers   = 1000
	benchActivities = 5000 // per manager
)

var benchTeam = sync.OnceValue(func() []kpi.Inputs { return kpi.SynthTeam(benchManagers, benchActivities) })

// synthTeam is n managers of the benchmark's team.
func synthTeam(n int) []kpi.Inputs { return kpi.SynthTeam(n, benchActivities) }

// BenchmarkEvaluateTeam scores 1,000 managers' year and ranks them. Its
// ratio to BenchmarkCountReference, measured in the same run, is the
// issue's target: within 3x.
func BenchmarkEvaluateTeam(b *testing.B) {
	team := benchTeam()
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		ranked, err := kpi.EvaluateTeam(cfg, team, kpi.Year(2026))
		if err != nil || len(ranked) != benchManagers {
			b.Fatal(err)
		}
	}
	cpu.Report(b, b.N)
}

// BenchmarkEvaluateTeamActivitiesOnly is the same team with its deals,
// contracts and plans left out: the cost of the one pass over the
// 5,000,000 activities (criteria 1-5) and of the words, beside the
// reference.
func BenchmarkEvaluateTeamActivitiesOnly(b *testing.B) {
	full := benchTeam()
	team := make([]kpi.Inputs, len(full))
	for i, in := range full {
		team[i] = kpi.Inputs{ManagerID: in.ManagerID, Currency: in.Currency, Activities: in.Activities}
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

// BenchmarkCountReference is the plain loop the issue compares with: it
// only counts the same activities by manager and kind.
func BenchmarkCountReference(b *testing.B) {
	team := benchTeam()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		counts := make([][8]int, len(team))
		for m := range team {
			for i := range team[m].Activities {
				counts[m][team[m].Activities[i].Kind]++
			}
		}
		if counts[0][kpi.ActivityCall] == 0 {
			b.Fatal("no calls counted")
		}
	}
	cpu.Report(b, b.N)
}

// BenchmarkReadInputsReference is the counting loop plus the least
// reading any evaluation of the team must do, with no check and no
// result: a byte of each entry's client ID (the ID is elsewhere in
// memory), and of each deal its IDs' first bytes, amount, stages and
// days, and of each contract the same. Beside the counting loop it
// says how much of the 3x reading the inputs alone takes.
func BenchmarkReadInputsReference(b *testing.B) {
	team := benchTeam()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		counts := make([][8]int, len(team))
		sum := 0
		for m := range team {
			in := &team[m]
			for i := range in.Activities {
				a := &in.Activities[i]
				counts[m][a.Kind]++
				if a.ClientID != "" {
					sum += int(a.ClientID[0])
				}
			}
			for i := range in.Deals {
				d := &in.Deals[i]
				sum += int(d.ID[0]) + int(d.ClientID[0]) + d.Amount.Sign()
				for j := range d.Stages {
					sum += len(d.Stages[j].Stage) + d.Stages[j].On.Compare(d.WonOn)
				}
			}
			for i := range in.Contracts {
				c := &in.Contracts[i]
				sum += int(c.ID[0]) + int(c.ClientID[0]) + c.Amount.Sign() + c.SignedOn.Compare(c.SignedOn)
			}
		}
		if counts[0][kpi.ActivityCall] == 0 || sum == 0 {
			b.Fatal("nothing read")
		}
	}
	cpu.Report(b, b.N)
}

// BenchmarkCountAndCheckReference is the counting loop plus the least
// check of bad input any evaluation owes its caller: each entry's client
// ID read and found to be 1 to 128 visible ASCII bytes, byte by byte as
// a plain loop would. It is not the reference; it measures how
// much of the 3x the check alone takes, since the counting loop reads
// one byte of each 32-byte entry and never the ID it points to.
func BenchmarkCountAndCheckReference(b *testing.B) {
	team := benchTeam()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		counts := make([][8]int, len(team))
		bad := 0
		for m := range team {
			for i := range team[m].Activities {
				a := &team[m].Activities[i]
				counts[m][a.Kind]++
				if a.Kind == kpi.ActivityEvent && a.ClientID == "" {
					continue
				}
				if len(a.ClientID) == 0 || len(a.ClientID) > 128 {
					bad++
					continue
				}
				for j := 0; j < len(a.ClientID); j++ {
					if c := a.ClientID[j]; c <= ' ' || c >= 0x7f {
						bad++
						break
					}
				}
			}
		}
		if counts[0][kpi.ActivityCall] == 0 || bad != 0 {
			b.Fatal("no calls counted, or a bad ID")
		}
	}
	cpu.Report(b, b.N)
}

// BenchmarkEvaluateMonth is one manager's worked month: the fixed cost
// of a scorecard, its findings and words.
func BenchmarkEvaluateMonth(b *testing.B) {
	in, march := march()
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kpi.Evaluate(cfg, in, march); err != nil {
			b.Fatal(err)
		}
	}
}
