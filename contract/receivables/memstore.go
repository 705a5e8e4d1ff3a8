package receivables

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// MemStore is an in-memory Store, safe for concurrent use. It keeps each
// account replayed as a Book, so a Record costs the batch's entries
// plus one copy of the account's state, and copies accounts in and out,
// so a caller changing an account it holds changes nothing stored. The
// zero MemStore is not ready: use NewMemStore.
type MemStore struct {
	mu    sync.RWMutex
	books map[string]*Book
	ids   []string // sorted
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{books: map[string]*Book{}} }

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, contractID string) (Account, error) {
	if err := ctx.Err(); err != nil {
		return Account{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.books[contractID]
	if !ok {
		return Account{}, &StoreError{Op: "get", ContractID: contractID, Err: ErrNotFound}
	}
	return b.Account(), nil
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
	b.acct.Version = 1
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.books[a.ContractID]; taken {
		return Account{}, &StoreError{Op: "create", ContractID: a.ContractID, Err: ErrAlreadyExists}
	}
	s.books[a.ContractID] = b
	i, _ := slices.BinarySearch(s.ids, a.ContractID)
	s.ids = slices.Insert(s.ids, i, a.ContractID)
	return b.Account(), nil
}

// Record implements Store.
func (s *MemStore) Record(ctx context.Context, contractID string, version int64, entries ...Entry) (Account, error) {
	if err := ctx.Err(); err != nil {
		return Account{}, err
	}
	if err := ValidateRecord(contractID, entries); err != nil {
		return Account{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.books[contractID]
	if !ok {
		return Account{}, &StoreError{Op: "record", ContractID: contractID, Err: ErrNotFound}
	}
	work := b.clone()
	added, err := work.Record(entries...)
	var payConflict *PaymentConflictError
	switch {
	case err == nil && added == 0:
		return b.Account(), nil // a retried payment: nothing to add
	case errors.As(err, &payConflict):
		return Account{}, err
	case version != b.acct.Version:
		// Stale: the entries were checked against a state the writer
		// has not seen, so their problems, if any, may not be theirs.
		return Account{}, &StoreError{Op: "record", ContractID: contractID, Given: version, Stored: b.acct.Version, Err: ErrConflict}
	case err != nil:
		return Account{}, err
	}
	work.acct.Version++
	s.books[contractID] = work
	return work.Account(), nil
}

// List implements Store.
func (s *MemStore) List(ctx context.Context, filter Filter, page Page) (ListPage, error) {
	if err := ctx.Err(); err != nil {
		return ListPage{}, err
	}
	if err := ValidatePage(page); err != nil {
		return ListPage{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	start, found := slices.BinarySearch(s.ids, page.After)
	if found {
		start++
	}
	var res ListPage
	for _, id := range s.ids[start:] {
		b := s.books[id]
		if !filter.Matches(b.acct) {
			continue
		}
		if len(res.Accounts) == page.Limit {
			res.Next = res.Accounts[len(res.Accounts)-1].ContractID
			break
		}
		res.Accounts = append(res.Accounts, b.Account())
	}
	return res, nil
}
