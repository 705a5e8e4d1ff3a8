// Package synthetic builds the client bases the benchmarks run on,
// from fixed seeds, so every run measures the same data.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/shopspring/decimal"
)

// Histories builds n client histories with a fixed seed: 2% never
// ordered, order counts skewed towards few (1 + a geometric-like draw),
// last orders spread over the days of two years, totals in cents up to 1,000,000.00
// (two decimals, as money from a ledger has), and the as-of date they
// are scored on. RFM, rule segments and the rating benchmark on it.
func Histories(n int) ([]client.History, clientele.Date) {
	asOf := clientele.NewDate(2026, time.November, 26)
	rng := rand.New(rand.NewPCG(2026, 11))
	hs := make([]client.History, n)
	for i := range hs {
		hs[i].ClientID = fmt.Sprintf("c-%07d", i)
		if rng.IntN(50) == 0 {
			continue
		}
		orders := 1 + int(rng.ExpFloat64()*4)
		last := asOf.AddDays(-rng.IntN(730))
		first := last.AddDays(-rng.IntN(1000))
		hs[i].Orders = orders
		hs[i].FirstOrder = first
		hs[i].LastOrder = last
		hs[i].Total = decimal.New(rng.Int64N(100_000_000)+100, -2)
	}
	return hs, asOf
}
