package postgres

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/shopspring/decimal"
)

// ReceivablesStore is a receivables.Store over two tables: the account
// header (receivables_accounts, with the version) and its journal, one
// row per entry in the order recorded (receivables_entries). Each entry
// row has its kind, day, amount, invoice and payment ID as columns, for
// the host's queries, and the entry itself as jsonb. Allocations are not
// stored: they follow from replaying the journal (receivables.Open), as
// in the MemStore, so a payment and what it settles are one row written
// in the same transaction as the account's new version. A payment ID is
// unique per contract in the table too. The zero ReceivablesStore has
// no DB: its methods return ErrUnavailable errors.
type ReceivablesStore struct{ db *DB }

// Receivables returns the receivables store of db.
func (db *DB) Receivables() *ReceivablesStore { return &ReceivablesStore{db: db} }

var _ receivables.Store = (*ReceivablesStore)(nil)

// entryRow is one journal entry as its columns.
type entryRow struct {
	kind      string
	day       pgtype.Date
	amount    decimal.NullDecimal
	invoice   *string
	paymentID *string
	entry     []byte
}

// newEntryRow splits e into its columns.
func newEntryRow(e receivables.Entry) (entryRow, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return entryRow{}, err
	}
	r := entryRow{day: sqlDate(e.Date()), entry: b}
	set := func(kind string, amount *decimal.Decimal, invoice string) {
		r.kind = kind
		if amount != nil {
			r.amount = decimal.NewNullDecimal(*amount)
		}
		if invoice != "" {
			r.invoice = &invoice
		}
	}
	switch {
	case e.Rendering != nil:
		set("rendering", &e.Rendering.Amount, "")
	case e.Invoice != nil:
		set("invoice", &e.Invoice.Amount, e.Invoice.ID)
	case e.Payment != nil:
		set("payment", &e.Payment.Amount, e.Payment.Invoice)
		r.paymentID = &e.Payment.ID
	case e.CreditNote != nil:
		set("credit_note", &e.CreditNote.Amount, e.CreditNote.Invoice)
	case e.Cancellation != nil:
		set("cancellation", nil, e.Cancellation.Invoice)
	case e.CreditApplication != nil:
		set("credit_application", &e.CreditApplication.Amount, e.CreditApplication.Invoice)
	}
	return r, nil
}

// insertEntries appends entries to the contract's journal from seq on.
func insertEntries(ctx context.Context, tx pgx.Tx, contractID string, seq int, entries []receivables.Entry) error {
	var batch pgx.Batch
	for i, e := range entries {
		r, err := newEntryRow(e)
		if err != nil {
			return err
		}
		batch.Queue(`INSERT INTO receivables_entries (contract_id, seq, kind, day, amount, invoice, payment_id, entry)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, contractID, seq+i, r.kind, r.day, r.amount, r.invoice, r.paymentID, r.entry)
	}
	return tx.SendBatch(ctx, &batch).Close()
}

// header reads an account without its journal, locked FOR UPDATE when
// lock is set.
func header(ctx context.Context, q querier, contractID string, lock bool) (receivables.Account, error) {
	query := `SELECT contract_id, client_id, currency, version FROM receivables_accounts WHERE contract_id = $1`
	if lock {
		query += ` FOR UPDATE`
	}
	var a receivables.Account
	err := q.QueryRow(ctx, query, contractID).Scan(&a.ContractID, &a.ClientID, &a.Currency, &a.Version)
	return a, err
}

// journals reads the entries of the accounts, in the order recorded,
// into them.
func journals(ctx context.Context, q pgx.Tx, accounts []receivables.Account) error {
	if len(accounts) == 0 {
		return nil
	}
	ids := make([]string, len(accounts))
	at := make(map[string]int, len(accounts))
	for i, a := range accounts {
		ids[i], at[a.ContractID] = a.ContractID, i
		accounts[i].Entries = []receivables.Entry{}
	}
	rows, err := q.Query(ctx, `SELECT contract_id, entry FROM receivables_entries WHERE contract_id = ANY($1) ORDER BY contract_id, seq`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id  string
			raw []byte
			e   receivables.Entry
		)
		if err := rows.Scan(&id, &raw); err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &e); err != nil {
			return err
		}
		a := &accounts[at[id]]
		a.Entries = append(a.Entries, e)
	}
	return rows.Err()
}

// Get implements receivables.Store.
func (s *ReceivablesStore) Get(ctx context.Context, contractID string) (receivables.Account, error) {
	if err := start(ctx, s.db, "get account"); err != nil {
		return receivables.Account{}, err
	}
	var a receivables.Account
	err := pgx.BeginTxFunc(ctx, s.db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		h, err := header(ctx, tx, contractID, false)
		if errors.Is(err, pgx.ErrNoRows) {
			return &receivables.StoreError{Op: "get", ContractID: contractID, Err: receivables.ErrNotFound}
		}
		if err != nil {
			return failed(ctx, "get account", err)
		}
		list := []receivables.Account{h}
		if err := journals(ctx, tx, list); err != nil {
			return failed(ctx, "get account", err)
		}
		a = list[0]
		return nil
	})
	if err != nil {
		return receivables.Account{}, classify(ctx, "get account", err)
	}
	return a, nil
}

// Create implements receivables.Store: the header and the journal in
// one transaction.
func (s *ReceivablesStore) Create(ctx context.Context, a receivables.Account) (receivables.Account, error) {
	if err := start(ctx, s.db, "create account"); err != nil {
		return receivables.Account{}, err
	}
	if err := receivables.ValidateNew(a); err != nil {
		return receivables.Account{}, err
	}
	b, err := receivables.Open(a)
	if err != nil {
		return receivables.Account{}, err
	}
	stored := b.Account()
	stored.Version = 1
	err = pgx.BeginFunc(ctx, s.db.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO receivables_accounts (contract_id, client_id, currency, version) VALUES ($1, $2, $3, 1)`,
			stored.ContractID, stored.ClientID, stored.Currency)
		if uniqueViolation(err) {
			return &receivables.StoreError{Op: "create", ContractID: stored.ContractID, Err: receivables.ErrAlreadyExists}
		}
		if err != nil {
			return failed(ctx, "create account", err)
		}
		if err := insertEntries(ctx, tx, stored.ContractID, 0, stored.Entries); err != nil {
			return failed(ctx, "create account", err)
		}
		return nil
	})
	if err != nil {
		return receivables.Account{}, classify(ctx, "create account", err)
	}
	return stored, nil
}

