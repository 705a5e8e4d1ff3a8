package client

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// Synthetic client bases for the segmentation benchmarks, built once per
// size from a fixed seed (outside the timed loop) so every run measures
// the same data. Revenue is heavy-tailed (a Pareto-like spread, as real
// client bases are), in cents, with ties; profit is 5-30 % of revenue, with
// one client in 20 loss-making; every client has 12 monthly values.

var benchSizes = []int{100_000, 1_000_000}

type benchBase struct {
	totals []ClientTotals
	series []ClientSeries
}

var benchBases = map[int]*benchBase{}

func benchData(b *testing.B, n int) *benchBase {
	b.Helper()
	if d, ok := benchBases[n]; ok {
		return d
	}
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	d := &benchBase{totals: make([]ClientTotals, n), series: make([]ClientSeries, n)}
	values := make([]decimal.Decimal, 12*n)
	perm := r.Perm(n) // unique IDs, not in input order
	for i := range n {
		id := fmt.Sprintf("CL-%08d", perm[i])
		// 1/u² tail: most clients small (from 1,000.00), a few very large.
		u := r.Float64()*0.999 + 0.001
		revenue := int64(100_000/(u*u)) + r.Int64N(100)
		profit := revenue * int64(5+r.IntN(26)) / 100
		if r.IntN(20) == 0 {
			profit = -profit / 3
		}
		d.totals[i] = ClientTotals{ClientID: id, Revenue: decimal.New(revenue, -2), Profit: decimal.New(profit, -2)}
		vals := values[12*i : 12*i+12 : 12*i+12]
		base := revenue / 12
		for m := range vals {
			v := base + r.Int64N(base/2+1) - base/4
			if r.IntN(10) == 0 {
				v = 0
			}
			vals[m] = decimal.New(v, -2)
		}
		d.series[i] = ClientSeries{ClientID: id, Values: vals}
	}
	benchBases[n] = d
	return d
}

func BenchmarkABC(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := benchData(b, n)
			cfg := DefaultABCConfig()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ABC(d.totals, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkKeyClients(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := benchData(b, n)
			cfg := DefaultKeyClientsConfig()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := KeyClients(d.totals, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkXYZ(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := benchData(b, n)
			cfg := DefaultXYZConfig()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := XYZ(d.series, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkABCXYZ(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := benchData(b, n)
			abc, err := ABC(d.totals, DefaultABCConfig())
			if err != nil {
				b.Fatal(err)
			}
			xyz, err := XYZ(d.series, DefaultXYZConfig())
			if err != nil {
				b.Fatal(err)
			}
			cfg := DefaultABCXYZConfig()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ABCXYZ(abc, xyz, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
