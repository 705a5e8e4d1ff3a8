package contract

import (
	"context"

	"github.com/clientele-go/clientele/internal/memstore"
)

// MemStore is an in-memory Store, safe for concurrent use. It copies
// contracts in and out, so a caller changing a record it holds changes
// nothing stored. It keeps IDs sorted, so List pages in O(log n + page)
// and Create costs O(n). The zero MemStore is an empty store, ready to
// use, as NewMemStore's is.
type MemStore struct {
	contracts memstore.Store[Contract, contractKind]
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{} }

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, id string) (Contract, error) {
	return s.contracts.Get(ctx, id)
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, c Contract) (Contract, error) {
	return s.contracts.Create(ctx, c, ValidateNew)
}

// Update implements Store. ValidateChange runs under the lock, against the
// stored contract, once the version matches.
func (s *MemStore) Update(ctx context.Context, c Contract) (Contract, error) {
	return s.contracts.Update(ctx, c, nil, ValidateChange)
}

// List implements Store.
func (s *MemStore) List(ctx context.Context, filter Filter, page Page) (ListPage, error) {
	valid := func() error { return ValidateListArgs(filter, page) }
	contracts, next, err := s.contracts.List(ctx, valid, page.After, page.Limit, filter.Matches)
	return ListPage{Contracts: contracts, Next: next}, err
}

// contractKind tells the in-memory core how to keep a Contract.
type contractKind struct{}

func (contractKind) ID(c Contract) string                     { return c.ID }
func (contractKind) Version(c Contract) int64                 { return c.Version }
func (contractKind) WithVersion(c Contract, v int64) Contract { c.Version = v; return c }
func (contractKind) Clone(c Contract) Contract                { return c.Clone() }
func (contractKind) NotFound(op, id string) error             { return notFound(op, id) }
func (contractKind) Conflict(op, id string, given, stored int64) error {
	return conflict(op, id, given, stored)
}
func (contractKind) Taken(id string) error {
	return &StoreError{Op: "create", ContractID: id, Err: ErrAlreadyExists}
}
