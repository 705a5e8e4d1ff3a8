package client

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Synthetic client bases for the segmentation benchmarks, built once per
// size from a fixed seed (outside the timed loop) so every run measures
// the same data. Revenue is heavy-tailed (a Pareto-like spread, as real
// client bases are), in cents, with ties; profit is 5-30 % of revenue, with
// one client in 20 loss-making; every client has 12 monthly values of
// 2025, one month in ten without orders, and the order history those
// months make (an order on a random day of each month with a value): the
// same clients seen by ABC, XYZ and RFM.

var benchSizes = []int{100_000, 1_000_000}

// benchAsOf is the day after the synthetic year.
var benchAsOf = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

type benchBase struct {
	totals    []ClientTotals
	series    []ClientSeries
	histories []History
}

var benchBases = map[int]*benchBase{}

func benchData(b *testing.B, n int) *benchBase {
	b.Helper()
	if d, ok := benchBases[n]; ok {
		return d
	}
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	d := &benchBase{totals: make([]ClientTotals, n), series: make([]ClientSeries, n), histories: make([]History, n)}
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
		h := History{ClientID: id}
		var total int64
		for m := range vals {
			v := base + r.Int64N(base/2+1) - base/4
			if r.IntN(10) == 0 {
				v = 0
			}
			vals[m] = decimal.New(v, -2)
			if v > 0 {
				at := time.Date(2025, time.Month(m+1), 1+r.IntN(28), 9, 0, 0, 0, time.UTC)
				if h.Orders == 0 {
					h.FirstOrder = at
				}
				h.LastOrder = at
				h.Orders++
				total += v
			}
		}
		h.Total = decimal.New(total, -2)
		d.series[i] = ClientSeries{ClientID: id, Values: vals}
		d.histories[i] = h
	}
	benchBases[n] = d
	return d
}

// benchEach times the operation setup returns, over the synthetic base of
// each size; setup runs outside the timer.
func benchEach(b *testing.B, setup func(b *testing.B, d *benchBase) func() error) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			op := setup(b, benchData(b, n))
			b.ReportAllocs()
			for b.Loop() {
				if err := op(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkABC(b *testing.B) {
	benchEach(b, func(_ *testing.B, d *benchBase) func() error {
		return func() error { _, err := ABC(d.totals, DefaultABCConfig()); return err }
	})
}

func BenchmarkKeyClients(b *testing.B) {
	benchEach(b, func(_ *testing.B, d *benchBase) func() error {
		return func() error { _, err := KeyClients(d.totals, DefaultKeyClientsConfig()); return err }
	})
}

func BenchmarkXYZ(b *testing.B) {
	benchEach(b, func(_ *testing.B, d *benchBase) func() error {
		return func() error { _, err := XYZ(d.series, DefaultXYZConfig()); return err }
	})
}

func BenchmarkABCXYZ(b *testing.B) {
	benchEach(b, func(b *testing.B, d *benchBase) func() error {
		abc, err := ABC(d.totals, DefaultABCConfig())
		if err != nil {
			b.Fatal(err)
		}
		xyz, err := XYZ(d.series, DefaultXYZConfig())
		if err != nil {
			b.Fatal(err)
		}
		return func() error { _, err := ABCXYZ(abc, xyz, DefaultABCXYZConfig()); return err }
	})
}

// BenchmarkSegmentation is the whole segmentation of one client base: ABC
// by revenue, XYZ over the twelve months, RFM over the order histories,
// and the ABC-XYZ matrix. The target: ABC, XYZ and RFM over
// 1,000,000 clients in under 1.5 s on one core (run it with -cpu 1),
// allocations growing linearly with the client count.
func BenchmarkSegmentation(b *testing.B) {
	benchEach(b, func(_ *testing.B, d *benchBase) func() error {
		return func() error {
			abc, err := ABC(d.totals, DefaultABCConfig())
			if err != nil {
				return err
			}
			xyz, err := XYZ(d.series, DefaultXYZConfig())
			if err != nil {
				return err
			}
			if _, err := RFM(d.histories, benchAsOf, DefaultRFMConfig()); err != nil {
				return err
			}
			_, err = ABCXYZ(abc, xyz, DefaultABCXYZConfig())
			return err
		}
	})
}
