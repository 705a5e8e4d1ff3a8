package exactsum

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/wide"
)

// benchN amounts of money with two decimal places, 0.00 to 99,999.99,
// drawn from a fixed seed so every run adds the same numbers.
const benchN = 1_000_000

func benchAmounts(b *testing.B) ([]decimal.Decimal, Amounts) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	ds := make([]decimal.Decimal, benchN)
	for i := range ds {
		ds[i] = decimal.New(r.Int64N(10_000_000), -2)
	}
	a, err := fromDecimals(ds)
	if err != nil || a.IsWide() {
		b.Fatal("benchmark amounts must fit int64 units", err)
	}
	return ds, a
}

var (
	sinkInt64 int64
	sinkDec   decimal.Decimal
)

// BenchmarkPlainInt64Sum is the floor: a bare int64 loop over the units,
// with no overflow protection and no conversion back to a decimal.
func BenchmarkPlainInt64Sum(b *testing.B) {
	_, a := benchAmounts(b)
	units := a.Ints()
	b.ReportAllocs()
	for b.Loop() {
		var s int64
		for _, u := range units {
			s += u
		}
		sinkInt64 = s
	}
}

// BenchmarkExactSum sums the same units exactly (128-bit accumulator,
// cannot overflow) and converts the total back to a decimal.Decimal.
func BenchmarkExactSum(b *testing.B) {
	_, a := benchAmounts(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkDec = Acc{v: wide.SumInt64s(a.Ints())}.Decimal(a.Exp())
	}
}

// BenchmarkRunningAdd streams the same decimals through a Running, one
// Add each, and builds the total: the fold of decimal.Add, exactly, with
// no allocation per amount.
func BenchmarkRunningAdd(b *testing.B) {
	ds, _ := benchAmounts(b)
	b.ReportAllocs()
	for b.Loop() {
		var r Running
		for _, d := range ds {
			r.Add(d)
		}
		sinkDec = r.Decimal()
	}
}

// BenchmarkFromDecimals is the one-off conversion of the decimals to
// units (reading each big.Int coefficient once).
func BenchmarkFromDecimals(b *testing.B) {
	ds, _ := benchAmounts(b)
	b.ReportAllocs()
	for b.Loop() {
		a, _ := fromDecimals(ds)
		sinkInt64 = int64(a.Len())
	}
}

// BenchmarkDecimalAddLoop is what this package replaces: a loop of
// decimal.Add, one allocation per amount.
func BenchmarkDecimalAddLoop(b *testing.B) {
	ds, _ := benchAmounts(b)
	b.ReportAllocs()
	for b.Loop() {
		s := decimal.Zero
		for _, d := range ds {
			s = s.Add(d)
		}
		sinkDec = s
	}
}
