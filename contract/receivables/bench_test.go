package receivables

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// The benchmark base: 100,000 clients, one contract each, 1,000,000
// invoices (10 a client) and 300,000 payments (3 a client), seeded.
// Invoices are issued over the year before the as-of date, net 30,
// amounts in cents up to 5,000.00; each payment pays the oldest due
// first a random share of the client's invoices. Building it takes a
// few seconds, once per process.
const (
	benchClients  = 100_000
	benchInvoices = 10
	benchPayments = 3
)

var benchAsOf = clientele.NewDate(2026, 11, 26)

var benchBase = sync.OnceValue(func() []*Book {
	rng := rand.New(rand.NewPCG(2026, 12))
	books := make([]*Book, benchClients)
	for c := range books {
		b, err := Open(Account{ContractID: fmt.Sprintf("k-%07d", c), ClientID: fmt.Sprintf("c-%07d", c), Currency: "EUR"})
		if err != nil {
			panic(err)
		}
		entries := make([]Entry, 0, 2*benchInvoices+benchPayments)
		var total int64
		first := benchAsOf.AddDays(-365)
		for i := range benchInvoices {
			issued := first.AddDays(rng.IntN(365))
			cents := 100 + rng.Int64N(500_000)
			total += cents
			amt := decimal.New(cents, -2)
			id := fmt.Sprintf("%d", i)
			entries = append(entries,
				Entry{Rendering: &Rendering{ID: "r-" + id, Date: issued, Amount: amt}},
				Entry{Invoice: &Invoice{Invoice: ledger.Invoice{ID: "INV-" + id, Currency: "EUR", Amount: amt, Issued: issued, Due: issued.AddDays(30)},
					Renderings: []string{"r-" + id}}})
		}
		for p := range benchPayments {
			cents := 1 + rng.Int64N(total/benchPayments)
			entries = append(entries, Entry{Payment: &Payment{Payment: ledger.Payment{ID: fmt.Sprint("p-", p), Date: benchAsOf.AddDays(-rng.IntN(30)),
				Amount: decimal.New(cents, -2)}, Currency: "EUR"}})
		}
		slices.SortStableFunc(entries, func(x, y Entry) int { return x.Date().Compare(y.Date()) }) // money entries go in date order
		if _, err := b.Record(entries...); err != nil {
			panic(err)
		}
		books[c] = b
	}
	runtime.GC() // collect the building's garbage now, not during the first benchmark
	return books
})

var benchPortfolio = sync.OnceValue(func() *Portfolio {
	p, err := Collect(benchAsOf, benchBase())
	if err != nil {
		panic(err)
	}
	runtime.GC()
	return p
})

// BenchmarkAgeing buckets the collected portfolio: the same work as
// BenchmarkAgeingReference, over exact 128-bit sums, with the totals as
// decimals (client rows become decimals as they are read).
func BenchmarkAgeing(b *testing.B) {
	p := benchPortfolio()
	cfg := DefaultAgeingConfig()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Age(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgeingRows adds reading every client row as decimals.
func BenchmarkAgeingRows(b *testing.B) {
	p := benchPortfolio()
	cfg := DefaultAgeingConfig()
	b.ReportAllocs()
	for b.Loop() {
		a, err := p.Age(cfg)
		if err != nil {
			b.Fatal(err)
		}
		for range a.Clients() {
		}
	}
}

// BenchmarkCollect gathers the portfolio from 100,000 books: one pass
// over books scattered in memory.
func BenchmarkCollect(b *testing.B) {
	books := benchBase()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Collect(benchAsOf, books); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDebtors(b *testing.B) {
	p := benchPortfolio()
	managers := Managers{ByClient: map[string]string{}}
	for i, bk := range benchBase() {
		managers.ByClient[bk.ClientID()] = fmt.Sprint("m-", i%300)
	}
	b.ReportAllocs()
	for b.Loop() {
		p.Debtors(managers)
	}
}

// refItem is the reference's invoice: client index, due day number and
// open amount in cents, 16 bytes.
type refItem struct {
	client int32
	due    int32
	open   int64
}

// refBase is the same open invoices flattened for the reference loops.
var refBase = sync.OnceValue(func() []refItem {
	var items []refItem
	for c, bk := range benchBase() {
		for _, it := range bk.items {
			items = append(items, refItem{client: int32(c), due: int32(it.due.Sub(benchAsOf)), open: it.open})
		}
	}
	return items
})

// BenchmarkAgeingReference is the plain int64 minor-unit loop doing the
// same bucketing: per client five bucket sums, overdue and the oldest
// days past due, and the total.
func BenchmarkAgeingReference(b *testing.B) {
	items := refBase()
	edges := [4]int32{0, 30, 60, 90}
	b.ReportAllocs()
	for b.Loop() {
		buckets := make([][5]int64, benchClients)
		overdue := make([]int64, benchClients)
		oldest := make([]int32, benchClients)
		var total [5]int64
		for _, it := range items {
			past := -it.due
			k := 0
			for k < len(edges) && past > edges[k] {
				k++
			}
			buckets[it.client][k] += it.open
			total[k] += it.open
			if past > 0 {
				overdue[it.client] += it.open
				oldest[it.client] = max(oldest[it.client], past)
			}
		}
	}
}

// BenchmarkDebtorsReference is the plain loop of the debtor list:
// overdue sums and oldest days per client, then the debtors sorted by
// amount, days and ID.
func BenchmarkDebtorsReference(b *testing.B) {
	items := refBase()
	ids := make([]string, benchClients)
	for i, bk := range benchBase() {
		ids[i] = bk.ClientID()
	}
	b.ReportAllocs()
	for b.Loop() {
		overdue := make([]int64, benchClients)
		oldest := make([]int32, benchClients)
		for _, it := range items {
			if past := -it.due; past > 0 {
				overdue[it.client] += it.open
				oldest[it.client] = max(oldest[it.client], past)
			}
		}
		var debtors []int32
		for c, o := range overdue {
			if o > 0 {
				debtors = append(debtors, int32(c))
			}
		}
		slices.SortFunc(debtors, func(x, y int32) int {
			return cmp.Or(cmp.Compare(overdue[y], overdue[x]), cmp.Compare(oldest[y], oldest[x]), strings.Compare(ids[x], ids[y]))
		})
	}
}
