package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// migrations holds the schema, one file per version, NNNN_name.sql, applied
// in order.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migration is one version of the schema.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded files in version order.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	out := make([]migration, 0, len(names))
	for i, name := range names { // fs.Glob sorts by name
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("postgres: migration %s: want version %d first in its name", base, i+1)
		}
		text, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(text)})
	}
	return out, nil
}

// SchemaVersion is the newest schema version this code knows.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Migrate brings the schema to SchemaVersion: each version not yet
// applied runs in its own transaction, with the row recording it in
// schema_version, so a failure leaves the schema at the last complete
// version and nothing half-applied. Concurrent Migrate calls wait for
// each other (a transaction-scoped advisory lock); a second call finds
// nothing to do. Errors: ErrSchemaTooNew when the database was migrated
// by newer code (nothing is changed), ErrUnavailable, ErrQuery.
func (db *DB) Migrate(ctx context.Context) error {
	if err := db.ready("migrate"); err != nil {
		return err
	}
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if err := db.apply(ctx, m, len(ms)); err != nil {
			return err
		}
	}
	return nil
}

// migrateLock is the advisory lock key Migrate serialises on.
const migrateLock = 0x636c69656e74656c // "clientel"

// apply runs one migration in a transaction unless the schema has it.
func (db *DB) apply(ctx context.Context, m migration, known int) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrateLock)); err != nil {
			return failed(ctx, "migrate", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version integer PRIMARY KEY,
			name text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return failed(ctx, "migrate", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
			return failed(ctx, "migrate", err)
		}
		switch {
		case current > known:
			return fmt.Errorf("%w: the database is at version %d, this code knows up to %d: upgrade the code, never downgrade the schema", ErrSchemaTooNew, current, known)
		case current >= m.version:
			return nil
		case current != m.version-1:
			return fmt.Errorf("postgres: migrate: the database is at version %d, cannot apply version %d", current, m.version)
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return failed(ctx, "migrate "+m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
			return failed(ctx, "migrate "+m.name, err)
		}
		return nil
	})
}
