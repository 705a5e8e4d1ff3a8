package postgres_test

import (
	"context"
	"fmt"
	"os"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/storage/postgres"
)

// Open a database, migrate it, and use its client store as any
// client.Store. (Compiled, not run by go test: it needs a server.)
func Example() {
	dsn := os.Getenv("CLIENTELE_PG_DSN")
	ctx := context.Background()
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		fmt.Println(err)
		return
	}
	clients := db.Clients()
	c, err := clients.Create(ctx, client.Client{ID: "c-1", Kind: client.KindCompany, DisplayName: "Vostok LLC", Status: client.StatusProspect})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("created %s at version %d\n", c.ID, c.Version)
	// Clean up, so the example can run again on the same database.
	_ = clients.Delete(ctx, c.ID, c.Version)
}

// The histories RFM reads, streamed from SQL in one query, never loaded
// twice. (Compiled, not run by go test: it needs a server.)
func ExampleDB_Histories() {
	dsn := os.Getenv("CLIENTELE_PG_DSN")
	ctx := context.Background()
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	asOf := clientele.MustParseDate("2025-12-31")
	var histories []client.History
	for h, err := range db.Histories(ctx, asOf) {
		if err != nil {
			fmt.Println(err)
			return
		}
		histories = append(histories, h)
	}
	res, err := rfm.Classify(histories, asOf, rfm.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Segments {
		fmt.Println(s.Segment, s.Clients)
	}
}
