package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is the adapter's handle on one PostgreSQL database: a connection
// pool and the stores over it. It is safe for concurrent use. Tables
// live in the connection's search_path (its first schema): give a
// schema per tenant or per test with search_path in the connection
// string.
//
// The zero DB holds no pool: every method returns an ErrUnavailable
// error saying so. Build one with Open or New.
type DB struct {
	pool *pgxpool.Pool
}

// Open parses dsn (a URL, postgres://user@host:port/db?sslmode=disable,
// or key=value pairs), connects and checks the server answers. Errors:
// ErrInvalid for a dsn that does not parse, ErrUnavailable for a server
// that cannot be reached. Close the DB when done.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// The driver's message may quote the password; say only that it
		// does not parse.
		return nil, fmt.Errorf("%w: the connection string does not parse (want postgres://user@host:port/db?sslmode=disable or host=... user=... pairs)", ErrInvalid)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, failed(ctx, "connect", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, failed(ctx, "connect", err)
	}
	return &DB{pool: pool}, nil
}

// New wraps a pool the host configured itself; Close closes it.
func New(pool *pgxpool.Pool) *DB { return &DB{pool: pool} }

// Pool returns the connection pool, for the host's own statements.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Close closes the pool; the DB and its stores are unusable after.
func (db *DB) Close() {
	if db.pool != nil {
		db.pool.Close()
	}
}

// ready reports the zero DB as unavailable.
func (db *DB) ready(op string) error {
	if db == nil || db.pool == nil {
		return fmt.Errorf("%w: %s: the DB holds no pool (build it with postgres.Open or postgres.New)", ErrUnavailable, op)
	}
	return nil
}
