package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/storage/postgres"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func company(id, manager string) client.Client {
	return client.Client{ID: id, Kind: client.KindCompany, DisplayName: "Company " + id, ManagerID: manager,
		Status: client.StatusActive, Since: clientele.MustParseDate("2025-01-10")}
}

func TestMigrateTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := migrated(t)
	_, err := db.Clients().Create(ctx, company("c-1", "m-1"))
	require.NoError(t, err)
	require.NoError(t, db.Migrate(ctx), "a second Migrate finds nothing to do")
	var versions int
	require.NoError(t, db.Pool().QueryRow(ctx, `SELECT count(*) FROM schema_version`).Scan(&versions))
	assert.Equal(t, postgres.SchemaVersion(), versions, "one row per version, none twice")
	_, err = db.Clients().Get(ctx, "c-1")
	assert.NoError(t, err, "the data survives")
}

func TestConcurrentMigratesWaitForEachOther(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dsn := freshSchema(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			db, err := postgres.Open(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			errs <- db.Migrate(ctx)
		}()
	}
	for range 4 {
		assert.NoError(t, <-errs)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := migrated(t)
	next := postgres.SchemaVersion() + 1
	_, err := db.Pool().Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, 'from the future')`, next)
	require.NoError(t, err)
	err = db.Migrate(ctx)
	require.ErrorIs(t, err, postgres.ErrSchemaTooNew)
	assert.Contains(t, err.Error(), fmt.Sprintf("the database is at version %d, this code knows up to %d", next, next-1))
}

func TestBadDSNIsInvalidInput(t *testing.T) {
	t.Parallel()
	_, err := postgres.Open(context.Background(), "postgres://user:secret@host:notaport/db")
	require.ErrorIs(t, err, postgres.ErrInvalid)
	require.ErrorIs(t, err, clientele.ErrInvalid)
	assert.NotContains(t, err.Error(), "secret", "the password never shows in the error")
}

func TestServerDownIsUnavailable(t *testing.T) {
	t.Parallel()
	// Port 1 on loopback: nothing listens there, the connection is refused.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := postgres.Open(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	require.ErrorIs(t, err, postgres.ErrUnavailable)
	assert.False(t, errors.Is(err, client.ErrNotFound) || errors.Is(err, clientele.ErrConflict))
}

func TestZeroDBIsUnavailable(t *testing.T) {
	t.Parallel()
	var db postgres.DB
	_, err := db.Clients().Get(context.Background(), "c-1")
	assert.ErrorIs(t, err, postgres.ErrUnavailable)
	assert.ErrorIs(t, db.Migrate(context.Background()), postgres.ErrUnavailable)
}

func TestBeforeMigrateIsAQueryError(t *testing.T) {
	t.Parallel()
	db, err := postgres.Open(context.Background(), freshSchema(t))
	require.NoError(t, err)
	t.Cleanup(db.Close)
	_, err = db.Clients().Get(context.Background(), "c-1")
	assert.ErrorIs(t, err, postgres.ErrQuery, "no clients table yet")
	assert.NotErrorIs(t, err, client.ErrNotFound)
}

func TestDeadlineIsHonoured(t *testing.T) {
	t.Parallel()
	db := migrated(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := db.Pool().Exec(ctx, `SELECT pg_sleep(5)`)
	require.Error(t, err)
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel2()
	time.Sleep(time.Millisecond)
	_, err = db.Clients().Get(ctx2, "c-1")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestConcurrentWritersOnOneRow races writers that all read version 1
// and write: exactly one wins, every other gets ErrConflict, and the
// stored row is the winner's.
func TestConcurrentWritersOnOneRow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := migrated(t).Clients()
	base, err := s.Create(ctx, company("c-1", "m-1"))
	require.NoError(t, err)
	const writers = 8
	results := make(chan error, writers)
	winner := make(chan string, writers)
	for w := range writers {
		go func() {
			c := base
			c.Region = fmt.Sprintf("region-%d", w)
			_, err := s.Update(ctx, c)
			if err == nil {
				winner <- c.Region
			}
			results <- err
		}()
	}
	wins := 0
	for range writers {
		if err := <-results; err == nil {
			wins++
		} else {
			assert.ErrorIs(t, err, client.ErrConflict)
		}
	}
	require.Equal(t, 1, wins)
	got, err := s.Get(ctx, "c-1")
	require.NoError(t, err)
	assert.Equal(t, <-winner, got.Region, "the winner's write is the one stored")
	assert.Equal(t, int64(2), got.Version)
}

// TestRolledBackTransactionLeavesNothing: a transaction rolled back, or
// failed on its second statement, leaves no row. (A Record refused on
// its second entry writes nothing either: receivablestest's
// RecordIsAllOrNothing, run above against the server.)
func TestRolledBackTransactionLeavesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := migrated(t)
	tx, err := db.Pool().Begin(ctx)
	require.NoError(t, err)
	_, err = tx.Exec(ctx, `INSERT INTO orders (client_id, day, amount, profit) VALUES ('c-1', '2026-01-01', 10, 1)`)
	require.NoError(t, err)
	require.NoError(t, tx.Rollback(ctx))
	var n int
	require.NoError(t, db.Pool().QueryRow(ctx, `SELECT count(*) FROM orders`).Scan(&n))
	assert.Zero(t, n)

	err = pgx.BeginFunc(ctx, db.Pool(), func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO orders (client_id, day, amount, profit) VALUES ('c-1', '2026-01-01', 10, 1)`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO orders (client_id, day, amount, profit) VALUES ('c-1', 'not a day', 10, 1)`)
		return err
	})
	require.Error(t, err)
	require.NoError(t, db.Pool().QueryRow(ctx, `SELECT count(*) FROM orders`).Scan(&n))
	assert.Zero(t, n, "the failed transaction's first row is gone too")
}

// TestLargeListPagesCorrectly stores 2,500 clients over three managers
// and pages through one manager's by the page limit: every client once,
// in ID order, no page over the limit.
func TestLargeListPagesCorrectly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := migrated(t)
	const n = 2500
	rows := make([][]any, n)
	for i := range n {
		// IDs whose byte order differs from their numeric order.
		rows[i] = []any{fmt.Sprintf("c-%d", i), int16(client.KindCompany), "Company", fmt.Sprintf("m-%d", i%3)}
	}
	_, err := db.Pool().CopyFrom(ctx, pgx.Identifier{"clients"}, []string{"id", "kind", "display_name", "manager_id"}, pgx.CopyFromRows(rows))
	require.Error(t, err, "every column is NOT NULL: a COPY must set them all")
	for i := range n {
		c := company(fmt.Sprintf("c-%d", i), fmt.Sprintf("m-%d", i%3))
		rows[i] = []any{c.ID, int16(c.Kind), c.DisplayName, "", "", "", "", "", "", "", c.ManagerID, false, false, "", "", []string{}, []string{},
			int16(c.Status), nil, nil, int64(1)}
	}
	_, err = db.Pool().CopyFrom(ctx, pgx.Identifier{"clients"}, []string{"id", "kind", "display_name", "person_name", "legal_name",
		"tax_number", "person_tax_number", "phone", "email", "messenger", "manager_id", "vip", "key_account", "industry", "region",
		"tags", "segments", "status", "status_since", "since", "version"}, pgx.CopyFromRows(rows))
	require.NoError(t, err)

	var want []string
	for i := range n {
		if i%3 == 1 {
			want = append(want, fmt.Sprintf("c-%d", i))
		}
	}
	slices.Sort(want)
	var got []string
	pages := 0
	page := client.Page{Limit: client.MaxPageLimit / 4}
	for {
		res, err := db.Clients().List(ctx, client.Filter{ManagerID: "m-1"}, page)
		require.NoError(t, err)
		require.LessOrEqual(t, len(res.Clients), page.Limit)
		for _, c := range res.Clients {
			got = append(got, c.ID)
		}
		pages++
		if res.Next == "" {
			break
		}
		page.After = res.Next
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 4, pages, "834 clients of m-1 in pages of 250: 250+250+250+84")
}
