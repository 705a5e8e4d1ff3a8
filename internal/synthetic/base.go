package synthetic

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
)

// BaseAsOf is the day after the year of Base's orders: RFM's as-of date.
var BaseAsOf = clientele.NewDate(2026, time.January, 1)

// Periods is the number of monthly values per client in a Base.
const Periods = 12

// Base is one synthetic client base in the two forms the segmentations
// accept: records with decimals, and the same numbers as integer cents
// in columns.
type Base struct {
	// The record form, client i at index i of each.
	Revenue, Profit []decimal.Decimal
	Series          [][]decimal.Decimal
	Histories       []client.History
	// The columnar form: amounts in cents (exponent −2).
	IDs                       []string
	RevenueCents, ProfitCents []int64
	MonthCents                []int64 // Periods per client
	Orders                    []int32
	FirstOrder, LastOrder     []clientele.Date
	TotalCents                []int64
}

// Segmentation builds a client base of n clients from a fixed seed
// (the same numbers for the same n): unique IDs "CL-%08d" in shuffled
// order; revenue in cents with a heavy 1/u² tail from 1,000.00 (a few
// very large clients, as real bases have) and ties; profit 5-30 % of
// revenue, one client in 20 loss-making; 12 monthly values of 2025
// around a twelfth of the revenue, one month in ten without orders; an
// order on a random day of each month with a value, making the history
// RFM reads. Record and columnar form hold the same numbers; with
// columnarOnly the record form is left nil, so that a measurement of the
// columnar path does not carry the other's memory.
func Segmentation(n int, columnarOnly bool) *Base {
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	b := &Base{IDs: make([]string, n), RevenueCents: make([]int64, n), ProfitCents: make([]int64, n),
		MonthCents: make([]int64, Periods*n), Orders: make([]int32, n), FirstOrder: make([]clientele.Date, n),
		LastOrder: make([]clientele.Date, n), TotalCents: make([]int64, n)}
	if !columnarOnly {
		b.Revenue, b.Profit = make([]decimal.Decimal, n), make([]decimal.Decimal, n)
		b.Series, b.Histories = make([][]decimal.Decimal, n), make([]client.History, n)
	}
	var values []decimal.Decimal // every client's series, one allocation
	if !columnarOnly {
		values = make([]decimal.Decimal, Periods*n)
	}
	perm := r.Perm(n)
	for i := range n {
		id := fmt.Sprintf("CL-%08d", perm[i])
		u := r.Float64()*0.999 + 0.001
		revenue := int64(100_000/(u*u)) + r.Int64N(100)
		profit := revenue * int64(5+r.IntN(26)) / 100
		if r.IntN(20) == 0 {
			profit = -profit / 3
		}
		b.IDs[i], b.RevenueCents[i], b.ProfitCents[i] = id, revenue, profit
		months := b.MonthCents[Periods*i : Periods*i+Periods]
		base := revenue / 12
		var total int64
		for m := range months {
			v := base + r.Int64N(base/2+1) - base/4
			if r.IntN(10) == 0 {
				v = 0
			}
			months[m] = v
			if v > 0 {
				at := clientele.NewDate(2025, time.Month(m+1), 1+r.IntN(28))
				if b.Orders[i] == 0 {
					b.FirstOrder[i] = at
				}
				b.LastOrder[i] = at
				b.Orders[i]++
				total += v
			}
		}
		b.TotalCents[i] = total
		if columnarOnly {
			continue
		}
		b.Revenue[i], b.Profit[i] = decimal.New(revenue, -2), decimal.New(profit, -2)
		vals := values[Periods*i : Periods*i+Periods : Periods*i+Periods]
		for m, v := range months {
			vals[m] = decimal.New(v, -2)
		}
		b.Series[i] = vals
		b.Histories[i] = client.History{ClientID: id, Orders: int(b.Orders[i]), FirstOrder: b.FirstOrder[i],
			LastOrder: b.LastOrder[i], Total: decimal.New(total, -2)}
	}
	return b
}
