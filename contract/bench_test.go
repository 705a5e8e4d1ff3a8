package contract

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

const benchContracts = 100_000

// benchBase builds n signed contracts from a fixed seed: starts over
// 2025-2026, one-year terms, a quarter renewing automatically, one in
// five extended, one in ten terminated with 30 days' notice, 200
// managers, and four obligations each (two deliveries, two payments),
// a third of them fulfilled, some late.
func benchBase(tb testing.TB, n int) []Contract {
	tb.Helper()
	rng := rand.New(rand.NewPCG(2026, 9))
	origin := day("2025-01-01")
	out := make([]Contract, n)
	for i := range out {
		start := origin.AddDays(rng.IntN(700))
		end := start.AddMonths(12).AddDays(-1)
		c := Contract{
			ID: fmt.Sprintf("k-%07d", i), Number: fmt.Sprintf("N-%07d", i), ClientID: fmt.Sprintf("c-%06d", rng.IntN(30_000)),
			ManagerID: fmt.Sprintf("m-%03d", rng.IntN(200)), Type: "supply",
			Value: decimal.New(int64(10_000+rng.IntN(900_000)), 0), Currency: "RUB", Start: start, End: end,
			PaymentTerms: PaymentTerms{NetDays: 30},
		}
		if rng.IntN(4) == 0 {
			c.AutoRenewal = &AutoRenewal{TermMonths: 12, NoticeDays: 30}
		}
		sig := signature(anna, start.AddDays(-5).String())
		c.Events = []Event{{Kind: EventAgree, On: start.AddDays(-10)}, {Kind: EventSign, On: start.AddDays(-5), Signature: &sig}}
		if rng.IntN(5) == 0 {
			c.Events = append(c.Events, Event{Kind: EventExtend, On: start.AddDays(200), NewEnd: end.AddMonths(3)})
		}
		if rng.IntN(10) == 0 {
			c.Events = append(c.Events, Event{Kind: EventTerminate, On: start.AddDays(250), Reason: "breach", NoticeDays: 30})
		}
		for j := range 4 {
			o := Obligation{ID: fmt.Sprintf("o-%d", j), Party: PartyCompany, Kind: ObligeDeliver, Due: start.AddDays(30 + 90*j)}
			if j%2 == 1 {
				o.Party, o.Kind, o.Amount = PartyClient, ObligePay, decimal.NewNullDecimal(decimal.New(int64(rng.IntN(10_000_000)), -2))
			}
			if rng.IntN(3) == 0 {
				o.FulfilledOn = o.Due.AddDays(rng.IntN(20) - 10)
			}
			c.Obligations = append(c.Obligations, o)
		}
		out[i] = c
	}
	require.NoError(tb, out[0].Validate())
	return out
}

var benchDay = day("2026-06-15")

// BenchmarkStatusOn: the state, worded, of 100,000 contracts on a day.
func BenchmarkStatusOn(b *testing.B) {
	cs := benchBase(b, benchContracts)
	b.ReportAllocs()
	for b.Loop() {
		for i := range cs {
			_ = cs[i].StatusOn(benchDay)
		}
	}
	b.ReportMetric(float64(b.N)*benchContracts/b.Elapsed().Seconds(), "contracts/s")
}

// BenchmarkStatusOnQuiet: the same replay without wording the reason,
// as the obligations report runs it.
func BenchmarkStatusOnQuiet(b *testing.B) {
	cs := benchBase(b, benchContracts)
	b.ReportAllocs()
	for b.Loop() {
		for i := range cs {
			_ = cs[i].statusOn(benchDay, false)
		}
	}
	b.ReportMetric(float64(b.N)*benchContracts/b.Elapsed().Seconds(), "contracts/s")
}

// BenchmarkStatusReference is the floor a status costs: a plain loop
// reading each contract's start and agreed end, ignoring the history.
func BenchmarkStatusReference(b *testing.B) {
	cs := benchBase(b, benchContracts)
	b.ReportAllocs()
	var active int
	for b.Loop() {
		for i := range cs {
			if !cs[i].Start.After(benchDay) && !cs[i].End.Before(benchDay) {
				active++
			}
		}
	}
	b.ReportMetric(float64(b.N)*benchContracts/b.Elapsed().Seconds(), "contracts/s")
	sinkInt = active
}

var sinkInt int

// BenchmarkObligationsReport: validate 100,000 contracts and report
// what is overdue and due in the next 30 days, per contract and per
// manager.
func BenchmarkObligationsReport(b *testing.B) {
	cs := benchBase(b, benchContracts)
	p := policy(b)
	b.ReportAllocs()
	for b.Loop() {
		rep, err := p.Obligations(cs, benchDay, 30)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt = len(rep.Overdue)
	}
	b.ReportMetric(float64(b.N)*benchContracts/b.Elapsed().Seconds(), "contracts/s")
}

func TestBenchBaseIsValidAndVaried(t *testing.T) {
	cs := benchBase(t, 2_000)
	states := map[State]int{}
	for i := range cs {
		require.NoError(t, cs[i].Validate(), cs[i].ID)
		states[cs[i].StatusOn(benchDay).State]++
	}
	for _, s := range []State{StateSigned, StateActive, StateExpired, StateTerminated} {
		require.Positive(t, states[s], "the base has %s contracts on the day: %v", s, states)
	}
}
