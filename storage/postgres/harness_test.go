package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/clientele-go/clientele/storage/postgres"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// The tests run against a live server named by CLIENTELE_PG_DSN. Without
// it they skip, unless CLIENTELE_PG_REQUIRED is set (CI sets it), then
// they fail: CI must never pass by skipping.
const (
	dsnVar      = "CLIENTELE_PG_DSN"
	requiredVar = "CLIENTELE_PG_REQUIRED"
)

var skipOnce sync.Once

// serverDSN returns the server's connection string, or skips (fails in
// CI) without one.
func serverDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(dsnVar)
	if dsn != "" {
		return dsn
	}
	msg := fmt.Sprintf("no PostgreSQL: set %s=postgres://user@host:port/db?sslmode=disable, or run `../../.ci/postgres.sh go test ./...` here", dsnVar)
	if os.Getenv(requiredVar) != "" {
		tb.Fatalf("%s is set, so the adapter tests must run: %s", requiredVar, msg)
	}
	skipOnce.Do(func() { fmt.Fprintln(os.Stderr, "storage/postgres: skipped: "+msg) })
	tb.SkipNow()
	return ""
}

// freshSchema creates an empty schema for one test, dropped when the test
// ends, and returns a connection string whose search_path is it.
func freshSchema(tb testing.TB) string {
	tb.Helper()
	dsn := serverDSN(tb)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dsn)
	require.NoError(tb, err)
	defer admin.Close(ctx)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	_, err = admin.Exec(ctx, "CREATE SCHEMA "+schema)
	require.NoError(tb, err)
	tb.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return withSearchPath(tb, dsn, schema)
}

// withSearchPath adds search_path=schema to a URL connection string.
func withSearchPath(tb testing.TB, dsn, schema string) string {
	tb.Helper()
	u, err := url.Parse(dsn)
	require.NoError(tb, err, "the tests want a URL connection string")
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// migrated opens a DB on a fresh, migrated schema, closed when the test
// ends.
func migrated(tb testing.TB) *postgres.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, freshSchema(tb))
	require.NoError(tb, err)
	tb.Cleanup(db.Close)
	require.NoError(tb, db.Migrate(ctx))
	return db
}
