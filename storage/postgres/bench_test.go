package postgres_test

import (
	"context"
	"fmt"
	"iter"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/storage/postgres"
	"github.com/jackc/pgx/v5"
	"github.com/shopspring/decimal"
)

// The store benchmarks run each operation on the PostgreSQL store and,
// as the reference, on client.MemStore, over a base of 100,000 clients
// spread over 10 managers (List reads one manager's page of 100 through
// the (manager_id, id) index). Run:
//
//	../../.ci/postgres.sh go test -run '^$' -bench 'ClientStore' -benchmem -benchtime=2000x
const (
	benchClients  = 100_000
	benchManagers = 10
)

func benchID(i int) string { return fmt.Sprintf("c-%07d", i) }

func benchClient(i int) client.Client {
	c := company(benchID(i), fmt.Sprintf("m-%d", i%benchManagers))
	c.Contacts.Email = client.NewPersonal(fmt.Sprintf("buyer%d@example.com", i))
	c.Segments = []string{"A"}
	return c
}

// clientRows lists clients as rows of the clients table for COPY.
func clientRows(from, to int) pgx.CopyFromSource {
	i := from - 1
	return pgx.CopyFromFunc(func() ([]any, error) {
		i++
		if i >= to {
			return nil, nil
		}
		c := benchClient(i)
		return []any{c.ID, int16(c.Kind), c.DisplayName, "", "", "", "", "", c.Contacts.Email.Reveal(), "", c.ManagerID, false, false,
			"", "", []string{}, c.Segments, int16(c.Status), nil, nil, int64(1)}, nil
	})
}

var clientCopyColumns = []string{"id", "kind", "display_name", "person_name", "legal_name", "tax_number", "person_tax_number",
	"phone", "email", "messenger", "manager_id", "vip", "key_account", "industry", "region", "tags", "segments", "status",
	"status_since", "since", "version"}

func BenchmarkClientStore(b *testing.B) {
	ctx := context.Background()
	db := migrated(b)
	if _, err := db.Pool().CopyFrom(ctx, pgx.Identifier{"clients"}, clientCopyColumns, clientRows(0, benchClients)); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Pool().Exec(ctx, "ANALYZE clients"); err != nil {
		b.Fatal(err)
	}
	mem := client.NewMemStore()
	for i := range benchClients { // ascending IDs: each insert lands at the end
		if _, err := mem.Create(ctx, benchClient(i)); err != nil {
			b.Fatal(err)
		}
	}
	for _, s := range []struct {
		name  string
		store client.Store
	}{{"postgres", db.Clients()}, {"memory", mem}} {
		next := benchClients
		b.Run("Create/"+s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.store.Create(ctx, benchClient(next)); err != nil {
					b.Fatal(err)
				}
				next++
			}
		})
		b.Run("Get/"+s.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := s.store.Get(ctx, benchID(i*7919%benchClients)); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run("Update/"+s.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				c, err := s.store.Get(ctx, benchID(i*7919%benchClients))
				if err != nil {
					b.Fatal(err)
				}
				c.Region = "south"
				if _, err := s.store.Update(ctx, c); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run("ListByManager100/"+s.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				after := benchID(i * 7919 % (benchClients - 2000))
				res, err := s.store.List(ctx, client.Filter{ManagerID: "m-3"}, client.Page{After: after, Limit: 100})
				if err != nil || len(res.Clients) != 100 {
					b.Fatal(err, len(res.Clients))
				}
				i++
			}
		})
	}
}

// BenchmarkSegmentation1M is the whole path PostgreSQL → segmentation
// for 1,000,000 clients with 3 orders each over 2025 (loaded once with
// COPY, outside the timer): one op streams the histories and the totals
// from SQL and runs RFM and ABC on them. It is not run in CI. Run:
//
//	../../.ci/postgres.sh go test -run '^$' -bench Segmentation1M -benchmem -benchtime=1x -timeout 30m
func BenchmarkSegmentation1M(b *testing.B) {
	const clients, ordersEach = 1_000_000, 3
	ctx := context.Background()
	db := migrated(b)
	if _, err := db.Pool().CopyFrom(ctx, pgx.Identifier{"clients"}, clientCopyColumns, clientRows(0, clients)); err != nil {
		b.Fatal(err)
	}
	sales := func(yield func(postgres.Sale) bool) {
		start := clientele.MustParseDate("2025-01-01")
		for i := range clients {
			for k := range ordersEach {
				s := postgres.Sale{Order: client.Order{ClientID: benchID(i), Date: start.AddDays((i*37 + k*101) % 365),
					Amount: decimal.New(int64(100+(i*7919+k*13)%100_000), -2)}, Profit: decimal.New(int64(i%500), -1)}
				if !yield(s) {
					return
				}
			}
		}
	}
	if _, err := db.CopySales(ctx, iter.Seq[postgres.Sale](sales)); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Pool().Exec(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	asOf := clientele.MustParseDate("2025-12-31")
	b.ReportAllocs()
	for b.Loop() {
		histories := make([]client.History, 0, clients)
		for h, err := range db.Histories(ctx, asOf) {
			if err != nil {
				b.Fatal(err)
			}
			histories = append(histories, h)
		}
		if _, err := rfm.Classify(histories, asOf, rfm.DefaultConfig()); err != nil {
			b.Fatal(err)
		}
		totals := make([]abc.Totals, 0, clients)
		for t, err := range db.Totals(ctx, clientele.MustParseDate("2025-01-01"), clientele.MustParseDate("2026-01-01")) {
			if err != nil {
				b.Fatal(err)
			}
			totals = append(totals, t)
		}
		if _, err := abc.Classify(totals, abc.DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
