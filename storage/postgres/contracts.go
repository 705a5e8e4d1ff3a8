package postgres

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/clientele-go/clientele/contract"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/shopspring/decimal"
)

// ContractStore is a contract.Store over the contracts table: the terms
// the host filters and sums on (client, manager, type, predecessor,
// value, currency, dates) are columns; the documents, obligations,
// events, payment terms and auto-renewal are jsonb, read and written
// whole with the record. The zero ContractStore has no DB: its methods
// return ErrUnavailable errors.
type ContractStore struct{ db *DB }

// Contracts returns the contract store of db.
func (db *DB) Contracts() *ContractStore { return &ContractStore{db: db} }

var _ contract.Store = (*ContractStore)(nil)

const contractColumns = `id, number, client_id, manager_id, type, value, currency, start_on, end_on, revision,
	predecessor_kind, predecessor_id, payment_terms, auto_renewal, documents, obligations, events, version`

// contractArgs lists c's columns in contractColumns order.
func contractArgs(c contract.Contract) ([]any, error) {
	var js [5][]byte
	for i, v := range []any{c.PaymentTerms, c.AutoRenewal, c.Documents, c.Obligations, c.Events} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		js[i] = b
	}
	return []any{c.ID, c.Number, c.ClientID, c.ManagerID, c.Type, c.Value, c.Currency, sqlDate(c.Start), sqlDate(c.End),
		c.Revision, int16(c.Predecessor.Kind), c.Predecessor.ContractID, js[0], js[1], js[2], js[3], js[4], c.Version}, nil
}

// scanContract reads one row of contractColumns.
func scanContract(row pgx.Row) (contract.Contract, error) {
	var (
		c                                       contract.Contract
		predKind                                int16
		start, end                              pgtype.Date
		terms, renewal, docs, obligations, evts []byte
		value                                   decimal.Decimal
	)
	if err := row.Scan(&c.ID, &c.Number, &c.ClientID, &c.ManagerID, &c.Type, &value, &c.Currency, &start, &end,
		&c.Revision, &predKind, &c.Predecessor.ContractID, &terms, &renewal, &docs, &obligations, &evts, &c.Version); err != nil {
		return contract.Contract{}, err
	}
	c.Value = value
	c.Start, c.End = fromSQLDate(start), fromSQLDate(end)
	c.Predecessor.Kind = contract.LinkKind(predKind)
	for _, f := range []struct {
		b []byte
		v any
	}{{terms, &c.PaymentTerms}, {renewal, &c.AutoRenewal}, {docs, &c.Documents}, {obligations, &c.Obligations}, {evts, &c.Events}} {
		if err := json.Unmarshal(f.b, f.v); err != nil {
			return contract.Contract{}, err
		}
	}
	return c, nil
}

// Get implements contract.Store.
func (s *ContractStore) Get(ctx context.Context, id string) (contract.Contract, error) {
	if err := start(ctx, s.db, "get contract"); err != nil {
		return contract.Contract{}, err
	}
	c, err := scanContract(s.db.pool.QueryRow(ctx, `SELECT `+contractColumns+` FROM contracts WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return contract.Contract{}, &contract.StoreError{Op: "get", ContractID: id, Err: contract.ErrNotFound}
	}
	if err != nil {
		return contract.Contract{}, failed(ctx, "get contract", err)
	}
	return c, nil
}

// Create implements contract.Store.
func (s *ContractStore) Create(ctx context.Context, c contract.Contract) (contract.Contract, error) {
	if err := start(ctx, s.db, "create contract"); err != nil {
		return contract.Contract{}, err
	}
	if err := contract.ValidateNew(c); err != nil {
		return contract.Contract{}, err
	}
	c = c.Clone()
	c.Version = 1
	args, err := contractArgs(c)
	if err != nil {
		return contract.Contract{}, err
	}
	_, err = s.db.pool.Exec(ctx, `INSERT INTO contracts (`+contractColumns+`) VALUES
		($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`, args...)
	if uniqueViolation(err) {
		return contract.Contract{}, &contract.StoreError{Op: "create", ContractID: c.ID, Err: contract.ErrAlreadyExists}
	}
	if err != nil {
		return contract.Contract{}, failed(ctx, "create contract", err)
	}
	return c.Clone(), nil
}

// Update implements contract.Store. contract.ValidateChange needs the
// stored record, so the update reads it FOR UPDATE in a transaction,
// checks the version and the change, then writes with the version
// condition, as the MemStore does under its lock.
func (s *ContractStore) Update(ctx context.Context, c contract.Contract) (contract.Contract, error) {
	if err := start(ctx, s.db, "update contract"); err != nil {
		return contract.Contract{}, err
	}
	given := c.Version
	c = c.Clone()
	c.Version = given + 1
	err := pgx.BeginFunc(ctx, s.db.pool, func(tx pgx.Tx) error {
		stored, err := scanContract(tx.QueryRow(ctx, `SELECT `+contractColumns+` FROM contracts WHERE id = $1 FOR UPDATE`, c.ID))
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			return &contract.StoreError{Op: "update", ContractID: c.ID, Err: contract.ErrNotFound}
		case err != nil:
			return failed(ctx, "update contract", err)
		case stored.Version != given:
			return &contract.StoreError{Op: "update", ContractID: c.ID, Given: given, Stored: stored.Version, Err: contract.ErrConflict}
		}
		next := c
		next.Version = given
		if err := contract.ValidateChange(stored, next); err != nil {
			return err
		}
		args, err := contractArgs(c)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE contracts SET number = $2, client_id = $3, manager_id = $4, type = $5, value = $6,
			currency = $7, start_on = $8, end_on = $9, revision = $10, predecessor_kind = $11, predecessor_id = $12,
			payment_terms = $13, auto_renewal = $14, documents = $15, obligations = $16, events = $17, version = $18
			WHERE id = $1 AND version = $19`, append(args, given)...)
		if err != nil {
			return failed(ctx, "update contract", err)
		}
		return nil
	})
	if err != nil {
		return contract.Contract{}, classify(ctx, "update contract", err)
	}
	return c.Clone(), nil
}

// List implements contract.Store.
func (s *ContractStore) List(ctx context.Context, filter contract.Filter, page contract.Page) (contract.ListPage, error) {
	if err := start(ctx, s.db, "list contracts"); err != nil {
		return contract.ListPage{}, err
	}
	if err := contract.ValidateListArgs(filter, page); err != nil {
		return contract.ListPage{}, err
	}
	var w where
	for _, f := range []struct{ column, value string }{
		{"client_id", filter.ClientID}, {"manager_id", filter.ManagerID}, {"type", filter.Type}, {"predecessor_id", filter.PredecessorID},
	} {
		if f.value != "" {
			w.add(f.column+" = ?", f.value)
		}
	}
	rows, err := s.db.pool.Query(ctx, `SELECT `+contractColumns+` FROM contracts`+w.keyset("id", page.After, page.Limit), w.args...)
	if err != nil {
		return contract.ListPage{}, failed(ctx, "list contracts", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (contract.Contract, error) { return scanContract(r) })
	if err != nil {
		return contract.ListPage{}, failed(ctx, "list contracts", err)
	}
	list, next := nextPage(list, page.Limit, func(c contract.Contract) string { return c.ID })
	return contract.ListPage{Contracts: list, Next: next}, nil
}
