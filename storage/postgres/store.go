package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
)

// start checks, before any statement, that the context is live (its
// error is returned unchanged, as the Store contracts ask) and that the
// DB has a pool.
func start(ctx context.Context, db *DB, op string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.ready(op)
}

// querier is a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// storedVersion reads one record's version with query (one $1 argument:
// the ID); found is false when there is no such record.
func storedVersion(ctx context.Context, q querier, query, id string) (version int64, found bool, err error) {
	err = q.QueryRow(ctx, query, id).Scan(&version)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	return version, err == nil, err
}
