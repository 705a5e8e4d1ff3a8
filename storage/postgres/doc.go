// Package postgres stores clientele's records in PostgreSQL: the
// client.Store, contract.Store, onboarding.Store and receivables.Store
// over one database, and the inputs of the ABC, XYZ and RFM analyses
// streamed straight from SQL. It is its own module
// (github.com/clientele-go/clientele/storage/postgres), so importing the
// rules never pulls in a driver; it uses pgx v5. Hosts use it as is or
// read it as the model for their own store.
//
//	db, err := postgres.Open(ctx, "postgres://app@localhost:5432/crm?sslmode=disable")
//	if err != nil { ... }
//	defer db.Close()
//	if err := db.Migrate(ctx); err != nil { ... }
//	var clients client.Store = db.Clients()
//
// # Schema
//
// Migrate applies the embedded migrations (migrations/NNNN_name.sql), each
// in its own transaction with the row recording it in schema_version, so a
// failed migration leaves nothing half-applied; running it again does
// nothing. A database migrated by newer code than the running one is
// refused with ErrSchemaTooNew. Tables are created in the connection's
// search_path, so a schema per tenant (or per test) is a search_path in
// the connection string.
//
// IDs are text COLLATE "C": keys compare and sort in byte order, as the
// in-memory stores page, and two IDs differing only in case are two keys.
// Amounts are numeric (never float), calendar days date (an unset
// clientele.Date is NULL), enums smallint with the library's values.
//
// What is a column and what is jsonb: every field a List filters on, every
// amount a host sums or reports on, and every day a host selects by is a
// real column (clients: all fields; contracts: number, client, manager,
// type, value, currency, start, end, revision, predecessor; onboardings:
// trainee, current mentor, state, start and end days; receivables: the
// account header, and per journal entry its kind, day, amount, invoice and
// payment ID). The nested value objects that are read and written only
// with their record, and that no query looks into, are jsonb: a contract's
// payment terms, auto-renewal, documents, obligations and events (the
// events' signatures keep their instants as RFC 3339 text); an
// onboarding's history; a receivables entry itself beside its columns.
// A table per value object would add joins and nothing a query needs.
//
// Personal data lives in five columns of clients, in clear text for the
// host's own encryption or masking: PersonalColumns lists them and each
// carries a COMMENT starting "personal data". The other tables refer to
// people by ID.
//
// # Concurrency
//
// Every write is conditional on the version the caller read: clients and
// onboardings by one UPDATE ... WHERE id = $1 AND version = $2 (no row
// changed: the stored version tells ErrNotFound from ErrConflict); a
// contract update reads the row FOR UPDATE in a transaction, because
// contract.ValidateChange compares against the stored record; a receivables
// Record locks the account, replays its journal, and writes the new
// entries and the new version in one transaction, with the MemStore's
// rules (a retried payment returns the stored account, a different
// payment under a recorded ID is a *receivables.PaymentConflictError, a
// stale version ErrConflict). A payment ID is also unique per contract in
// the table. Allocations are not stored: replaying the journal derives
// them, as in memory.
//
// # Errors
//
// The stores return the domain packages' errors exactly as their
// MemStores do (errors.Is(err, client.ErrNotFound), contract.ErrConflict,
// ... and their *StoreError), and a canceled or expired context's error
// unchanged. The adapter's own failures are distinguishable from those:
// ErrUnavailable (the server is down, refused, or the connection broke),
// ErrQuery (the server refused a statement: a missing table before
// Migrate, a permission), ErrInvalid (a connection string that does not
// parse; its text is never quoted, as it may hold a password),
// ErrSchemaTooNew.
//
// # Analyses
//
// DB.Totals (abc.Totals per client over a window), DB.Histories
// (client.History per client, for RFM) and DB.OrderSeries (xyz.Series per
// client over periods, exactly as xyz.OrderSeries builds them) each run
// one query, summed exactly by the server, and stream the rows through an
// iter.Seq2, so a million clients are never loaded twice. They read the
// orders table (client.Order plus a profit; load it with DB.CopySales) and,
// for Histories, the clients table; a host with its own sales table can
// replace orders by a view of the same shape.
//
// # Tests
//
// The tests run against a live server: set CLIENTELE_PG_DSN to a URL
// connection string, or run them through ../../.ci/postgres.sh, which
// starts a throwaway server and sets it. Without it they skip, saying so;
// with CLIENTELE_PG_REQUIRED set (CI sets it) they fail instead. Each test
// works in a schema of its own, dropped at the end. Tested with
// PostgreSQL 15.
//
// The zero DB and the zero stores hold no pool: every method returns an
// ErrUnavailable error saying so.
package postgres
