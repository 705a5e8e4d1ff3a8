package abcxyz

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/xyz"
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
var benchAsOf = clientele.NewDate(2026, time.January, 1)

type benchBase struct {
	totals    []abc.Totals
	series    []xyz.Series
	histories []client.History
}

var benchBases = map[int]*benchBase{}

func benchData(b *testing.B, n int) *benchBase {
	b.Helper()
	if d, ok := benchBases[n]; ok {
		return d
	}
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	d := &benchBase{totals: make([]abc.Totals, n), series: make([]xyz.Series, n), histories: make([]client.History, n)}
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
		d.totals[i] = abc.Totals{ClientID: id, Revenue: decimal.New(revenue, -2), Profit: decimal.New(profit, -2)}
		vals := values[12*i : 12*i+12 : 12*i+12]
		base := revenue / 12
		h := client.History{ClientID: id}
		var total int64
		for m := range vals {
			v := base + r.Int64N(base/2+1) - base/4
			if r.IntN(10) == 0 {
				v = 0
			}
			vals[m] = decimal.New(v, -2)
			if v > 0 {
				at := clientele.NewDate(2025, time.Month(m+1), 1+r.IntN(28))
				if h.Orders == 0 {
					h.FirstOrder = at
				}
				h.LastOrder = at
				h.Orders++
				total += v
			}
		}
		h.Total = decimal.New(total, -2)
		d.series[i] = xyz.Series{ClientID: id, Values: vals}
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
		return func() error { _, err := abc.Classify(d.totals, abc.DefaultConfig()); return err }
	})
}

func BenchmarkKeyClients(b *testing.B) {
	benchEach(b, func(_ *testing.B, d *benchBase) func() error {
		return func() error { _, err := keyclients.Find(d.totals, keyclients.DefaultConfig()); return err }
	})
}

func BenchmarkXYZ(b *testing.B) {
	benchEach(b, func(_ *testing.B, d *benchBase) func() error {
		return func() error { _, err := xyz.Classify(d.series, xyz.DefaultConfig()); return err }
	})
}

func BenchmarkABCXYZ(b *testing.B) {
	benchEach(b, func(b *testing.B, d *benchBase) func() error {
		abc, err := abc.Classify(d.totals, abc.DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		xyz, err := xyz.Classify(d.series, xyz.DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		return func() error { _, err := Combine(abc, xyz, DefaultConfig()); return err }
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
			abc, err := abc.Classify(d.totals, abc.DefaultConfig())
			if err != nil {
				return err
			}
			xyz, err := xyz.Classify(d.series, xyz.DefaultConfig())
			if err != nil {
				return err
			}
			if _, err := rfm.Classify(d.histories, benchAsOf, rfm.DefaultConfig()); err != nil {
				return err
			}
			_, err = Combine(abc, xyz, DefaultConfig())
			return err
		}
	})
}
