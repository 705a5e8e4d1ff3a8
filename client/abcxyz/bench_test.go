package abcxyz

import (
	"fmt"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/internal/synthetic"
)

// Synthetic client bases for the segmentation benchmarks
// (synthetic.Segmentation), built once per size from a fixed seed
// outside the timed loop, so every run measures the same data: the same
// clients seen by ABC, XYZ and RFM, in record form (decimals) and in
// columnar form (cents).

var benchSizes = []int{10_000, 100_000, 1_000_000}

// benchAsOf is the day after the synthetic year.
var benchAsOf = synthetic.BaseAsOf

type benchBase struct {
	totals    []abc.Totals
	series    []xyz.Series
	histories []client.History
	columns   Columns
}

var benchBases = map[int]*benchBase{}

// benchData returns the base of n clients; columnarOnly leaves the
// record form out, so that a fresh process measuring the columnar path
// holds only its input.
func benchData(b *testing.B, n int, columnarOnly bool) *benchBase {
	b.Helper()
	if d, ok := benchBases[n]; ok && (columnarOnly || d.totals != nil) {
		return d
	}
	s := synthetic.Segmentation(n, columnarOnly)
	d := &benchBase{columns: Columns{IDs: s.IDs, Exp: -2, Revenue: s.RevenueCents, Profit: s.ProfitCents,
		Periods: synthetic.Periods, Values: s.MonthCents, Orders: s.Orders, LastOrder: s.LastOrder, OrderTotal: s.TotalCents}}
	if !columnarOnly {
		d.totals, d.series = make([]abc.Totals, n), make([]xyz.Series, n)
		for i := range n {
			d.totals[i] = abc.Totals{ClientID: s.IDs[i], Revenue: s.Revenue[i], Profit: s.Profit[i]}
			d.series[i] = xyz.Series{ClientID: s.IDs[i], Values: s.Series[i]}
		}
		d.histories = s.Histories
	}
	benchBases[n] = d
	return d
}

// benchEach times the operation setup returns, over the synthetic base of
// each size; setup runs outside the timer.
func benchEach(b *testing.B, setup func(b *testing.B, d *benchBase) func() error) {
	benchEachForm(b, false, setup)
}

// benchEachForm is benchEach, on the columnar form only when
// columnarOnly.
func benchEachForm(b *testing.B, columnarOnly bool, setup func(b *testing.B, d *benchBase) func() error) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			op := setup(b, benchData(b, n, columnarOnly))
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
// and the ABC-XYZ matrix, from the record form (decimals).
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

// BenchmarkSegmentColumns is the whole segmentation (Segment: ABC, XYZ,
// RFM and the matrix) of the same clients in columnar form. The target
// of issue 15: 1,000,000 clients in under 1.0 s as the first run in a
// fresh process, at most 100 bytes per client allocated beyond the input.
func BenchmarkSegmentColumns(b *testing.B) {
	benchEachForm(b, true, func(_ *testing.B, d *benchBase) func() error {
		return func() error { _, err := Segment(d.columns, benchAsOf, DefaultSegmentConfig()); return err }
	})
}

// BenchmarkABCColumns is ABC alone on the columnar form (what bench/
// holds against pandas).
func BenchmarkABCColumns(b *testing.B) {
	benchEachForm(b, true, func(_ *testing.B, d *benchBase) func() error {
		u := abc.Units{IDs: d.columns.IDs, Exp: d.columns.Exp, Revenue: d.columns.Revenue, Profit: d.columns.Profit}
		return func() error { _, err := abc.ClassifyUnits(u, abc.DefaultConfig()); return err }
	})
}

// BenchmarkXYZColumns is XYZ alone on the columnar form.
func BenchmarkXYZColumns(b *testing.B) {
	benchEachForm(b, true, func(_ *testing.B, d *benchBase) func() error {
		u := xyz.Units{IDs: d.columns.IDs, Exp: d.columns.Exp, Periods: d.columns.Periods, Values: d.columns.Values}
		return func() error { _, err := xyz.ClassifyUnits(u, xyz.DefaultConfig()); return err }
	})
}

// BenchmarkRFMColumns is RFM alone on the columnar form (what bench/
// holds against pandas).
func BenchmarkRFMColumns(b *testing.B) {
	benchEachForm(b, true, func(_ *testing.B, d *benchBase) func() error {
		c := &d.columns
		u := rfm.Units{IDs: c.IDs, Exp: c.Exp, Orders: c.Orders, LastOrder: c.LastOrder, Total: c.OrderTotal}
		return func() error { _, err := rfm.ClassifyUnits(u, benchAsOf, rfm.DefaultConfig()); return err }
	})
}
