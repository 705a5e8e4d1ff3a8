package receivables

import (
	"context"
	"errors"

	"github.com/clientele-go/clientele/internal/memstore"
)

// MemStore is an in-memory Store, safe for concurrent use. It keeps each
// account replayed as a Book, so a Record costs the batch's entries
// plus one copy of the account's state, and copies accounts in and out,
// so a caller changing an account it holds changes nothing stored. A
// stored Book is never changed: Record replaces it with a changed copy.
// The zero MemStore is an empty store, ready to use, as NewMemStore's is.
type MemStore struct {
	books memstore.Store[*Book, bookKind]
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{} }

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, contractID string) (Account, error) {
	return account(s.books.Get(ctx, contractID))
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, a Account) (Account, error) {
	if err := ctx.Err(); err != nil {
		return Account{}, err
	}
	if err := ValidateNew(a); err != nil {
		return Account{}, err
	}
	b, err := Open(a.clone())
	if err != nil {
		return Account{}, err
	}
	return account(s.books.Create(ctx, b, nil))
}

// Record implements Store. A batch that adds nothing (a retried
// payment) returns the stored account whatever the version given, and
// a payment whose ID is recorded for another payment is reported as
// such before the version is checked; otherwise a stale version is a
// conflict, whether or not the entries fit.
func (s *MemStore) Record(ctx context.Context, contractID string, version int64, entries ...Entry) (Account, error) {
	if err := ctx.Err(); err != nil {
		return Account{}, err
	}
	if err := ValidateRecord(contractID, entries); err != nil {
		return Account{}, err
	}
	return account(s.books.Replace(ctx, "record", contractID, func(b *Book) (*Book, error) {
		work := b.clone()
		added, err := work.Record(entries...)
		var payConflict *PaymentConflictError
		switch {
		case err == nil && added == 0:
			return b, nil // a retried payment: nothing to add
		case errors.As(err, &payConflict):
			return nil, err
		case version != b.acct.Version:
			// Stale: the entries were checked against a state the writer
			// has not seen, so their problems, if any, may not be theirs.
			return nil, &StoreError{Op: "record", ContractID: contractID, Given: version, Stored: b.acct.Version, Err: ErrConflict}
		case err != nil:
			return nil, err
		}
		work.acct.Version++
		return work, nil
	}))
}

// List implements Store.
func (s *MemStore) List(ctx context.Context, filter Filter, page Page) (ListPage, error) {
	valid := func() error { return ValidateListArgs(filter, page) }
	matches := func(b *Book) bool { return filter.Matches(b.acct) }
	books, next, err := s.books.List(ctx, valid, page.After, page.Limit, matches)
	if err != nil {
		return ListPage{}, err
	}
	res := ListPage{Next: next}
	for _, b := range books {
		res.Accounts = append(res.Accounts, b.Account())
	}
	return res, nil
}

// account copies the account out of a stored Book, or passes err on.
func account(b *Book, err error) (Account, error) {
	if err != nil {
		return Account{}, err
	}
	return b.Account(), nil
}

// bookKind tells the in-memory core how to keep a Book. A stored Book
// is never changed, so the core hands out the stored pointer and the
// MemStore copies its account out.
type bookKind struct{}

func (bookKind) ID(b *Book) string                  { return b.acct.ContractID }
func (bookKind) Version(b *Book) int64              { return b.acct.Version }
func (bookKind) WithVersion(b *Book, v int64) *Book { b.acct.Version = v; return b }
func (bookKind) Clone(b *Book) *Book                { return b }
func (bookKind) NotFound(op, id string) error {
	return &StoreError{Op: op, ContractID: id, Err: ErrNotFound}
}
func (bookKind) Conflict(op, id string, given, stored int64) error {
	return &StoreError{Op: op, ContractID: id, Given: given, Stored: stored, Err: ErrConflict}
}
func (bookKind) Taken(id string) error {
	return &StoreError{Op: "create", ContractID: id, Err: ErrAlreadyExists}
}