// Record implements receivables.Store with the MemStore's rules: in one
// transaction it locks the account, replays its journal, and decides
// as the MemStore does: a batch that adds nothing (a retried payment)
// returns the stored account whatever the version given; a different
// payment under a recorded ID is a *receivables.PaymentConflictError
// before the version is checked; then a stale version is ErrConflict;
// then the entries' own problems. The new entries and the new version
// are written together or not at all.
func (s *ReceivablesStore) Record(ctx context.Context, contractID string, version int64, entries ...receivables.Entry) (receivables.Account, error) {
	if err := start(ctx, s.db, "record"); err != nil {
		return receivables.Account{}, err
	}
	if err := receivables.ValidateRecord(contractID, entries); err != nil {
		return receivables.Account{}, err
	}
	var out receivables.Account
	err := pgx.BeginFunc(ctx, s.db.pool, func(tx pgx.Tx) error {
		h, err := header(ctx, tx, contractID, true)
		if errors.Is(err, pgx.ErrNoRows) {
			return &receivables.StoreError{Op: "record", ContractID: contractID, Err: receivables.ErrNotFound}
		}
		if err != nil {
			return failed(ctx, "record", err)
		}
		list := []receivables.Account{h}
		if err := journals(ctx, tx, list); err != nil {
			return failed(ctx, "record", err)
		}
		stored := list[0]
		b, err := receivables.Open(stored)
		if err != nil {
			return err
		}
		added, err := b.Record(entries...)
		var payConflict *receivables.PaymentConflictError
		switch {
		case err == nil && added == 0:
			out = stored
			return nil
		case errors.As(err, &payConflict):
			return err
		case version != stored.Version:
			return &receivables.StoreError{Op: "record", ContractID: contractID, Given: version, Stored: stored.Version, Err: receivables.ErrConflict}
		case err != nil:
			return err
		}
		out = b.Account()
		out.Version = stored.Version + 1
		if err := insertEntries(ctx, tx, contractID, len(stored.Entries), out.Entries[len(stored.Entries):]); err != nil {
			return failed(ctx, "record", err)
		}
		tag, err := tx.Exec(ctx, `UPDATE receivables_accounts SET version = $3 WHERE contract_id = $1 AND version = $2`,
			contractID, stored.Version, out.Version)
		if err != nil {
			return failed(ctx, "record", err)
		}
		if tag.RowsAffected() != 1 { // unreachable while the row is locked
			return &receivables.StoreError{Op: "record", ContractID: contractID, Given: version, Stored: stored.Version, Err: receivables.ErrConflict}
		}
		return nil
	})
	if err != nil {
		return receivables.Account{}, classify(ctx, "record", err)
	}
	return out, nil
}

// List implements receivables.Store: one page of headers and their
// journals, read in one snapshot.
func (s *ReceivablesStore) List(ctx context.Context, filter receivables.Filter, page receivables.Page) (receivables.ListPage, error) {
	if err := start(ctx, s.db, "list accounts"); err != nil {
		return receivables.ListPage{}, err
	}
	if err := receivables.ValidateListArgs(filter, page); err != nil {
		return receivables.ListPage{}, err
	}
	var w where
	if filter.ClientID != "" {
		w.add("client_id = ?", filter.ClientID)
	}
	var res receivables.ListPage
	err := pgx.BeginTxFunc(ctx, s.db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT contract_id, client_id, currency, version FROM receivables_accounts`+
			w.keyset("contract_id", page.After, page.Limit), w.args...)
		if err != nil {
			return failed(ctx, "list accounts", err)
		}
		list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (receivables.Account, error) {
			var a receivables.Account
			err := r.Scan(&a.ContractID, &a.ClientID, &a.Currency, &a.Version)
			return a, err
		})
		if err != nil {
			return failed(ctx, "list accounts", err)
		}
		res.Accounts, res.Next = nextPage(list, page.Limit, func(a receivables.Account) string { return a.ContractID })
		if err := journals(ctx, tx, res.Accounts); err != nil {
			return failed(ctx, "list accounts", err)
		}
		return nil
	})
	if err != nil {
		return receivables.ListPage{}, classify(ctx, "list accounts", err)
	}
	return res, nil
}
