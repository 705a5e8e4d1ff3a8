package main

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/clientele-go/clientele/contract/receivables"
)

// AccountStore is a host's own receivables.Store: one JSON file per
// contract's receivables account, its journal whole. A batch of entries
// (a payment and the credit it applies) is replayed against the stored
// journal and written in one rename: all or none. A payment recorded
// again under its ID, identical, changes nothing and is no conflict, so
// a host may retry a payment whose acknowledgement it lost.
type AccountStore struct {
	records[receivables.Account, accountKind]
}

// NewAccountStore stores accounts under dir, which must exist. Close
// releases the directory's lock file.
func NewAccountStore(dir string) (*AccountStore, error) {
	d, err := openDir(dir)
	if err != nil {
		return nil, err
	}
	return &AccountStore{records[receivables.Account, accountKind]{d}}, nil
}

var _ receivables.Store = (*AccountStore)(nil)

// Get implements receivables.Store.
func (s *AccountStore) Get(ctx context.Context, contractID string) (receivables.Account, error) {
	return s.get(ctx, contractID)
}

// Create implements receivables.Store: the journal must replay.
func (s *AccountStore) Create(ctx context.Context, a receivables.Account) (receivables.Account, error) {
	valid := func(a receivables.Account) error {
		if err := receivables.ValidateNew(a); err != nil {
			return err
		}
		_, err := receivables.Open(a)
		return err
	}
	return s.create(ctx, a, valid)
}

// Record implements receivables.Store, in the order the in-memory store
// decides: a retried payment returns the stored account whatever the
// version given; a different payment under a recorded ID is reported as
// such; then a stale version is a conflict, whether or not the entries
// fit; then the entries' own problems.
func (s *AccountStore) Record(ctx context.Context, contractID string, version int64, entries ...receivables.Entry) (receivables.Account, error) {
	if err := ctx.Err(); err != nil {
		return receivables.Account{}, err
	}
	if err := receivables.ValidateRecord(contractID, entries); err != nil {
		return receivables.Account{}, err
	}
	return s.replace(ctx, "record", contractID, func(stored receivables.Account) (receivables.Account, bool, error) {
		book, err := receivables.Open(stored)
		if err != nil {
			return stored, false, err // a stored journal that no longer replays
		}
		added, err := book.Record(entries...)
		var payConflict *receivables.PaymentConflictError
		switch {
		case err == nil && added == 0:
			return stored, false, nil
		case errors.As(err, &payConflict):
			return stored, false, err
		case version != stored.Version:
			return stored, false, accountKind{}.Conflict("record", contractID, version, stored.Version)
		case err != nil:
			return stored, false, err
		}
		next := book.Account()
		next.Version = stored.Version + 1
		return next, true, nil
	})
}

// List implements receivables.Store.
func (s *AccountStore) List(ctx context.Context, filter receivables.Filter, page receivables.Page) (receivables.ListPage, error) {
	valid := func() error { return receivables.ValidateListArgs(filter, page) }
	accounts, next, err := s.list(ctx, valid, page.After, page.Limit, filter.Matches)
	return receivables.ListPage{Accounts: accounts, Next: next}, err
}

// accountKind tells records how to keep a receivables.Account.
type accountKind struct{}

func (accountKind) ID(a receivables.Account) string     { return a.ContractID }
func (accountKind) Version(a receivables.Account) int64 { return a.Version }
func (accountKind) Encode(a receivables.Account) ([]byte, error) {
	return json.Marshal(a)
}

func (accountKind) WithVersion(a receivables.Account, v int64) receivables.Account {
	a.Version = v
	return a
}

func (accountKind) Decode(b []byte) (receivables.Account, error) {
	var a receivables.Account
	err := json.Unmarshal(b, &a)
	return a, err
}

func (accountKind) NotFound(op, id string) error {
	return &receivables.StoreError{Op: op, ContractID: id, Err: receivables.ErrNotFound}
}

func (accountKind) Conflict(op, id string, given, stored int64) error {
	return &receivables.StoreError{Op: op, ContractID: id, Given: given, Stored: stored, Err: receivables.ErrConflict}
}

func (accountKind) Taken(id string) error {
	return &receivables.StoreError{Op: "create", ContractID: id, Err: receivables.ErrAlreadyExists}
}
