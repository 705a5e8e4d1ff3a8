package receivables

import (
	"strconv"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/internal/fuzztest"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzBooks builds up to six books for three clients from the fuzzer's
// bytes: renderings, each invoiced under net terms of 0 to 90 days,
// payments to the oldest due or to a named invoice, all dated within
// 200 days before the as-of day (some after it). It stops at the first
// entry a book refuses, which must be for bad input.
func fuzzBooks(t *testing.T, data []byte, asOf clientele.Date) []*Book {
	in := fuzztest.Bytes(data)
	next := in.Next
	var books []*Book
	for k := range 1 + next()%6 {
		b, err := Open(Account{ContractID: "k-" + strconv.Itoa(k), ClientID: "c-" + strconv.Itoa(next()%3), Currency: "EUR"})
		require.NoError(t, err)
		books = append(books, b)
		for i := range next() % 6 {
			id := strconv.Itoa(i)
			on := asOf.AddDays(next()%220 - 200)
			amount := decimal.New(int64(next())*125+1, -2)
			if _, err := b.Record(Entry{Rendering: &Rendering{ID: "r-" + id, Date: on, Amount: amount}}); err != nil {
				require.ErrorIs(t, err, ErrInvalid)
				break
			}
			e, err := b.Issue(contract.PaymentTerms{NetDays: next() % 91}, "INV-"+id, on.AddDays(next()%10), "r-"+id)
			if err != nil {
				require.ErrorIs(t, err, ErrInvalid)
				break
			}
			if _, err := b.Record(e); err != nil {
				require.ErrorIs(t, err, ErrInvalid)
				break
			}
			if n := next(); n%3 > 0 {
				pay := Payment{Currency: "EUR", Payment: ledger.Payment{ID: "p-" + id, Date: on.AddDays(n % 60), Amount: decimal.New(int64(next())*100+1, -2)}}
				if n%3 == 2 {
					pay.Invoice = "INV-" + strconv.Itoa(next()%(i+1))
				}
				if _, err := b.Record(Entry{Payment: &pay}); err != nil {
					require.ErrorIs(t, err, ErrInvalid)
					break
				}
			}
		}
	}
	return books
}

// FuzzAgeing: the ageing of arbitrary books under arbitrary bucket
// edges conserves money: each open invoice's outstanding amount lands
// in the one bucket its days past due fall in, each client's row adds
// up its books (outstanding, overdue and credit as Book.Totals gives
// them), the total row adds up the clients, overdue is outstanding less
// the current bucket (when the first edge is 0), and Age equals Collect
// then Portfolio.Age.
func FuzzAgeing(f *testing.F) {
	f.Add([]byte{3, 0, 4, 10, 40, 30, 0, 1, 50, 2, 1, 80, 20, 5, 0, 4, 0, 3, 190, 60, 5, 1, 200, 1, 2, 100, 30, 2, 40, 5, 1},
		[]byte{0, 30, 30, 30})
	f.Add([]byte{1, 1, 1, 0, 255, 0, 0, 0}, []byte{0})
	f.Add([]byte{5, 2, 5, 100, 9, 90, 9, 4, 5, 2, 2, 200, 7, 3, 3, 0, 255, 1, 0}, []byte{5, 1, 1, 1, 200, 200, 200, 200, 200, 200, 200, 200, 200})
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, journal, edges []byte) {
		asOf := clientele.MustParseDate("2026-06-30")
		books := fuzzBooks(t, journal, asOf)
		var cfg AgeingConfig
		edge := -1
		for _, e := range edges {
			edge += int(e) // a step of 0 repeats an edge: refused
			cfg.Edges = append(cfg.Edges, edge)
		}
		ageing, err := Age(asOf, cfg, books)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			require.Error(t, cfg.Validate(), "valid books: only the config can be at fault")
			return
		}
		require.NoError(t, cfg.Validate())
		p, err := Collect(asOf, books)
		require.NoError(t, err)
		viaPortfolio, err := p.Age(cfg)
		require.NoError(t, err)
		assert.Equal(t, ageing, viaPortfolio)

		buckets := ageing.Buckets()
		require.Len(t, buckets, len(cfg.Edges)+1)
		bucketOf := func(days int) int {
			for i, e := range cfg.Edges {
				if days <= e {
					return i
				}
			}
			return len(cfg.Edges)
		}
		type want struct {
			amounts                   []decimal.Decimal
			outstanding, overdue, crd decimal.Decimal
			days                      int
		}
		wants := map[string]*want{}
		for _, b := range books {
			w := wants[b.ClientID()]
			if w == nil {
				w = &want{amounts: make([]decimal.Decimal, len(buckets))}
				for i := range w.amounts {
					w.amounts[i] = decimal.Zero
				}
				wants[b.ClientID()] = w
			}
			invs, err := b.Invoices(asOf)
			require.NoError(t, err)
			for _, in := range invs {
				if in.Status != StatusOpen || !in.Outstanding.IsPositive() || in.Invoice.Issued.After(asOf) {
					continue
				}
				days := max(0, asOf.Sub(in.Invoice.Due))
				w.amounts[bucketOf(days)] = w.amounts[bucketOf(days)].Add(in.Outstanding)
				w.days = max(w.days, days)
			}
			tot, err := b.Totals(asOf)
			require.NoError(t, err)
			w.outstanding, w.overdue, w.crd = w.outstanding.Add(tot.Outstanding), w.overdue.Add(tot.Overdue), w.crd.Add(tot.Credit)
		}
		total := make([]decimal.Decimal, len(buckets))
		for i := range total {
			total[i] = decimal.Zero
		}
		rows := 0
		prev := ""
		for line := range ageing.Clients() {
			rows++
			require.Greater(t, line.ClientID, prev, "client rows in ID order")
			prev = line.ClientID
			w := wants[line.ClientID]
			require.NotNil(t, w, "%s has a book", line.ClientID)
			found, ok := ageing.Find(line.ClientID)
			require.True(t, ok)
			assert.Equal(t, line, found)
			sum := decimal.Zero
			for i, a := range line.Amounts {
				assert.True(t, a.Equal(w.amounts[i]), "%s bucket %s: %s, want %s", line.ClientID, buckets[i].Label, a, w.amounts[i])
				sum = sum.Add(a)
				total[i] = total[i].Add(a)
			}
			assert.True(t, sum.Equal(line.Outstanding), "%s: the buckets add up to the outstanding", line.ClientID)
			if cfg.Edges[0] == 0 { // the first bucket is "current": not past due
				assert.True(t, line.Outstanding.Sub(line.Amounts[0]).Equal(line.Overdue), "%s: overdue is all but current", line.ClientID)
			}
			assert.True(t, line.Outstanding.Equal(w.outstanding), "%s: outstanding %s, books say %s", line.ClientID, line.Outstanding, w.outstanding)
			assert.True(t, line.Overdue.Equal(w.overdue), "%s: overdue %s, books say %s", line.ClientID, line.Overdue, w.overdue)
			assert.True(t, line.Credit.Equal(w.crd), "%s: credit %s, books say %s", line.ClientID, line.Credit, w.crd)
			assert.Equal(t, w.days, line.DaysOverdue, line.ClientID)
			delete(wants, line.ClientID)
		}
		assert.Equal(t, rows, ageing.Len())
		for id, w := range wants {
			assert.True(t, w.outstanding.IsZero() && w.crd.IsZero(), "%s owes %s or holds %s but has no row", id, w.outstanding, w.crd)
		}
		for i, a := range ageing.Total.Amounts {
			assert.True(t, a.Equal(total[i]), "total bucket %s: %s, the clients add up to %s", buckets[i].Label, a, total[i])
		}
	})
}
